/*
 * Frame-table records and their accounting. A reference count says how many
 * things hold the frame (the allocation itself, mappings, grants); it never
 * wraps and never goes below zero, so a bug in a caller is refused here instead
 * of becoming a use-after-free. frame_audit() walks the whole table and checks
 * the invariants every record must keep; tests and the 'a' debug key run it.
 */
#include <hv/frame.h>
#include <hv/printk.h>

u32 frame_tlb_clock = 1;

void frame_table_init(struct frame *table, u64 nr_frames)
{
    for ( u64 i = 0; i < nr_frames; i++ )
        table[i] = (struct frame){
            .owner = PV_DOMID_IO, .state = FRAME_RESERVED,
            .order = FRAME_ORDER_TAIL, .next = FRAME_NO_LINK, .prev = FRAME_NO_LINK,
        };
}

int frame_get_ref(struct frame *f)
{
    if ( f->state != FRAME_ALLOCATED )
        return -EINVAL;
    if ( f->ref_count == UINT32_MAX )
        return -EOVERFLOW;
    f->ref_count++;
    return 0;
}

int frame_put_ref(struct frame *f)
{
    if ( (f->state != FRAME_ALLOCATED && f->state != FRAME_DYING) || f->ref_count == 0 )
        return -EINVAL;
    f->ref_count--;
    return f->state == FRAME_DYING && f->ref_count == 0;
}

static bool record_ok(const struct frame *f)
{
    switch ( f->state )
    {
    case FRAME_FREE:
        return f->owner == PV_DOMID_INVALID && f->ref_count == 0 && f->type_info == 0;
    case FRAME_RESERVED:
        return f->ref_count == 0 && f->type_info == 0;
    case FRAME_DYING:
        return f->owner != PV_DOMID_INVALID && f->ref_count > 0;
    case FRAME_ALLOCATED:
    {
        u64 type = f->type_info & PGT_TYPE_MASK;
        u64 count = f->type_info & PGT_COUNT_MASK;

        if ( f->owner == PV_DOMID_INVALID )
            return false;
        /* a domain's frame holds at least its allocation reference */
        if ( f->owner < PV_DOMID_FIRST_RESERVED && f->ref_count == 0 )
            return false;
        if ( type == PGT_none )
            return f->type_info == 0;
        /* a type may outlive its last use, but a pinned one is in use */
        return !(f->type_info & PGT_pinned) || count > 0;
    }
    }
    return false;
}

u64 frame_audit(const struct frame *table, u64 nr_frames, struct frame_audit *out)
{
    struct frame_audit a = { 0 };

    for ( u64 pfn = 0; pfn < nr_frames; pfn++ )
    {
        const struct frame *f = &table[pfn];

        if ( f->state == FRAME_FREE )
            a.free++;
        else if ( f->state == FRAME_RESERVED )
            a.reserved++;
        else if ( f->state == FRAME_DYING )
            a.dying++;
        else if ( f->state == FRAME_ALLOCATED )
        {
            a.allocated++;
            if ( f->owner == PV_DOMID_XEN )
                a.owned_by_xen++;
        }
        if ( !record_ok(f) )
        {
            a.errors++;
            pr_err("frame audit: frame %#lx state %u owner %#x refs %u type %#lx\n",
                   (unsigned long)pfn, f->state, f->owner, f->ref_count,
                   (unsigned long)f->type_info);
        }
    }
    if ( out )
        *out = a;
    return a.errors;
}
