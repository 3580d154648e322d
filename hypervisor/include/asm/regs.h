/*
 * The register frame an exception entry stub builds on the stack: the stub
 * pushes the vector (and a zero error code when the CPU pushes none), entry.S
 * pushes the general registers, and C receives a pointer to the whole frame.
 * The order below is the stack order, lowest address first; entry.S is
 * written against the offsets asm-offsets.c generates from it.
 */
#ifndef ASM_REGS_H
#define ASM_REGS_H

#include <hv/types.h>

struct cpu_regs {
    u64 r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    u64 rax, rcx, rdx, rsi, rdi;
    u64 vector;
    u64 error_code;
    /* pushed by the CPU */
    u64 rip, cs, rflags, rsp, ss;
};

#endif
