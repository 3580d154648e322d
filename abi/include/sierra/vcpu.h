/*
 * vcpu_op(cmd, vcpu_id, arg): bring a domain's other vCPUs up and down, read
 * how a vCPU spent its time (runstate), and run its timers.
 */
#ifndef SIERRA_ABI_VCPU_H
#define SIERRA_ABI_VCPU_H

#include <sierra/shared-info.h>

#define PV_VCPUOP_initialise                    0   /* arg: pv_vcpu_guest_context */
#define PV_VCPUOP_up                            1
#define PV_VCPUOP_down                          2
#define PV_VCPUOP_is_up                         3   /* returns 1 or 0 */
#define PV_VCPUOP_get_runstate_info             4
#define PV_VCPUOP_register_runstate_memory_area 5
#define PV_VCPUOP_set_periodic_timer            6
#define PV_VCPUOP_stop_periodic_timer           7
#define PV_VCPUOP_set_singleshot_timer          8
#define PV_VCPUOP_stop_singleshot_timer         9
#define PV_VCPUOP_register_vcpu_info            10
#define PV_VCPUOP_send_nmi                      11
#define PV_VCPUOP_get_physid                    12
#define PV_VCPUOP_register_vcpu_time_memory_area 13

#define PV_RUNSTATE_running     0
#define PV_RUNSTATE_runnable    1
#define PV_RUNSTATE_blocked     2
#define PV_RUNSTATE_offline     3
#define PV_RUNSTATE_UPDATE      (1ULL << 63)    /* in state_entry_time while updating */

#define PV_VCPU_SSHOTTMR_future (1U << 0)       /* fail with -ETIME if already past */

#ifndef __ASSEMBLY__
struct pv_vcpu_runstate_info {
    int state;                      /* PV_RUNSTATE_* */
    uint64_t state_entry_time;      /* system time it entered the state */
    uint64_t time[4];               /* ns spent in each state */
};
typedef struct pv_vcpu_runstate_info pv_vcpu_runstate_info_t;
PV_DEFINE_HANDLE(vcpu_runstate_info, pv_vcpu_runstate_info_t);
PV_DEFINE_HANDLE(vcpu_time_info, pv_vcpu_time_info_t);

struct pv_vcpu_register_runstate_memory_area {
    union {
        PV_HANDLE(vcpu_runstate_info) h;
        struct pv_vcpu_runstate_info *v;
        uint64_t p;
    } addr;
};

struct pv_vcpu_set_periodic_timer {
    uint64_t period_ns;
};

struct pv_vcpu_set_singleshot_timer {
    uint64_t timeout_abs_ns;        /* absolute system time */
    uint32_t flags;                 /* PV_VCPU_SSHOTTMR_* */
};

struct pv_vcpu_register_vcpu_info {
    uint64_t mfn;                   /* frame to hold the vcpu_info from now on */
    uint32_t offset;
    uint32_t rsvd;
};

struct pv_vcpu_get_physid {
    uint64_t phys_id;               /* APIC id in bits 31:0, ACPI id in 63:32 */
};

struct pv_vcpu_register_time_memory_area {
    union {
        PV_HANDLE(vcpu_time_info) h;
        struct pv_vcpu_time_info *v;
        uint64_t p;
    } addr;
};
#endif

#endif
