/*
 * memory: giving frames back and taking them again. A frame still mapped
 * leaves the reservation at once and lives until unmapped;
 * increase_reservation and populate_physmap hand out frames (populate also
 * sets their M2P entries) that the guest can map and use. mmuext CLEAR_PAGE
 * and COPY_PAGE work on the guest's own ordinary frames (a page table may be
 * copied from, never written); machphys_mfn_list names the M2P's frames;
 * XENMEM_exchange trades unmapped frames for new ones.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <sierra-guest/mm.h>
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

static long page_op(unsigned int cmd, unsigned long dst, unsigned long src)
{
    struct pv_mmuext_op op = { .cmd = cmd };

    op.arg1.mfn = dst;
    op.arg2.src_mfn = src;
    return hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
}

static void clear_and_copy(void)
{
    volatile unsigned long *p = kit_alloc_page(), *q = kit_alloc_page();
    unsigned long mp = pfn_to_mfn(virt_to_pfn((void *)p)), mq = pfn_to_mfn(virt_to_pfn((void *)q));
    unsigned long pt = start_info->pt_base, mpt = pfn_to_mfn(virt_to_pfn((void *)pt));
    long max = hyp_memory_op(PV_XENMEM_maximum_ram_page, 0), rc;

    p[0] = 0x1111;
    p[511] = 0x2222;
    rc = page_op(PV_MMUEXT_CLEAR_PAGE, mp, 0);
    check(rc == 0 && p[0] == 0 && p[511] == 0, "mmuext CLEAR_PAGE of an own page -> %ld, zeroed", rc);
    q[7] = 0x7777;
    rc = page_op(PV_MMUEXT_COPY_PAGE, mp, mq);
    check(rc == 0 && p[7] == 0x7777, "COPY_PAGE into it -> %ld, copied", rc);
    rc = page_op(PV_MMUEXT_COPY_PAGE, mp, mpt);
    check(rc == 0 && p[511] == ((volatile unsigned long *)pt)[511],
          "COPY_PAGE from a page table (reading is allowed) -> %ld", rc);
    rc = page_op(PV_MMUEXT_CLEAR_PAGE, mpt, 0);
    check(rc == -PV_EINVAL, "CLEAR_PAGE of a page table -> %ld", rc);
    rc = page_op(PV_MMUEXT_COPY_PAGE, mpt, mq);
    check(rc == -PV_EINVAL, "COPY_PAGE into a page table -> %ld", rc);
    rc = page_op(PV_MMUEXT_CLEAR_PAGE, (unsigned long)max + 16, 0);
    check(rc == -PV_EINVAL, "CLEAR_PAGE of a frame beyond RAM -> %ld", rc);
    rc = page_op(PV_MMUEXT_COPY_PAGE, mp, (unsigned long)max + 16);
    check(rc == -PV_EINVAL, "COPY_PAGE from a frame beyond RAM -> %ld", rc);
}

static void m2p_frames(void)
{
    pv_pfn_t frames[4] = { 0 };
    struct pv_machphys_mfn_list l = { .max_extents = 4 };
    long max = hyp_memory_op(PV_XENMEM_maximum_ram_page, 0), rc;
    unsigned long want = ((unsigned long)max * 8 + (2UL << 20) - 1) >> 21;

    pv_set_handle(l.extent_start, frames);
    rc = hyp_memory_op(PV_XENMEM_machphys_mfn_list, &l);
    check(rc == 0 && l.nr_extents == (want < 4 ? want : 4),
          "machphys_mfn_list -> %ld, %u extents of 2 MiB for %ld frames", rc, l.nr_extents, max);
    check(frames[0] && frames[0] < (unsigned long)max, "its first frame is a machine frame");
    l.max_extents = 0;
    rc = hyp_memory_op(PV_XENMEM_machphys_mfn_list, &l);
    check(rc == 0 && l.nr_extents == 0, "max_extents 0 -> %ld, %u extents", rc, l.nr_extents);
    pv_set_handle(l.extent_start, (pv_pfn_t *)0xffff830000000000UL);
    l.max_extents = 1;
    rc = hyp_memory_op(PV_XENMEM_machphys_mfn_list, &l);
    check(rc == -PV_EFAULT, "a list in the hypervisor hole -> %ld", rc);
}

/* dom0 reads the machine's E820 (Linux sizes its memory by it) */
static void machine_map(void)
{
    static struct pv_e820_entry e[64];
    struct pv_memory_map map = { .nr_entries = 64 };
    long rc;

    pv_set_handle(map.buffer, e);
    rc = hyp_memory_op(PV_XENMEM_machine_memory_map, &map);
    check(rc == 0 && map.nr_entries > 0 && e[0].addr == 0 && e[0].type == 1,
          "machine_memory_map -> %ld: RAM at 0 first", rc);
    map.nr_entries = 1;
    rc = hyp_memory_op(PV_XENMEM_machine_memory_map, &map);
    check(rc == -PV_EINVAL, "with room for one entry -> %ld", rc);
}

