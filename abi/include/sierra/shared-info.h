/*
 * The shared-info page and the per-vCPU info in it: the only memory the
 * hypervisor and a guest both write without a hypercall. Events: the
 * hypervisor sets bits in evtchn_pending (unless evtchn_mask), then the
 * selector bit and evtchn_upcall_pending of the target vCPU, and bounces to the
 * guest's event callback unless evtchn_upcall_mask is set (the guest's cli).
 * Time: the guest computes system time from vcpu_time_info and the TSC; a
 * record is consistent when version was even and unchanged across the read.
 */
#ifndef SIERRA_ABI_SHARED_INFO_H
#define SIERRA_ABI_SHARED_INFO_H

#include <sierra/arch-x86.h>

#define PV_PVCLOCK_TSC_STABLE_BIT   (1 << 0)
#define PV_PVCLOCK_GUEST_STOPPED    (1 << 1)

/* 2-level event channels: one bit per port, word * word ports */
#define PV_EVTCHN_2L_NR_CHANNELS    (sizeof(pv_ulong_t) * sizeof(pv_ulong_t) * 64)

#ifndef __ASSEMBLY__
/*
 *   system_time(now) = system_time +
 *       ((((tsc_now - tsc_timestamp) << tsc_shift) * tsc_to_system_mul) >> 32)
 * (a negative tsc_shift shifts right).
 */
struct pv_vcpu_time_info {
    uint32_t version;           /* odd while the hypervisor updates the record */
    uint32_t pad0;
    uint64_t tsc_timestamp;     /* TSC at the last update */
    uint64_t system_time;       /* ns since the domain's boot at that TSC */
    uint32_t tsc_to_system_mul; /* 0.32 fixed point */
    int8_t   tsc_shift;
    uint8_t  flags;             /* PV_PVCLOCK_* */
    uint8_t  pad1[2];
};
typedef struct pv_vcpu_time_info pv_vcpu_time_info_t;

struct pv_vcpu_info {
    uint8_t evtchn_upcall_pending;  /* set by the hypervisor, cleared by the guest */
    uint8_t evtchn_upcall_mask;     /* the guest's virtual interrupt flag (1 = masked) */
    pv_ulong_t evtchn_pending_sel;  /* which words of evtchn_pending to scan */
    struct pv_arch_vcpu_info arch;
    struct pv_vcpu_time_info time;
};
typedef struct pv_vcpu_info pv_vcpu_info_t;

struct pv_shared_info {
    struct pv_vcpu_info vcpu_info[PV_LEGACY_MAX_VCPUS];
    pv_ulong_t evtchn_pending[sizeof(pv_ulong_t) * 8];
    pv_ulong_t evtchn_mask[sizeof(pv_ulong_t) * 8];
    /* wallclock at system time 0, versioned like vcpu_time_info */
    uint32_t wc_version;
    uint32_t wc_sec;
    uint32_t wc_nsec;
#if defined(__x86_64__)
    uint32_t wc_sec_hi;         /* (i386: arch.wc_sec_hi) */
#endif
    struct pv_arch_shared_info arch;
};
typedef struct pv_shared_info pv_shared_info_t;
#endif

#endif
