/*
 * The page-table hypercalls of PV guests: mmu_update (checked writes of
 * page-table entries by machine address, M2P updates), update_va_mapping (one
 * L1 entry by virtual address) and mmuext_op (pin/unpin, base pointers, TLB
 * flushes, clearing and copying a frame). Every write to a live table goes through pt_mod_entry, which
 * validates the new entry and releases the old one; batches stop at the first
 * failure and report how many requests were done.
 */
#include <asm/guest-access.h>
#include <hv/lib.h>
#include <asm/pv/descriptors.h>
#include <asm/pv/mm.h>
#include <asm/x86.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <hv/printk.h>
#include <sierra/mmu.h>

/*
 * The domain whose frames the batch may map and pin ("pg_owner" in Xen):
 * the caller, or for a privileged caller any other live domain (a builder
 * laying out a new domain, a console relay mapping its ring).
 */
static long page_owner(u64 domid, struct domain **pg_owner)
{
    struct domain *d;

    if ( domid == PV_DOMID_SELF || domid == current->domain->id )
    {
        *pg_owner = current->domain;
        return 0;
    }
    if ( !current->domain->privileged )
        return -EPERM;
    d = domid < PV_DOMID_FIRST_RESERVED ? domain_lookup((domid_t)domid) : NULL;
    if ( !d || d->state == DOMAIN_DYING )
        return -ESRCH;
    *pg_owner = d;
    return 0;
}

static void flush(u64 flags, u64 va)
{
    if ( (flags & PV_UVMF_FLUSHTYPE_MASK) == PV_UVMF_INVLPG )
        invlpg((void *)va);
    else if ( (flags & PV_UVMF_FLUSHTYPE_MASK) == PV_UVMF_TLB_FLUSH )
        write_cr3(read_cr3());
}

/* a write of an entry in a frame the guest owns: a live table, or plain
 * memory; an L1 entry may map a frame of pg_owner */
static long normal_update(pfn_t mfn, unsigned int idx, pte_t val, bool preserve_ad,
                          domid_t pg_owner)
{
    domid_t owner = current->domain->id;
    struct frame *f;
    pte_t *t;
    unsigned int level;
    long rc;

    if ( mfn >= nr_frames )
        return -EINVAL;
    f = &frame_table[mfn];
    if ( f->state != FRAME_ALLOCATED || f->owner != owner )
        return -EINVAL;         /* as Xen: "could not get page for normal update" */
    t = maddr_to_virt(mfn << PAGE_SHIFT);
    level = pt_type_level(f->type_info);
    if ( preserve_ad )
        val |= t[idx] & (_PAGE_ACCESSED | _PAGE_DIRTY);
    if ( level && (f->type_info & PGT_COUNT_MASK) )
        return pt_mod_entry(&pv_pt_env, mfn, level, idx, val, owner, pg_owner);
    /* not a table in use: an ordinary write, allowed while nothing else types it */
    rc = pt_get_type(&pv_pt_env, mfn, PGT_writable_page, owner);
    if ( rc )
        return -EINVAL;
    t[idx] = val;
    pt_put_type(&pv_pt_env, mfn);
    return 0;
}

static long mmu_update_one(const void *r, struct domain *pg_owner)
{
    const struct pv_mmu_update *req = r;
    u64 cmd = req->ptr & 3;
    pfn_t mfn = req->ptr >> PAGE_SHIFT;

    switch ( cmd )
    {
    case PV_MMU_NORMAL_PT_UPDATE:
    case PV_MMU_PT_UPDATE_PRESERVE_AD:
        return normal_update(mfn, (req->ptr & (PAGE_SIZE - 1)) / 8, req->val,
                             cmd == PV_MMU_PT_UPDATE_PRESERVE_AD, pg_owner->id);
    case PV_MMU_MACHPHYS_UPDATE:
        if ( mfn >= nr_frames || frame_table[mfn].state != FRAME_ALLOCATED ||
             frame_table[mfn].owner != pg_owner->id || !m2p_valid(mfn) )
            return -EPERM;
        m2p_set(mfn, req->val);
        return 0;
    default:
        return -ENOSYS;
    }
}

/*
 * Run one() over `count` requests of `size` bytes at `reqs`, each copied in
 * once, stopping at the first error; *pdone (if given) receives how many were
 * done. As on Xen the count is not limited: the batch ends where the array
 * stops being readable (-EFAULT).
 */
static inline __attribute__((always_inline))
long run_batch(u64 reqs, u64 count, u64 pdone, u64 domid, size_t size,
                      long (*one)(const void *req, struct domain *pg_owner))
{
    u8 req[sizeof(struct pv_mmuext_op) > sizeof(struct pv_mmu_update) ?
           sizeof(struct pv_mmuext_op) : sizeof(struct pv_mmu_update)];
    struct domain *pg_owner = NULL;
    long rc = page_owner(domid, &pg_owner);
    u64 done = 0;

    if ( rc )
        return rc;
    for ( ; done < count; done++ )
    {
        if ( copy_from_guest(req, reqs + done * size, size) )
        {
            rc = -EFAULT;
            break;
        }
        rc = one(req, pg_owner);
        if ( rc )
        {
            /* as Xen's gdprintk: what a porter needs to see (loglvl=debug) */
            pr_debug("d%u: %s request %lu (%#lx %#lx) refused: %ld\n", current->domain->id,
                     size == sizeof(struct pv_mmu_update) ? "mmu_update" : "mmuext_op",
                     (unsigned long)done, ((const u64 *)req)[0], ((const u64 *)req)[1], rc);
            break;
        }
    }
    if ( pdone && copy_to_guest(pdone, &(u32){ (u32)done }, sizeof(u32)) )
        return -EFAULT;
    return rc;
}

