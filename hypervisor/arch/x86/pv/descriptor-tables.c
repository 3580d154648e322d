/*
 * set_gdt and update_descriptor (asm/pv/descriptors.h). A guest GDT frame
 * holds a page reference and a "segment descriptor page" type for as long as
 * it is installed; the first time a frame takes that type, all 512 of its
 * descriptors are checked (and fixed up) in place. The frames appear as
 * pages 0-13 of the CPU's GDT, so guest selectors below 0xe000 load the
 * guest's descriptors; the hypervisor's own stay in the reserved page.
 * MMUEXT_SET_LDT does the same for an LDT given by guest address: the
 * frames behind its pages (found in the guest's page tables when it is set,
 * so they must be mapped, and not writable, by then) are typed and checked
 * alike, appear in the hypervisor's LDT area, and the CPU's LDT register
 * points there while the vCPU runs. (Xen maps a guest LDT lazily, at the
 * first fault on it; Sierra takes it at once and so refuses, -EINVAL, an
 * LDT whose pages are not mapped or not descriptor pages yet; a remapping
 * of its address takes effect at the next SET_LDT.)
 */
#include <asm/descriptors.h>
#include <asm/guest-access.h>
#include <asm/paging.h>
#include <asm/pv/context.h>
#include <asm/pv/descriptors.h>
#include <asm/pv/mm.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <hv/mm.h>

#define DESCS_PER_FRAME (PAGE_SIZE / 8)

static void put_frame(pfn_t mfn)
{
    pt_put_type(&pv_pt_env, mfn);
    pt_put_page(&pv_pt_env, mfn);
}

static long get_frame(struct domain *d, pfn_t mfn)
{
    bool first;
    long rc = pt_get_page(&pv_pt_env, mfn, d->id);

    if ( rc )
        return -EINVAL;
    first = !(frame_table[mfn].type_info & PGT_COUNT_MASK);
    rc = pt_get_type(&pv_pt_env, mfn, PGT_seg_desc_page, d->id);
    if ( rc )
    {
        pt_put_page(&pv_pt_env, mfn);
        return -EINVAL;
    }
    if ( first )
    {
        u64 *desc = maddr_to_virt(mfn << PAGE_SHIFT);

        for ( unsigned int i = 0; i < DESCS_PER_FRAME; i++ )
            if ( !pv_check_descriptor(&desc[i]) )
            {
                put_frame(mfn);
                return -EINVAL;
            }
    }
    return 0;
}

/* install frames[0..nr) as v's GDT (nr may be 0), dropping the old ones */
static void install(struct vcpu *v, const pfn_t *frames, unsigned int nr)
{
    for ( unsigned int i = 0; i < v->gdt_nr_frames; i++ )
        put_frame(v->gdt_frames[i]);
    for ( unsigned int i = 0; i < PV_GDT_MAX_FRAMES; i++ )
        v->gdt_frames[i] = i < nr ? frames[i] : 0;
    v->gdt_nr_frames = nr;
    if ( v == current )
        pv_load_gdt(v);
}

/* the CPU's GDT pages 0-13 show v's frames (unused ones the empty page) */
void pv_load_gdt(struct vcpu *v)
{
    for ( unsigned int i = 0; i < PV_GDT_MAX_FRAMES; i++ )
        paging_remap_image_page(gdt_page(i), v->gdt_frames[i]);
}

long do_set_gdt(u64 frame_list, u64 entries, u64 a3, u64 a4, u64 a5)
{
    pfn_t frames[PV_GDT_MAX_FRAMES];

    (void)a3; (void)a4; (void)a5;
    if ( entries > PV_FIRST_RESERVED_GDT_ENTRY )
        return -EINVAL;
    if ( copy_from_guest(frames, frame_list, pv_gdt_frames(entries) * sizeof(frames[0])) )
        return -EFAULT;
    return pv_set_gdt(current, frames, entries);
}

unsigned int pv_gdt_frames(u64 entries)
{
    return (unsigned int)((entries + DESCS_PER_FRAME - 1) / DESCS_PER_FRAME);
}

