/*
 * Reading a PV kernel image: an ELF64 x86-64 executable whose "Xen" notes (or
 * legacy __xen_guest section) tell the domain builder where it wants to live,
 * where to enter it and where the hypercall page goes. pv_elf_parse() checks
 * every header and range against the image size before anything is trusted,
 * so a truncated or hostile image is an error, never an out-of-bounds read.
 * Pure logic: the hypervisor's dom0 builder and the tools' builder share it,
 * and it is unit-tested on the host.
 */
#ifndef HV_PV_ELF_H
#define HV_PV_ELF_H

#include <hv/types.h>

#define PV_ELF_MAX_STRING   64

struct pv_elf_info {
    /* from the notes (or defaults, as Xen applies them) */
    u64 virt_base, paddr_offset, virt_entry, virt_hypercall, virt_hv_start_low;
    u64 virt_init_p2m;
    bool has_hypercall_page, has_init_p2m, mod_start_pfn;
    u32 f_supported, f_required;        /* XENFEAT_* bitmaps */
    char guest_os[PV_ELF_MAX_STRING], xen_version[PV_ELF_MAX_STRING];
    char loader[PV_ELF_MAX_STRING], pae_mode[PV_ELF_MAX_STRING];
    bool legacy_section;                /* notes came from __xen_guest */
    /* the image's extent in the guest's virtual space */
    u64 virt_kstart, virt_kend;         /* [start, end) of all PT_LOAD segments */
    u64 virt_offset;                    /* guest VA = p_paddr + virt_offset */
};

int pv_elf_parse(const void *image, size_t size, struct pv_elf_info *info);

/* Copy each PT_LOAD segment to dst(va) and zero its bss; dst maps a guest VA
 * in [virt_kstart, virt_kend) to writable memory (may return NULL: -EFAULT). */
int pv_elf_load(const void *image, size_t size, const struct pv_elf_info *info,
                void *(*dst)(void *ctx, u64 va), void *ctx);

#endif
