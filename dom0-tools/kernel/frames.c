/*
 * The domain's free frames: every pseudo-physical frame past the builder's
 * initial mapping (the kernel image, initramfs, p2m, boot tables and the
 * kit's spare pages) up to nr_pages. A bitmap says which are free. A frame
 * is reached through the scratch page: mapped writable there to be zeroed or
 * filled, unmapped before it becomes a page table (a PV page table may have
 * no writable mapping anywhere).
 */
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include "kernel.h"

#define MAX_FRAMES (1UL << 20)          /* 4 GiB of domain memory */

static uint64_t free_map[MAX_FRAMES / 64];
static unsigned long first, total, nr_free, hint;
static void *scratch;

void frames_init(void)
{
    unsigned long end = start_info->nr_pages < MAX_FRAMES ? start_info->nr_pages : MAX_FRAMES;

    first = kit_initial_pages();
    scratch = kit_alloc_page();
    for ( unsigned long p = first; p < end; p++ )
        free_map[p / 64] |= 1UL << (p % 64);
    total = nr_free = end > first ? end - first : 0;
    hint = first;
}

long frame_alloc(void)
{
    unsigned long end = first + total;

    for ( unsigned long n = 0, p = hint; n < total; n++, p = p + 1 < end ? p + 1 : first )
        if ( free_map[p / 64] & (1UL << (p % 64)) )
        {
            free_map[p / 64] &= ~(1UL << (p % 64));
            nr_free--;
            hint = p;
            return (long)p;
        }
    return -ENOMEM;
}

void frame_free(unsigned long pfn)
{
    free_map[pfn / 64] |= 1UL << (pfn % 64);
    nr_free++;
}

unsigned long frames_free_count(void) { return nr_free; }
unsigned long frames_total(void) { return total; }

void *frame_scratch_map(unsigned long pfn)
{
    kit_map(scratch, pfn_to_mfn(pfn), KIT_PTE_RWX);
    return scratch;
}

void frame_scratch_unmap(void)
{
    kit_unmap(scratch);
}
