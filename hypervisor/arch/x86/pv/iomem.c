/*
 * Which I/O memory a PV domain may map. I/O memory is every machine frame
 * that is not RAM (page-types.c decides that from the frame table); the
 * control domain drives the machine's devices, so, as on Xen, it may map all
 * of it within the CPU's physical address width except what the hypervisor
 * drives or what is no memory at all (measured on Xen with guest-kit's
 * iomem test):
 *   - the local APIC and the MSI window around it (0xfee00000-0xfeefffff):
 *     refused;
 *   - the I/O APICs: read-only (a writable entry loses RW);
 *   - AMD's HyperTransport range (0xfd00000000-0xffffffffff): refused.
 * Other domains map no I/O memory (Sierra has no iomem_permission control).
 */
#include <asm/acpi.h>
#include <asm/page.h>
#include <asm/pv/mm.h>
#include <asm/x86.h>

#define MSI_WINDOW_FIRST    (0xfee00000UL >> PAGE_SHIFT)
#define MSI_WINDOW_LAST     (0xfeefffffUL >> PAGE_SHIFT)
#define HT_FIRST            (0xfd00000000UL >> PAGE_SHIFT)
#define HT_LAST             (0xffffffffffUL >> PAGE_SHIFT)
#define DEFAULT_IOAPIC      (0xfec00000UL >> PAGE_SHIFT)

static bool io_apic(pfn_t mfn)
{
    if ( !acpi_info.nr_ioapics )
        return mfn == DEFAULT_IOAPIC;
    for ( unsigned int i = 0; i < acpi_info.nr_ioapics; i++ )
        if ( mfn == acpi_info.ioapic[i].addr >> PAGE_SHIFT )
            return true;
    return false;
}

static bool within_paddr_bits(pfn_t mfn)
{
    u32 a, b, c, d;

    cpuid_count(0x80000008, 0, &a, &b, &c, &d);
    return mfn < 1UL << ((a & 0xff) - PAGE_SHIFT);
}

enum iomem_access pv_iomem_access(domid_t id, pfn_t mfn)
{
    struct domain *d = domain_lookup(id);

    if ( !d || !d->privileged || !within_paddr_bits(mfn) ||
         (mfn >= MSI_WINDOW_FIRST && mfn <= MSI_WINDOW_LAST) ||
         (acpi_info.lapic_addr && mfn == acpi_info.lapic_addr >> PAGE_SHIFT) ||
         (mfn >= HT_FIRST && mfn <= HT_LAST) )
        return IOMEM_NONE;
    return io_apic(mfn) ? IOMEM_RO : IOMEM_RW;
}
