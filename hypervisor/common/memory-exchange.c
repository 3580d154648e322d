/*
 * XENMEM_exchange: a PV guest trades frames it holds for new ones of another
 * size or address width - Linux makes a DMA buffer machine-contiguous (and
 * below 4 GiB) this way. The checks are Xen's, in Xen's order: the extent
 * orders, then the lists (same total size, no overflow, one domain), then
 * that the rest of each list from nr_exchanged on is guest memory (XSA-212:
 * not just its start), then the NUMA node. The work goes chunk by chunk (a
 * chunk is the larger extent): the chunk's input frames must be the
 * domain's, unmapped and untyped (only the allocation holds them); the
 * output is allocated before any input is given back, so a failure loses
 * nothing; then the inputs are freed, the outputs zeroed, entered in the M2P
 * under the guest frame numbers the output list names, and their machine
 * frames written back there. nr_exchanged says how far it got: all on
 * success, the chunks done when a chunk fails, unchanged when the checks
 * fail. It runs to the end in one go (Sierra has no continuations; one CPU,
 * so the input list read twice cannot change between), and a chunk makes at
 * most 512 output extents (an input 512 times their size, 2 MiB of pages).
 */
#include <asm/guest-access.h>
#include <asm/pv/mm.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <hv/memory-op.h>
#include <hv/mm.h>
#include <sierra/domid.h>
#include <sierra/memory.h>

static bool own_domid(const struct domain *d, pv_domid_t id)
{
    return id == PV_DOMID_SELF || id == d->id;
}

/* the list entries from `from` to `last` (inclusive) are guest memory */
static bool list_ok(const struct pv_memory_reservation *r, u64 from, u64 last)
{
    u64 start = (u64)r->extent_start.p;

    return from <= last && last < (1UL << 60) &&
           guest_range_ok(start + from * sizeof(pv_pfn_t), (last - from + 1) * sizeof(pv_pfn_t));
}

static int check(const struct domain *d, const struct pv_memory_exchange *x)
{
    unsigned int in_o = x->in.extent_order, out_o = x->out.extent_order;

    if ( in_o > memop_max_order(d) || out_o > memop_max_order(d) )
        return -EPERM;
    if ( x->nr_exchanged > x->in.nr_extents || x->in.domid != x->out.domid ||
         (~0UL >> in_o) < x->in.nr_extents || (~0UL >> out_o) < x->out.nr_extents ||
         x->in.nr_extents << in_o != x->out.nr_extents << out_o )
        return -EINVAL;
    if ( x->nr_exchanged == x->in.nr_extents )
        return 0;
    if ( !list_ok(&x->in, x->nr_exchanged, x->in.nr_extents - 1) )
        return -EFAULT;
    if ( !list_ok(&x->out, in_o <= out_o ? x->nr_exchanged >> (out_o - in_o)
                                         : x->nr_exchanged << (in_o - out_o),
                  x->out.nr_extents - 1) )
        return -EFAULT;
    if ( !memop_node_ok(d, x->out.mem_flags) )
        return -EINVAL;
    if ( !own_domid(d, x->in.domid) )
        return -EPERM;              /* another domain's memory is not the caller's to trade */
    return 0;
}

/* frame p may leave d: d's, allocated, held by nothing but the allocation */
static bool tradeable(const struct domain *d, pfn_t p)
{
    return p < nr_frames && frame_table[p].state == FRAME_ALLOCATED &&
           frame_table[p].owner == d->id && frame_table[p].ref_count == 1 &&
           !frame_table[p].type_info && !memop_shared_frame(d, p);
}

#define MAX_CHUNK_OUT 512   /* output extents a chunk may make (one input 512 times their size) */

/* one chunk: in_n input extents of in_o for out_n output extents of out_o;
 * an error before anything changed, or 0 (with *lost set if writing an
 * output frame number back faulted) */
