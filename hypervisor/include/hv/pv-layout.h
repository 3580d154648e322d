/*
 * The initial virtual layout of a 64-bit PV domain, as Xen's builders make
 * it (pv-abi-notes: "The kernel image and the builder"): from v_start the
 * kernel, the initrd, the P2M array, start_info, the special pages (a domU's
 * xenstore and console rings), the initial page tables, one page of boot
 * stack; all of it mapped with 4 KiB pages up to v_end. Pure logic, shared
 * by the hypervisor's dom0 builder and the tools' domU builder, and
 * unit-tested on the host.
 */
#ifndef HV_PV_LAYOUT_H
#define HV_PV_LAYOUT_H

#include <hv/types.h>

struct pv_layout {
    u64 v_start, v_end;
    u64 vkern_start, vkern_end, vinitrd_start, vinitrd_end;
    u64 vphysmap_start, vphysmap_end, vstartinfo_start, vstartinfo_end;
    u64 vspecial_start;         /* nr_special pages, one after the other */
    u64 vpt_start, vpt_end, vstack_start, vstack_end;
    u64 nr_pt_pages;
    u64 nr_p2m_frames;          /* a separate P2M: its pages and page tables, else 0 */
};

/* Lay out a kernel at [kstart, kend) from v_start with nr_special pages
 * after start_info (dom0: 0, a domU: 2), the P2M at p2m_base when not 0
 * (the kernel's INIT_P2M: outside the initial mapping, page-aligned, in
 * L4 slots of its own, none of the hypervisor's); 0, -EINVAL (bad range)
 * or -ENOMEM (nr_pages cannot hold the initial mapping and the P2M). */
int pv_compute_layout(u64 v_start, u64 kstart, u64 kend, u64 initrd_len, u64 nr_pages,
                      unsigned int nr_special, u64 p2m_base, struct pv_layout *l);

/* Copy len bytes to guest VA va one page at a time: dst(ctx, va) gives
 * writable memory for va up to the end of its page (as pv_elf_load asks),
 * or NULL (-EFAULT). Both builders fill the initrd and P2M with it. */
int pv_copy_to_va(void *(*dst)(void *ctx, u64 va), void *ctx, u64 va, const void *src, u64 len);

#endif
