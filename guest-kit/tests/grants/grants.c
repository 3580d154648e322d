/*
 * grants: grant tables v1 with the domain granting to itself (the only peer
 * a lone dom0 has): set up and map its table, grant a page, map the grant at
 * an unmapped address (or by its PTE's machine address) and read through
 * it, watch the entry's in-use flags, unmap, copy through a grant, and every refusal - bad domain, bad
 * reference, revoked or read-only entries, bad handles, copies crossing a
 * page, and plain writes over a grant mapping.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <hv/lib.h>

#define REF 8       /* the first reference after the reserved ones */

static struct pv_grant_entry_v1 *gt;

static void grant(unsigned int ref, unsigned long frame, unsigned int flags)
{
    gt[ref].domid = 0;
    gt[ref].frame = (uint32_t)frame;
    __atomic_store_n(&gt[ref].flags, (uint16_t)flags, __ATOMIC_SEQ_CST);
}

static long map(unsigned int ref, void *va, unsigned int flags, pv_domid_t dom,
                struct pv_gnttab_map_grant_ref *op)
{
    long rc;

    *op = (struct pv_gnttab_map_grant_ref){ .host_addr = (unsigned long)va,
                                            .flags = PV_GNTMAP_host_map | flags,
                                            .ref = ref, .dom = dom };
    rc = hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, op, 1);
    return rc ? rc : op->status;
}

static long unmap(void *va, uint32_t handle)
{
    struct pv_gnttab_unmap_grant_ref op = { .host_addr = (unsigned long)va, .handle = handle };
    long rc = hyp_grant_table_op(PV_GNTTABOP_unmap_grant_ref, &op, 1);

    return rc ? rc : op.status;
}

