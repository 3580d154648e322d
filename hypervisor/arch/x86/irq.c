/*
 * Hardware interrupts (vectors 32-255): the local APIC timer drives the
 * software timers; the spurious vector needs no EOI; anything else is
 * acknowledged and reported once per vector. Interrupts are only enabled
 * while a guest runs and while the CPU idles in arch_wait_for_interrupt(),
 * so handlers never interrupt hypervisor code.
 */
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/x86.h>
#include <hv/printk.h>
#include <hv/timer.h>

void do_interrupt(unsigned int vector)
{
    static u8 reported[256 / 8];

    switch ( vector )
    {
    case APIC_TIMER_VECTOR:
        apic_eoi();
        timer_interrupt();
        return;
    case APIC_SPURIOUS_VECTOR:
        return;
    default:
        apic_eoi();
        if ( !(reported[vector / 8] & (1u << (vector % 8))) )
        {
            reported[vector / 8] |= 1u << (vector % 8);
            pr_warn("unexpected interrupt, vector %u\n", vector);
        }
    }
}

void arch_wait_for_interrupt(void)
{
    asm volatile("sti; hlt; cli" ::: "memory");     /* sti's shadow covers hlt */
}
