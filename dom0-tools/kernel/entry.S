/*
 * User mode, entered and left. A process enters user mode the first time at
 * ret_to_user with its struct uregs at the stack pointer (proc_start puts it
 * at the top of its kernel stack); afterwards every system call returns
 * there.
 *
 * The hypervisor enters __syscall_entry on the process's kernel stack (stack_switch)
 * with RCX, R11, RIP, CS, RFLAGS, RSP, SS - the user's RCX and R11 being, as
 * on hardware, its return address and flags. The rest of struct uregs is
 * pushed below, syscall_dispatch() runs on it, and the return is the iret
 * hypercall with VGCF_in_syscall (the hypervisor then returns as sysret
 * does, RCX and R11 clobbered as Linux clobbers them) - or, when
 * syscall_iret_flags says 0 (rt_sigreturn), with every register restored.
 */
#include <sierra/hypercall.h>

#define IRET_STUB       (hypercall_page + PV_HYPERCALL_iret * PV_HYPERCALL_STUB_SIZE)

        .text
        .globl  __syscall_entry
__syscall_entry:
        pop     %rcx
        pop     %r11
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
        mov     %rsp, %rdi
        cld
        call    syscall_dispatch
        .globl  ret_to_user
ret_to_user:
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
        pushq   syscall_iret_flags(%rip)        /* over the RDI slot: [flags, RIP, CS, RFLAGS, RSP, SS] */
        jmp     IRET_STUB