int main(void)
{
    struct pv_gnttab_setup_table setup = { .dom = PV_DOMID_SELF, .nr_frames = 1 };
    struct pv_gnttab_query_size qs = { .dom = PV_DOMID_SELF };
    struct pv_gnttab_map_grant_ref m;
    struct pv_gnttab_copy cp;
    pv_pfn_t frame;
    unsigned long *data = kit_spare_page(1), *target = kit_spare_page(2), *dest = kit_spare_page(3);
    long rc;

    printf("grants: start\n");
    pv_set_handle(setup.frame_list, &frame);
    rc = hyp_grant_table_op(PV_GNTTABOP_setup_table, &setup, 1);
    check(rc == 0 && setup.status == PV_GNTST_okay, "setup_table 1 frame -> %ld, status %d",
          rc, setup.status);
    gt = kit_spare_page(0);
    rc = hyp_update_va_mapping((unsigned long)gt, (frame << 12) | 0x67, PV_UVMF_INVLPG);
    check(rc == 0, "map our grant-table frame -> %ld", rc);
    rc = hyp_grant_table_op(PV_GNTTABOP_query_size, &qs, 1);
    check(rc == 0 && qs.nr_frames >= 1, "query_size -> %ld: %u frames", rc, qs.nr_frames);

    data[0] = 0xfeedface;
    grant(REF, virt_to_mfn(data), PV_GTF_permit_access);
    hyp_update_va_mapping((unsigned long)target, 0, PV_UVMF_INVLPG);   /* make room */
    rc = map(REF, target, 0, PV_DOMID_SELF, &m);
    check(rc == PV_GNTST_bad_domain, "map_grant_ref naming DOMID_SELF -> %ld", rc);
    rc = map(REF, target, 0, 0, &m);
    check(rc == PV_GNTST_okay, "map_grant_ref of our own grant (domain 0) -> %ld", rc);
    check(*(volatile unsigned long *)target == 0xfeedface, "read through the grant mapping");
    check(gt[REF].flags == (PV_GTF_permit_access | PV_GTF_reading | PV_GTF_writing),
          "entry flags while mapped: %#x", gt[REF].flags);
    rc = unmap(target, m.handle);
    check(rc == PV_GNTST_okay, "unmap_grant_ref -> %ld", rc);
    check(gt[REF].flags == PV_GTF_permit_access, "entry flags after unmap: %#x", gt[REF].flags);
    rc = unmap(target, m.handle);
    check(rc == PV_GNTST_bad_handle, "unmap the same handle again -> %ld", rc);

    rc = map(REF, target, 0, 77, &m);
    check(rc == PV_GNTST_bad_domain, "map from domain 77 -> %ld", rc);
    rc = map(100000, target, 0, 0, &m);
    check(rc == PV_GNTST_bad_gntref, "map reference 100000 -> %ld", rc);
    grant(REF, virt_to_mfn(data), PV_GTF_permit_access | PV_GTF_readonly);
    rc = map(REF, target, 0, 0, &m);
    check(rc == PV_GNTST_general_error, "writable map of a read-only grant -> %ld", rc);
    rc = map(REF, target, PV_GNTMAP_readonly, 0, &m);
    check(rc == PV_GNTST_okay, "read-only map of it -> %ld", rc);
    check(gt[REF].flags == (PV_GTF_permit_access | PV_GTF_readonly | PV_GTF_reading),
          "entry flags while mapped read-only: %#x", gt[REF].flags);
    check(unmap(target, m.handle) == PV_GNTST_okay, "unmap it");
    rc = map(REF, target, PV_GNTMAP_readonly | (5u << PV__GNTMAP_guest_avail0), 0, &m);
    check(rc == PV_GNTST_okay && ((kit_boot_pte((unsigned long)target) >> 9) & 7) == 5,
          "map with guest_avail bits 5: the PTE's bits 9-11 read %lu",
          (kit_boot_pte((unsigned long)target) >> 9) & 7);
    check(unmap(target, m.handle) == PV_GNTST_okay, "unmap that");
    grant(REF, virt_to_mfn(data), 0);
    rc = map(REF, target, 0, 0, &m);
    check(rc == PV_GNTST_general_error, "map a revoked grant -> %ld", rc);

    grant(REF, virt_to_mfn(data), PV_GTF_permit_access);
    cp = (struct pv_gnttab_copy){
        .source = { .u.ref = REF, .domid = PV_DOMID_SELF, .offset = 0 },
        .dest = { .u.gmfn = virt_to_mfn(dest), .domid = PV_DOMID_SELF, .offset = 8 },
        .len = 8, .flags = PV_GNTCOPY_source_gref,
    };
    rc = hyp_grant_table_op(PV_GNTTABOP_copy, &cp, 1);
    check(rc == 0 && cp.status == PV_GNTST_okay && dest[1] == 0xfeedface,
          "copy 8 bytes from a grant into our frame -> %ld, status %d", rc, cp.status);
    cp.dest.offset = 4092;
    rc = hyp_grant_table_op(PV_GNTTABOP_copy, &cp, 1);
    check(rc == 0 && cp.status == PV_GNTST_bad_copy_arg, "copy crossing the page end -> status %d",
          cp.status);
    /* a map by the machine address of the PTE (GNTMAP_contains_pte), as
     * Linux's gntdev maps into a process */
    grant(REF, virt_to_mfn(data), PV_GTF_permit_access);
    {
        unsigned long pte = kit_boot_pte_maddr((unsigned long)target);

        m = (struct pv_gnttab_map_grant_ref){ .host_addr = pte, .ref = REF, .dom = 0,
            .flags = PV_GNTMAP_host_map | PV_GNTMAP_contains_pte | PV_GNTMAP_readonly };
        rc = hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, &m, 1);
        check(rc == 0 && m.status == PV_GNTST_okay, "map by PTE address -> %ld/%d", rc, m.status);
        check(*(volatile unsigned long *)target == 0xfeedface, "read through it");
        rc = unmap((void *)pte, m.handle);
        check(rc == PV_GNTST_okay && kit_boot_pte((unsigned long)target) == 0,
              "unmap by the same PTE address -> %ld", rc);
        m.host_addr = virt_to_mfn(data) << 12;
        rc = hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, &m, 1);
        check(rc == 0 && m.status == PV_GNTST_general_error,
              "map by the address of an entry in a page that is no page table -> %d", m.status);
    }
    /* last, because it leaves a grant mapped in the books until we die */
    rc = map(REF, target, 0, 0, &m);
    check(rc == PV_GNTST_okay, "map again -> %ld", rc);
    rc = hyp_update_va_mapping((unsigned long)target, 0, PV_UVMF_INVLPG);
    check(rc == 0, "update_va_mapping over a grant mapping (allowed, as on Xen) -> %ld", rc);
    rc = unmap(target, m.handle);
    check(rc == PV_GNTST_general_error, "then unmap_grant_ref finds no grant PTE -> %ld", rc);
    rc = hyp_grant_table_op(99, &cp, 1);
    check(rc == -PV_ENOSYS, "grant_table_op 99 -> %ld", rc);
    printf("grants: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
