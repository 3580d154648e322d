/*
 * domctl: Sierra's control interface for one domain (hypercall 36). Only a
 * privileged domain (dom0) may call it; each call carries
 * SIERRA_DOMCTL_INTERFACE_VERSION and is refused with -EACCES when it differs,
 * so tools and hypervisor from different releases never misread each other
 * (Xen's tools, which send Xen's domctl version, get -EACCES too).
 *
 * domctl(struct sierra_domctl *op): op->cmd selects the operation, op->domain
 * the target, op->u the arguments; OUT fields are written back on success.
 * Every operation validates all arguments before changing anything, and a
 * failed createdomain leaves no domain behind. Semantics and errors of each
 * op: abi/ABI.md, "domctl".
 */
#ifndef SIERRA_ABI_DOMCTL_H
#define SIERRA_ABI_DOMCTL_H

#include <sierra/ctl-base.h>

#define SIERRA_DOMCTL_INTERFACE_VERSION 0x53490001u    /* "SI", version 1 */

#define SIERRA_DOMCTL_createdomain      1
#define SIERRA_DOMCTL_destroydomain     2
#define SIERRA_DOMCTL_pausedomain       3
#define SIERRA_DOMCTL_unpausedomain     4
#define SIERRA_DOMCTL_getdomaininfo     5
#define SIERRA_DOMCTL_max_mem           6
#define SIERRA_DOMCTL_max_vcpus         7
#define SIERRA_DOMCTL_setvcpucontext    8
#define SIERRA_DOMCTL_getvcpucontext    9
#define SIERRA_DOMCTL_setvcpuaffinity   10
#define SIERRA_DOMCTL_getvcpuaffinity   11
#define SIERRA_DOMCTL_scheduler_op      12
#define SIERRA_DOMCTL_set_rings         13
#define SIERRA_DOMCTL_get_rings         14
#define SIERRA_DOMCTL_assign_device     15
#define SIERRA_DOMCTL_deassign_device   16
#define SIERRA_DOMCTL_hypercall_init    17
#define SIERRA_DOMCTL_shutdown          18
#define SIERRA_DOMCTL_getvcpuinfo       19

/* createdomain.flags */
#define SIERRA_CDF_pv64         (1u << 0)   /* 64-bit PV guest (ring 3) */
#define SIERRA_CDF_pv32         (1u << 1)   /* 32-bit PAE PV guest (ring 1) */
#define SIERRA_CDF_hvm          (1u << 2)   /* hardware-assisted guest (SVM/VMX) */
#define SIERRA_CDF_iommu        (1u << 3)   /* may own passed-through devices */
#define SIERRA_CDF_privileged   (1u << 4)   /* may use domctl/sysctl */

/* getdomaininfo.flags */
#define SIERRA_DOMINF_dying     (1u << 0)
#define SIERRA_DOMINF_shutdown  (1u << 1)   /* shutdown_reason is valid */
#define SIERRA_DOMINF_paused    (1u << 2)
#define SIERRA_DOMINF_blocked   (1u << 3)   /* every online vCPU is blocked */
#define SIERRA_DOMINF_running   (1u << 4)   /* some vCPU is running */
#define SIERRA_DOMINF_privileged (1u << 5)
#define SIERRA_DOMINF_pv32      (1u << 6)
#define SIERRA_DOMINF_hvm       (1u << 7)

#define SIERRA_DOMAIN_NAME_LEN  32

/* scheduler_op.cmd */
#define SIERRA_SCHEDOP_getinfo  0
#define SIERRA_SCHEDOP_putinfo  1

struct sierra_domctl_createdomain {
    uint32_t flags;                 /* SIERRA_CDF_*: exactly one of pv64, pv32, hvm */
    uint32_t max_vcpus;             /* 1..SIERRA_MAX_VCPUS */
    sierra_u64 max_pages;           /* memory limit in 4 KiB pages */
    uint8_t handle[16];             /* UUID, opaque to the hypervisor */
    char name[SIERRA_DOMAIN_NAME_LEN];  /* NUL-terminated, unique among live domains */
};

/* getdomaininfo returns the first domain with id >= op->domain (for listing). */
struct sierra_domctl_getdomaininfo {
    uint16_t domid;                 /* OUT: the domain described */
    uint16_t pad0;
    uint32_t flags;                 /* OUT: SIERRA_DOMINF_* */
    uint32_t shutdown_reason;       /* OUT: PV_SHUTDOWN_* when DOMINF_shutdown */
    uint32_t nr_online_vcpus;
    uint32_t max_vcpu_id;
    uint32_t ssidref;               /* 0: no security labels */
    sierra_u64 tot_pages;
    sierra_u64 max_pages;
    sierra_u64 shared_info_frame;   /* machine frame of its shared_info */
    sierra_u64 cpu_time_ns;         /* summed over vCPUs */
    uint8_t handle[16];
    char name[SIERRA_DOMAIN_NAME_LEN];
};

