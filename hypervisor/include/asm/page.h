/*
 * Page-table entry bits and the direct map: every machine address is reachable
 * at DIRECTMAP_VIRT_START + address once paging_init() has run (the boot page
 * tables map the first GiB the same way).
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <hv/types.h>
#include <asm/layout.h>

#define _PAGE_PRESENT   (1UL << 0)
#define _PAGE_RW        (1UL << 1)
#define _PAGE_USER      (1UL << 2)
#define _PAGE_PWT       (1UL << 3)
#define _PAGE_PCD       (1UL << 4)
#define _PAGE_ACCESSED  (1UL << 5)
#define _PAGE_DIRTY     (1UL << 6)
#define _PAGE_PSE       (1UL << 7)
#define _PAGE_PAT       (1UL << 7)     /* in an L1 entry */
#define _PAGE_GLOBAL    (1UL << 8)
#define _PAGE_NX        (1UL << 63)
#define PTE_ADDR_MASK   0x000ffffffffff000UL

#define L1_SHIFT 12
#define L2_SHIFT 21
#define L3_SHIFT 30
#define L4_SHIFT 39
#define PT_ENTRIES 512
#define pt_index(va, shift) (((u64)(va) >> (shift)) & (PT_ENTRIES - 1))

typedef u64 pte_t;

static inline void *maddr_to_virt(paddr_t ma) { return (void *)(DIRECTMAP_VIRT_START + ma); }
static inline paddr_t virt_to_maddr(const void *va)
{
    u64 v = (u64)va;
    if ( v >= DIRECTMAP_VIRT_START )
        return v - DIRECTMAP_VIRT_START;
    return v - IMAGE_VIRT_BASE;     /* an address inside the image */
}

#endif