static int chunk(struct domain *d, const struct pv_memory_exchange *x, u64 in_at, u64 in_n,
                 u64 out_at, u64 out_n, bool *lost)
{
    unsigned int in_o = x->in.extent_order, out_o = x->out.extent_order;
    u64 in_base = (u64)x->in.extent_start.p, out_base = (u64)x->out.extent_start.p;
    pfn_t got[MAX_CHUNK_OUT];
    u64 limit;
    int rc = 0;

    if ( out_n > ARRAY_SIZE(got) )
        return -EINVAL;
    for ( u64 i = 0; i < in_n; i++ )
    {
        pv_pfn_t first;

        if ( copy_from_guest(&first, in_base + (in_at + i) * sizeof(first), sizeof(first)) )
            return -EFAULT;
        for ( pfn_t p = first; p < first + (1UL << in_o); p++ )
            if ( !tradeable(d, p) )
                return -EINVAL;
    }
    /* the output first, counted against the domain's limit only after the
     * input it replaces is gone */
    limit = d->max_pages;
    d->max_pages = limit > ~0UL - (in_n << in_o) ? ~0UL : limit + (in_n << in_o);
    for ( u64 j = 0; j < out_n && !rc; j++ )
        if ( (rc = memop_alloc(d, out_o, x->out.mem_flags, &got[j])) )
            while ( j-- > 0 )
                for ( pfn_t p = got[j]; p < got[j] + (1UL << out_o); p++ )
                    pv_give_back_frame(p);
    d->max_pages = limit;
    if ( rc )
        return -ENOMEM;
    for ( u64 i = 0; i < in_n; i++ )
    {
        pv_pfn_t first;

        copy_from_guest(&first, in_base + (in_at + i) * sizeof(first), sizeof(first));
        for ( pfn_t p = first; p < first + (1UL << in_o); p++ )
            pv_give_back_frame(p);
    }
    for ( u64 j = 0; j < out_n; j++ )
    {
        u64 at = out_base + (out_at + j) * sizeof(pv_pfn_t);
        pv_pfn_t gpfn = 0, mfn = got[j];

        copy_from_guest(&gpfn, at, sizeof(gpfn));   /* as Xen: a bad entry is not fatal here */
        for ( pfn_t p = got[j]; p < got[j] + (1UL << out_o); p++ )
            m2p_set(p, gpfn + (p - got[j]));
        if ( copy_to_guest(at, &mfn, sizeof(mfn)) )
            *lost = true;
    }
    return 0;
}

static long put_progress(u64 arg, const struct pv_memory_exchange *x, long rc)
{
    if ( copy_to_guest(arg + offsetof(struct pv_memory_exchange, nr_exchanged),
                       &x->nr_exchanged, sizeof(x->nr_exchanged)) )
        return -EFAULT;
    return rc;
}

long memory_exchange(struct domain *d, u64 arg)
{
    struct pv_memory_exchange x;
    unsigned int in_chunk, out_chunk;
    bool lost = false;
    long rc;

    if ( copy_from_guest(&x, arg, sizeof(x)) )
        return -EFAULT;
    rc = check(d, &x);
    if ( rc )
        return put_progress(arg, &x, rc);
    if ( x.nr_exchanged == x.in.nr_extents )
        return 0;
    /* log2 of the input and output extents in a chunk: one of them is 0 */
    in_chunk = x.in.extent_order <= x.out.extent_order ? x.out.extent_order - x.in.extent_order : 0;
    out_chunk = x.in.extent_order > x.out.extent_order ? x.in.extent_order - x.out.extent_order : 0;
    for ( u64 i = x.nr_exchanged >> in_chunk; i < x.in.nr_extents >> in_chunk; i++ )
    {
        rc = chunk(d, &x, i << in_chunk, 1UL << in_chunk, i << out_chunk, 1UL << out_chunk,
                   &lost);
        if ( rc )
        {
            x.nr_exchanged = i << in_chunk;
            return put_progress(arg, &x, rc);
        }
    }
    x.nr_exchanged = x.in.nr_extents;
    return put_progress(arg, &x, lost ? -EFAULT : 0);
}
