/*
 * attacks: a guest trying to break out, one attempt per line, each with the
 * error it got. Both hypervisors must refuse every attempt the same way and
 * go on running (the guest reaching its last line proves the hypervisor
 * survived each attempt).
 *   - a page-table frame mapped writable, directly or by a table mapping itself
 *   - a page table entry mapping the hypervisor's own frames
 *   - hypercall arguments pointing into the hypervisor hole
 *   - an oversized, partly unreadable multicall
 *   - mmu_update on a frame the guest does not own (a hypervisor page table)
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <hv/lib.h>

#define PTE_P   1UL
#define PTE_RW  2UL
#define PTE_A   0x20UL
#define HOLE_M2P 0xffff800000000000UL

static long pin_l1(unsigned long mfn)
{
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_PIN_L1_TABLE, .arg1.mfn = mfn };

    return hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
}

static void self_mapping_table(void)
{
    unsigned long *t = kit_spare_page(0);
    unsigned long mfn = pfn_to_mfn(virt_to_pfn(t));
    long rc;

    memset(t, 0, 4096);
    t[0] = (mfn << 12) | PTE_P | PTE_RW | PTE_A;    /* maps itself writable */
    hyp_update_va_mapping((unsigned long)t, (mfn << 12) | PTE_P | PTE_A, PV_UVMF_INVLPG);
    rc = pin_l1(mfn);
    check(rc == -PV_EBUSY, "pin an L1 that maps itself writable -> %ld", rc);
    hyp_update_va_mapping((unsigned long)t, (mfn << 12) | PTE_P | PTE_RW | PTE_A, PV_UVMF_INVLPG);
}

static void hypervisor_frames(void)
{
    /* the M2P's first frame: the hypervisor's, mapped read-only for us */
    unsigned long *t = kit_spare_page(1);
    unsigned long mfn = pfn_to_mfn(virt_to_pfn(t));
    unsigned long m2p_l1e;
    long rc;

    /* find the machine frame behind the M2P's first page by walking our L4 */
    {
        const unsigned long *l4 = (const unsigned long *)start_info->pt_base;
        unsigned long e = l4[256];
        check((e & PTE_P) != 0, "L4 slot 256 (the M2P) is present");
        m2p_l1e = e;
    }
    memset(t, 0, 4096);
    t[0] = (m2p_l1e & 0xffffffffff000UL) | PTE_P | PTE_RW | PTE_A;  /* hypervisor's L3, writable */
    hyp_update_va_mapping((unsigned long)t, (mfn << 12) | PTE_P | PTE_A, PV_UVMF_INVLPG);
    rc = pin_l1(mfn);
    check(rc != 0, "pin an L1 mapping a hypervisor page table writable -> refused");
    t = kit_spare_page(2);
    rc = hyp_update_va_mapping((unsigned long)t, (m2p_l1e & 0xffffffffff000UL) | PTE_P | PTE_RW | PTE_A,
                               PV_UVMF_INVLPG);
    check(rc != 0, "update_va_mapping to a hypervisor frame, writable -> refused");
}

static void hole_pointers(void)
{
    long rc;

    rc = hyp_set_trap_table((const struct pv_trap_info *)HOLE_M2P);
    check(rc == -PV_EFAULT, "set_trap_table with the table in the hole -> %ld", rc);
    rc = hyp_console_io(PV_CONSOLEIO_write, 16, (const char *)HOLE_M2P);
    check(rc == -PV_EFAULT, "console_io write from the hole -> %ld", rc);
    rc = hyp_mmu_update((const struct pv_mmu_update *)HOLE_M2P, 1, 0, PV_DOMID_SELF);
    check(rc == -PV_EFAULT, "mmu_update with requests in the hole -> %ld", rc);
}

/* the end of the initial mapping, by Xen's layout rule (4 MiB rounding) */
static unsigned long mapping_end(void)
{
    unsigned long stack_end = start_info->pt_base + (start_info->nr_pt_frames + 1) * 4096;
    unsigned long v_end = (stack_end + (4UL << 20) - 1) & ~((4UL << 20) - 1);

    return v_end - stack_end < (512UL << 10) ? v_end + (4UL << 20) : v_end;
}

static void big_multicall(void)
{
    /* two good entries at the very end of the initial mapping, then nothing */
    struct pv_multicall_entry *mc = (struct pv_multicall_entry *)mapping_end() - 2;
    long rc;

    memset(mc, 0, 2 * sizeof(*mc));
    mc[0].op = mc[1].op = PV_HYPERCALL_xen_version;
    mc[1].args[0] = PV_XENVER_pagesize;
    rc = hyp_multicall(mc, 1u << 30);
    check(rc == -PV_EFAULT && mc[0].result == 0x40011 && mc[1].result == 4096,
          "multicall of 2^30 entries, 2 readable -> %ld, the 2 ran", rc);
}

static void foreign_frame(void)
{
    /* the hypervisor's L3 behind L4 slot 256: certainly not ours */
    unsigned long l3 = ((const unsigned long *)start_info->pt_base)[256] & 0xffffffffff000UL;
    struct pv_mmu_update req = { .ptr = l3, .val = 0 };
    long rc = hyp_mmu_update(&req, 1, 0, PV_DOMID_SELF);

    check(rc != 0, "mmu_update writing into a frame not ours -> refused (%s)",
          rc == -PV_EPERM ? "EPERM" : rc == -PV_EINVAL ? "EINVAL" : "other");
}

int main(void)
{
    printf("attacks: start\n");
    self_mapping_table();
    hypervisor_frames();
    hole_pointers();
    big_multicall();
    foreign_frame();
    printf("attacks: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
