/*
 * The page-table hypercalls of PV guests: mmu_update (checked writes of
 * page-table entries by machine address, M2P updates), update_va_mapping (one
 * L1 entry by virtual address) and mmuext_op (pin/unpin, base pointers, TLB
 * flushes). Every write to a live table goes through pt_mod_entry, which
 * validates the new entry and releases the old one; batches stop at the first
 * failure and report how many requests were done.
 */
#include <asm/guest-access.h>
#include <asm/pv/mm.h>
#include <asm/x86.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <sierra/mmu.h>

static long check_domain(u64 domid)
{
    if ( domid == PV_DOMID_SELF || domid == current->domain->id )
        return 0;
    return current->domain->privileged ? -ESRCH : -EPERM;   /* foreign: not yet */
}

static void flush(u64 flags, u64 va)
{
    if ( (flags & PV_UVMF_FLUSHTYPE_MASK) == PV_UVMF_INVLPG )
        invlpg((void *)va);
    else if ( (flags & PV_UVMF_FLUSHTYPE_MASK) == PV_UVMF_TLB_FLUSH )
        write_cr3(read_cr3());
}

/* a write of an entry in a frame the guest owns: a live table, or plain memory */
static long normal_update(pfn_t mfn, unsigned int idx, pte_t val, bool preserve_ad)
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
        return pt_mod_entry(&pv_pt_env, mfn, level, idx, val, owner);
    /* not a table in use: an ordinary write, allowed while nothing else types it */
    rc = pt_get_type(&pv_pt_env, mfn, PGT_writable_page, owner);
    if ( rc )
        return -EINVAL;
    t[idx] = val;
    pt_put_type(&pv_pt_env, mfn);
    return 0;
}

static long mmu_update_one(const void *r)
{
    const struct pv_mmu_update *req = r;
    u64 cmd = req->ptr & 3;
    pfn_t mfn = req->ptr >> PAGE_SHIFT;

    switch ( cmd )
    {
    case PV_MMU_NORMAL_PT_UPDATE:
    case PV_MMU_PT_UPDATE_PRESERVE_AD:
        return normal_update(mfn, (req->ptr & (PAGE_SIZE - 1)) / 8, req->val,
                             cmd == PV_MMU_PT_UPDATE_PRESERVE_AD);
    case PV_MMU_MACHPHYS_UPDATE:
        if ( mfn >= nr_frames || frame_table[mfn].state != FRAME_ALLOCATED ||
             frame_table[mfn].owner != current->domain->id || !m2p_valid(mfn) )
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
                      long (*one)(const void *req))
{
    u8 req[sizeof(struct pv_mmuext_op) > sizeof(struct pv_mmu_update) ?
           sizeof(struct pv_mmuext_op) : sizeof(struct pv_mmu_update)];
    long rc = check_domain(domid);
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
        rc = one(req);
        if ( rc )
            break;
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

long do_update_va_mapping(u64 va, u64 val, u64 flags, u64 a4, u64 a5)
{
    struct vcpu *v = current;
    pfn_t l1;
    unsigned int idx;
    long rc;

    (void)a4; (void)a5;
    if ( !guest_range_ok(va, 1) )
        return -EINVAL;
    rc = pv_find_l1(v->kernel_mode ? v->guest_table : v->guest_table_user, va, &l1, &idx);
    if ( rc )
        return rc;
    rc = normal_update(l1, idx, val, false);
    if ( rc )
        return rc;
    flush(flags, va);
    return 0;
}

/*
 * Errors as Xen gives them: -EINVAL when the frame itself cannot be this
 * table (not ours, pinned already, in use as something else); a failure
 * further down (an entry's frame in use as another type) keeps its own errno.
 */
static long pin(pfn_t mfn, unsigned int level)
{
    domid_t owner = current->domain->id;
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

static long unpin(pfn_t mfn)
{
    if ( mfn >= nr_frames || frame_table[mfn].owner != current->domain->id ||
         !(frame_table[mfn].type_info & PGT_pinned) )
        return -EINVAL;
    frame_table[mfn].type_info &= ~PGT_pinned;
    pt_put_type(&pv_pt_env, mfn);
    pt_put_page(&pv_pt_env, mfn);
    return 0;
}

static long mmuext_one(const void *req)
{
    const struct pv_mmuext_op *op = req;
    struct vcpu *v = current;

    switch ( op->cmd )
    {
    case PV_MMUEXT_PIN_L1_TABLE:
    case PV_MMUEXT_PIN_L2_TABLE:
    case PV_MMUEXT_PIN_L3_TABLE:
    case PV_MMUEXT_PIN_L4_TABLE:
        return pin(op->arg1.mfn, op->cmd - PV_MMUEXT_PIN_L1_TABLE + 1);
    case PV_MMUEXT_UNPIN_TABLE:
        return unpin(op->arg1.mfn);
    case PV_MMUEXT_NEW_BASEPTR:
        return pv_set_baseptr(v, op->arg1.mfn, false);
    case PV_MMUEXT_NEW_USER_BASEPTR:
        return pv_set_baseptr(v, op->arg1.mfn, true);
    case PV_MMUEXT_TLB_FLUSH_LOCAL:
    case PV_MMUEXT_TLB_FLUSH_MULTI:
    case PV_MMUEXT_TLB_FLUSH_ALL:
        write_cr3(read_cr3());      /* one CPU: every flush is local */
        return 0;
    case PV_MMUEXT_INVLPG_LOCAL:
    case PV_MMUEXT_INVLPG_MULTI:
    case PV_MMUEXT_INVLPG_ALL:
        if ( !guest_range_ok(op->arg1.linear_addr, 1) )
            return -EINVAL;
        invlpg((void *)op->arg1.linear_addr);
        return 0;
    default:
        return -ENOSYS;
    }
}

long do_mmuext_op(u64 ops, u64 count, u64 pdone, u64 domid, u64 a5)
{
    (void)a5;
    return run_batch(ops, count, pdone, domid, sizeof(struct pv_mmuext_op), mmuext_one);
}

long do_vm_assist(u64 cmd, u64 type, u64 a3, u64 a4, u64 a5)
{
    (void)a3; (void)a4; (void)a5;
    if ( cmd != PV_VMASST_CMD_enable && cmd != PV_VMASST_CMD_disable )
        return -EINVAL;
    /* writable page tables need write emulation, which Sierra lacks: refuse */
    if ( type == PV_VMASST_TYPE_runstate_update_flag || type == PV_VMASST_TYPE_m2p_strict )
        return 0;
    return -EINVAL;
}
