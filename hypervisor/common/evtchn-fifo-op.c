/*
 * The FIFO event-channel hypercalls (the mechanism is in evtchn-fifo.c):
 * init_control takes a vCPU's control block - a writable page of the
 * domain (a PV guest names machine frames), at an 8-byte aligned offset
 * with room for the block - and the first one moves the domain from the
 * 2-level ABI to FIFO; expand_array takes an event-array page. Each page is
 * held with a writable type reference (so it can never become a page table
 * under the hypervisor's writes) until teardown, which EVTCHNOP_reset and
 * domain destruction run and which returns the domain to the 2-level ABI.
 * Errors are Xen's: -EINVAL for a bad offset, frame or a second block for
 * one vCPU, -ENOENT for no such vCPU, -EOPNOTSUPP for expand_array before
 * any control block, -ENOSPC past the last page.
 */
#include <asm/guest-access.h>
#include <asm/page.h>
#include <asm/pv/mm.h>
#include <hv/domain.h>
#include <hv/evtchn-fifo.h>
#include <hv/evtchn.h>
#include <hv/lib.h>
#include <hv/mm.h>

_Static_assert(sizeof(struct evtchn_fifo) <= PAGE_SIZE, "struct evtchn_fifo outgrew a page");

static void *map_page(struct domain *d, u64 gfn, u32 offset)
{
    if ( gfn >= nr_frames || pv_get_writable(gfn, d->id) )
        return NULL;
    return (u8 *)maddr_to_virt(gfn << PAGE_SHIFT) + offset;
}

long evtchn_fifo_init_control(struct domain *d, u64 arg)
{
    struct pv_evtchn_init_control op;
    struct pv_evtchn_fifo_control_block *cb;
    bool first = !d->fifo;

    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( (op.offset & 7) || op.offset > PAGE_SIZE - sizeof(*cb) )
        return -EINVAL;
    if ( op.vcpu >= d->nr_vcpus )
        return -ENOENT;
    if ( d->fifo && d->fifo->cb[op.vcpu] )
        return -EINVAL;                 /* one control block a vCPU */
    if ( first )
    {
        d->fifo = alloc_xen_pages(0);
        if ( !d->fifo )
            return -ENOMEM;
        memset(d->fifo, 0, sizeof(*d->fifo));
    }
    cb = map_page(d, op.control_gfn, op.offset);
    if ( !cb )
    {
        if ( first )
            evtchn_fifo_teardown(d);    /* the domain stays 2-level */
        return -EINVAL;
    }
    d->fifo->cb[op.vcpu] = cb;
    d->fifo->cb_mfn[op.vcpu] = op.control_gfn;
    if ( first )
        evtchn_fifo_start(d);
    op.link_bits = PV_EVTCHN_FIFO_LINK_BITS;
    return copy_to_guest(arg, &op, sizeof(op));
}

long evtchn_fifo_expand_array(struct domain *d, u64 arg)
{
    struct pv_evtchn_expand_array op;
    pv_event_word_t *words;

    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( !d->fifo )
        return -EOPNOTSUPP;
    if ( d->fifo->nr_pages == EVTCHN_FIFO_MAX_PAGES )
        return -ENOSPC;
    words = map_page(d, op.array_gfn, 0);
    if ( !words )
        return -EINVAL;
    d->fifo->array[d->fifo->nr_pages] = words;
    d->fifo->array_mfn[d->fifo->nr_pages++] = op.array_gfn;
    evtchn_fifo_page_added(d);
    return 0;
}

void evtchn_fifo_teardown(struct domain *d)
{
    struct evtchn_fifo *f = d->fifo;

    if ( !f )
        return;
    for ( unsigned int i = 0; i < f->nr_pages; i++ )
        pv_put_writable(f->array_mfn[i]);
    for ( unsigned int v = 0; v < PV_LEGACY_MAX_VCPUS; v++ )
        if ( f->cb[v] )
            pv_put_writable(f->cb_mfn[v]);
    for ( u32 p = 0; p < d->nr_evtchn; p++ )
        d->evtchn[p].carried = false;
    d->fifo = NULL;
    free_xen_pages(f, 0);
}