long do_mmu_update(u64 reqs, u64 count, u64 pdone, u64 domid, u64 a5)
{
    (void)a5;
    return run_batch(reqs, count, pdone, domid, sizeof(struct pv_mmu_update), mmu_update_one);
}

/* the L1 entry for va in the caller's current tables, mapping a frame of pg_owner */
static long update_va_mapping(u64 va, u64 val, u64 flags, domid_t pg_owner)
{
    struct vcpu *v = current;
    pfn_t l1;
    unsigned int idx;
    long rc;

    if ( !guest_range_ok(va, 1) )
        return -EINVAL;
    rc = pv_find_l1(v->kernel_mode ? v->guest_table : v->guest_table_user, va, &l1, &idx);
    if ( rc )
        return rc;
    rc = normal_update(l1, idx, val, false, pg_owner);
    if ( rc )
        return rc;
    flush(flags, va);
    return 0;
}

long do_update_va_mapping(u64 va, u64 val, u64 flags, u64 a4, u64 a5)
{
    (void)a4; (void)a5;
    return update_va_mapping(va, val, flags, current->domain->id);
}

long do_update_va_mapping_otherdomain(u64 va, u64 val, u64 flags, u64 domid, u64 a5)
{
    struct domain *pg_owner;
    long rc = page_owner(domid, &pg_owner);

    (void)a5;
    return rc ? rc : update_va_mapping(va, val, flags, pg_owner->id);
}

/*
 * Errors as Xen gives them: -EINVAL when the frame itself cannot be this
 * table (not ours, pinned already, in use as something else); a failure
 * further down (an entry's frame in use as another type) keeps its own errno.
 */
long pv_pin_table(pfn_t mfn, unsigned int level, domid_t owner)
{
    u64 type = (u64)level << PGT_TYPE_SHIFT;
    struct frame *f = mfn < nr_frames ? &frame_table[mfn] : NULL;
    long rc;

    if ( !f || (f->type_info & PGT_pinned) ||
         ((f->type_info & PGT_COUNT_MASK) && (f->type_info & PGT_TYPE_MASK) != type) )
        return -EINVAL;
    rc = pt_get_page(&pv_pt_env, mfn, owner);
    if ( rc )
        return -EINVAL;
    rc = pt_get_type(&pv_pt_env, mfn, type, owner);
    if ( rc )
    {
        pt_put_page(&pv_pt_env, mfn);
        return rc;
    }
    frame_table[mfn].type_info |= PGT_pinned;
    return 0;
}

static long unpin(pfn_t mfn, domid_t owner)
{
    if ( mfn >= nr_frames || frame_table[mfn].owner != owner ||
         !(frame_table[mfn].type_info & PGT_pinned) )
        return -EINVAL;
    frame_table[mfn].type_info &= ~PGT_pinned;
    pt_put_type(&pv_pt_env, mfn);
    pt_put_page(&pv_pt_env, mfn);
    return 0;
}

/* The checks Xen makes of an LDT (page-aligned, at most 8192 entries, all
 * of it a guest address), then the frames (pv/descriptor-tables.c). */
#define LDT_MAX_ENTRIES 8192

static long set_ldt(struct vcpu *v, u64 base, u64 ents)
{
    if ( ents && ((base & (PAGE_SIZE - 1)) || ents > LDT_MAX_ENTRIES ||
                  !guest_range_ok(base, ents * 8)) )
        return -EINVAL;
    return pv_set_ldt(v, ents ? base : 0, ents);
}

/* CLEAR_PAGE and COPY_PAGE, as Xen: the destination must be pg_owner's and
 * writable (not a page table or descriptor page), the source only
 * pg_owner's; -EINVAL otherwise */
static long clear_page(pfn_t mfn, domid_t owner)
{
    if ( pv_get_writable(mfn, owner) )
        return -EINVAL;
    memset(maddr_to_virt(mfn << PAGE_SHIFT), 0, PAGE_SIZE);
    pv_put_writable(mfn);
    return 0;
}

static long copy_page(pfn_t dst, pfn_t src, domid_t owner)
{
    if ( src >= nr_frames || pt_get_page(&pv_pt_env, src, owner) )
        return -EINVAL;
    if ( pv_get_writable(dst, owner) )
    {
        pt_put_page(&pv_pt_env, src);
        return -EINVAL;
    }
    memcpy(maddr_to_virt(dst << PAGE_SHIFT), maddr_to_virt(src << PAGE_SHIFT), PAGE_SIZE);
    pv_put_writable(dst);
    pt_put_page(&pv_pt_env, src);
    return 0;
}