long pv_set_gdt(struct vcpu *v, const pfn_t *frames, u64 entries)
{
    unsigned int nr = pv_gdt_frames(entries), got = 0;
    long rc = 0;

    if ( entries > PV_FIRST_RESERVED_GDT_ENTRY )
        return -EINVAL;
    for ( ; got < nr && !rc; got++ )
        rc = get_frame(v->domain, frames[got]);
    if ( rc )
    {
        while ( --got > 0 )
            put_frame(frames[got - 1]);
        return rc;
    }
    install(v, frames, nr);
    v->gdt_ents = (unsigned int)entries;
    return 0;
}

long do_update_descriptor(u64 maddr, u64 desc, u64 a3, u64 a4, u64 a5)
{
    struct domain *d = current->domain;
    pfn_t mfn = maddr >> PAGE_SHIFT;
    struct frame *f;
    u64 *slot;
    bool in_gdt;

    (void)a3; (void)a4; (void)a5;
    if ( (maddr & 7) || mfn >= nr_frames )
        return -EINVAL;
    f = &frame_table[mfn];
    if ( f->state != FRAME_ALLOCATED || f->owner != d->id || !pv_check_descriptor(&desc) )
        return -EINVAL;
    in_gdt = (f->type_info & PGT_TYPE_MASK) == PGT_seg_desc_page && (f->type_info & PGT_COUNT_MASK);
    if ( !in_gdt && pt_get_type(&pv_pt_env, mfn, PGT_writable_page, d->id) )
        return -EINVAL;         /* a page table, say */
    slot = (u64 *)maddr_to_virt(maddr);
    __atomic_store_n(slot, desc, __ATOMIC_SEQ_CST);
    if ( !in_gdt )
        pt_put_type(&pv_pt_env, mfn);
    return 0;
}

/* the CPU's LDT area shows v's LDT frames; only pages that change are remapped */
void pv_load_ldt(struct vcpu *v)
{
    static pfn_t shown[LDT_PAGES];

    for ( unsigned int i = 0; i < v->ldt_nr_frames; i++ )
        if ( shown[i] != v->ldt_frames[i] )
        {
            paging_remap_image_page(ldt_page(i), v->ldt_frames[i]);
            shown[i] = v->ldt_frames[i];
        }
    ldt_load(v->ldt_ents);
}

static void release_ldt(struct vcpu *v)
{
    for ( unsigned int i = 0; i < v->ldt_nr_frames; i++ )
        put_frame(v->ldt_frames[i]);
    v->ldt_nr_frames = v->ldt_ents = 0;
    v->ldt_base = 0;
}

/* the frame behind guest page va in v's kernel tables, or 0 */
static pfn_t frame_at(struct vcpu *v, u64 va)
{
    pfn_t l1;
    unsigned int idx;
    pte_t e;

    if ( pv_find_l1(v->guest_table, va, &l1, &idx) )
        return 0;
    e = ((const pte_t *)maddr_to_virt(l1 << PAGE_SHIFT))[idx];
    return (e & _PAGE_PRESENT) ? (e & PTE_ADDR_MASK) >> PAGE_SHIFT : 0;
}

long pv_set_ldt(struct vcpu *v, u64 base, u64 ents)
{
    pfn_t frames[LDT_PAGES];
    unsigned int nr = (unsigned int)((ents * 8 + PAGE_SIZE - 1) / PAGE_SIZE), got = 0;
    long rc = 0;

    for ( ; got < nr && !rc; got++ )
    {
        frames[got] = frame_at(v, base + got * PAGE_SIZE);
        rc = frames[got] ? get_frame(v->domain, frames[got]) : -EINVAL;
    }
    if ( rc )
    {
        while ( --got > 0 )
            put_frame(frames[got - 1]);
        return rc;
    }
    release_ldt(v);
    memcpy(v->ldt_frames, frames, nr * sizeof(frames[0]));
    v->ldt_nr_frames = nr;
    v->ldt_ents = (unsigned int)ents;
    v->ldt_base = base;
    if ( v == current )
        pv_load_ldt(v);
    return 0;
}

void pv_vcpu_release_gdt(struct vcpu *v)
{
    install(v, NULL, 0);
    v->gdt_ents = 0;
    release_ldt(v);
}
