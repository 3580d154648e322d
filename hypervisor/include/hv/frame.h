/*
 * The frame table: one struct frame per machine frame, indexed by frame number.
 * It records who owns the frame, what it is used as (its page type, with a
 * count of the uses of that type) and how many references it has. Page-type
 * validation stands on these records: a frame is a page table or writable,
 * never both, because its type can only change when its type count is zero.
 *
 * The buddy allocator uses the same records for its free lists (state, order,
 * next/prev) so the table is the single source of truth about a frame.
 */
#ifndef HV_FRAME_H
#define HV_FRAME_H

#include <hv/types.h>
#include <sierra/domid.h>

/* type_info: the type in the top bits, flags below it, the type count at the bottom. */
#define PGT_TYPE_SHIFT      60
#define PGT_TYPE_MASK       (0xfUL << PGT_TYPE_SHIFT)
#define PGT_none            (0UL << PGT_TYPE_SHIFT)
#define PGT_l1_page_table   (1UL << PGT_TYPE_SHIFT)
#define PGT_l2_page_table   (2UL << PGT_TYPE_SHIFT)
#define PGT_l3_page_table   (3UL << PGT_TYPE_SHIFT)
#define PGT_l4_page_table   (4UL << PGT_TYPE_SHIFT)
#define PGT_seg_desc_page   (5UL << PGT_TYPE_SHIFT)
#define PGT_writable_page   (7UL << PGT_TYPE_SHIFT)
#define PGT_pinned          (1UL << 59)
#define PGT_validated       (1UL << 58)
#define PGT_COUNT_MASK      ((1UL << 32) - 1)

enum frame_state {
    FRAME_RESERVED,     /* not RAM, or RAM the allocator never hands out */
    FRAME_FREE,         /* on a buddy free list (head or tail of a block) */
    FRAME_ALLOCATED,    /* handed out; owner says to whom */
    FRAME_DYING,        /* given back by its owner, still referenced: the last
                           reference to go frees it (no new ones are taken) */
};

#define FRAME_NO_LINK   UINT32_MAX
#define FRAME_ORDER_TAIL 0xff      /* a free frame that is not the head of its block */

struct frame {
    u64 type_info;
    u32 ref_count;
    domid_t owner;
    u8 state;
    u8 order;
    u32 next, prev;
    u32 tlb_stamp;      /* TLB clock << 4 | type or FRAME_STAMP_FREED, when it
                           last lost its type or went back to the heap */
};

struct frame_audit {
    u64 free, reserved, allocated, dying;
    u64 owned_by_xen;
    u64 errors;         /* records that break an invariant (each is logged) */
};

/*
 * The TLB clock: advances each time the hypervisor flushes every TLB of guest
 * mappings for its own accounting. A frame's tlb_stamp says when (and as
 * what type, or FRAME_STAMP_FREED) it last stopped being used; if the clock
 * has not moved since, a TLB may still map it as before, so retyping it
 * (page-types.c) or handing it out again (page_alloc.c) flushes first -
 * as Xen's tlbflush_timestamp.
 */
extern u32 frame_tlb_clock;
#define FRAME_STAMP_FREED   0xf
#define FRAME_TLB_CLOCK_MASK 0x0fffffffu    /* what of the clock a stamp keeps */

static inline void frame_tlb_stamp(struct frame *f, u32 tag)
{
    f->tlb_stamp = (frame_tlb_clock & FRAME_TLB_CLOCK_MASK) << 4 | tag;
}

/* when the clock wraps, an old stamp can read as stale: one flush too many,
 * never one too few */
static inline bool frame_tlb_stale(const struct frame *f)
{
    return f->tlb_stamp >> 4 == (frame_tlb_clock & FRAME_TLB_CLOCK_MASK);
}

void frame_table_init(struct frame *table, u64 nr_frames);
int frame_get_ref(struct frame *f);
/* 1 when that was the last reference of a dying frame (free it now), else 0 or -errno */
int frame_put_ref(struct frame *f);
u64 frame_audit(const struct frame *table, u64 nr_frames, struct frame_audit *out);

#endif
