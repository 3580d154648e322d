/*
 * Grant tables v1 (hv/grant-table.h): setup_table, query_size, map and unmap
 * (host mappings by virtual address or by PTE address, device mappings by
 * bus address), unmap_and_replace, copy, set/get_version. Granted frames are machine
 * frames (PV granters put MFNs in their entries). A map checks, in order: the
 * granting domain, the reference, that the entry permits access to the
 * mapper (read-only entries only read-only), that the frame belongs to the
 * granter; then takes a page reference (and a writable type for a writable
 * map, so a granted page-table frame cannot be mapped writable), writes the
 * PTE and records the mapping. Each op reports its own GNTST_* status; the
 * hypercall itself fails only for unreadable arguments (-EFAULT).
 */
#include <asm/guest-access.h>
#include <asm/page.h>
#include <asm/paging.h>
#include <asm/pv/mm.h>
#include <asm/x86.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <sierra/domid.h>

#define ENTRIES_PER_FRAME   (PAGE_SIZE / sizeof(struct pv_grant_entry_v1))

static struct grant_table *table_of(struct domain *d)
{
    if ( !d->grant )
    {
        d->grant = alloc_xen_pages(1);
        _Static_assert(sizeof(struct grant_table) <= 2 * PAGE_SIZE, "grant_table > 2 pages");
        if ( d->grant )
            memset(d->grant, 0, sizeof(*d->grant));
    }
    return d->grant;
}

static struct pv_grant_entry_v1 *entry_of(struct grant_table *gt, u32 ref)
{
    if ( !gt || ref >= gt->nr_frames * ENTRIES_PER_FRAME )
        return NULL;
    return &gt->entries[ref / ENTRIES_PER_FRAME][ref % ENTRIES_PER_FRAME];
}

static int grow(struct domain *d, unsigned int nr_frames)
{
    struct grant_table *gt = table_of(d);

    if ( !gt )
        return -ENOMEM;
    while ( gt->nr_frames < nr_frames )
    {
        void *page = alloc_xen_pages(0);
        pfn_t mfn;

        if ( !page )
            return -ENOMEM;
        memset(page, 0, PAGE_SIZE);
        mfn = virt_to_maddr(page) >> PAGE_SHIFT;
        frame_table[mfn].owner = d->id;         /* the domain maps its table */
        frame_table[mfn].ref_count = 1;
        gt->frames[gt->nr_frames] = mfn;
        gt->entries[gt->nr_frames++] = page;
    }
    return 0;
}

static long setup_table(struct domain *d, u64 arg, u64 count)
{
    for ( u64 i = 0; i < count; i++ )
    {
        struct pv_gnttab_setup_table op;
        u64 at = arg + i * sizeof(op);

        if ( copy_from_guest(&op, at, sizeof(op)) )
            return -EFAULT;
        op.status = PV_GNTST_okay;
        if ( op.dom != PV_DOMID_SELF && op.dom != d->id )
            op.status = d->privileged ? PV_GNTST_bad_domain : PV_GNTST_permission_denied;
        else if ( op.nr_frames > GRANT_DEFAULT_MAX )
            op.status = PV_GNTST_general_error;
        else if ( grow(d, op.nr_frames) )
            op.status = PV_GNTST_no_space;
        else
            for ( u32 f = 0; f < op.nr_frames; f++ )
            {
                pv_pfn_t mfn = d->grant->frames[f];

                if ( copy_to_guest((u64)op.frame_list.p + f * sizeof(mfn), &mfn, sizeof(mfn)) )
                    return -EFAULT;
            }
        if ( copy_to_guest(at + offsetof(struct pv_gnttab_setup_table, status), &op.status,
                           sizeof(op.status)) )
            return -EFAULT;
    }
    return 0;
}

