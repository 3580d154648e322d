/*
 * descriptors: a guest GDT. Descriptors of the wrong kind are refused,
 * ring-0 code and data are turned into ring-3 ones, a loaded selector works,
 * update_descriptor checks the same way, a GDT frame cannot be mapped
 * writable while installed and becomes ordinary memory again afterwards.
 * Then an LDT: its page made read-only, SET_LDT, a selector with TI set
 * loads the LDT's descriptor (made ring 3 as in the GDT), a not-present one
 * (left as it is, DPL 0) raises #GP with the selector as error code, the page stays read-only
 * while the LDT is set and is ordinary memory once it is not.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <hv/lib.h>

#define CODE64_DPL0 0x00af9a000000ffffUL
#define DATA_DPL0   0x00cf92000000ffffUL
#define TSS64       0x0000890000000067UL

static struct kit_trap_frame seen;
static unsigned int traps;

static void on_trap(struct kit_trap_frame *f)
{
    seen = *f;
    traps++;
    f->rip += 2;                        /* mov %ax, %es */
}

static long set_ldt(void *base, unsigned int ents)
{
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_SET_LDT };

    op.arg1.linear_addr = (unsigned long)base;
    op.arg2.nr_ents = ents;
    return hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
}

static void ldt(void)
{
    unsigned long *l = kit_spare_page(1);
    unsigned long mfn = pfn_to_mfn(virt_to_pfn(l));
    unsigned short es;
    long rc;

    kit_trap_handler = on_trap;
    kit_install_traps(0);
    memset(l, 0, 4096);
    l[0] = DATA_DPL0;
    l[1] = DATA_DPL0 & ~(1UL << 47);    /* not present */
    l[2] = CODE64_DPL0;
    rc = hyp_update_va_mapping((unsigned long)l, (mfn << 12) | 0x25, PV_UVMF_INVLPG);
    check(rc == 0, "LDT page made read-only -> %ld", rc);
    rc = set_ldt(l, 3);
    check(rc == 0, "SET_LDT of 3 entries -> %ld", rc);
    asm volatile("mov %1, %%es; mov %%es, %0" : "=r"(es) : "r"(0x7));
    check(es == 0x7 && traps == 0, "selector 0x7 (LDT entry 0) loads: %#x", es);
    check((l[0] & ~(1UL << 40)) == (DATA_DPL0 | (3UL << 45)), "its data DPL 0 became %#lx",
          l[0] & ~(1UL << 40));
    check((l[2] & ~(1UL << 40)) == (CODE64_DPL0 | (3UL << 45)), "code DPL 0 became %#lx",
          l[2] & ~(1UL << 40));
    asm volatile("mov %0, %%es" :: "r"(0xf));
    check(traps == 1 && seen.vector == 13 && seen.error_code == 0xc,
          "selector 0xf (not present, left DPL 0): vector %lu, error %#lx", (unsigned long)seen.vector,
          (unsigned long)seen.error_code);
    asm volatile("mov %0, %%es" :: "r"(0));
    rc = hyp_update_va_mapping((unsigned long)l, (mfn << 12) | 0x67, PV_UVMF_INVLPG);
    check(rc == -PV_EBUSY, "map the LDT page writable while set -> %ld", rc);
    rc = set_ldt(0, 0);
    check(rc == 0, "SET_LDT with no entries -> %ld", rc);
    rc = hyp_update_va_mapping((unsigned long)l, (mfn << 12) | 0x67, PV_UVMF_INVLPG);
    check(rc == 0, "the page can be writable again -> %ld", rc);
}

int main(void)
{
    unsigned long *g = kit_spare_page(0);
    unsigned long mfn = pfn_to_mfn(virt_to_pfn(g));
    unsigned short ds;
    long rc;

    printf("descriptors: start\n");
    memset(g, 0, 4096);
    g[1] = CODE64_DPL0;
    g[2] = DATA_DPL0;
    g[3] = TSS64;
    rc = hyp_update_va_mapping((unsigned long)g, (mfn << 12) | 0x25, PV_UVMF_INVLPG);
    check(rc == 0, "GDT page made read-only -> %ld", rc);
    rc = hyp_set_gdt(&mfn, 512);
    check(rc == -PV_EINVAL, "set_gdt with a TSS descriptor in it -> %ld", rc);
    rc = hyp_update_descriptor((mfn << 12) + 3 * 8, 0);
    check(rc == 0, "update_descriptor clears it (page not yet a GDT) -> %ld", rc);
    rc = hyp_set_gdt(&mfn, 512);
    check(rc == 0, "set_gdt -> %ld", rc);
    check(g[1] == (CODE64_DPL0 | (3UL << 45)), "64-bit code DPL 0 became %#lx", g[1]);
    check(g[2] == (DATA_DPL0 | (3UL << 45)), "data DPL 0 became %#lx", g[2]);
    asm volatile("mov %1, %%ds; mov %%ds, %0; mov %2, %%ds" : "=r"(ds) : "r"(0x13), "r"(0));
    check(ds == 0x13, "selector 0x13 (our data descriptor) loads: %#x", ds);
    rc = hyp_update_descriptor((mfn << 12) + 4 * 8, CODE64_DPL0);
    check(rc == 0 && g[4] == (CODE64_DPL0 | (3UL << 45)),
          "update_descriptor with ring-0 code -> %ld, stored %#lx", rc, g[4]);
    rc = hyp_update_descriptor((mfn << 12) + 5 * 8, TSS64);
    check(rc == -PV_EINVAL, "update_descriptor with a TSS -> %ld", rc);
    rc = hyp_update_descriptor((mfn << 12) + 5 * 8 + 4, 0);
    check(rc == -PV_EINVAL, "update_descriptor misaligned -> %ld", rc);
    rc = hyp_update_va_mapping((unsigned long)g, (mfn << 12) | 0x67, PV_UVMF_INVLPG);
    check(rc == -PV_EBUSY, "map the installed GDT page writable -> %ld", rc);
    rc = hyp_set_gdt(&mfn, 8000);
    check(rc == -PV_EINVAL, "set_gdt with 8000 entries -> %ld", rc);
    rc = hyp_set_gdt(&mfn, 0);
    check(rc == 0, "set_gdt with no entries -> %ld", rc);
    rc = hyp_update_va_mapping((unsigned long)g, (mfn << 12) | 0x67, PV_UVMF_INVLPG);
    check(rc == 0, "the page can be writable again -> %ld", rc);
    {
        /* MMUEXT_SET_LDT: the empty LDT every kernel loads, and bad ones */
        struct pv_mmuext_op op = { .cmd = PV_MMUEXT_SET_LDT };

        rc = hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
        check(rc == 0, "SET_LDT with no entries -> %ld", rc);
        op.arg1.linear_addr = (unsigned long)g + 8;
        op.arg2.nr_ents = 4;
        rc = hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
        check(rc == -PV_EINVAL, "SET_LDT at an address not page-aligned -> %ld", rc);
        op.arg1.linear_addr = (unsigned long)g;
        op.arg2.nr_ents = 8193;
        rc = hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
        check(rc == -PV_EINVAL, "SET_LDT with 8193 entries -> %ld", rc);
        op.arg1.linear_addr = 0xffff800000000000UL;
        op.arg2.nr_ents = 16;
        rc = hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
        check(rc == -PV_EINVAL, "SET_LDT in the hypervisor hole -> %ld", rc);
    }
    ldt();
    printf("descriptors: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
