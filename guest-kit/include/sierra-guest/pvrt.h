/*
 * The pre-virtualization runtime's call-site encoding, shared by the
 * rewriter (guest-kit/tools/pvcc/pvpatch) and the runtime it calls
 * (guest-kit/lib/pvrt). pvpatch replaces a sensitive instruction by
 *
 *     lea -128(%rsp),%rsp              skip the red zone
 *     [push %rax; lea MEM,%rax; xchg %rax,(%rsp)]   the operand's address
 *     pushq $CODE                      what the instruction was (below)
 *     call __pvrt_emulate              saves every register and the flags
 *     lea N(%rsp),%rsp                 N = 136 [+8] + the instruction's own
 *                                      stack effect (pushf -8, popf +8)
 *
 * and pvrt_emulate() in C does what the instruction would have done on bare
 * metal, through the ABI. CODE is a positive 32-bit immediate: the operation,
 * the general register it names (hardware numbering; meaningful when the
 * operand size is not 0), the operand size, a small number (port, control or segment register) and flags.
 */
#ifndef SIERRA_GUEST_PVRT_H
#define SIERRA_GUEST_PVRT_H

enum pvrt_op {
    PVRT_CLI = 1, PVRT_STI, PVRT_STI_HLT, PVRT_HLT, PVRT_PUSHF, PVRT_POPF,
    PVRT_CR_READ, PVRT_CR_WRITE,        /* NUM = control register */
    PVRT_SREG_LOAD,                     /* NUM = segment register (pvrt_sreg) */
    PVRT_LGDT, PVRT_LIDT, PVRT_SGDT, PVRT_SIDT, PVRT_LLDT, PVRT_LTR,
    PVRT_SLDT, PVRT_STR, PVRT_SMSW, PVRT_CLTS,
    PVRT_INVLPG, PVRT_WBINVD,
    PVRT_IN, PVRT_OUT, PVRT_INS, PVRT_OUTS,     /* NUM = port if PVRT_F_IMMPORT */
    PVRT_RDMSR, PVRT_WRMSR,
    PVRT_NR_OPS,
};

enum pvrt_sreg { PVRT_ES, PVRT_CS, PVRT_SS, PVRT_DS, PVRT_FS, PVRT_GS };

#define PVRT_CODE(op, reg, size, num, flags) \
    ((op) | ((reg) << 8) | ((size) << 12) | ((num) << 16) | (flags))
#define PVRT_CODE_OP(c)     ((c) & 0xff)
#define PVRT_CODE_REG(c)    (((c) >> 8) & 0xf)
#define PVRT_CODE_SIZE(c)   (((c) >> 12) & 0xf)     /* bytes: 1, 2, 4, 8 */
#define PVRT_CODE_NUM(c)    (((c) >> 16) & 0xff)
#define PVRT_F_IMMPORT      (1u << 24)
#define PVRT_F_REP          (1u << 25)
#define PVRT_F_ADDR         (1u << 26)  /* an operand address was pushed */

#define PVRT_RED_ZONE       128

#endif
