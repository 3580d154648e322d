/*
 * Local APIC of the boot CPU: found through IA32_APIC_BASE, software-enabled
 * with the spurious vector, its timer masked until something schedules with
 * it. time.c measures the timer's rate against the PIT.
 */
#include <asm/apic.h>
#include <asm/page.h>
#include <asm/x86.h>
#include <hv/printk.h>

static volatile u32 *apic_mmio;

u32 apic_read(u32 reg)
{
    return apic_mmio[reg / 4];
}

void apic_write(u32 reg, u32 v)
{
    apic_mmio[reg / 4] = v;
}

u32 apic_id(void)
{
    return apic_read(APIC_ID) >> 24;
}

void apic_init(void)
{
    u64 base = rdmsr(MSR_APIC_BASE);

    /* the legacy 8259s would deliver on vectors the CPU uses for exceptions:
     * mask them all; interrupts come through the local and I/O APICs */
    outb(0x21, 0xff);
    outb(0xa1, 0xff);
    if ( !(base & (1UL << 11)) )
        wrmsr(MSR_APIC_BASE, base | (1UL << 11));      /* global enable */
    apic_mmio = maddr_to_virt(base & PTE_ADDR_MASK);
    apic_write(APIC_SPURIOUS, 0x100 | APIC_SPURIOUS_VECTOR);
    apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
    pr_info("local APIC: id %u, version %#x, base %#lx\n", apic_id(),
            apic_read(APIC_VERSION) & 0xff, (unsigned long)(base & PTE_ADDR_MASK));
}

void apic_eoi(void)
{
    apic_write(APIC_EOI, 0);
}
