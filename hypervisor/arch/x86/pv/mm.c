/*
 * PV page-table bases and mode switching (asm/pv/mm.h). A vCPU holds a page
 * and an L4 type reference on each base table it may load, so a table cannot
 * stop being a validated L4 while the CPU might walk it. The guest kernel and
 * guest user run on different L4s; the mode switch swaps CR3 and the GS bases
 * as SWAPGS would on bare metal.
 */
#include <asm/pv/mm.h>
#include <asm/x86.h>
#include <asm/paging.h>
#include <hv/lib.h>
#include <hv/mm.h>

static void *frame_virt(pfn_t pfn)
{
    return maddr_to_virt(pfn << PAGE_SHIFT);
}

struct pt_env pv_pt_env;

/* the last reference to a frame its owner gave back: now it can go */
static void release_frame(pfn_t pfn)
{
    struct frame *f = &frame_table[pfn];
    struct domain *d = domain_lookup(f->owner);

    if ( d )
        d->tot_pages--;         /* as on Xen, it counted until now */
    m2p_set(pfn, ~0UL);
    f->type_info = 0;
    f->state = FRAME_ALLOCATED;
    frame_tlb_stamp(f, FRAME_STAMP_FREED);  /* the guest may still hold a mapping */
    buddy_free(&heap, pfn, 0);
}

/* One CPU runs guests; other vCPUs reload CR3 (flushing) when switched in. */
void flush_guest_tlbs(void)
{
    write_cr3(read_cr3());
}

void pv_mm_init(void)
{
    pv_pt_env = (struct pt_env){
        .table = frame_table, .nr_frames = nr_frames,
        .frame_to_virt = frame_virt, .install_hv_slots = paging_install_hv_slots,
        .release_frame = release_frame, .iomem_access = pv_iomem_access,
        .flush_tlbs = flush_guest_tlbs,
    };
}

/* Take a frame from its owner (decrease_reservation): free now if nothing else
 * holds it, else it dies with its last reference. */
void pv_give_back_frame(pfn_t pfn)
{
    struct frame *f = &frame_table[pfn];

    if ( f->ref_count == 1 && !f->type_info )
    {
        f->ref_count = 0;
        release_frame(pfn);
        return;
    }
    f->ref_count--;             /* the allocation reference */
    f->state = FRAME_DYING;
}

int pv_find_l1(pfn_t l4_mfn, u64 va, pfn_t *l1_mfn, unsigned int *idx)
{
    static const unsigned int shift[] = { L4_SHIFT, L3_SHIFT, L2_SHIFT };
    pfn_t mfn = l4_mfn;

    for ( unsigned int lvl = 0; lvl < 3; lvl++ )
    {
        pte_t e = ((pte_t *)frame_virt(mfn))[pt_index(va, shift[lvl])];

        if ( !(e & _PAGE_PRESENT) || (e & _PAGE_PSE) )
            return -EINVAL;
        mfn = (e & PTE_ADDR_MASK) >> PAGE_SHIFT;
    }
    *l1_mfn = mfn;
    *idx = pt_index(va, L1_SHIFT);
    return 0;
}

int pv_set_baseptr(struct vcpu *v, pfn_t mfn, bool user)
{
    const struct pt_env *e = &pv_pt_env;
    domid_t owner = v->domain->id;
    pfn_t *slot = user ? &v->guest_table_user : &v->guest_table;
    int rc;

    if ( mfn )
    {
        rc = pt_get_page(e, mfn, owner);
        if ( rc )
            return -EINVAL;
        rc = pt_get_type(e, mfn, PGT_l4_page_table, owner);
        if ( rc )
        {
            pt_put_page(e, mfn);
            return -EINVAL;
        }
    }
    else if ( !user )
        return -EINVAL;         /* a kernel always has tables */
    if ( *slot )
    {
        pt_put_type(e, *slot);
        pt_put_page(e, *slot);
    }
    *slot = mfn;
    if ( v == current && v->kernel_mode != user )
        pv_load_cr3(v);
    return 0;
}

