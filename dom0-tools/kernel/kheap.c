/*
 * The kernel's heap of pages: runs of contiguous kernel virtual addresses
 * backed by the domain's free frames (frames.c), for what grows at run time
 * - the contents of files written to the tmpfs. The heap is a 128 MiB
 * window of the kernel's half, 0xffffffffa0000000 up, in the same L2 table
 * as the kernel image; its 64 L1 tables are made at boot (zeroed frames
 * linked by mmu_update, which validates them), then pages are mapped and
 * unmapped by update_va_mapping. A bitmap says which
 * pages are in use; a run is found first-fit. The frame behind each page is
 * remembered, since the kernel cannot read its own L1 tables here.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <hv/lib.h>
#include "kernel.h"

#define HEAP_BASE   0xffffffffa0000000UL
#define HEAP_PAGES  32768UL             /* 128 MiB */
#define PTE_TABLE   (KIT_PTE_P | KIT_PTE_RW | KIT_PTE_U | KIT_PTE_A)
#define PTE_ADDR    0x000ffffffffff000UL

static uint64_t used[HEAP_PAGES / 64];
static uint32_t frame_of[HEAP_PAGES];
static unsigned long in_use;

static bool page_used(unsigned long i) { return used[i / 64] & (1UL << (i % 64)); }

/* the kernel's L2 table for the heap, from its own (read-only) boot tables */
static unsigned long l2_mfn(void)
{
    const uint64_t *l4 = (const uint64_t *)start_info->pt_base;
    const uint64_t *l3 = pfn_to_virt(mfn_to_pfn((l4[(HEAP_BASE >> 39) & 511] & PTE_ADDR) >> 12));

    return (l3[(HEAP_BASE >> 30) & 511] & PTE_ADDR) >> 12;
}

static long add_l1(unsigned long l2, unsigned long chunk)
{
    long pfn = frame_alloc();
    struct pv_mmu_update u;

    if ( pfn < 0 )
        return pfn;
    memset(frame_scratch_map((unsigned long)pfn), 0, PAGE_SIZE);
    frame_scratch_unmap();
    u = (struct pv_mmu_update){ (l2 << 12) + 8 * (((HEAP_BASE >> 21) & 511) + chunk),
                                (pfn_to_mfn((unsigned long)pfn) << 12) | PTE_TABLE };
    if ( hyp_mmu_update(&u, 1, 0, 0x7ff0) )
        return frame_free((unsigned long)pfn), -ENOMEM;
    return 0;
}

long kheap_init(void)
{
    unsigned long l2 = l2_mfn();
    long rc;

    for ( unsigned long chunk = 0; chunk < HEAP_PAGES / 512; chunk++ )
        if ( (rc = add_l1(l2, chunk)) )
            return rc;
    return 0;
}

unsigned long kheap_in_use(void) { return in_use; }

void kheap_free(void *p, size_t pages)
{
    unsigned long first = ((uint64_t)p - HEAP_BASE) / PAGE_SIZE;

    for ( unsigned long i = first; i < first + pages; i++ )
    {
        kit_unmap((void *)(HEAP_BASE + i * PAGE_SIZE));
        frame_free(frame_of[i]);
        used[i / 64] &= ~(1UL << (i % 64));
        in_use--;
    }
}

void *kheap_alloc(size_t pages)
{
    unsigned long start = 0, run = 0;

    if ( !pages || pages > HEAP_PAGES )
        return NULL;
    for ( unsigned long i = 0; i < HEAP_PAGES && run < pages; i++ )
    {
        if ( page_used(i) )
            run = 0;
        else if ( run++ == 0 )
            start = i;
    }
    if ( run < pages )
        return NULL;
    for ( unsigned long i = start; i < start + pages; i++ )
    {
        void *va = (void *)(HEAP_BASE + i * PAGE_SIZE);
        long pfn;

        if ( (pfn = frame_alloc()) < 0 )
            return kheap_free((void *)(HEAP_BASE + start * PAGE_SIZE), i - start), NULL;
        if ( kit_map(va, pfn_to_mfn((unsigned long)pfn), KIT_PTE_RWX) )
        {
            frame_free((unsigned long)pfn);
            return kheap_free((void *)(HEAP_BASE + start * PAGE_SIZE), i - start), NULL;
        }
        frame_of[i] = (uint32_t)pfn;
        used[i / 64] |= 1UL << (i % 64);
        in_use++;
        memset(va, 0, PAGE_SIZE);
    }
    return (void *)(HEAP_BASE + start * PAGE_SIZE);
}
