/*
 * Page types and validation of PV page tables (the rules are in
 * asm/pv/page-types.h). Every function validates before it changes anything
 * and undoes exactly what it did on failure: a refused table leaves every
 * count as it was.
 */
#include <asm/pv/page-types.h>
#include <hv/lib.h>

#define PGT_LEVEL_TYPE(l)   ((u64)(l) << PGT_TYPE_SHIFT)

/* the type count went to 0: note the TLB clock and the type it had */
static void stamp_untyped(struct frame *f)
{
    frame_tlb_stamp(f, (u32)(f->type_info >> PGT_TYPE_SHIFT));
}

/* a frame takes type `type` after having none: flush if it had another one
 * and no flush came since it lost it */
static void flush_if_stale(const struct pt_env *env, const struct frame *f, u64 type)
{
    if ( frame_tlb_stale(f) && (f->tlb_stamp & 0xf) != type >> PGT_TYPE_SHIFT )
    {
        env->flush_tlbs();
        frame_tlb_clock++;
    }
}

static pte_t guest_entry_fixup(unsigned int level, pte_t e)
{
    e |= _PAGE_USER;
    if ( level == 1 )
        e &= ~_PAGE_GLOBAL;
    return e;
}

static struct frame *frame_of(const struct pt_env *env, pfn_t pfn)
{
    return pfn < env->nr_frames ? &env->table[pfn] : NULL;
}

int pt_get_page(const struct pt_env *env, pfn_t pfn, domid_t owner)
{
    struct frame *f = frame_of(env, pfn);

    if ( !f || f->state != FRAME_ALLOCATED || f->owner != owner )
        return -EPERM;
    return frame_get_ref(f);
}

void pt_put_page(const struct pt_env *env, pfn_t pfn)
{
    if ( frame_put_ref(&env->table[pfn]) == 1 )
        env->release_frame(pfn);
}

/* I/O memory: a frame that is not RAM (past the frame table, or reserved
 * and owned by PV_DOMID_IO). As Xen's dom_io frames it is never counted; an
 * L1 entry may map it as env->iomem_access lets the domain. */
static bool io_frame(const struct pt_env *env, pfn_t pfn)
{
    struct frame *f = frame_of(env, pfn);

    return !f || (f->state == FRAME_RESERVED && f->owner == PV_DOMID_IO);
}

static int get_entry_refs(const struct pt_env *env, unsigned int level, pte_t *e,
                          domid_t owner);
static void put_entry_refs(const struct pt_env *env, unsigned int level, pte_t e);

static bool hv_slot(unsigned int level, unsigned int idx)
{
    return level == 4 && idx >= PV_L4_HV_FIRST && idx <= PV_L4_HV_LAST;
}

/* a linear page table: an L2-L4 entry naming its own table. As on Xen it
 * holds no reference (the table is in use while the entry is) and must be
 * read-only: every walk through it is then read-only, whatever it reaches. */
static bool self_map(unsigned int level, pte_t e, pfn_t table)
{
    return level > 1 && (e & _PAGE_PRESENT) && (e & PTE_ADDR_MASK) >> PAGE_SHIFT == table;
}

static int check_self_map(pte_t e)
{
    return (e & _PAGE_RW) || (e & ~(PTE_ADDR_MASK | PV_LN_ALLOWED)) ? -EINVAL : 0;
}

/* an entry that holds references: present, and not a self-map */
static bool holds_refs(unsigned int level, pte_t e, pfn_t table)
{
    return (e & _PAGE_PRESENT) && !self_map(level, e, table);
}

/* Take the references every present entry of a new table needs. */
static int validate_table(const struct pt_env *env, pfn_t pfn, unsigned int level,
                          domid_t owner)
{
    pte_t *t = env->frame_to_virt(pfn);
    unsigned int i;
    int rc = 0;

    for ( i = 0; i < PT_ENTRIES; i++ )
    {
        if ( hv_slot(level, i) || !(t[i] & _PAGE_PRESENT) )
            continue;
        if ( self_map(level, t[i], pfn) )
            rc = check_self_map(t[i]);
        else
            rc = get_entry_refs(env, level, &t[i], owner);
        if ( rc )
            break;
    }
    if ( rc )
    {
        while ( i-- > 0 )
            if ( !hv_slot(level, i) && holds_refs(level, t[i], pfn) )
                put_entry_refs(env, level, t[i]);
        return rc;
    }
    /* the guest kernel runs in ring 3: its mappings must be user-accessible,
     * and never global (kernel and user tables must not share TLB entries) */
    for ( i = 0; i < PT_ENTRIES; i++ )
        if ( !hv_slot(level, i) && (t[i] & _PAGE_PRESENT) )
            t[i] = guest_entry_fixup(level, t[i]);
    if ( level == 4 )
        env->install_hv_slots(t);
    return 0;
}

static void devalidate_table(const struct pt_env *env, pfn_t pfn, unsigned int level)
{
    pte_t *t = env->frame_to_virt(pfn);

    for ( unsigned int i = 0; i < PT_ENTRIES; i++ )
        if ( !hv_slot(level, i) && holds_refs(level, t[i], pfn) &&
             !(level == 1 && (t[i] & PV_PTE_GRANT)) )   /* the grant code's */
            put_entry_refs(env, level, t[i]);
}

