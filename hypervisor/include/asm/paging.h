/*
 * The hypervisor's own page tables (see paging.c).
 */
#ifndef ASM_PAGING_H
#define ASM_PAGING_H

#include <asm/bootinfo.h>
#include <hv/bootmem.h>

struct paging_stats {
    u64 directmap_bytes;
    unsigned int table_pages;
    bool nx;
};

extern struct paging_stats paging_stats;

int paging_init(struct bootmem *bm, const struct boot_info *bi);

#endif
