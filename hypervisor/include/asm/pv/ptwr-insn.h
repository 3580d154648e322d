/*
 * The instructions a PV kernel uses to write its own page-table entries in
 * place (writable page tables): decoding just those, and computing what they
 * do to one 8-byte entry. Pure logic, unit-tested on the host; pv/ptwr.c
 * applies the result after validating the new entry.
 *
 * Decoded: MOV r/imm -> m (88 89 C6 C7), XCHG (86 87), CMPXCHG (0F B0/B1),
 * AND/OR r/imm -> m (20 21 08 09 80 81 83 /1 /4), BTS/BTR/BTC with an
 * immediate bit (0F BA /5 /6 /7), with LOCK and REX prefixes, 1-, 4- and
 * 8-byte operands and any ModRM/SIB/displacement form of the memory operand
 * (whose address the caller takes from CR2). Anything else is not decoded:
 * the guest then gets its page fault.
 */
#ifndef ASM_PV_PTWR_INSN_H
#define ASM_PV_PTWR_INSN_H

#include <hv/types.h>

enum ptwr_op { PTWR_MOV, PTWR_XCHG, PTWR_CMPXCHG, PTWR_AND, PTWR_OR, PTWR_BTS, PTWR_BTR, PTWR_BTC };

struct ptwr_insn {
    enum ptwr_op op;
    unsigned int width;         /* bytes: 1, 4 or 8 */
    unsigned int len;           /* of the whole instruction */
    bool has_imm;               /* source is imm, not register `reg` */
    u64 imm;                    /* sign-extended to width; BTx: the bit */
    unsigned int reg;           /* register operand, 0-15 (rax..r15) */
    bool high8;                 /* reg is AH/CH/DH/BH (reg - 4's bits 8-15) */
};

/* 0, or -EOPNOTSUPP for anything not in the list above */
int ptwr_decode(const u8 *insn, size_t len, struct ptwr_insn *out);

/* What one instruction does to the entry `old` (write at byte `offset`):
 * regs[16] the general registers in encoding order (rax rcx rdx rbx rsp rbp
 * rsi rdi r8-r15), updated in place for XCHG/CMPXCHG; *rflags updated. Sets
 * *new_entry and returns true if the entry is written, false if not (a
 * CMPXCHG that does not match). -EOPNOTSUPP (as a negative int) if the
 * operand leaves the entry. */
int ptwr_execute(const struct ptwr_insn *i, u64 old, unsigned int offset, u64 regs[16],
                 u64 *rflags, u64 *new_entry);

#endif