static void max_gpfn(void)
{
    pv_domid_t self = PV_DOMID_SELF;
    struct pv_shared_info *si = kit_spare_page(5);
    long rc;

    hyp_update_va_mapping((unsigned long)si, start_info->shared_info | 0x67, PV_UVMF_INVLPG);
    rc = hyp_memory_op(PV_XENMEM_maximum_gpfn, &self);
    check(rc == (long)(si->arch.max_pfn ? si->arch.max_pfn - 1 : 0),
          "maximum_gpfn before the guest says: %ld (shared_info max_pfn %lu)", rc,
          (unsigned long)si->arch.max_pfn);
    si->arch.max_pfn = start_info->nr_pages;
    rc = hyp_memory_op(PV_XENMEM_maximum_gpfn, &self);
    check(rc == (long)start_info->nr_pages - 1, "after max_pfn = nr_pages: %ld", rc);
    rc = hyp_memory_op(PV_XENMEM_maximum_gpfn, (void *)0xffff830000000000UL);
    check(rc == -PV_EFAULT, "with the domid in the hole -> %ld", rc);
}

static long exch(pv_pfn_t *in, unsigned long nin, unsigned int oin, pv_pfn_t *out,
                 unsigned long nout, unsigned int oout, unsigned int flags, unsigned long *done)
{
    struct pv_memory_exchange x = {
        .in = { .nr_extents = nin, .extent_order = oin, .domid = PV_DOMID_SELF },
        .out = { .nr_extents = nout, .extent_order = oout, .mem_flags = flags,
                 .domid = PV_DOMID_SELF },
    };
    long rc;

    pv_set_handle(x.in.extent_start, in);
    pv_set_handle(x.out.extent_start, out);
    rc = hyp_memory_op(PV_XENMEM_exchange, &x);
    *done = x.nr_exchanged;
    return rc;
}

/* point the guest's page at va to mfn: its mapping and its p2m entry */
static void remap(void *va, unsigned long mfn)
{
    ((unsigned long *)start_info->mfn_list)[virt_to_pfn(va)] = mfn;
    hyp_update_va_mapping((unsigned long)va, (mfn << 12) | 0x67, PV_UVMF_INVLPG);
}

/* XENMEM_exchange: frames traded for new ones, one for one below 4 GiB, two
 * for one machine-contiguous pair and back; a frame still mapped or lists of
 * different sizes are refused with nothing done */
static void exchange(void)
{
    char *p1 = kit_spare_page(20), *p2 = kit_spare_page(21), *p3 = kit_spare_page(22);
    pv_pfn_t in[2] = { virt_to_mfn(p1) }, out[2] = { virt_to_pfn(p1) };
    unsigned long done;
    long rc;

    p1[0] = 0x55;
    rc = exch(in, 1, 0, out, 1, 0, 0, &done);
    check(rc == -PV_EINVAL && done == 0, "exchange a frame still mapped -> %ld, %lu done", rc,
          done);
    hyp_update_va_mapping((unsigned long)p1, 0, PV_UVMF_INVLPG);
    rc = exch(in, 1, 0, out, 1, 0, PV_XENMEMF_address_bits(32), &done);
    check(rc == 0 && done == 1 && out[0] != in[0] && out[0] < (1UL << 20),
          "exchange it for a frame below 4 GiB -> %ld, %lu done, a new frame: %s", rc, done,
          out[0] != in[0] ? "yes" : "no");
    check(mfn_to_pfn(out[0]) == virt_to_pfn(p1), "the M2P names the guest frame asked for");
    remap(p1, out[0]);
    check(p1[0] == 0, "the new frame reads zero");

    in[0] = virt_to_mfn(p2);
    in[1] = virt_to_mfn(p3);
    out[0] = virt_to_pfn(p2);
    rc = exch(in, 2, 0, out, 1, 1, 0, &done);
    check(rc == -PV_EINVAL && done == 0, "two mapped frames for one pair -> %ld", rc);
    hyp_update_va_mapping((unsigned long)p2, 0, PV_UVMF_INVLPG);
    hyp_update_va_mapping((unsigned long)p3, 0, PV_UVMF_INVLPG);
    rc = exch(in, 1, 0, out, 1, 1, 0, &done);
    check(rc == -PV_EINVAL && done == 0, "one frame for a pair (sizes differ) -> %ld", rc);
    rc = exch(in, 2, 0, out, 1, 1, 0, &done);
    check(rc == 0 && done == 2 && !(out[0] & 1), "two frames for one contiguous pair -> %ld, "
          "%lu done, aligned: %s", rc, done, out[0] & 1 ? "no" : "yes");
    check(mfn_to_pfn(out[0]) == virt_to_pfn(p2) && mfn_to_pfn(out[0] + 1) == virt_to_pfn(p3),
          "the M2P names both guest frames");
    remap(p2, out[0]);
    remap(p3, out[0] + 1);
    p2[0] = p3[0] = 7;

    in[0] = out[0];
    out[0] = virt_to_pfn(p2);
    out[1] = virt_to_pfn(p3);
    hyp_update_va_mapping((unsigned long)p2, 0, PV_UVMF_INVLPG);
    hyp_update_va_mapping((unsigned long)p3, 0, PV_UVMF_INVLPG);
    rc = exch(in, 1, 1, out, 2, 0, 0, &done);
    check(rc == 0 && done == 1 && mfn_to_pfn(out[0]) == virt_to_pfn(p2) &&
          mfn_to_pfn(out[1]) == virt_to_pfn(p3), "the pair back for two frames -> %ld, %lu done",
          rc, done);
    remap(p2, out[0]);
    remap(p3, out[1]);
    check(p2[0] == 0 && p3[0] == 0, "both read zero");
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
    clear_and_copy();
    m2p_frames();
    max_gpfn();
    machine_map();
    exchange();
    printf("memory: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
