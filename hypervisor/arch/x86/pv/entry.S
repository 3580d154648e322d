/*
 * Guest entry and exit. A running guest's registers are always in the
 * struct cpu_regs frame at the top of the hypervisor stack (pv_stack_top):
 * exceptions and interrupts from ring 3 land there through TSS.RSP0, and
 * SYSCALL builds the same frame by hand. C (pv_do_syscall) decides what the
 * SYSCALL was - a hypercall from the guest kernel, or a system call from
 * guest user mode to bounce to the guest kernel - and pv_return_to_guest
 * leaves through IRETQ from whatever the frame then says.
 */
#include <asm-offsets.h>
#include <asm/asm-macros.h>
#include <asm/descriptors.h>

#define VECTOR_SYSCALL  0x100           /* frame came from SYSCALL, not an exception */

        .text
/* SYSCALL: RCX = guest RIP, R11 = guest RFLAGS, RSP still the guest's, IF=0;
 * from 64-bit code through LSTAR, from 32-bit code (CS 0xe023) through CSTAR */
.macro SYSCALL_ENTRY name, cs, handler
        .globl  \name
\name:
        mov     %rsp, pv_syscall_rsp(%rip)  /* one CPU: a per-CPU stub when SMP comes */
        mov     pv_stack_top(%rip), %rsp
        push    $GUEST_DS                   /* ss */
        push    pv_syscall_rsp(%rip)        /* rsp */
        push    %r11                        /* rflags */
        push    $\cs                        /* cs */
        push    %rcx                        /* rip */
        push    $0                          /* error code */
        push    $VECTOR_SYSCALL             /* vector */
        SAVE_GPRS
        mov     %rsp, %rdi
        cld
        call    \handler                    /* returns the frame to resume */
        mov     %rax, %rsp
        jmp     pv_exit
.endm

        SYSCALL_ENTRY pv_syscall_entry, GUEST_CS64, pv_do_syscall
        SYSCALL_ENTRY pv_syscall32_entry, GUEST_CS32, pv_do_syscall32

/* pv_do_exception_on_main_stack(frame): an exception from the guest that
 * arrived on an IST stack, continued from its copy at the top of the main
 * stack, then out to the guest as any other */
        .globl  pv_do_exception_on_main_stack
pv_do_exception_on_main_stack:
        mov     %rdi, %rsp
        call    pv_do_exception             /* rdi: still the frame */
        jmp     pv_exit

/* pv_return_to_guest(struct cpu_regs *frame): leave to the guest, never returns */
        .globl  pv_return_to_guest
pv_return_to_guest:
        cli
        mov     %rdi, %rsp
pv_exit:
        RESTORE_GPRS
        add     $16, %rsp                   /* vector and error code */
        iretq

        .bss
        .balign 8
        .globl  pv_stack_top
pv_stack_top:   .quad 0
pv_syscall_rsp: .quad 0
