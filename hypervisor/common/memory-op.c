/*
 * memory_op: a PV guest's memory. It can give frames back
 * (decrease_reservation: a frame still mapped leaves the domain at once and
 * is freed with its last reference, as on Xen) and take frames up to its
 * maximum (increase_reservation,
 * populate_physmap, which for a PV guest also records the guest frame number
 * in the M2P and writes the machine frame back). Both return how many extents
 * they did; they stop at the first that cannot be done. mem_flags are read
 * as Xen reads them (a NUMA node it cannot know: nothing done; an address
 * width: frames below it). exchange is in memory-exchange.c. A PV guest's
 * physical map is its own (p2m), so add_to_physmap is for translated guests
 * only and returns -ENOSYS here, as listed in abi/ABI.md.
 */
#include <asm/bootinfo.h>
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <asm/page.h>
#include <asm/pv/mm.h>
#include <hv/lib.h>
#include <hv/memory-op.h>
#include <hv/mm.h>
#include <sierra/domid.h>
#include <sierra/memory.h>

/* largest extent: any for the control domain (Xen 4.17 gave dom0 order 13
 * when measured), 2 MiB for others (Xen's domU default) */
unsigned int memop_max_order(const struct domain *d)
{
    return d->privileged ? BUDDY_MAX_ORDER : 9;
}

/* frames the hypervisor shares with the domain (shared info, grant table) */
bool memop_shared_frame(const struct domain *d, pfn_t p)
{
    if ( p == d->shared_info_mfn )
        return true;
    for ( unsigned int i = 0; d->grant && i < d->grant->nr_frames; i++ )
        if ( d->grant->frames[i] == p )
            return true;
    return false;
}

#define MAX_NUMA_NODES 64       /* Xen x86's MAX_NUMNODES */

bool memop_node_ok(const struct domain *d, unsigned int mem_flags)
{
    unsigned int node = ((mem_flags >> 8) & 0xff) - 1;     /* 0: none named */

    if ( !(mem_flags & 0xff00) )
        return true;
    if ( d->privileged )
        return node < MAX_NUMA_NODES;   /* one node here: any known one will do */
    return !(mem_flags & PV_XENMEMF_exact_node_request);
}

int memop_alloc(struct domain *d, unsigned int order, unsigned int mem_flags, pfn_t *first)
{
    unsigned int bits = PV_XENMEMF_get_address_bits(mem_flags);
    int rc = domain_alloc_frames(d, order, first);

    if ( rc )
        return rc;
    if ( bits && bits < 64 && ((*first + (1UL << order)) << PAGE_SHIFT) > (1UL << bits) )
    {
        for ( pfn_t p = *first; p < *first + (1UL << order); p++ )
            pv_give_back_frame(p);      /* too high for the device it is for */
        return -ENOMEM;
    }
    for ( pfn_t p = *first; p < *first + (1UL << order); p++ )
        memset(maddr_to_virt(p << PAGE_SHIFT), 0, PAGE_SIZE);  /* no stale data */
    return 0;
}

static long decrease(struct domain *d, const struct pv_memory_reservation *r)
{
    u64 done = 0;

    for ( ; done < r->nr_extents; done++ )
    {
        pv_pfn_t first;

        if ( copy_from_guest(&first, (u64)r->extent_start.p + done * sizeof(first), sizeof(first)) )
            return done ? (long)done : -EFAULT;
        if ( first & ((1UL << r->extent_order) - 1) || first + (1UL << r->extent_order) > nr_frames )
            break;
        for ( pfn_t p = first; p < first + (1UL << r->extent_order); p++ )
            if ( frame_table[p].state != FRAME_ALLOCATED || frame_table[p].owner != d->id ||
                 memop_shared_frame(d, p) )
                return (long)done;          /* not the domain's to give */
        /* as on Xen, a frame still mapped is taken from the domain now and
         * freed when its last reference goes */
        for ( pfn_t p = first; p < first + (1UL << r->extent_order); p++ )
            pv_give_back_frame(p);
    }
    return (long)done;
}

/* increase_reservation (populate false) and populate_physmap (true) */
static long increase(struct domain *d, const struct pv_memory_reservation *r, bool populate)
{
    u64 done = 0;

    for ( ; done < r->nr_extents; done++ )
    {
        u64 at = (u64)r->extent_start.p + done * sizeof(pv_pfn_t);
        pv_pfn_t gpfn = 0, mfn;
        pfn_t got;

        if ( populate && copy_from_guest(&gpfn, at, sizeof(gpfn)) )
            return done ? (long)done : -EFAULT;
        if ( memop_alloc(d, r->extent_order, r->mem_flags, &got) )
            break;
        for ( pfn_t p = got; p < got + (1UL << r->extent_order); p++ )
            m2p_set(p, populate ? gpfn + (p - got) : ~0UL);
        mfn = got;
        if ( r->extent_start.p && copy_to_guest(at, &mfn, sizeof(mfn)) )
            return done ? (long)done : -EFAULT;
    }
    return (long)done;
}

/* for the caller itself, or (privileged callers only) for another domain,
 * as the domain builder does for a new domain */