/* tables are pinned in pg_owner (a builder pins a new domain's); the
 * base pointers are the caller's own (-EPERM with another pg_owner, as Xen) */
static long mmuext_one(const void *req, struct domain *pg_owner)
{
    const struct pv_mmuext_op *op = req;
    struct vcpu *v = current;

    switch ( op->cmd )
    {
    case PV_MMUEXT_PIN_L1_TABLE:
    case PV_MMUEXT_PIN_L2_TABLE:
    case PV_MMUEXT_PIN_L3_TABLE:
    case PV_MMUEXT_PIN_L4_TABLE:
        return pv_pin_table(op->arg1.mfn, op->cmd - PV_MMUEXT_PIN_L1_TABLE + 1, pg_owner->id);
    case PV_MMUEXT_UNPIN_TABLE:
        return unpin(op->arg1.mfn, pg_owner->id);
    case PV_MMUEXT_NEW_BASEPTR:
    case PV_MMUEXT_NEW_USER_BASEPTR:
        if ( pg_owner != v->domain )
            return -EPERM;
        return pv_set_baseptr(v, op->arg1.mfn, op->cmd == PV_MMUEXT_NEW_USER_BASEPTR);
    case PV_MMUEXT_TLB_FLUSH_LOCAL:
    case PV_MMUEXT_TLB_FLUSH_MULTI:
    case PV_MMUEXT_TLB_FLUSH_ALL:
        write_cr3(read_cr3());      /* one CPU: every flush is local */
        return 0;
    case PV_MMUEXT_SET_LDT:
        if ( pg_owner != v->domain )
            return -EPERM;
        return set_ldt(v, op->arg1.linear_addr, op->arg2.nr_ents);
    case PV_MMUEXT_CLEAR_PAGE:
        return clear_page(op->arg1.mfn, pg_owner->id);
    case PV_MMUEXT_COPY_PAGE:
        return copy_page(op->arg1.mfn, op->arg2.src_mfn, pg_owner->id);
    case PV_MMUEXT_INVLPG_LOCAL:
    case PV_MMUEXT_INVLPG_MULTI:
    case PV_MMUEXT_INVLPG_ALL:
        if ( !guest_range_ok(op->arg1.linear_addr, 1) )
            return -EINVAL;
        invlpg((void *)op->arg1.linear_addr);
        return 0;
    case PV_MMUEXT_FLUSH_CACHE:
    case PV_MMUEXT_FLUSH_CACHE_GLOBAL:
        /* as Xen: only a domain with hardware access (the control domain
         * here) may write back the caches, and only for itself */
        if ( pg_owner != v->domain )
            return -EPERM;
        if ( !v->domain->privileged )
            return -EACCES;
        asm volatile("wbinvd" ::: "memory");
        return 0;
    case PV_MMUEXT_MARK_SUPER:
    case PV_MMUEXT_UNMARK_SUPER:
        return -EOPNOTSUPP;     /* PV superpages: gone from Xen 4.17 too */
    default:
        return -ENOSYS;
    }
}

long do_mmuext_op(u64 ops, u64 count, u64 pdone, u64 domid, u64 a5)
{
    (void)a5;
    return run_batch(ops, count, pdone, domid, sizeof(struct pv_mmuext_op), mmuext_one);
}

/* the types Xen 4.17 takes from a 64-bit PV guest */
#define VMASST_VALID ((1UL << PV_VMASST_TYPE_4gb_segments) |                   \
                      (1UL << PV_VMASST_TYPE_4gb_segments_notify) |            \
                      (1UL << PV_VMASST_TYPE_writable_pagetables) |            \
                      (1UL << PV_VMASST_TYPE_pae_extended_cr3) |               \
                      (1UL << PV_VMASST_TYPE_architectural_iopl) |             \
                      (1UL << PV_VMASST_TYPE_runstate_update_flag) |           \
                      (1UL << PV_VMASST_TYPE_m2p_strict))

/*
 * Recorded per domain, as on Xen. Only architectural_iopl changes what
 * Sierra does (pv/iret.c, pv/traps.c, pv/ioport.c); writable page tables
 * are always emulated (pv/ptwr.c), runstate updates and the M2P already
 * behave as the others ask, and the 4 GiB segment ones are for 32-bit
 * guests.
 */
long do_vm_assist(u64 cmd, u64 type, u64 a3, u64 a4, u64 a5)
{
    struct domain *d = current->domain;

    (void)a3; (void)a4; (void)a5;
    if ( cmd != PV_VMASST_CMD_enable && cmd != PV_VMASST_CMD_disable )
        return -ENOSYS;                 /* as Xen: an unknown command */
    if ( type > 63 || !(VMASST_VALID & (1UL << type)) )
        return -EINVAL;
    if ( cmd == PV_VMASST_CMD_enable )
        d->vm_assist |= 1UL << type;
    else
        d->vm_assist &= ~(1UL << type);
    return 0;
}
