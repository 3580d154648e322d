/*
 * Ending the machine. With the debug-exit option (tests), QEMU's isa-debug-exit
 * device at port 0xf4 ends QEMU with status (code << 1) | 1, so a test reads
 * the hypervisor's verdict from QEMU's exit status: 0 = pass, EXIT_FATAL = the
 * hypervisor stopped on an error. Otherwise ACPI S5, and failing that a halt.
 */
#ifndef HV_POWER_H
#define HV_POWER_H

#include <hv/types.h>

#define DEBUG_EXIT_PORT 0xf4
#define EXIT_PASS       0
#define EXIT_FATAL      127     /* QEMU exit status 255 */
#define EXIT_NO_DOM0    2       /* a dom0 kernel was given but could not be built */
#define EXIT_DOM0_BASE  16      /* dom0 shut down for reason r (not poweroff): 16 + r */

extern bool opt_debug_exit;

void __noreturn machine_poweroff(unsigned int code);
void __noreturn machine_halt_fatal(const char *why);

#endif