struct sierra_domctl_max_mem {
    sierra_u64 max_pages;
};

struct sierra_domctl_max_vcpus {
    uint32_t max_vcpus;
    uint32_t pad;
};

/* set/getvcpucontext: ctxt points at a pv_vcpu_guest_context in the layout of
 * the target domain's word size (x86_64 or i386), as the domain was created. */
struct sierra_domctl_vcpucontext {
    uint32_t vcpu;
    uint32_t pad;
    sierra_addr ctxt;
};

/* set/getvcpuaffinity: a bitmap of physical CPUs, bit n = CPU n */
struct sierra_domctl_vcpuaffinity {
    uint32_t vcpu;
    uint32_t nr_bits;               /* bits in the caller's bitmap */
    sierra_addr bitmap;
};

/* one vCPU's state, for vcpu-list */
struct sierra_domctl_getvcpuinfo {
    uint32_t vcpu;                  /* IN */
    uint8_t online;                 /* OUT: up (initialised, not down) */
    uint8_t blocked;                /* OUT: waiting for an event */
    uint8_t running;                /* OUT: on a CPU now */
    uint8_t pad;
    sierra_u64 cpu_time_ns;         /* OUT: time it has run */
    uint32_t cpu;                   /* OUT: the physical CPU it runs or last ran on */
    uint32_t pad2;
};

/* credit-style parameters: weight (relative share) and cap (% of one CPU, 0 = none) */
struct sierra_domctl_scheduler_op {
    uint32_t cmd;                   /* SIERRA_SCHEDOP_getinfo / putinfo */
    uint16_t weight;                /* 1..65535, default 256 */
    uint16_t cap;
};

/* The console and xenstore rings the builder set up, for the relay to find. */
struct sierra_domctl_rings {
    sierra_u64 console_gfn;
    sierra_u64 store_gfn;
    uint32_t console_port;          /* event channel in the guest */
    uint32_t store_port;
    uint16_t console_backend;       /* the domain relaying the console (dom0) */
    uint16_t store_backend;
    uint32_t pad;
};

/* PCI device by segment:bus:device.function */
struct sierra_domctl_assign_device {
    uint32_t sbdf;                  /* seg << 16 | bus << 8 | dev << 3 | fn */
    uint32_t flags;                 /* must be 0 */
};

/* write the hypercall stubs into one of the domain's frames */
struct sierra_domctl_hypercall_init {
    sierra_u64 gmfn;
};

struct sierra_domctl_shutdown {
    uint32_t reason;                /* PV_SHUTDOWN_* */
    uint32_t pad;
};

struct sierra_domctl {
    uint32_t cmd;                   /* SIERRA_DOMCTL_* */
    uint32_t interface_version;     /* SIERRA_DOMCTL_INTERFACE_VERSION */
    uint16_t domain;                /* target; createdomain: wanted id, 0 = any free */
    uint16_t pad[3];
    union {
        struct sierra_domctl_createdomain createdomain;
        struct sierra_domctl_getdomaininfo getdomaininfo;
        struct sierra_domctl_max_mem max_mem;
        struct sierra_domctl_max_vcpus max_vcpus;
        struct sierra_domctl_vcpucontext vcpucontext;
        struct sierra_domctl_vcpuaffinity vcpuaffinity;
        struct sierra_domctl_scheduler_op scheduler_op;
        struct sierra_domctl_rings rings;
        struct sierra_domctl_assign_device assign_device;
        struct sierra_domctl_hypercall_init hypercall_init;
        struct sierra_domctl_shutdown shutdown;
        struct sierra_domctl_getvcpuinfo getvcpuinfo;
        uint8_t pad[128];
    } u;
};

SIERRA_CTL_ASSERT_SIZE(struct sierra_domctl_createdomain, 64);
SIERRA_CTL_ASSERT_SIZE(struct sierra_domctl_getdomaininfo, 104);
SIERRA_CTL_ASSERT_SIZE(struct sierra_domctl_rings, 32);
SIERRA_CTL_ASSERT_SIZE(struct sierra_domctl_getvcpuinfo, 24);
SIERRA_CTL_ASSERT_SIZE(struct sierra_domctl, 144);

#endif