void pv_load_cr3(struct vcpu *v)
{
    pfn_t l4 = v->kernel_mode ? v->guest_table : v->guest_table_user;

    write_cr3(l4 << PAGE_SHIFT);        /* guest entries are not global: all flushed */
}

void pv_toggle_mode(struct vcpu *v)
{
    u64 user_gs = v->gs_base_user;

    v->kernel_mode = !v->kernel_mode;
    /* the inactive GS base lives in SHADOW_GS_BASE, as after SWAPGS */
    if ( v->kernel_mode )
    {
        v->gs_base_user = rdmsr(MSR_SHADOW_GS_BASE);
        wrmsr(MSR_GS_BASE, v->gs_base_kernel);
        wrmsr(MSR_SHADOW_GS_BASE, v->gs_base_user);
    }
    else
    {
        v->gs_base_kernel = rdmsr(MSR_GS_BASE);
        wrmsr(MSR_GS_BASE, user_gs);
        wrmsr(MSR_SHADOW_GS_BASE, v->gs_base_kernel);
    }
    pv_load_cr3(v);
}

void pv_vcpu_release_tables(struct vcpu *v)
{
    if ( v == current )
        write_cr3(paging_idle_cr3());   /* stop using the tables being released */
    if ( v->guest_table_user )
        pv_set_baseptr(v, 0, true);
    if ( v->guest_table )
    {
        pt_put_type(&pv_pt_env, v->guest_table);
        pt_put_page(&pv_pt_env, v->guest_table);
        v->guest_table = 0;
    }
}

void pv_domain_release_types(struct domain *d)
{
    const struct pt_env *e = &pv_pt_env;

    for ( pfn_t p = 0; p < nr_frames; p++ )
    {
        struct frame *f = &frame_table[p];

        if ( f->state == FRAME_ALLOCATED && f->owner == d->id && (f->type_info & PGT_pinned) )
        {
            f->type_info &= ~PGT_pinned;
            pt_put_type(e, p);
            pt_put_page(e, p);
        }
    }
}

/*
 * register_vcpu_info: the vCPU's vcpu_info moves from shared_info into a
 * frame of the guest's (held with a writable type while it is there). The
 * contents move with it, and, as Xen does, every selector bit and
 * upcall_pending are set so the guest rescans for events it may have missed.
 */
long pv_get_writable(pfn_t mfn, domid_t owner)
{
    if ( mfn >= nr_frames || pt_get_page(&pv_pt_env, mfn, owner) )
        return -EINVAL;
    if ( pt_get_type(&pv_pt_env, mfn, PGT_writable_page, owner) )
    {
        pt_put_page(&pv_pt_env, mfn);
        return -EINVAL;
    }
    return 0;
}

void pv_put_writable(pfn_t mfn)
{
    pt_put_type(&pv_pt_env, mfn);
    pt_put_page(&pv_pt_env, mfn);
}

long pv_register_vcpu_info(struct vcpu *v, u64 mfn, u32 offset)
{
    struct domain *d = v->domain;
    struct pv_vcpu_info *new;

    if ( offset > PAGE_SIZE - sizeof(*new) )
        return -ENXIO;          /* as Xen */
    if ( v->vcpu_info_mfn || pv_get_writable(mfn, d->id) )
        return -EINVAL;
    new = (struct pv_vcpu_info *)((u8 *)maddr_to_virt(mfn << PAGE_SHIFT) + offset);
    memcpy(new, v->vcpu_info, sizeof(*new));
    new->evtchn_pending_sel = ~0UL;
    new->evtchn_upcall_pending = 1;
    v->vcpu_info = new;
    v->vcpu_info_mfn = mfn;
    return 0;
}

void pv_vcpu_release_vcpu_info(struct vcpu *v)
{
    if ( !v->vcpu_info_mfn )
        return;
    v->vcpu_info = &v->domain->shared_info->vcpu_info[v->id];
    pv_put_writable(v->vcpu_info_mfn);
    v->vcpu_info_mfn = 0;
}
