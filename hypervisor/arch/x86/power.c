/*
 * Power off and fatal stop. Tests boot with debug-exit so QEMU's exit status
 * carries the verdict (see hv/power.h); a real machine gets ACPI S5 (the FADT's
 * PM1 control registers and the DSDT's \_S5 sleep type). If neither works, the
 * CPU halts with interrupts off.
 */
#include <asm/acpi.h>
#include <asm/x86.h>
#include <hv/power.h>
#include <hv/printk.h>

#define ACPI_SLP_EN (1u << 13)

bool opt_debug_exit;

static void __noreturn halt_forever(void)
{
    irq_disable();
    for ( ;; )
        halt();
}

void machine_poweroff(unsigned int code)
{
    irq_disable();
    if ( opt_debug_exit )
    {
        pr_info("exiting QEMU through isa-debug-exit, code %u\n", code);
        outl(DEBUG_EXIT_PORT, code);
    }
    if ( acpi_info.have_s5 && acpi_info.pm1a_cnt )
    {
        pr_info("powering off (ACPI S5)\n");
        outw(acpi_info.pm1a_cnt, (acpi_info.s5_typa << 10) | ACPI_SLP_EN);
        if ( acpi_info.pm1b_cnt )
            outw(acpi_info.pm1b_cnt, (acpi_info.s5_typb << 10) | ACPI_SLP_EN);
    }
    pr_err("power off failed; halting\n");
    halt_forever();
}

void machine_halt_fatal(const char *why)
{
    pr_err("*** %s: machine stopped\n", why);
    if ( opt_debug_exit )
        machine_poweroff(EXIT_FATAL);
    halt_forever();
}
