/*
 * Exception handling in the hypervisor itself: fixups through the exception
 * table, or a report (vector, error code, registers, CR2, symbolized
 * backtrace) and a stop.
 */
#ifndef ASM_TRAPS_H
#define ASM_TRAPS_H

#include <asm/regs.h>

#define X86_EXC_DE  0
#define X86_EXC_DB  1
#define X86_EXC_NMI 2
#define X86_EXC_BP  3
#define X86_EXC_UD  6
#define X86_EXC_NM  7
#define X86_EXC_DF  8
#define X86_EXC_GP  13
#define X86_EXC_PF  14
#define X86_EXC_MC  18

struct fixup_record {
    u64 count;          /* faults recovered through the exception table */
    u64 last_vector;
    u64 last_rip;
};

extern struct fixup_record trap_fixups;

void do_trap(struct cpu_regs *regs);
void print_backtrace(u64 rip, u64 rbp);

#endif
