/*
 * The kit's PV memory helpers. A PV kernel never writes its page tables
 * directly: it asks the hypervisor (mmu_update, update_va_mapping, mmuext_op),
 * which validates every entry. These wrap the common cases; kit_mmu_* batch
 * many entry updates into one hypercall. kit_alloc_page hands out free pages
 * of the initial mapping (the builder leaves at least 512 KiB spare after the
 * boot stack).
 */
#ifndef SIERRA_GUEST_MM_H
#define SIERRA_GUEST_MM_H

#include <sierra/mmu.h>

#define KIT_PTE_P       0x001UL
#define KIT_PTE_RW      0x002UL
#define KIT_PTE_U       0x004UL
#define KIT_PTE_A       0x020UL
#define KIT_PTE_D       0x040UL
#define KIT_PTE_RO      (KIT_PTE_P | KIT_PTE_U | KIT_PTE_A)
#define KIT_PTE_RWX     (KIT_PTE_RO | KIT_PTE_RW | KIT_PTE_D)

long kit_map(void *va, unsigned long mfn, unsigned long flags);  /* one L1 entry, invlpg */
long kit_unmap(void *va);
long kit_make_readonly(void *va);           /* the page at va, mapped to its own frame */
long kit_pin(unsigned int level, unsigned long mfn);
long kit_unpin(unsigned long mfn);
long kit_new_baseptr(unsigned long mfn);
long kit_new_user_baseptr(unsigned long mfn);
long kit_tlb_flush(void);

/* up to 64 queued updates, sent when full or by kit_mmu_flush */
struct kit_mmu_batch {
    struct pv_mmu_update req[64];
    unsigned int n;
};
long kit_mmu_queue(struct kit_mmu_batch *b, unsigned long maddr, unsigned long val);
long kit_mmu_flush(struct kit_mmu_batch *b);

/* how many pages, from pseudo-physical frame 0, the builder mapped at
 * KIT_VIRT_BASE: the frames from there to start_info->nr_pages are free */
unsigned long kit_initial_pages(void);
/* the boot tables' L1 entry for va, or 0 (they are real PV tables, in the
 * initial mapping, readable where the builder put them) */
unsigned long kit_boot_pte(unsigned long va);
unsigned long kit_boot_pte_maddr(unsigned long va);     /* where that entry is, or 0 */

void *kit_alloc_page(void);                 /* zeroed, mapped; NULL when none is left */
void kit_free_page(void *va);

#endif
