/*
 * Boot-time memory: the usable RAM ranges from the firmware map minus what is
 * already in use (low 1 MiB, the image, the Multiboot modules). Early
 * allocations (page tables, the frame table) come from here before the buddy
 * allocator exists; whatever is left is then handed to the buddy allocator.
 */
#ifndef HV_BOOTMEM_H
#define HV_BOOTMEM_H

#include <hv/types.h>

#define BOOTMEM_MAX_RANGES 128

struct mem_range {
    paddr_t start, end;     /* [start, end) */
};

struct bootmem {
    struct mem_range range[BOOTMEM_MAX_RANGES];
    unsigned int nr;
};

int bootmem_add(struct bootmem *bm, paddr_t start, paddr_t end);
int bootmem_reserve(struct bootmem *bm, paddr_t start, paddr_t end);
int bootmem_alloc(struct bootmem *bm, u64 size, u64 align, paddr_t limit, paddr_t *out);
u64 bootmem_total(const struct bootmem *bm);

#endif