static long reservation(struct domain *d, u64 cmd, u64 arg)
{
    struct pv_memory_reservation r;

    if ( copy_from_guest(&r, arg, sizeof(r)) )
        return -EFAULT;
    if ( r.domid != PV_DOMID_SELF && r.domid != d->id )
    {
        if ( !d->privileged )
            return -EPERM;
        if ( !(d = domain_lookup(r.domid)) || d->state == DOMAIN_DYING )
            return -ESRCH;
    }
    if ( r.extent_order > memop_max_order(d) )
        return -EPERM;
    if ( cmd == PV_XENMEM_decrease_reservation )
        return decrease(d, &r);
    if ( !memop_node_ok(current->domain, r.mem_flags) )
        return 0;                       /* none done, as Xen */
    return increase(d, &r, cmd == PV_XENMEM_populate_physmap);
}

/* the frames holding the M2P, one per 2 MiB extent (512 frames), up to
 * max_extents (any guest may ask, as on Xen: the M2P is read-only to it) */
static long machphys_mfn_list(u64 arg)
{
    struct pv_machphys_mfn_list l;
    pfn_t first;
    u64 n = m2p_extents(&first), i;

    if ( copy_from_guest(&l, arg, sizeof(l)) )
        return -EFAULT;
    for ( i = 0; i < n && i < l.max_extents; i++ )
    {
        pv_pfn_t mfn = first + i * 512;

        if ( copy_to_guest((u64)l.extent_start.p + i * sizeof(mfn), &mfn, sizeof(mfn)) )
            return -EFAULT;
    }
    l.nr_extents = (unsigned int)i;
    return copy_to_guest(arg, &l, sizeof(l));
}

/* the machine's E820 as the loader gave it, for the hardware domain (a Linux
 * dom0 sizes its memory by it and BUG()s without it) */
static long machine_memory_map(const struct domain *d, u64 arg)
{
    struct pv_memory_map map;

    if ( !d->privileged )
        return -EPERM;
    if ( copy_from_guest(&map, arg, sizeof(map)) )
        return -EFAULT;
    if ( map.nr_entries < boot_info.nr_e820 )
        return -EINVAL;
    for ( unsigned int i = 0; i < boot_info.nr_e820; i++ )
    {
        struct pv_e820_entry e = { boot_info.e820[i].addr, boot_info.e820[i].size,
                                   boot_info.e820[i].type };

        if ( copy_to_guest((u64)map.buffer.p + i * sizeof(e), &e, sizeof(e)) )
            return -EFAULT;
    }
    map.nr_entries = boot_info.nr_e820;
    return copy_to_guest(arg, &map, sizeof(map));
}

long do_memory_op(u64 cmd, u64 arg, u64 a3, u64 a4, u64 a5)
{
    struct domain *d = current->domain;

    (void)a3; (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_XENMEM_increase_reservation:
    case PV_XENMEM_decrease_reservation:
    case PV_XENMEM_populate_physmap:
        return reservation(d, cmd, arg);
    case PV_XENMEM_maximum_ram_page:
        return (long)nr_frames;
    case PV_XENMEM_machphys_mapping:
    {
        /* the whole M2P area, and the highest machine frame (as Xen 4.17) */
        struct pv_machphys_mapping m = {
            .v_start = PV_MACH2PHYS_VIRT_START, .v_end = PV_MACH2PHYS_VIRT_END,
            .max_mfn = nr_frames - 1,
        };

        return copy_to_guest(arg, &m, sizeof(m));
    }
    case PV_XENMEM_machphys_mfn_list:
        return machphys_mfn_list(arg);
    case PV_XENMEM_machine_memory_map:
        return machine_memory_map(d, arg);
    case PV_XENMEM_exchange:
        return memory_exchange(d, arg);
    case PV_XENMEM_maximum_gpfn:
    {
        /* a PV guest's highest frame is what it said in shared_info
         * (arch.max_pfn, one past it), as Xen reads it */
        pv_domid_t id;
        struct domain *t = d;

        if ( copy_from_guest(&id, arg, sizeof(id)) )
            return -EFAULT;
        if ( id != PV_DOMID_SELF && id != d->id )
        {
            if ( !d->privileged )
                return -EPERM;
            if ( !(t = domain_lookup(id)) || t->state == DOMAIN_DYING )
                return -ESRCH;
        }
        return (long)((t->shared_info->arch.max_pfn ? t->shared_info->arch.max_pfn : 1) - 1);
    }
    case PV_XENMEM_current_reservation:
    case PV_XENMEM_maximum_reservation:
    {
        pv_domid_t id;

        if ( copy_from_guest(&id, arg, sizeof(id)) )
            return -EFAULT;
        if ( id != PV_DOMID_SELF && id != d->id )
            return d->privileged ? -ESRCH : -EPERM;
        /* Xen keeps page counts in 32 bits: an unlimited dom0 reads as 2^32 - 1 */
        return (long)(cmd == PV_XENMEM_current_reservation ? d->tot_pages :
                      MIN(d->max_pages, (u64)UINT32_MAX));
    }
    case PV_XENMEM_memory_map:
    {
        struct pv_memory_map map;
        struct pv_e820_entry ram = { 0, d->tot_pages << PAGE_SHIFT, 1 };

        if ( copy_from_guest(&map, arg, sizeof(map)) )
            return -EFAULT;
        if ( map.nr_entries < 1 )
            return -EINVAL;
        map.nr_entries = 1;
        if ( copy_to_guest((u64)map.buffer.p, &ram, sizeof(ram)) ||
             copy_to_guest(arg, &map, sizeof(map)) )
            return -EFAULT;
        return 0;
    }
    default:
        return -ENOSYS;
    }
}
