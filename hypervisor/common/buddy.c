/*
 * Buddy allocator. Free blocks of each order are kept on a doubly linked list
 * threaded through the frame table (next/prev are frame numbers). The head
 * frame of a free block records the block's order; the other frames of the
 * block are marked FRAME_ORDER_TAIL. A block's buddy is the block of the same
 * order whose frame number differs in bit `order`; two free buddies merge.
 *
 * Invariants: a frame is on at most one list; every free block is aligned to
 * its size; free_frames is the sum of the free blocks' sizes. buddy_free()
 * checks that every frame of the block is allocated before touching anything.
 */
#include <hv/buddy.h>

static void list_push(struct buddy *b, pfn_t pfn, unsigned int order)
{
    struct frame *f = &b->table[pfn];
    u32 old = b->free_head[order];

    f->state = FRAME_FREE;
    f->order = order;
    f->prev = FRAME_NO_LINK;
    f->next = old;
    if ( old != FRAME_NO_LINK )
        b->table[old].prev = pfn;
    b->free_head[order] = pfn;
}

static void list_remove(struct buddy *b, pfn_t pfn)
{
    struct frame *f = &b->table[pfn];

    if ( f->prev != FRAME_NO_LINK )
        b->table[f->prev].next = f->next;
    else
        b->free_head[f->order] = f->next;
    if ( f->next != FRAME_NO_LINK )
        b->table[f->next].prev = f->prev;
    f->next = f->prev = FRAME_NO_LINK;
    f->order = FRAME_ORDER_TAIL;
}

static void mark_block(struct buddy *b, pfn_t pfn, unsigned int order,
                       enum frame_state state, domid_t owner)
{
    for ( pfn_t i = pfn; i < pfn + (1UL << order); i++ )
    {
        b->table[i].state = state;
        b->table[i].owner = owner;
        b->table[i].order = FRAME_ORDER_TAIL;
    }
}

/* Put a block on the free lists, merging with free buddies. */
static void release(struct buddy *b, pfn_t pfn, unsigned int order)
{
    mark_block(b, pfn, order, FRAME_FREE, PV_DOMID_INVALID);
    b->free_frames += 1UL << order;
    while ( order < BUDDY_MAX_ORDER )
    {
        pfn_t buddy = pfn ^ (1UL << order);

        if ( buddy + (1UL << order) > b->nr_frames ||
             b->table[buddy].state != FRAME_FREE || b->table[buddy].order != order )
            break;
        list_remove(b, buddy);
        pfn &= ~(1UL << order);
        order++;
    }
    list_push(b, pfn, order);
}

void buddy_init(struct buddy *b, struct frame *table, u64 nr_frames)
{
    b->table = table;
    b->nr_frames = nr_frames;
    b->free_frames = 0;
    for ( unsigned int i = 0; i <= BUDDY_MAX_ORDER; i++ )
        b->free_head[i] = FRAME_NO_LINK;
}

/* Frames [start, end) are RAM nobody uses: hand them to the allocator. */
int buddy_add_range(struct buddy *b, pfn_t start, pfn_t end)
{
    if ( start > end || end > b->nr_frames )
        return -EINVAL;
    for ( pfn_t i = start; i < end; i++ )
        if ( b->table[i].state != FRAME_RESERVED )
            return -EINVAL;
    while ( start < end )
    {
        unsigned int order = 0;

        while ( order < BUDDY_MAX_ORDER && !(start & (1UL << order)) &&
                start + (2UL << order) <= end )
            order++;
        release(b, start, order);
        start += 1UL << order;
    }
    return 0;
}

int buddy_alloc(struct buddy *b, unsigned int order, pfn_t *pfn)
{
    unsigned int found = order;
    pfn_t head;

    if ( order > BUDDY_MAX_ORDER )
        return -EINVAL;
    while ( found <= BUDDY_MAX_ORDER && b->free_head[found] == FRAME_NO_LINK )
        found++;
    if ( found > BUDDY_MAX_ORDER )
        return -ENOMEM;
    head = b->free_head[found];
    list_remove(b, head);
    while ( found > order )     /* split: give back the upper halves */
    {
        found--;
        list_push(b, head + (1UL << found), found);
    }
    mark_block(b, head, order, FRAME_ALLOCATED, PV_DOMID_XEN);
    b->free_frames -= 1UL << order;
    *pfn = head;
    return 0;
}

int buddy_free(struct buddy *b, pfn_t pfn, unsigned int order)
{
    if ( order > BUDDY_MAX_ORDER || pfn & ((1UL << order) - 1) ||
         pfn + (1UL << order) > b->nr_frames )
        return -EINVAL;
    for ( pfn_t i = pfn; i < pfn + (1UL << order); i++ )
        if ( b->table[i].state != FRAME_ALLOCATED || b->table[i].ref_count ||
             b->table[i].type_info )
            return -EINVAL;
    release(b, pfn, order);
    return 0;
}

/*
 * Check the free lists against the frame table: every listed block is free,
 * aligned to its order and linked both ways; the listed frames add up to
 * free_frames and to the number of free frames in the table. Returns the
 * number of inconsistencies found (0 when the allocator is sound).
 */
u64 buddy_check(const struct buddy *b)
{
    u64 bad = 0, listed = 0, marked = 0;

    for ( unsigned int order = 0; order <= BUDDY_MAX_ORDER; order++ )
    {
        u32 prev = FRAME_NO_LINK;

        for ( u32 pfn = b->free_head[order]; pfn != FRAME_NO_LINK; pfn = b->table[pfn].next )
        {
            const struct frame *f = &b->table[pfn];

            if ( pfn + (1UL << order) > b->nr_frames || (pfn & ((1UL << order) - 1)) ||
                 f->order != order || f->prev != prev || listed > b->nr_frames )
                return bad + 1;     /* the list itself is broken: stop walking */
            for ( pfn_t i = pfn; i < pfn + (1UL << order); i++ )
                bad += b->table[i].state != FRAME_FREE;
            listed += 1UL << order;
            prev = pfn;
        }
    }
    for ( pfn_t i = 0; i < b->nr_frames; i++ )
        marked += b->table[i].state == FRAME_FREE;
    return bad + (listed != b->free_frames) + (marked != b->free_frames);
}
