/*
 * Frames the runtime owns: the translated page tables (paging.c) and GDT
 * copies (descriptors.c). A PV page table or descriptor page may have no
 * writable mapping anywhere, and the kernel's own tables may map any of its
 * memory writable - so these frames are taken from the kit's spare pages,
 * unmapped, never mapped again, and written with mmu_update, which writes a
 * frame that is not (yet) a page table like ordinary memory. The kernel's
 * translated tables are told to map them read-only (pvrt_pfn_is_runtime).
 *
 * One more page of the spare area, the scratch page, is the window through
 * which the runtime reads the kernel's page tables wherever they are.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include "pvrt-internal.h"

static unsigned long pool_pfn[PVRT_POOL_FRAMES];
static unsigned long free_mfn[PVRT_POOL_FRAMES];
static unsigned int nr_free;
static void *scratch;

void pvrt_pool_init(void)
{
    scratch = kit_alloc_page();
    for ( unsigned int i = 0; i < PVRT_POOL_FRAMES; i++ )
    {
        void *va = kit_alloc_page();

        if ( !va || kit_unmap(va) )
            pvrt_fatal("cannot reserve the runtime's frames");
        pool_pfn[i] = virt_to_pfn(va);
        free_mfn[nr_free++] = pfn_to_mfn(pool_pfn[i]);
    }
    if ( !scratch || kit_unmap(scratch) )
        pvrt_fatal("cannot reserve the scratch page");
}

unsigned long pvrt_frame_alloc(void)
{
    if ( !nr_free )
        pvrt_fatal("out of runtime frames (%u): page tables too large", PVRT_POOL_FRAMES);
    return free_mfn[--nr_free];
}

void pvrt_frame_free(unsigned long mfn)
{
    free_mfn[nr_free++] = mfn;
}

void pvrt_frame_write(unsigned long mfn, const uint64_t *entries)
{
    struct kit_mmu_batch b = { .n = 0 };
    long rc = 0;

    for ( unsigned int i = 0; i < 512 && !rc; i++ )
        rc = kit_mmu_queue(&b, (mfn << 12) + 8 * i, entries[i]);
    if ( !rc )
        rc = kit_mmu_flush(&b);
    if ( rc )
        pvrt_fatal("writing runtime frame %#lx: %ld", mfn, rc);
}

bool pvrt_pfn_is_runtime(unsigned long pfn)
{
    unsigned long pt = virt_to_pfn((void *)start_info->pt_base);

    if ( pfn >= pt && pfn < pt + start_info->nr_pt_frames )
        return true;            /* the boot page tables */
    for ( unsigned int i = 0; i < PVRT_POOL_FRAMES; i++ )
        if ( pool_pfn[i] == pfn )
            return true;
    return false;
}

void *pvrt_scratch_map(unsigned long pfn)
{
    if ( kit_map(scratch, pfn_to_mfn(pfn), KIT_PTE_RO) )
        pvrt_fatal("cannot map frame %#lx", pfn);
    return scratch;
}
