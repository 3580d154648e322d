/*
 * pv-abi: one verdict line per check of the basic PV ABI, in the same order
 * on every hypervisor, so tests/xen-diff can compare Xen 4.17 and Sierra line
 * by line. Each line prints the value it got, so a difference shows what
 * differs, not only that something does.
 *   versions and features, error numbers for bad arguments, reservations,
 *   the M2P and P2M, CR3 emulation, forced-emulation CPUID, multicall,
 *   building, pinning, hooking in and tearing down a new page table, and the
 *   refusals that keep page tables safe.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <hv/lib.h>

#define PTE_RW  (1UL << 1)
#define PTE_P   (1UL << 0)
#define PTE_U   (1UL << 2)
#define PTE_A   (1UL << 5)
#define PTE_PS  (1UL << 7)
#define HOLE    0xffff830000000000UL    /* inside the hypervisor hole */
#define NEW_VA  0xffffffff80800000UL    /* beyond the initial mapping, same L2 */

static void versions(void)
{
    struct pv_feature_info fi = { .submap_idx = 0 };
    long v = hyp_xen_version(PV_XENVER_version, 0);
    long rc;

    check(v == ((4 << 16) | 17), "xen_version: version %ld.%ld", v >> 16, v & 0xffff);
    check(hyp_xen_version(PV_XENVER_pagesize, 0) == 4096, "xen_version: pagesize");
    rc = hyp_xen_version(PV_XENVER_get_features, &fi);
    check(rc == 0 && (fi.submap & (1u << PV_XENFEAT_pae_pgdir_above_4gb)) &&
          (fi.submap & (1u << PV_XENFEAT_dom0)) &&
          !(fi.submap & (1u << PV_XENFEAT_auto_translated_physmap)),
          "xen_version: get_features (rc %ld)", rc);
    fi.submap_idx = 1;
    rc = hyp_xen_version(PV_XENVER_get_features, &fi);
    check(rc == -PV_EINVAL || (rc == 0 && fi.submap == 0),
          "xen_version: get_features submap 1 is empty or refused");
    rc = hyp_xen_version(99, 0);
    check(rc == -PV_ENOSYS, "xen_version: unknown subop -> %ld", rc);
    rc = hyp_xen_version(PV_XENVER_get_features, (void *)HOLE);
    check(rc == -PV_EFAULT, "xen_version: argument in the hypervisor hole -> %ld", rc);
}

static void errors(void)
{
    long rc;

    rc = HC(60, 0, 0, 0, 0, 0);
    check(rc == -PV_ENOSYS, "hypercall 60 (unused) -> %ld", rc);
    rc = hyp_console_io(7, 0, 0);
    check(rc == -PV_ENOSYS, "console_io: unknown command -> %ld", rc);
    rc = hyp_sched_op(99, 0);
    check(rc == -PV_ENOSYS, "sched_op: unknown command -> %ld", rc);
    rc = hyp_sched_op(PV_SCHEDOP_shutdown, (void *)HOLE);
    check(rc == -PV_EFAULT, "sched_op: shutdown argument in the hole -> %ld", rc);
    rc = hyp_mmu_update(0, 1, 0, PV_DOMID_SELF);
    check(rc == -PV_EFAULT, "mmu_update: NULL request list -> %ld", rc);
    rc = hyp_memory_op(999, 0);
    check(rc == -PV_ENOSYS, "memory_op: unknown command -> %ld", rc);
    rc = hyp_update_va_mapping(HOLE, 0, 0);
    check(rc == -PV_EINVAL, "update_va_mapping: address in the hole -> %ld", rc);
}