static long query_size(struct domain *d, u64 arg)
{
    struct pv_gnttab_query_size op;

    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( op.dom != PV_DOMID_SELF && op.dom != d->id )
        op.status = PV_GNTST_bad_domain;
    else
    {
        op.nr_frames = d->grant ? d->grant->nr_frames : 0;
        op.max_nr_frames = GRANT_DEFAULT_MAX;
        op.status = PV_GNTST_okay;
    }
    return copy_to_guest(arg, &op, sizeof(op));
}

/* the L1 slot mapping va in the vCPU's current tables */
#define PTE_AVAIL_BITS  0xe00UL          /* bits 9-11, the guest's own */

static pte_t *l1_slot(struct vcpu *v, u64 va)
{
    unsigned int idx;
    pfn_t l1;

    if ( !guest_range_ok(va, 1) ||
         pv_find_l1(v->kernel_mode ? v->guest_table : v->guest_table_user, va, &l1, &idx) )
        return NULL;
    return (pte_t *)maddr_to_virt(l1 << PAGE_SHIFT) + idx;
}

/* GNTMAP_contains_pte: host_addr is the machine address of an entry, which
 * must be aligned and in a live L1 table of the caller's */
static pte_t *pte_slot(const struct domain *d, u64 maddr)
{
    pfn_t mfn = maddr >> PAGE_SHIFT;

    if ( (maddr & (sizeof(pte_t) - 1)) || mfn >= nr_frames || frame_table[mfn].owner != d->id ||
         pt_type_level(frame_table[mfn].type_info) != 1 ||
         !(frame_table[mfn].type_info & PGT_COUNT_MASK) )
        return NULL;
    return (pte_t *)maddr_to_virt(maddr);
}

/* the entry a host mapping was written to (or is to be) */
static pte_t *host_slot(struct domain *d, u64 host_addr, bool by_pte)
{
    return by_pte ? pte_slot(d, host_addr) : l1_slot(current, host_addr);
}

/* after writing an entry: by VA one page, by PTE address (VA unknown) all */
static void flush_host(u64 host_addr, bool by_pte)
{
    if ( by_pte )
        write_cr3(read_cr3());
    else
        invlpg((void *)host_addr);
}

