/*
 * Buddy allocator over the frame table: blocks of 2^order frames, order
 * 0..BUDDY_MAX_ORDER, each aligned to its size. Frees merge a block with its
 * buddy while both are free; a free of a frame that is not allocated is
 * refused (-EINVAL), which catches double frees.
 */
#ifndef HV_BUDDY_H
#define HV_BUDDY_H

#include <hv/frame.h>

#define BUDDY_MAX_ORDER 18      /* 1 GiB blocks */

struct buddy {
    struct frame *table;
    u64 nr_frames;
    u32 free_head[BUDDY_MAX_ORDER + 1];
    u64 free_frames;
};

void buddy_init(struct buddy *b, struct frame *table, u64 nr_frames);
int buddy_add_range(struct buddy *b, pfn_t start, pfn_t end);
int buddy_alloc(struct buddy *b, unsigned int order, pfn_t *pfn);
int buddy_free(struct buddy *b, pfn_t pfn, unsigned int order);
u64 buddy_check(const struct buddy *b);

#endif
