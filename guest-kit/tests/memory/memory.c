/*
 * memory: giving frames back and taking them again. A frame still mapped
 * leaves the reservation at once and lives until unmapped;
 * increase_reservation and populate_physmap hand out frames (populate also
 * sets their M2P entries) that the guest can map and use.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domid.h>
#include <hv/lib.h>

static long current_pages(void)
{
    pv_domid_t self = PV_DOMID_SELF;

    return hyp_memory_op(PV_XENMEM_current_reservation, &self);
}

static long reserve(unsigned int cmd, pv_pfn_t *list, unsigned long n, unsigned int order)
{
    struct pv_memory_reservation r = { .nr_extents = n, .extent_order = order,
                                       .domid = PV_DOMID_SELF };

    pv_set_handle(r.extent_start, list);
    return hyp_memory_op(cmd, &r);
}

int main(void)
{
    void *a = kit_spare_page(0), *b = kit_spare_page(1), *c = kit_spare_page(2);
    pv_pfn_t list[2] = { pfn_to_mfn(virt_to_pfn(a)), pfn_to_mfn(virt_to_pfn(b)) };
    long cur0 = current_pages(), rc;

    printf("memory: start\n");
    ((volatile unsigned long *)a)[0] = 0xabcd;
    rc = reserve(PV_XENMEM_decrease_reservation, list, 2, 0);
    check(rc == 2, "decrease_reservation of frames still mapped -> %ld extents", rc);
    check(((volatile unsigned long *)a)[0] == 0xabcd, "the mapping lives on until unmapped");
    check(current_pages() == cur0, "they count until then");
    hyp_update_va_mapping((unsigned long)a, 0, PV_UVMF_INVLPG);
    hyp_update_va_mapping((unsigned long)b, 0, PV_UVMF_INVLPG);
    check(current_pages() == cur0 - 2, "unmapped, current_reservation went down by 2");
    rc = reserve(PV_XENMEM_decrease_reservation, list, 2, 0);
    check(rc == 0, "give the same frames back again -> %ld extents", rc);
    list[0] = list[1] = 0;
    rc = reserve(PV_XENMEM_increase_reservation, list, 2, 0);
    check(rc == 2 && list[0] && list[1], "increase_reservation 2 -> %ld extents", rc);
    check(current_pages() == cur0, "current_reservation is back");
    rc = reserve(PV_XENMEM_decrease_reservation, list, 1, 0);
    check(rc == 1, "give one back -> %ld", rc);
    list[0] = virt_to_pfn(a);
    rc = reserve(PV_XENMEM_populate_physmap, list, 1, 0);
    check(rc == 1, "populate_physmap 1 -> %ld", rc);
    check(mfn_to_pfn(list[0]) == virt_to_pfn(a), "populate set the M2P entry");
    rc = hyp_update_va_mapping((unsigned long)a, (list[0] << 12) | 0x67, PV_UVMF_INVLPG);
    check(rc == 0, "map the new frame -> %ld", rc);
    *(volatile unsigned long *)a = 0x1234;
    check(*(volatile unsigned long *)a == 0x1234, "and use it");
    check(((volatile unsigned long *)c)[1] == 0, "untouched spare memory reads zero");
    rc = reserve(PV_XENMEM_increase_reservation, list, 1, 10);
    check(rc == 1, "dom0 may take a 4 MiB extent (order 10) -> %ld", rc);
    rc = reserve(PV_XENMEM_decrease_reservation, list, 1, 10);
    check(rc == 1, "and give it back -> %ld", rc);
    printf("memory: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
