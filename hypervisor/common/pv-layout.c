/*
 * Xen's PV virtual layout (hv/pv-layout.h), which PV kernels depend on: from
 * v_start, the kernel, the initrd, the P2M array (one unsigned long per
 * page) unless the kernel asked for it elsewhere (ELF note INIT_P2M: then it
 * is mapped there, by page tables of its own, in frames just past the initial
 * mapping), start_info (followed by room for the dom0 VGA info), the special
 * pages, the initial page tables, one page of boot stack; the whole mapped
 * with 4 KiB pages up to v_end, rounded up to 4 MiB with at least 512 KiB to
 * spare (Xen's dom0 rule, kept for domUs too). The page-table count depends
 * on v_end and v_end on it, so it is found by trying counts until they fit.
 */
#include <asm/page.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/pv-layout.h>
#include <sierra/start-info.h>

#define MB4 (4UL << 20)

static u64 pg_up(u64 v)
{
    return ALIGN_UP(v, PAGE_SIZE);
}

/* distinct entries of the level covering 2^shift bytes, over [s, e) */
static u64 spans(u64 s, u64 e, unsigned int shift)
{
    return ((e - 1) >> shift) - (s >> shift) + 1;
}

/* slot of va in the L4, in the guest's half or above the hypervisor hole */
static bool guest_l4_range(u64 s, u64 e)
{
    u64 first = s >> L4_SHIFT & 511, last = (e - 1) >> L4_SHIFT & 511;

    return s < e && ((s >> 47) == 0 || (s >> 47) == 0x1ffff) && (s >> 47) == ((e - 1) >> 47) &&
           (last < 256 || first > 271);
}

/* the P2M at p2m_base: its own frames and tables, in no L4 slot the initial
 * mapping uses */
static int separate_p2m(u64 p2m_base, u64 nr_pages, struct pv_layout *l)
{
    u64 end = p2m_base + nr_pages * sizeof(unsigned long);

    l->vphysmap_start = p2m_base;
    l->vphysmap_end = end;
    if ( (p2m_base & (PAGE_SIZE - 1)) || !guest_l4_range(p2m_base, end) ||
         !(((end - 1) >> L4_SHIFT) < (l->v_start >> L4_SHIFT) ||
           (p2m_base >> L4_SHIFT) > ((l->v_end - 1) >> L4_SHIFT)) )
        return -EINVAL;
    l->nr_p2m_frames = (pg_up(end) - p2m_base) >> PAGE_SHIFT;
    l->nr_p2m_frames += spans(p2m_base, end, L4_SHIFT) + spans(p2m_base, end, L3_SHIFT) +
                        spans(p2m_base, end, L2_SHIFT);
    return 0;
}

int pv_compute_layout(u64 v_start, u64 kstart, u64 kend, u64 initrd_len, u64 nr_pages,
                      unsigned int nr_special, u64 p2m_base, struct pv_layout *l)
{
    if ( kstart < v_start || kend <= kstart )
        return -EINVAL;
    l->nr_p2m_frames = 0;
    l->v_start = v_start;
    l->vkern_start = kstart;
    l->vkern_end = kend;
    l->vinitrd_start = pg_up(kend);
    l->vinitrd_end = l->vinitrd_start + initrd_len;
    l->vphysmap_start = pg_up(l->vinitrd_end);
    l->vphysmap_end = l->vphysmap_start + (p2m_base ? 0 : nr_pages * sizeof(unsigned long));
    l->vstartinfo_start = pg_up(l->vphysmap_end);
    l->vstartinfo_end = l->vstartinfo_start + sizeof(struct pv_start_info) +
                        sizeof(struct pv_dom0_vga_console_info);
    l->vspecial_start = pg_up(l->vstartinfo_end);
    l->vpt_start = l->vspecial_start + nr_special * PAGE_SIZE;
    for ( l->nr_pt_pages = 1; ; l->nr_pt_pages++ )
    {
        u64 needed;

        l->vpt_end = l->vpt_start + l->nr_pt_pages * PAGE_SIZE;
        l->vstack_start = l->vpt_end;
        l->vstack_end = l->vstack_start + PAGE_SIZE;
        l->v_end = ALIGN_UP(l->vstack_end, MB4);
        if ( l->v_end - l->vstack_end < (512UL << 10) )
            l->v_end += MB4;
        if ( l->v_end < l->v_start )
            return -EINVAL;     /* wrapped past the top of the address space */
        needed = 1 + spans(l->v_start, l->v_end, L4_SHIFT) +
                 spans(l->v_start, l->v_end, L3_SHIFT) + spans(l->v_start, l->v_end, L2_SHIFT);
        if ( needed <= l->nr_pt_pages )
            break;
    }
    if ( p2m_base && separate_p2m(p2m_base, nr_pages, l) )
        return -EINVAL;
    if ( ((l->v_end - l->v_start) >> PAGE_SHIFT) + l->nr_p2m_frames > nr_pages )
        return -ENOMEM;         /* the initial mapping needs more pages than the domain has */
    return 0;
}

int pv_copy_to_va(void *(*dst)(void *ctx, u64 va), void *ctx, u64 va, const void *src, u64 len)
{
    const u8 *from = src;

    while ( len )
    {
        u64 chunk = MIN(len, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
        u8 *to = dst(ctx, va);

        if ( !to )
            return -EFAULT;
        memcpy(to, from, chunk);
        va += chunk;
        from += chunk;
        len -= chunk;
    }
    return 0;
}
