/*
 * Domains and their vCPUs. A domain owns frames (frame.owner == its id, each
 * holding one allocation reference), a shared-info page and vCPUs; a vCPU
 * carries the PV state the hypervisor keeps for the guest kernel (trap table,
 * callbacks, kernel stack, the kernel and user page tables, segment bases).
 * While a vCPU runs, its registers live in the frame at the top of the
 * hypervisor stack (guest_regs()).
 */
#ifndef HV_DOMAIN_H
#define HV_DOMAIN_H

#include <hv/credit.h>
#include <hv/evtchn.h>
#include <hv/grant-table.h>
#include <hv/timer.h>
#include <hv/types.h>
#include <asm/xstate.h>
#include <asm/regs.h>
#include <sierra/arch-x86.h>
#include <sierra/domctl.h>
#include <sierra/shared-info.h>
#include <sierra/vcpu.h>

#define DOMAIN_MAX_VCPUS    PV_LEGACY_MAX_VCPUS     /* each has a vcpu_info in shared_info */

struct domain;

/* A vCPU off the CPU keeps here what the CPU holds while it runs. */
struct vcpu_saved {
    struct cpu_regs regs;           /* the guest frame */
    u64 fs_base, gs_base, shadow_gs_base;   /* the MSRs as the guest left them */
    u16 ds, es, fs, gs;             /* data selectors */
    u8 fpu[XSTATE_AREA_SIZE] __aligned(64); /* XSAVE area (FXSAVE image first) */
};

struct vcpu {
    unsigned int id;
    struct domain *domain;
    bool initialised;               /* has a context: built, or VCPUOP_initialise */
    bool down;                      /* not up (VCPUOP_up/down, VGCF_online) */
    bool blocked;                   /* SCHEDOP_block/poll: until an event is pending */
    bool polling;                   /* SCHEDOP_poll: also woken by poll_port pending */
    u32 poll_port;                  /* the one port polled, 0 = any of the domain's */
    struct timer poll_timer;        /* SCHEDOP_poll's timeout */
    struct vcpu_saved saved;        /* valid while not current */
    bool kernel_mode;               /* guest kernel (true) or guest user mode */
    pfn_t guest_table;              /* kernel L4 (machine frame), typed and referenced */
    pfn_t guest_table_user;         /* user L4, 0 = none yet */
    u64 kernel_ss, kernel_sp;       /* stack_switch */
    struct pv_trap_info trap_ctxt[256];
    u64 event_callback, failsafe_callback, syscall_callback, syscall32_callback;
    u64 sysenter_callback, nmi_callback;
    bool syscall_masks_events, syscall32_masks_events, failsafe_masks_events;
    u64 fs_base, gs_base_kernel, gs_base_user;
    bool fpu_ts;                    /* the guest's virtual CR0.TS */
    u64 xcr0;                       /* the guest's XCR0 (asm/xstate.h) */
    u64 cr2;                        /* virtual CR2: the last #PF address delivered */
    u64 cr4;                        /* virtual CR4: the guest-controlled bits (TSD, DE) */
    u64 mcg_status;                 /* virtual MCG_STATUS (pv/vmce.c) */
    u64 dr[4], dr6, dr7;            /* virtual debug registers (pv/debugreg.c) */
    u32 dr7_emul;                   /* DR7 enables of I/O breakpoints, never loaded */
    struct pv_vcpu_info *vcpu_info;
    u16 virq_to_port[PV_NR_VIRQS];  /* 0 = not bound */
    struct timer singleshot_timer;  /* set_timer_op, VCPUOP_set_singleshot_timer */
    struct timer periodic_timer;
    s_time_t periodic_period;       /* 0 = stopped; Xen's default is 10 ms */
    pfn_t gdt_frames[14];           /* set_gdt: typed descriptor pages */
    unsigned int gdt_nr_frames;
    unsigned int gdt_ents;          /* as set_gdt gave them */
    pfn_t ldt_frames[16];           /* MMUEXT_SET_LDT: typed descriptor pages */
    unsigned int ldt_nr_frames, ldt_ents;
    u64 ldt_base;
    pfn_t vcpu_info_mfn;            /* register_vcpu_info: the frame (0 = in shared_info) */
    struct pv_vcpu_runstate_info runstate;
    u64 runstate_area;              /* guest address to keep updated, 0 = none */
    u64 time_area;                  /* a second vcpu_time_info (guest address), 0 = none */
    unsigned int iopl;              /* physdev set_iopl: the guest's virtual IOPL */
    u64 iobmp;                      /* physdev set_iobitmap: guest address, 0 = none */
    u64 affinity;                   /* physical CPUs it may run on (bit n = CPU n) */
    u32 iobmp_nr_ports;
};

enum domain_state { DOMAIN_RUNNING, DOMAIN_SHUTDOWN, DOMAIN_DYING };

struct domain {
    domid_t id;
    bool privileged;
    enum domain_state state;
    unsigned int shutdown_reason;   /* PV_SHUTDOWN_*, valid once shut down */
    unsigned int shutdown_code;     /* SCHEDOP_shutdown_code, or ~0 */
    u64 tot_pages, max_pages;
    struct pv_shared_info *shared_info;
    pfn_t shared_info_mfn;
    unsigned int nr_vcpus;          /* vcpu[0..nr_vcpus) exist */
    struct vcpu *vcpu[DOMAIN_MAX_VCPUS];
    struct evtchn *evtchn;          /* nr_evtchn ports */
    unsigned int nr_evtchn;
    struct grant_table *grant;
    struct evtchn_fifo *fifo;       /* FIFO event channels, NULL: 2-level */
    bool paused;                    /* domctl pausedomain; a new domU starts paused */
    u8 handle[16];                  /* domctl createdomain: the tools' UUID */
    struct sierra_domctl_rings rings;   /* domctl set_rings: where its console/xenstore are */
    char name[32];
    struct credit credit;           /* scheduler weight, cap and balance */
    u32 pci_cf8;                    /* the PCI config address it wrote (pv/pci-cfg.c) */
    u64 vm_assist;                  /* PV_VMASST_TYPE_* bits it enabled */
};

#define MAX_DOMAINS 16

extern struct vcpu *current;

struct domain *domain_create(domid_t id, bool privileged, u64 max_pages, unsigned int nr_vcpus);
struct domain *domain_next(domid_t from);  /* the first domain with id >= from, or NULL */
int domain_alloc_frames(struct domain *d, unsigned int order, pfn_t *mfn);
void domain_shutdown(struct domain *d, unsigned int reason);
void domain_destroy(struct domain *d);
void domain_crash(struct domain *d, const char *why);

#endif
