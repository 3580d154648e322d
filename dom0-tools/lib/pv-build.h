/*
 * The domain builder for 64-bit PV domUs: lays out a PV kernel in a new,
 * paused domain exactly as Xen's libxenguest does - kernel, initrd, P2M,
 * start_info, xenstore and console pages, initial page tables (read-only in
 * the guest's own mapping), boot stack - through the operations a control
 * domain has (populate its memory, map one of its frames at a time, allocate
 * event channels in it, pin its L4, set vCPU 0's context). The ELF reading
 * and the layout are the hypervisor's own code (hv/pv-elf.h, hv/pv-layout.h),
 * so dom0 and domUs are laid out alike.
 *
 * The builder never destroys: on error the caller destroys the domain, which
 * gives back everything the builder allocated in it.
 */
#ifndef DOM0_TOOLS_PV_BUILD_H
#define DOM0_TOOLS_PV_BUILD_H

#include <hv/types.h>
#include <sierra/arch-x86.h>

struct pv_build_ops {
    void *ctx;
    /* give the domain nr frames, pseudo-physical 0..nr-1; p2m[i] = frame i */
    int (*populate)(void *ctx, u64 nr, u64 *p2m);
    /* the domain's frame mfn, writable, until the next map or unmap; NULL on error */
    void *(*map)(void *ctx, u64 mfn);
    void (*unmap)(void *ctx);
    /* an unbound event-channel port in the domain for the control domain to bind */
    long (*alloc_unbound)(void *ctx);
    int (*hypercall_init)(void *ctx, u64 mfn);
    int (*pin_l4)(void *ctx, u64 mfn);
    int (*set_context)(void *ctx, const struct pv_vcpu_guest_context *c);
};

struct pv_build_args {
    const void *kernel;
    size_t kernel_len;
    const void *initrd;         /* may be NULL */
    size_t initrd_len;
    const char *cmdline;        /* may be NULL */
    u64 nr_pages;
    u64 shared_info_mfn;        /* the domain's (from getdomaininfo) */
    u32 features;               /* XENFEAT_* the hypervisor offers */
};

struct pv_build_result {
    u64 entry, start_info_va;
    u64 console_mfn, store_mfn;
    u32 console_port, store_port;
    u64 nr_pt_pages;
};

/* 0 or -errno: -ENOEXEC not a 64-bit PV kernel (or another pv_elf_parse
 * refusal), -EOPNOTSUPP it requires a
 * feature not offered, -ENOMEM too few pages for its layout, or an
 * operation's error. p2m: room for nr_pages entries. */
int pv_build_domain(const struct pv_build_ops *ops, const struct pv_build_args *a,
                    u64 *p2m, struct pv_build_result *r);

#endif
