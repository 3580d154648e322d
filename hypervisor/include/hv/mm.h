/*
 * The machine-memory heap: the frame table and the buddy allocator over it,
 * set up once at boot from what the boot allocator has left.
 */
#ifndef HV_MM_H
#define HV_MM_H

#include <hv/bootmem.h>
#include <hv/buddy.h>

extern struct frame *frame_table;
extern u64 nr_frames;
extern struct buddy heap;

int heap_init(struct bootmem *bm, pfn_t max_pfn, const struct bootmem *ram);
int heap_alloc(unsigned int order, pfn_t *first);  /* buddy_alloc, TLB-safe */
void *alloc_xen_pages(unsigned int order);
int free_xen_pages(void *va, unsigned int order);

#endif
