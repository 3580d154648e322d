/*
 * Exception and interrupt entry. One 16-byte stub per vector pushes a zero
 * error code when the CPU does not push one, then the vector number, and jumps
 * to common_entry, which saves the general registers as a struct cpu_regs
 * (asm/regs.h) and calls do_trap(regs) in C. On return the registers are
 * restored and IRETQ resumes wherever do_trap left regs->rip (a fixup, if the
 * fault was covered by the exception table).
 */
#include <asm-offsets.h>
#include <asm/asm-macros.h>

/* entry.S pushes in exactly struct cpu_regs order; catch a changed struct here */
.if REGS_r15 != 0 || REGS_rdi != 14 * 8 || REGS_vector != 15 * 8 || REGS_rip != 17 * 8
.error "struct cpu_regs no longer matches entry.S"
.endif

/* vectors for which the CPU pushes an error code: 8 10-14 17 21 29 30 */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
                           (v) == 21 || (v) == 29 || (v) == 30)

        .text
        .balign 16
        .globl trap_stubs
trap_stubs:
        .set    vec, 0
        .rept   256
        .balign 16
        .if     !HAS_ERROR_CODE(vec)
        push    $0                      /* no CPU error code: keep the frame uniform */
        .endif
        push    $vec
        jmp     common_entry
        .set    vec, vec + 1
        .endr

common_entry:
        SAVE_GPRS
        mov     %rsp, %rdi              /* do_trap(struct cpu_regs *) */
        cld
        call    do_trap
        RESTORE_GPRS
        add     $16, %rsp               /* vector and error code */
        iretq
