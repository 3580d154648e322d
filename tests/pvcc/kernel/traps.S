/*
 * The test kernel's interrupt entry, written for bare metal: one stub per
 * vector pushes a zero where the CPU pushes no error code, then the vector;
 * the common path saves the registers, calls trap() in C with the frame and
 * returns with iretq. Built with pvcc for the PV kernel (iretq is rewritten).
 */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17)

        .text
        .balign 16
        .globl  trap_stubs
trap_stubs:
        .set    vec, 0
        .rept   33
        .balign 16
        .if     !HAS_ERROR_CODE(vec)
        push    $0
        .endif
        push    $vec
        jmp     trap_common
        .set    vec, vec + 1
        .endr

trap_common:
        push    %rax
        push    %rcx
        push    %rdx
        push    %rsi
        push    %rdi
        push    %r8
        push    %r9
        push    %r10
        push    %r11
        mov     %rsp, %rdi
        cld
        call    trap
        pop     %r11
        pop     %r10
        pop     %r9
        pop     %r8
        pop     %rdi
        pop     %rsi
        pop     %rdx
        pop     %rcx
        pop     %rax
        add     $16, %rsp               /* vector, error code */
        iretq
