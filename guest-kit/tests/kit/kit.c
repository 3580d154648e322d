/*
 * kit: the guest kit's own helpers, as a porting guest would use them -
 * page allocation, building and hooking a page table with a batch, pinning,
 * and sharing a page through a grant to itself.
 */
#include <sierra-guest/grant.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <hv/lib.h>

#define NEW_VA  0xffffffff80a00000UL

int main(void)
{
    struct kit_mmu_batch batch = { .n = 0 };
    unsigned long *l1 = kit_alloc_page(), *pages[4], l2e;
    const unsigned long *l4 = (const unsigned long *)start_info->pt_base;
    const unsigned long *l3, *l2;
    uint32_t handle;
    long rc, ref;
    void *target;

    printf("kit: start\n");
    check(l1 != 0 && l1[0] == 0, "kit_alloc_page gives a zeroed page");
    for ( int i = 0; i < 4; i++ )
    {
        pages[i] = kit_alloc_page();
        pages[i][0] = 0x100 + i;
    }
    check(pages[3] != pages[2] && pages[0] != l1, "and distinct ones");
    kit_free_page(pages[3]);
    check(kit_alloc_page() == pages[3], "a freed page comes back first");

    check(kit_make_readonly(l1) == 0, "kit_make_readonly on the new table");
    check(kit_pin(1, virt_to_mfn(l1)) == 0, "kit_pin level 1");
    for ( int i = 0; i < 3; i++ )
        kit_mmu_queue(&batch, (virt_to_mfn(l1) << 12) + i * 8, (virt_to_mfn(pages[i]) << 12) | KIT_PTE_RWX);
    rc = kit_mmu_flush(&batch);
    check(rc == 0, "a batch of 3 entries -> %ld", rc);
    l3 = pfn_to_virt(mfn_to_pfn((l4[511] & 0xffffffffff000UL) >> 12));
    l2 = pfn_to_virt(mfn_to_pfn((l3[510] & 0xffffffffff000UL) >> 12));
    l2e = ((l3[510] & 0xffffffffff000UL)) + ((NEW_VA >> 21) & 511) * 8;
    (void)l2;
    kit_mmu_queue(&batch, l2e, (virt_to_mfn(l1) << 12) | KIT_PTE_RWX);
    rc = kit_mmu_flush(&batch);
    check(rc == 0, "hook the table in -> %ld", rc);
    check(((volatile unsigned long *)NEW_VA)[0] == 0x100 &&
          ((volatile unsigned long *)(NEW_VA + 8192))[0] == 0x102, "reads through it");
    kit_mmu_queue(&batch, l2e, 0);
    check(kit_mmu_flush(&batch) == 0 && kit_unpin(virt_to_mfn(l1)) == 0, "unhook and unpin");

    check(kit_grant_init(kit_alloc_page()) == 0, "kit_grant_init");
    ref = kit_grant_access(0, virt_to_mfn(pages[1]), 0);
    check(ref >= 8, "kit_grant_access -> a reference past the reserved ones");
    target = kit_alloc_page();
    kit_unmap(target);
    rc = kit_grant_map(0, (uint32_t)ref, target, 0, &handle);
    check(rc == 0 && ((volatile unsigned long *)target)[0] == 0x101, "kit_grant_map, read -> %ld", rc);
    check(kit_grant_end((uint32_t)ref) == -16, "kit_grant_end while mapped -> -EBUSY");
    check(kit_grant_unmap(target, handle) == 0, "kit_grant_unmap");
    rc = kit_grant_copy_in(0, (uint32_t)ref, 0, virt_to_mfn(pages[2]), 16, 8);
    check(rc == 0 && pages[2][2] == 0x101, "kit_grant_copy_in -> %ld", rc);
    check(kit_grant_end((uint32_t)ref) == 0, "kit_grant_end once unmapped");
    printf("kit: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
