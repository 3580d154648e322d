/*
 * The hypervisor's own page tables (see paging.c).
 */
#ifndef ASM_PAGING_H
#define ASM_PAGING_H

#include <asm/bootinfo.h>
#include <asm/page.h>
#include <hv/bootmem.h>

struct paging_stats {
    u64 directmap_bytes;
    unsigned int table_pages;
    bool nx;
};

extern struct paging_stats paging_stats;

int paging_init(struct bootmem *bm, const struct boot_info *bi);
void paging_install_hv_slots(pte_t *l4);   /* copy the hole's L4 slots into a guest L4 */
u64 paging_idle_cr3(void);                  /* the hypervisor's own tables */
int paging_map_user_ro(u64 va, paddr_t pa, u64 size);  /* guest-readable hole mapping */
int paging_remap_image_page(void *va, pfn_t mfn);     /* 0: back to its own frame */

#endif
