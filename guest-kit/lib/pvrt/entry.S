/*
 * The pre-virtualization runtime's entry points (guest-kit/docs/pvcc.md).
 *
 * __pvrt_emulate: every call site pvpatch writes (sierra-guest/pvrt.h) ends
 * here with [return, CODE, (address)] on the stack. We push the flags and
 * all sixteen general registers (struct pvrt_regs: RAX first, hardware
 * order; the RSP slot is a placeholder), let pvrt_emulate() in C do the
 * instruction's work on them, and restore them - so the site changes only
 * what the instruction would have changed.
 *
 * __pvrt_iret: a frame [flags, RIP, CS, RFLAGS, RSP, SS] on the stack, as the
 * iret hypercall wants it (its hypercall-page stub pushes RCX, R11, RAX).
 *
 * __pvrt_idt_stubs: what set_trap_table points at, one per vector. The
 * hypervisor's frame is the hardware one with RCX and R11 on top; popping
 * them leaves exactly what the kernel's own IDT handler expects, so the
 * stub restores them and jumps to that handler (pvrt_idt_handler[vector]).
 *
 * __pvrt_event_entry: the event callback. Same frame, no error code: it is
 * an external interrupt. C picks the virtual IRQ to deliver (pic.c) and we
 * enter the kernel's handler for its vector, or return if there is none.
 *
 * __pvrt_syscall_entry: the syscall callback. The hypervisor has switched to
 * the kernel stack; bare metal has not, and leaves the user RSP in place
 * with RIP in RCX and RFLAGS in R11. We rebuild that and jump to the LSTAR
 * the kernel wrote.
 */
#include <sierra/hypercall.h>

#define IRET_STUB (hypercall_page + PV_HYPERCALL_iret * PV_HYPERCALL_STUB_SIZE)

        .text
        .globl  __pvrt_emulate
__pvrt_emulate:
        pushfq
        push    %r15
        push    %r14
        push    %r13
        push    %r12
        push    %r11
        push    %r10
        push    %r9
        push    %r8
        push    %rdi
        push    %rsi
        push    %rbp
        push    %rsp                    /* placeholder: C never writes RSP */
        push    %rbx
        push    %rdx
        push    %rcx
        push    %rax
        mov     %rsp, %rdi
        cld
        call    pvrt_emulate
        pop     %rax
        pop     %rcx
        pop     %rdx
        pop     %rbx
        lea     8(%rsp), %rsp
        pop     %rbp
        pop     %rsi
        pop     %rdi
        pop     %r8
        pop     %r9
        pop     %r10
        pop     %r11
        pop     %r12
        pop     %r13
        pop     %r14
        pop     %r15
        popfq
        ret

        .globl  __pvrt_iret
__pvrt_iret:
        jmp     IRET_STUB

        .balign 16
        .globl  __pvrt_idt_stubs
__pvrt_idt_stubs:
        .set    vec, 0
        .rept   256
        .balign 16
        pop     %rcx
        pop     %r11
        jmp     *pvrt_idt_handler + 8 * vec(%rip)
        .set    vec, vec + 1
        .endr

        .globl  __pvrt_event_entry
__pvrt_event_entry:
        pop     %rcx
        pop     %r11
        push    %rax
        push    %rcx
        push    %rdx
        push    %rsi
        push    %rdi
        push    %r8
        push    %r9
        push    %r10
        push    %r11
        cld
        call    pvrt_irq_pick           /* the handler to enter, or 0 */
        mov     %rax, pvrt_irq_target(%rip)
        pop     %r11
        pop     %r10
        pop     %r9
        pop     %r8
        pop     %rdi
        pop     %rsi
        pop     %rdx
        pop     %rcx
        pop     %rax
        cmpq    $0, pvrt_irq_target(%rip)       /* the frame holds the flags */
        je      1f
        jmp     *pvrt_irq_target(%rip)
1:      pushq   $0
        jmp     IRET_STUB

        .globl  __pvrt_syscall_entry
__pvrt_syscall_entry:                   /* RCX, R11, RIP, CS, RFLAGS, RSP, SS */
        pop     %rcx
        pop     %r11
        mov     24(%rsp), %rsp          /* the user's RSP */
        jmp     *pvrt_lstar(%rip)

        .bss
        .balign 8
        .globl  pvrt_irq_target, pvrt_lstar
pvrt_irq_target:        .quad 0
pvrt_lstar:             .quad 0
