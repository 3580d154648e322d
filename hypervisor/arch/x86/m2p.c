/*
 * The machine-to-physical table: for every machine frame, the guest frame
 * number its owner uses for it (~0 = none). PV guests read it at
 * PV_MACH2PHYS_VIRT_START (read-only, user-visible, mapped into every guest
 * L4 through the hole) to translate the machine addresses they find in their
 * own page tables; they change their entries with MMU_MACHPHYS_UPDATE.
 */
#include <asm/page.h>
#include <asm/paging.h>
#include <asm/pv/mm.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/printk.h>

#define M2P_INVALID (~0UL)
#define M2P_EXTENT  (2UL << 20)

static u64 *m2p;            /* the hypervisor's writable view (direct map) */
static u64 m2p_entries;

int m2p_init(u64 max_mfn)
{
    u64 bytes = ALIGN_UP(max_mfn * sizeof(u64), PAGE_SIZE);
    unsigned int order = 0;
    int rc;

    while ( (PAGE_SIZE << order) < bytes )
        order++;
    if ( bytes > PV_MACH2PHYS_VIRT_END - PV_MACH2PHYS_VIRT_START ||
         !(m2p = alloc_xen_pages(order)) )
        return -ENOMEM;
    m2p_entries = max_mfn;
    for ( u64 i = 0; i < max_mfn; i++ )
        m2p[i] = M2P_INVALID;
    rc = paging_map_user_ro(PV_MACH2PHYS_VIRT_START, virt_to_maddr(m2p), bytes);
    if ( rc )
        return rc;
    pr_info("M2P: %lu entries, %lu KiB at %#lx (read-only for guests)\n",
            (unsigned long)max_mfn, (unsigned long)(bytes >> 10),
            (unsigned long)PV_MACH2PHYS_VIRT_START);
    return 0;
}

void m2p_set(pfn_t mfn, u64 pfn)
{
    if ( mfn < m2p_entries )
        m2p[mfn] = pfn;
}

/* The M2P is one contiguous allocation: its i-th 2 MiB extent starts at
 * machine frame first + i * 512 (what machphys_mfn_list reports). */
u64 m2p_extents(pfn_t *first)
{
    *first = virt_to_maddr(m2p) >> PAGE_SHIFT;
    return (m2p_entries * sizeof(u64) + M2P_EXTENT - 1) / M2P_EXTENT;
}

bool m2p_valid(pfn_t mfn)
{
    return mfn < m2p_entries;
}
