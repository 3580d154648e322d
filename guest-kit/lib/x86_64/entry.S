/*
 * Exception entry and return for 64-bit kit guests. The hypervisor enters a
 * trap-table handler with Xen's frame on the kernel stack, low to high:
 * RCX, R11, [error code], RIP, CS, RFLAGS, RSP, SS. Each stub makes the frame
 * uniform (a zero error code where the CPU has none), pushes the vector and
 * the general registers (struct kit_trap_frame) and calls kit_trap() in C.
 * Return is by the iret hypercall: with RCX and R11 restored from the frame,
 * the stack must hold [flags, RIP, CS, RFLAGS, RSP, SS]; the hypercall-page
 * stub pushes RCX, R11 and RAX itself.
 */
#include <sierra/hypercall.h>

#define VGCF_IN_SYSCALL 0x100       /* PV_VGCF_in_syscall */
#define KIT_SYSCALL_LEAVE 42        /* sierra-guest/traps.h */

#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17)

        .text
        .balign 16
        .globl  kit_trap_stubs
kit_trap_stubs:
        .set    vec, 0
        .rept   256
        .balign 32
        .if     !HAS_ERROR_CODE(vec)
        pop     %rcx                    /* rcx, r11 | rip ... -> rcx, r11, 0, rip ... */
        pop     %r11
        push    $0
        push    %r11
        push    %rcx
        .endif
        push    $vec
        jmp     kit_trap_common
        .set    vec, vec + 1
        .endr

kit_trap_common:
        push    %rdi
        push    %rsi
        push    %rdx
        push    %rax
        push    %r8
        push    %r9
        push    %r10
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        mov     %rsp, %rdi
        cld
        call    kit_trap
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        pop     %r10
        pop     %r9
        pop     %r8
        pop     %rax
        pop     %rdx
        pop     %rsi
        pop     %rdi
        add     $8, %rsp                /* vector */
        pop     %rcx
        pop     %r11
        movq    $0, (%rsp)              /* error code slot becomes iret's flags */
        jmp     hypercall_page + PV_HYPERCALL_iret * PV_HYPERCALL_STUB_SIZE

/*
 * kit_enter_user(rip, rsp): leave kernel mode for user mode by the iret
 * hypercall (needs user page tables, MMUEXT_NEW_USER_BASEPTR). Returns when
 * user mode makes a system call: kit_syscall_entry, the registered syscall
 * callback, stores what it saw and resumes here, in kernel mode.
 */
        .globl  kit_enter_user
kit_enter_user:
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        mov     %rsp, kit_saved_rsp(%rip)
        push    $0xe02b                 /* ss: FLAT_USER_SS */
        push    %rsi                    /* rsp */
        push    $0x202                  /* rflags: IF */
        push    $0xe033                 /* cs: FLAT_USER_CS (RPL 3: to user mode) */
        push    %rdi                    /* rip */
        push    $0                      /* flags */
        jmp     hypercall_page + PV_HYPERCALL_iret * PV_HYPERCALL_STUB_SIZE

/* syscall from user mode arrives here (frame: RCX, R11, RIP, CS, RFLAGS, RSP, SS) */
        .globl  kit_syscall_entry
kit_syscall_entry:
        mov     %rax, kit_syscall_rax(%rip)
        mov     16(%rsp), %rax
        mov     %rax, kit_syscall_rip(%rip)
        mov     24(%rsp), %rax
        mov     %rax, kit_syscall_cs(%rip)
        mov     kit_saved_rsp(%rip), %rsp
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        ret

/*
 * kit_syscall_return_entry: a syscall callback that counts the call and goes
 * straight back to user mode (the frame is RCX, R11, RIP, CS, RFLAGS, RSP,
 * SS; RCX and R11 are dropped, VGCF_in_syscall tells iret so) - except for
 * RAX == KIT_SYSCALL_LEAVE, which leaves user mode as kit_syscall_entry does.
 */
        .globl  kit_syscall_return_entry
kit_syscall_return_entry:
        cmp     $KIT_SYSCALL_LEAVE, %rax
        je      kit_syscall_entry
        incq    kit_syscall_count(%rip)
        add     $16, %rsp               /* RCX, R11 */
        push    $VGCF_IN_SYSCALL        /* flags */
        jmp     hypercall_page + PV_HYPERCALL_iret * PV_HYPERCALL_STUB_SIZE

        .bss
        .balign 8
        .globl  kit_syscall_count
kit_syscall_count:      .quad 0
        .globl  kit_syscall_rax, kit_syscall_rip, kit_syscall_cs
kit_saved_rsp:          .quad 0
kit_syscall_rax:        .quad 0
kit_syscall_rip:        .quad 0
kit_syscall_cs:         .quad 0