static s16 map_one(struct domain *d, struct pv_gnttab_map_grant_ref *op)
{
    struct domain *rd = domain_lookup(op->dom);     /* no DOMID_SELF here, as on Xen */
    bool ro = op->flags & PV_GNTMAP_readonly;
    bool host = op->flags & PV_GNTMAP_host_map, dev = op->flags & PV_GNTMAP_device_map;
    bool by_pte = op->flags & PV_GNTMAP_contains_pte;
    struct pv_grant_entry_v1 *e;
    struct maptrack *mt = NULL;
    pte_t *slot = NULL;
    pfn_t frame;
    u16 flags;

    if ( !host && !dev )
        return PV_GNTST_bad_gntref;         /* neither kind of mapping: as Xen */
    if ( !rd )
        return PV_GNTST_bad_domain;
    e = entry_of(rd->grant, op->ref);
    if ( !e )
        return PV_GNTST_bad_gntref;
    flags = __atomic_load_n(&e->flags, __ATOMIC_SEQ_CST);
    if ( grant_entry_permits(flags, e->domid, d->id, !ro) != PV_GNTST_okay )
        return PV_GNTST_general_error;
    frame = e->frame;
    if ( frame >= nr_frames || frame_table[frame].owner != rd->id ||
         frame_table[frame].state != FRAME_ALLOCATED )
        return PV_GNTST_bad_page;
    for ( unsigned int n = 0; n < MAPTRACK_MAX; n++ )
    {
        unsigned int i = (d->grant->maptrack_hint + n) % MAPTRACK_MAX;

        if ( !d->grant->maptrack[i].used )
        {
            mt = &d->grant->maptrack[i];
            op->handle = i;
            break;
        }
    }
    if ( !mt )
        return PV_GNTST_no_space;
    if ( host )
    {
        slot = host_slot(d, op->host_addr, by_pte);
        if ( !slot || (*slot & _PAGE_PRESENT) )
            return PV_GNTST_general_error;  /* need an L1 entry, and an unmapped one */
    }
    if ( pt_get_page(&pv_pt_env, frame, rd->id) )
        return PV_GNTST_general_error;
    if ( !ro && pt_get_type(&pv_pt_env, frame, PGT_writable_page, rd->id) )
    {
        pt_put_page(&pv_pt_env, frame);
        return PV_GNTST_general_error;      /* e.g. the frame is a page table */
    }
    /* XENFEAT_gnttab_map_avail_bits: flags from bit 16 up go to the PTE's
     * three software bits (9-11), as Xen puts them */
    if ( host )
    {
        __atomic_store_n(slot, (frame << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_USER |
                               _PAGE_ACCESSED | PV_PTE_GRANT | (paging_stats.nx ? _PAGE_NX : 0) |
                               (ro ? 0 : _PAGE_RW | _PAGE_DIRTY) |
                               (((u64)(op->flags >> PV__GNTMAP_guest_avail0) << 9) & PTE_AVAIL_BITS),
                         __ATOMIC_SEQ_CST);
        flush_host(op->host_addr, by_pte);
    }
    __atomic_fetch_or(&e->flags, ro ? PV_GTF_reading : PV_GTF_reading | PV_GTF_writing,
                      __ATOMIC_SEQ_CST);
    *mt = (struct maptrack){ .used = true, .readonly = ro, .host = host, .device = dev,
                             .by_pte = by_pte, .granter = rd->id, .ref = op->ref,
                             .frame = frame };
    d->grant->maptrack_used++;
    d->grant->maptrack_hint = op->handle + 1;
    /* without an IOMMU a device sees machine addresses: the bus address is the frame's */
    op->dev_bus_addr = dev ? frame << PAGE_SHIFT : 0;
    return PV_GNTST_okay;
}

/* drop a mapping's references and, if it was the last of its ref, the in-use flags */
static void release(struct domain *d, struct maptrack *mt)
{
    struct domain *rd = domain_lookup(mt->granter);
    struct pv_grant_entry_v1 *e = rd ? entry_of(rd->grant, mt->ref) : NULL;
    bool reading = false, writing = false;

    if ( !mt->readonly )
        pt_put_type(&pv_pt_env, mt->frame);
    pt_put_page(&pv_pt_env, mt->frame);
    mt->used = false;
    d->grant->maptrack_hint = (unsigned int)(mt - d->grant->maptrack);
    d->grant->maptrack_used--;
    /* other mappings of the same grant keep its in-use flags */
    for ( unsigned int i = 0, left = d->grant->maptrack_used; i < MAPTRACK_MAX && left; i++ )
    {
        struct maptrack *o = &d->grant->maptrack[i];

        if ( !o->used )
            continue;
        left--;
        if ( o->granter == mt->granter && o->ref == mt->ref )
        {
            reading = true;
            writing |= !o->readonly;
        }
    }
    if ( e )
        __atomic_fetch_and(&e->flags, (u16)~((reading ? 0 : PV_GTF_reading) |
                                             (writing ? 0 : PV_GTF_writing)), __ATOMIC_SEQ_CST);
}

static struct maptrack *handle_of(struct domain *d, u32 handle)
{
    if ( !d->grant || handle >= MAPTRACK_MAX || !d->grant->maptrack[handle].used )
        return NULL;
    return &d->grant->maptrack[handle];
}

/* the grant PTE of a host mapping at host_addr, checked to be there (a
 * guest may have overwritten or moved it: then, as Xen, the unmap fails) */
static pte_t *grant_pte(struct domain *d, const struct maptrack *mt, u64 host_addr)
{
    pte_t *slot = host_slot(d, host_addr, mt->by_pte);

    if ( !slot || !(*slot & PV_PTE_GRANT) || ((*slot & PTE_ADDR_MASK) >> PAGE_SHIFT) != mt->frame )
        return NULL;
    return slot;
}

/* Xen's order: a device address that does not match fails the whole op;
 * then the host half, then the device half; the handle ends with both */
static s16 unmap_one(struct domain *d, struct pv_gnttab_unmap_grant_ref *op)
{
    struct maptrack *mt = handle_of(d, op->handle);
    bool dev = op->dev_bus_addr && mt && mt->device;

    if ( !mt )
        return PV_GNTST_bad_handle;
    if ( dev && op->dev_bus_addr != (u64)mt->frame << PAGE_SHIFT )
        return PV_GNTST_bad_dev_addr;
    if ( op->host_addr && mt->host )
    {
        pte_t *slot = grant_pte(d, mt, op->host_addr);

        if ( !slot )
            return PV_GNTST_general_error;
        __atomic_store_n(slot, 0, __ATOMIC_SEQ_CST);
        flush_host(op->host_addr, mt->by_pte);
        mt->host = false;
    }
    if ( dev )
        mt->device = false;
    if ( !mt->host && !mt->device )
        release(d, mt);
    return PV_GNTST_okay;
}

/* GNTTABOP_unmap_and_replace: end a host mapping by putting in its place the
 * entry that maps new_addr (zeroed there), or nothing when new_addr is 0.
 * The moved entry keeps its references (a grant mapping's are its handle's,
 * wherever its PTE is, as unmap looks for it where it is told). */
static s16 replace_one(struct domain *d, struct pv_gnttab_unmap_and_replace *op)
{
    struct maptrack *mt = handle_of(d, op->handle);
    pte_t *slot, *from, moved = 0;

    if ( !mt )
        return PV_GNTST_bad_handle;
    if ( !mt->host || mt->by_pte || op->new_addr == op->host_addr )
        return PV_GNTST_general_error;  /* by-PTE maps cannot be replaced, as on Xen */
    slot = grant_pte(d, mt, op->host_addr);
    if ( !slot )
        return PV_GNTST_general_error;
    if ( op->new_addr )
    {
        from = l1_slot(current, op->new_addr);
        if ( !from )
            return PV_GNTST_general_error;
        moved = __atomic_exchange_n(from, 0, __ATOMIC_SEQ_CST);
        invlpg((void *)op->new_addr);
    }
    __atomic_store_n(slot, moved, __ATOMIC_SEQ_CST);
    invlpg((void *)op->host_addr);
    mt->host = false;
    if ( !mt->device )
        release(d, mt);
    return PV_GNTST_okay;
}

/* the frame and in-page range one side of a copy names, or a GNTST_* error */
static s16 copy_side(struct domain *d, const struct pv_gnttab_copy_ptr *p, bool is_gref,
                     bool write, u16 len, u8 **va)
{
    struct domain *od = domain_lookup(p->domid == PV_DOMID_SELF ? d->id : p->domid);
    pfn_t frame;

    if ( !od )
        return PV_GNTST_bad_domain;
    if ( is_gref )
    {
        struct pv_grant_entry_v1 *e = entry_of(od->grant, p->u.ref);
        s16 st;

        if ( !e )
            return PV_GNTST_bad_gntref;
        st = grant_entry_permits(__atomic_load_n(&e->flags, __ATOMIC_SEQ_CST), e->domid,
                                 d->id, write);
        if ( st != PV_GNTST_okay )
            return st;
        frame = e->frame;
    }
    else
    {
        if ( od != d )
            return PV_GNTST_permission_denied;  /* a raw frame must be the caller's */
        frame = p->u.gmfn;
    }
    if ( frame >= nr_frames || frame_table[frame].owner != od->id ||
         frame_table[frame].state != FRAME_ALLOCATED )
        return PV_GNTST_bad_page;
    if ( write && pt_type_level(frame_table[frame].type_info) &&
         (frame_table[frame].type_info & PGT_COUNT_MASK) )
        return PV_GNTST_general_error;          /* never write into a live page table */
    if ( grant_copy_range_ok(p->offset, len) != PV_GNTST_okay )
        return PV_GNTST_bad_copy_arg;
    *va = (u8 *)maddr_to_virt(frame << PAGE_SHIFT) + p->offset;
    return PV_GNTST_okay;
}

static s16 copy_one(struct domain *d, struct pv_gnttab_copy *op)
{
    u8 *src, *dst;
    s16 st;

    st = copy_side(d, &op->source, op->flags & PV_GNTCOPY_source_gref, false, op->len, &src);
    if ( st == PV_GNTST_okay )
        st = copy_side(d, &op->dest, op->flags & PV_GNTCOPY_dest_gref, true, op->len, &dst);
    if ( st == PV_GNTST_okay )
        memmove(dst, src, op->len);
    return st;
}

/* run `one` over `count` ops of type T at arg, writing back each op's status */
#define FOR_EACH_OP(T, one)                                                         \
    for ( u64 i = 0; i < count; i++ )                                               \
    {                                                                               \
        T op;                                                                       \
        u64 at = arg + i * sizeof(op);                                              \
                                                                                    \
        if ( copy_from_guest(&op, at, sizeof(op)) )                                 \
            return -EFAULT;                                                         \
        op.status = one(d, &op);                                                    \
        if ( copy_to_guest(at, &op, sizeof(op)) )                                   \
            return -EFAULT;                                                         \
    }                                                                               \
    return 0

static long map_ops(struct domain *d, u64 arg, u64 count)
{
    if ( !table_of(d) )
        return -ENOMEM;
    FOR_EACH_OP(struct pv_gnttab_map_grant_ref, map_one);
}

static long unmap_ops(struct domain *d, u64 arg, u64 count)
{
    FOR_EACH_OP(struct pv_gnttab_unmap_grant_ref, unmap_one);
}

static long copy_ops(struct domain *d, u64 arg, u64 count)
{
    FOR_EACH_OP(struct pv_gnttab_copy, copy_one);
}

static long replace_ops(struct domain *d, u64 arg, u64 count)
{
    FOR_EACH_OP(struct pv_gnttab_unmap_and_replace, replace_one);
}

long do_grant_table_op(u64 cmd, u64 arg, u64 count, u64 a4, u64 a5)
{
    struct domain *d = current->domain;

    (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_GNTTABOP_setup_table:   return setup_table(d, arg, count);
    case PV_GNTTABOP_query_size:    return query_size(d, arg);
    case PV_GNTTABOP_map_grant_ref: return map_ops(d, arg, count);
    case PV_GNTTABOP_unmap_grant_ref: return unmap_ops(d, arg, count);
    case PV_GNTTABOP_copy:          return copy_ops(d, arg, count);
    case PV_GNTTABOP_unmap_and_replace: return replace_ops(d, arg, count);
    case PV_GNTTABOP_set_version:
    {
        struct pv_gnttab_set_version op;

        if ( copy_from_guest(&op, arg, sizeof(op)) )
            return -EFAULT;
        if ( op.version != 1 )
            return -EOPNOTSUPP;     /* version 2 is not offered */
        return 0;
    }
    case PV_GNTTABOP_get_version:
    {
        struct pv_gnttab_get_version op;

        if ( copy_from_guest(&op, arg, sizeof(op)) )
            return -EFAULT;
        op.version = 1;
        return copy_to_guest(arg, &op, sizeof(op));
    }
    default:
        return -ENOSYS;
    }
}

/* on destroy: every mapping the domain holds is released, its table freed */
void grant_table_destroy(struct domain *d)
{
    struct grant_table *gt = d->grant;

    if ( !gt )
        return;
    for ( unsigned int i = 0; i < MAPTRACK_MAX; i++ )
        if ( gt->maptrack[i].used )
            release(d, &gt->maptrack[i]);
    for ( unsigned int f = 0; f < gt->nr_frames; f++ )
    {
        frame_table[gt->frames[f]].owner = PV_DOMID_XEN;
        frame_table[gt->frames[f]].ref_count = 0;
        free_xen_pages(gt->entries[f], 0);
    }
    free_xen_pages(gt, 1);
    d->grant = NULL;
}
