/*
 * PV memory helpers (sierra-guest/mm.h): thin, checked wrappers around the
 * page-table hypercalls, an update batch, and a page allocator over the
 * spare part of the initial mapping (a free list threaded through the free
 * pages themselves).
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <hv/lib.h>

#define DOMID_SELF  0x7ff0
#define FIRST_FREE  32          /* spare pages below this are the tests' to use */

long kit_map(void *va, unsigned long mfn, unsigned long flags)
{
    return hyp_update_va_mapping((unsigned long)va, (mfn << 12) | flags, PV_UVMF_INVLPG);
}

long kit_unmap(void *va)
{
    return hyp_update_va_mapping((unsigned long)va, 0, PV_UVMF_INVLPG);
}

long kit_make_readonly(void *va)
{
    return kit_map(va, pfn_to_mfn(virt_to_pfn(va)), KIT_PTE_RO);
}

static long mmuext(unsigned int cmd, unsigned long mfn)
{
    struct pv_mmuext_op op = { .cmd = cmd, .arg1.mfn = mfn };

    return hyp_mmuext_op(&op, 1, 0, DOMID_SELF);
}

long kit_pin(unsigned int level, unsigned long mfn)
{
    return level < 1 || level > 4 ? -22 : mmuext(PV_MMUEXT_PIN_L1_TABLE + level - 1, mfn);
}

long kit_unpin(unsigned long mfn) { return mmuext(PV_MMUEXT_UNPIN_TABLE, mfn); }
long kit_new_baseptr(unsigned long mfn) { return mmuext(PV_MMUEXT_NEW_BASEPTR, mfn); }
long kit_new_user_baseptr(unsigned long mfn) { return mmuext(PV_MMUEXT_NEW_USER_BASEPTR, mfn); }
long kit_tlb_flush(void) { return mmuext(PV_MMUEXT_TLB_FLUSH_LOCAL, 0); }

long kit_mmu_flush(struct kit_mmu_batch *b)
{
    long rc = b->n ? hyp_mmu_update(b->req, b->n, 0, DOMID_SELF) : 0;

    b->n = 0;
    return rc;
}

long kit_mmu_queue(struct kit_mmu_batch *b, unsigned long maddr, unsigned long val)
{
    b->req[b->n++] = (struct pv_mmu_update){ maddr, val };
    return b->n == sizeof(b->req) / sizeof(b->req[0]) ? kit_mmu_flush(b) : 0;
}

static void *free_list;
static unsigned long next_unused = FIRST_FREE;

/* pages of the initial mapping: up to v_end, by Xen's layout rule */
static unsigned long spare_pages(void)
{
    unsigned long stack_end = start_info->pt_base + (start_info->nr_pt_frames + 1) * 4096;
    unsigned long v_end = (stack_end + (4UL << 20) - 1) & ~((4UL << 20) - 1);

    if ( v_end - stack_end < (512UL << 10) )
        v_end += 4UL << 20;
    return (v_end - stack_end) / 4096 - 4;      /* kit_spare_page(0) is 4 pages past */
}

void *kit_alloc_page(void)
{
    void *p = free_list;

    if ( p )
        free_list = *(void **)p;
    else if ( next_unused < spare_pages() )
        p = kit_spare_page((unsigned int)next_unused++);
    if ( p )
        memset(p, 0, 4096);
    return p;
}

void kit_free_page(void *va)
{
    *(void **)va = free_list;
    free_list = va;
}

unsigned long kit_boot_pte_maddr(unsigned long va)
{
    unsigned long e = pfn_to_mfn(virt_to_pfn((void *)start_info->pt_base)) << 12 | 1;
    unsigned long maddr = 0;

    for ( int shift = 39; shift >= 12; shift -= 9 )
    {
        const unsigned long *t = pfn_to_virt(mfn_to_pfn((e & 0x000ffffffffff000UL) >> 12));

        if ( !(e & 1) )
            return 0;
        maddr = (e & 0x000ffffffffff000UL) + ((va >> shift) & 511) * 8;
        e = t[(va >> shift) & 511];
    }
    return maddr;
}

unsigned long kit_boot_pte(unsigned long va)
{
    unsigned long maddr = kit_boot_pte_maddr(va);
    unsigned long e;

    if ( !maddr )
        return 0;
    e = ((const unsigned long *)pfn_to_virt(mfn_to_pfn(maddr >> 12)))[(maddr & 0xfff) / 8];
    return e & 1 ? e : 0;
}

unsigned long kit_initial_pages(void)
{
    unsigned long n = 0;

    while ( n < start_info->nr_pages && kit_boot_pte(KIT_VIRT_BASE + n * 4096) )
        n++;
    return n;
}
