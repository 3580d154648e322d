/*
 * User mode, entered and left. run_user(regs) keeps the kernel's own context
 * (callee-saved registers, RSP) and enters user mode through the iret
 * hypercall with the registers in *regs; it returns only when the process
 * ends (proc_exit), with its wait status.
 *
 * The hypervisor enters __syscall_entry on the entry stack (stack_switch)
 * with RCX, R11, RIP, CS, RFLAGS, RSP, SS - the user's RCX and R11 being, as
 * on hardware, its return address and flags. The rest of struct uregs is
 * pushed below, syscall_dispatch() runs on it, and the return is the iret
 * hypercall with VGCF_in_syscall (the hypervisor then returns as sysret
 * does, RCX and R11 clobbered as Linux clobbers them).
 */
#include <sierra/hypercall.h>

#define IRET_STUB       (hypercall_page + PV_HYPERCALL_iret * PV_HYPERCALL_STUB_SIZE)
#define VGCF_IN_SYSCALL 0x100

        .text
        .globl  run_user
run_user:
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        mov     %rsp, kernel_rsp(%rip)
        mov     %rdi, %rsp              /* struct uregs: pop it into the registers */
        jmp     1f

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
1:      pop     %r15
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
        pushq   $VGCF_IN_SYSCALL        /* over the RDI slot: [flags, RIP, CS, RFLAGS, RSP, SS] */
        jmp     IRET_STUB

/* proc_exit(status): back to run_user's caller, on the kernel's own stack */
        .globl  proc_return
proc_return:
        mov     kernel_rsp(%rip), %rsp
        mov     %edi, %eax
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        ret

        .bss
        .balign 8
kernel_rsp:     .quad 0
