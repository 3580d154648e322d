/*
 * The hypervisor's heap of machine frames. heap_init() places the frame table
 * (one record per frame up to the highest RAM frame) using the boot allocator,
 * marks RAM frames the hypervisor already uses as owned by PV_DOMID_XEN and
 * everything that is not RAM as PV_DOMID_IO, then gives every still-free range to
 * the buddy allocator. After that, frames come and go only through here, and
 * a frame handed out while a TLB may still map it for its last user is
 * flushed first (hv/frame.h, the TLB clock).
 */
#include <asm/page.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/printk.h>
#include <asm/pv/mm.h>

struct frame *frame_table;
u64 nr_frames;
struct buddy heap;

int heap_init(struct bootmem *bm, pfn_t max_pfn, const struct bootmem *ram)
{
    u64 table_bytes = ALIGN_UP(max_pfn * sizeof(struct frame), PAGE_SIZE);
    paddr_t pa;
    int rc;

    rc = bootmem_alloc(bm, table_bytes, PAGE_SIZE, ~0UL, &pa);
    if ( rc )
        return rc;
    frame_table = maddr_to_virt(pa);
    nr_frames = max_pfn;
    frame_table_init(frame_table, nr_frames);
    for ( unsigned int i = 0; i < ram->nr; i++ )   /* RAM in use: the hypervisor's */
        for ( pfn_t p = ram->range[i].start >> PAGE_SHIFT;
              p < (ram->range[i].end >> PAGE_SHIFT) && p < nr_frames; p++ )
            frame_table[p].owner = PV_DOMID_XEN;
    buddy_init(&heap, frame_table, nr_frames);
    for ( unsigned int i = 0; i < bm->nr; i++ )
    {
        pfn_t s = ALIGN_UP(bm->range[i].start, PAGE_SIZE) >> PAGE_SHIFT;
        pfn_t e = MIN(bm->range[i].end >> PAGE_SHIFT, nr_frames);

        if ( s < e && (rc = buddy_add_range(&heap, s, e)) )
            return rc;
    }
    bm->nr = 0;     /* everything belongs to the buddy allocator now */
    pr_info("frame table: %lu frames, %lu KiB at %#lx\n", (unsigned long)nr_frames,
            (unsigned long)(table_bytes >> 10), (unsigned long)pa);
    return 0;
}

int heap_alloc(unsigned int order, pfn_t *first)
{
    int rc = buddy_alloc(&heap, order, first);

    if ( rc )
        return rc;
    for ( pfn_t p = *first; p < *first + (1UL << order); p++ )
        if ( frame_tlb_stale(&frame_table[p]) )
        {
            flush_guest_tlbs();     /* a guest that gave it back may still map it */
            frame_tlb_clock++;
            break;
        }
    return 0;
}

void *alloc_xen_pages(unsigned int order)
{
    pfn_t pfn;

    if ( heap_alloc(order, &pfn) )
        return NULL;
    return maddr_to_virt(pfn << PAGE_SHIFT);
}

int free_xen_pages(void *va, unsigned int order)
{
    return buddy_free(&heap, virt_to_maddr(va) >> PAGE_SHIFT, order);
}