static void memory(void)
{
    pv_domid_t self = PV_DOMID_SELF;
    long cur = hyp_memory_op(PV_XENMEM_current_reservation, &self);
    long max = hyp_memory_op(PV_XENMEM_maximum_reservation, &self);
    unsigned long pfn0_mfn = pfn_to_mfn(0);
    unsigned long cr3;

    check(cur == (long)start_info->nr_pages, "memory_op: current_reservation = nr_pages");
    check(max >= cur, "memory_op: maximum_reservation >= current");
    check(mfn_to_pfn(pfn0_mfn) == 0, "M2P: entry of pfn 0's frame is 0");
    check(mfn_to_pfn(pfn_to_mfn(start_info->nr_pages - 1)) == start_info->nr_pages - 1,
          "M2P: entry of the last frame");
    asm volatile("mov %%cr3, %0" : "=r"(cr3));
    check(cr3 >> 12 == pfn_to_mfn(virt_to_pfn((void *)start_info->pt_base)),
          "mov %%cr3 (emulated): the frame of pt_base");
}

static void cpuid_forced(void)
{
    unsigned int a = 0x40000000, b, c = 0, d;
    char sig[13];

    asm volatile("ud2; .ascii \"xen\"; cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
    memcpy(sig, &b, 4);
    memcpy(sig + 4, &c, 4);
    memcpy(sig + 8, &d, 4);
    sig[12] = 0;
    check(!memcmp(sig, "XenVMMXenVMM", 12) && a >= 0x40000002,
          "forced cpuid 0x40000000: %s", sig);
}

static void multicall(void)
{
    struct pv_multicall_entry mc[2] = {
        { .op = PV_HYPERCALL_xen_version, .args = { PV_XENVER_version } },
        { .op = PV_HYPERCALL_xen_version, .args = { PV_XENVER_pagesize } },
    };
    long rc = hyp_multicall(mc, 2);

    check(rc == 0 && mc[0].result == 0x40011 && mc[1].result == 4096,
          "multicall: two results written back (rc %ld)", rc);
    rc = hyp_multicall(0, 1);
    check(rc == -PV_EFAULT, "multicall: unreadable entries -> %ld", rc);
}

/* the machine address of the L2 entry that maps va, walking from pt_base */
static unsigned long l2_entry_maddr(unsigned long va)
{
    const unsigned long *l4 = (const unsigned long *)start_info->pt_base;
    unsigned long l3_mfn = (l4[(va >> 39) & 511] & 0xffffffffff000UL) >> 12;
    const unsigned long *l3 = pfn_to_virt(mfn_to_pfn(l3_mfn));
    unsigned long l2_mfn = (l3[(va >> 30) & 511] & 0xffffffffff000UL) >> 12;

    return (l2_mfn << 12) + ((va >> 21) & 511) * 8;
}

static long map_va(void *va, unsigned long mfn, unsigned long flags)
{
    return hyp_update_va_mapping((unsigned long)va, (mfn << 12) | flags, PV_UVMF_INVLPG);
}

static long mmuext(unsigned int cmd, unsigned long mfn)
{
    struct pv_mmuext_op op = { .cmd = cmd, .arg1.mfn = mfn };

    return hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
}

static void page_tables(void)
{
    /* two spare pages at the end of the initial mapping, after the stack */
    unsigned long last = start_info->nr_pt_frames + virt_to_pfn((void *)start_info->pt_base);
    unsigned long *l1 = pfn_to_virt(last + 8), *data = pfn_to_virt(last + 9);
    unsigned long l1_mfn = pfn_to_mfn(last + 8), data_mfn = pfn_to_mfn(last + 9);
    struct pv_mmu_update hook = { l2_entry_maddr(NEW_VA), (l1_mfn << 12) | PTE_P | PTE_RW | PTE_U | PTE_A };
    struct pv_mmu_update req;
    unsigned int done = 99;
    long rc;

    {
        /* the builder hands the initial L4 over pinned (kernels unpin it later) */
        struct pv_mmuext_op pin = { .cmd = PV_MMUEXT_PIN_L4_TABLE };

        pin.arg1.mfn = virt_to_mfn((void *)start_info->pt_base);
        rc = hyp_mmuext_op(&pin, 1, 0, PV_DOMID_SELF);
        check(rc == -PV_EINVAL, "PIN_L4_TABLE of the initial L4: already pinned -> %ld", rc);
    }
    memset(l1, 0, 4096);
    data[0] = 0x5151;
    l1[0] = (data_mfn << 12) | PTE_P | PTE_RW | PTE_A;
    rc = mmuext(PV_MMUEXT_PIN_L1_TABLE, l1_mfn);
    check(rc == -PV_EINVAL, "pin L1 while it is mapped writable -> %ld", rc);
    rc = map_va(l1, l1_mfn, PTE_P | PTE_A);
    check(rc == 0, "update_va_mapping: make the new L1 read-only -> %ld", rc);
    rc = mmuext(PV_MMUEXT_PIN_L1_TABLE, l1_mfn);
    check(rc == 0, "pin the new L1 -> %ld", rc);
    rc = mmuext(PV_MMUEXT_PIN_L1_TABLE, l1_mfn);
    check(rc == -PV_EINVAL, "pin it again -> %ld", rc);
    rc = map_va(l1, l1_mfn, PTE_P | PTE_RW | PTE_A);
    check(rc == -PV_EBUSY, "map the pinned L1 writable -> %ld", rc);
    rc = hyp_mmu_update(&hook, 1, &done, PV_DOMID_SELF);
    check(rc == 0 && done == 1, "mmu_update: hook the L1 into the L2 (rc %ld, done %u)", rc, done);
    check(*(volatile unsigned long *)NEW_VA == 0x5151, "read through the new mapping");
    req = (struct pv_mmu_update){ (l1_mfn << 12) + 8, (l1_mfn << 12) | PTE_P | PTE_RW | PTE_A };
    rc = hyp_mmu_update(&req, 1, 0, PV_DOMID_SELF);
    check(rc == -PV_EBUSY, "mmu_update: L1 entry mapping a live L1 writable -> %ld", rc);
    req = (struct pv_mmu_update){ (l1_mfn << 12) + 8, (data_mfn << 12) | PTE_P | (1UL << 60) };
    rc = hyp_mmu_update(&req, 1, 0, PV_DOMID_SELF);
    check(rc == 0, "mmu_update: software/protection-key bit 60 accepted -> %ld", rc);
    req = (struct pv_mmu_update){ (l1_mfn << 12) + 8, (data_mfn << 12) | PTE_P | (1UL << 8) };
    rc = hyp_mmu_update(&req, 1, 0, PV_DOMID_SELF);
    check(rc == 0, "mmu_update: global bit accepted -> %ld", rc);
    req = (struct pv_mmu_update){ (l1_mfn << 12) + 16, (data_mfn << 12) | PTE_P | PTE_A };
    rc = hyp_mmu_update(&req, 1, 0, PV_DOMID_SELF);
    check(rc == 0 && ((volatile unsigned long *)NEW_VA)[512] == 0x5151,
          "mmu_update: a second read-only mapping of the data page (rc %ld)", rc);
    req = (struct pv_mmu_update){ hook.ptr, (data_mfn << 12) | PTE_P | PTE_RW | PTE_A | PTE_PS };
    rc = hyp_mmu_update(&req, 1, 0, PV_DOMID_SELF);
    check(rc == -PV_EINVAL, "mmu_update: a 2 MiB superpage in an L2 -> %ld", rc);
    req = (struct pv_mmu_update){ hook.ptr, 0 };
    rc = hyp_mmu_update(&req, 1, 0, PV_DOMID_SELF);
    check(rc == 0, "mmu_update: unhook -> %ld", rc);
    rc = mmuext(PV_MMUEXT_UNPIN_TABLE, l1_mfn);
    check(rc == 0, "unpin -> %ld", rc);
    rc = map_va(l1, l1_mfn, PTE_P | PTE_RW | PTE_A);
    check(rc == 0, "the former L1 is ordinary memory again -> %ld", rc);
    rc = mmuext(99, 0);
    check(rc == -PV_ENOSYS, "mmuext_op: unknown command -> %ld", rc);
}

int main(void)
{
    printf("pv-abi: start\n");
    versions();
    errors();
    memory();
    cpuid_forced();
    multicall();
    page_tables();
    printf("pv-abi: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