int pt_get_type(const struct pt_env *env, pfn_t pfn, u64 type, domid_t owner)
{
    struct frame *f = frame_of(env, pfn);
    unsigned int level = pt_type_level(type);
    u64 count;
    int rc;

    if ( !f || f->state != FRAME_ALLOCATED || f->owner != owner )
        return -EPERM;
    count = f->type_info & PGT_COUNT_MASK;
    if ( count == PGT_COUNT_MASK )
        return -EOVERFLOW;
    if ( count )
    {
        if ( (f->type_info & PGT_TYPE_MASK) != type )
            return -EBUSY;      /* in use as something else */
        f->type_info++;
        return 0;
    }
    /* first use: (re)type the frame, validating a table */
    flush_if_stale(env, f, type);
    f->type_info = type | 1;
    if ( level )
    {
        rc = validate_table(env, pfn, level, owner);
        if ( rc )
        {
            stamp_untyped(f);
            f->type_info = 0;
            return rc;
        }
    }
    f->type_info |= PGT_validated;
    return 0;
}

void pt_put_type(const struct pt_env *env, pfn_t pfn)
{
    struct frame *f = &env->table[pfn];
    unsigned int level = pt_type_level(f->type_info);

    if ( (f->type_info & PGT_COUNT_MASK) > 1 )
    {
        f->type_info--;
        return;
    }
    /* last use: a table releases what its entries held; the type goes */
    if ( level )
        devalidate_table(env, pfn, level);
    stamp_untyped(f);
    f->type_info = 0;
}

/* An I/O frame the domain may map (or only read: the entry loses RW, as on
 * Xen) takes no reference; one it may not is -EPERM. */
static int io_entry(const struct pt_env *env, pte_t *e, pfn_t target, domid_t owner)
{
    enum iomem_access a = env->iomem_access ? env->iomem_access(owner, target) : IOMEM_NONE;

    if ( a == IOMEM_NONE )
        return -EPERM;
    if ( a == IOMEM_RO )
        *e &= ~_PAGE_RW;
    return 0;
}

static int get_entry_refs(const struct pt_env *env, unsigned int level, pte_t *e,
                          domid_t owner)
{
    pfn_t target = (*e & PTE_ADDR_MASK) >> PAGE_SHIFT;
    int rc;

    if ( *e & ~(PTE_ADDR_MASK | (level == 1 ? PV_L1_ALLOWED : PV_LN_ALLOWED)) )
        return -EINVAL;         /* reserved or forbidden bits (e.g. PSE) */
    if ( level == 1 && io_frame(env, target) )
        return io_entry(env, e, target, owner);
    rc = pt_get_page(env, target, owner);
    if ( rc )
        return rc;
    if ( level > 1 )
        rc = pt_get_type(env, target, PGT_LEVEL_TYPE(level - 1), owner);
    else if ( *e & _PAGE_RW )
        rc = pt_get_type(env, target, PGT_writable_page, owner);
    if ( rc )
    {
        pt_put_page(env, target);
        return rc;      /* -EBUSY for a type conflict, as Xen */
    }
    return 0;
}

static void put_entry_refs(const struct pt_env *env, unsigned int level, pte_t e)
{
    pfn_t target = (e & PTE_ADDR_MASK) >> PAGE_SHIFT;

    if ( level == 1 && io_frame(env, target) )
        return;                 /* I/O memory holds no references */
    if ( level > 1 || (e & _PAGE_RW) )
        pt_put_type(env, target);
    pt_put_page(env, target);
}

int pt_mod_entry(const struct pt_env *env, pfn_t table, unsigned int level,
                 unsigned int idx, pte_t new_e, domid_t owner, domid_t pg_owner)
{
    struct frame *f = frame_of(env, table);
    pte_t *t, old_e;
    int rc;

    if ( !f || f->owner != owner || pt_type_level(f->type_info) != level ||
         !(f->type_info & PGT_COUNT_MASK) || idx >= PT_ENTRIES )
        return -EINVAL;
    if ( hv_slot(level, idx) )
        return -EPERM;          /* the hypervisor's slots are not the guest's */
    t = env->frame_to_virt(table);
    old_e = t[idx];
    if ( self_map(level, new_e, table) )
    {
        rc = check_self_map(new_e);
        if ( rc )
            return rc;
        new_e = guest_entry_fixup(level, new_e);
    }
    else if ( new_e & _PAGE_PRESENT )
    {
        new_e = guest_entry_fixup(level, new_e);
        rc = get_entry_refs(env, level, &new_e, level == 1 ? pg_owner : owner);
        if ( rc )
            return rc;
    }
    __atomic_store_n(&t[idx], new_e, __ATOMIC_RELEASE);
    /* overwriting a grant mapping is allowed, as on Xen: its references stay
     * with the grant code (released at unmap or domain destruction) */
    if ( holds_refs(level, old_e, table) && !(level == 1 && (old_e & PV_PTE_GRANT)) )
        put_entry_refs(env, level, old_e);
    return 0;
}
