/*
 * Assembly helpers shared by the entry paths: push and pop the general
 * registers in struct cpu_regs order (asm/regs.h), so every entry builds the
 * same frame and every exit restores it the same way.
 */
#ifndef ASM_ASM_MACROS_H
#define ASM_ASM_MACROS_H

#ifdef __ASSEMBLY__
.macro SAVE_GPRS
        push    %rdi
        push    %rsi
        push    %rdx
        push    %rcx
        push    %rax
        push    %r8
        push    %r9
        push    %r10
        push    %r11
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
.endm

.macro RESTORE_GPRS
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        pop     %r11
        pop     %r10
        pop     %r9
        pop     %r8
        pop     %rax
        pop     %rcx
        pop     %rdx
        pop     %rsi
        pop     %rdi
.endm
#endif

#endif
