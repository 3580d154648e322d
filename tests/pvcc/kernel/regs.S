/*
 * check_preserved(): run a sequence of sensitive instructions with every
 * general register holding its own pattern (upper halves set, so a stray
 * 32-bit write shows) and the carry flag set, and count what changed: each
 * register that no longer holds its pattern, and 1 if the arithmetic flags
 * differ. On a PC nothing changes; built with pvcc, this checks that every
 * rewritten site leaves what its instruction leaves. The descriptor-table
 * operands are RSP-relative, which the rewriter must correct.
 */
#define PAT(n)  (-0x6eeeeef0 - (n))             /* 0xffffffff91111110 - n */

/* eax += (register number n no longer holds PAT(n)) */
        .macro  CHECK n
        .if     \n == 1
        cmp     $PAT(1), %rbx
        .elseif \n == 2
        cmp     $PAT(2), %rcx
        .elseif \n == 4
        cmp     $PAT(4), %rsi
        .elseif \n == 5
        cmp     $PAT(5), %rdi
        .elseif \n == 6
        cmp     $PAT(6), %rbp
        .else
        cmp     $PAT(\n), %r\n
        .endif
        setne   %dl
        movzbl  %dl, %edx
        add     %edx, %eax
        .endm

        .text
        .globl  check_preserved
check_preserved:
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        sub     $16, %rsp
        sidt    (%rsp)
        mov     $PAT(0), %rax
        mov     $PAT(1), %rbx
        mov     $PAT(2), %rcx
        mov     $0x3ff, %rdx                    /* the UART's scratch register */
        mov     $PAT(4), %rsi
        mov     $PAT(5), %rdi
        mov     $PAT(6), %rbp
        mov     $PAT(8), %r8
        mov     $PAT(9), %r9
        mov     $PAT(10), %r10
        mov     $PAT(11), %r11
        mov     $PAT(12), %r12
        mov     $PAT(13), %r13
        mov     $PAT(14), %r14
        mov     $PAT(15), %r15
        stc
        pushfq                                  /* the flags before */
        cli
        sti
        pushfq
        popfq
        outb    %al, %dx
        lidt    8(%rsp)
        invlpg  (%rsp)
        pushfq                                  /* and after */
        cmp     $PAT(0), %rax                   /* the count starts with RAX */
        setne   %al
        movzbl  %al, %eax
        cmp     $0x3ff, %rdx                    /* then RDX, which then is scratch */
        setne   %dl
        movzbl  %dl, %edx
        add     %edx, %eax
        .irp    n, 1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15
        CHECK   \n
        .endr
        pop     %rcx                            /* flags after */
        pop     %rdx                            /* flags before */
        xor     %rcx, %rdx
        and     $0x8d5, %edx                    /* CF PF AF ZF SF OF */
        setne   %dl
        movzbl  %dl, %edx
        add     %edx, %eax
        add     $16, %rsp
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        ret
