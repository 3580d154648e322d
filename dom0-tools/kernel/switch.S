/*
 * The switch between two processes' kernel stacks: switch_context(&save,
 * ksp) pushes the callee-saved registers, saves the stack pointer in *save,
 * loads ksp and pops the other process's - whose `ret` then goes on where
 * that process called switch_context, or, for a new process, to the return
 * address proc_start put there (ret_to_user). Everything else (the FPU, the
 * address space, the stack the hypervisor enters on) is sched.c's, in C.
 */
        .text
        .globl  switch_context
switch_context:
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        mov     %rsp, (%rdi)
        mov     %rsi, %rsp
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        ret
