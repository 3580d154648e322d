/*
 * iomem: the control domain maps I/O memory (machine frames that are not
 * RAM) with ordinary L1 entries, as Linux's dom0 does for the BIOS area, the
 * ACPI tables and device MMIO; frames the hypervisor drives (the local APIC,
 * the I/O APIC) are refused. Each mapping is checked by reading what the
 * firmware put there: the ACPI root pointer in the BIOS area and the RSDT
 * it points to in E820-reserved memory (the same QEMU firmware under both
 * hypervisors, so the same bytes).
 */
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra/errno.h>
#include <hv/lib.h>

static unsigned char *win;              /* a page of ours whose L1 entry is borrowed */
static unsigned long own_mfn;

static long map(unsigned long mfn, unsigned long flags)
{
    return kit_map(win, mfn, flags);
}

static void restore(void)
{
    check(map(own_mfn, KIT_PTE_RWX) == 0, "the borrowed page maps its own frame again");
}

/* the "RSD PTR " signature in the BIOS area 0xe0000-0xfffff: its address */
static unsigned long find_rsdp(void)
{
    for ( unsigned long mfn = 0xe0; mfn < 0x100; mfn++ )
    {
        if ( map(mfn, KIT_PTE_RO) )
            return 0;
        for ( unsigned int off = 0; off < 4096; off += 16 )
            if ( !memcmp(win + off, "RSD PTR ", 8) )
                return (mfn << 12) + off;
    }
    return 0;
}

int main(void)
{
    unsigned long rsdp, rsdt = 0;
    char oem[7] = { 0 }, sig[5] = { 0 };
    long rc;

    printf("iomem: start\n");
    win = kit_alloc_page();
    own_mfn = kit_boot_pte((unsigned long)win) >> 12 & 0xfffffffffUL;
    rsdp = find_rsdp();
    check(rsdp != 0, "ACPI root pointer found in the BIOS area (read-only mappings)");
    if ( rsdp )
    {
        map(rsdp >> 12, KIT_PTE_RO);
        memcpy(oem, win + (rsdp & 0xfff) + 9, 6);
        memcpy(&rsdt, win + (rsdp & 0xfff) + 16, 4);
        check(1, "RSDP OEM \"%s\", RSDT at %#lx", oem, rsdt);
    }
    if ( rsdt )
    {
        rc = map(rsdt >> 12, KIT_PTE_RO);
        if ( rc == 0 )
            memcpy(sig, win + (rsdt & 0xfff), 4);
        check(rc == 0 && !memcmp(sig, "RSDT", 4),
              "E820-reserved frame of the RSDT maps (%ld), signature \"%s\"", rc, sig);
    }
    rc = map(0xf0, KIT_PTE_RWX);
    check(1, "BIOS area frame 0xf0 mapped writable -> %ld", rc);
    rc = map(0xfee00, KIT_PTE_RO);
    check(rc == -PV_EPERM, "local APIC frame 0xfee00 -> %ld", rc);
    rc = map(0xfec00, KIT_PTE_RO);
    check(rc == 0, "I/O APIC frame 0xfec00, read-only -> %ld", rc);
    rc = map(0xfec00, KIT_PTE_RWX);
    check(rc == 0, "I/O APIC frame 0xfec00, writable -> %ld", rc);
    check(1, "  the entry is %s", kit_boot_pte((unsigned long)win) & KIT_PTE_RW ? "writable" : "read-only");
    rc = map(0xfee80, KIT_PTE_RO);
    check(1, "MSI window frame 0xfee80 -> %ld", rc);
    rc = map(0xfe000, KIT_PTE_RO | 0x18);           /* PCD|PWT: uncached */
    check(rc == 0, "unused PCI window frame 0xfe000, uncached -> %ld", rc);
    rc = map(0xfffff, KIT_PTE_RO);
    check(rc == 0, "firmware flash frame 0xfffff -> %ld", rc);
    rc = map((1UL << 28) - 1, KIT_PTE_RO);
    check(1, "last frame of a 40-bit physical address space -> %ld", rc);
    rc = map(1UL << 28, KIT_PTE_RO);
    check(1, "first frame past 40 bits -> %ld", rc);
    rc = map(1UL << 39, KIT_PTE_RO);
    check(1, "frame 1 << 39 -> %ld", rc);
    restore();
    win[0] = 1;
    check(win[0] == 1, "and is writable");
    kit_free_page(win);
    printf("iomem: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
