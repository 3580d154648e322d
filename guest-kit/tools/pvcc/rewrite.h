/*
 * What pvpatch writes in place of one sensitive x86-64 instruction: a call
 * into the pre-virtualization runtime (sierra-guest/pvrt.h describes the
 * call site), a short inline sequence, nothing at all, or a refusal with the
 * reason. The decision is made on the decoded instruction (Zydis); the
 * statement's own text supplies a memory operand verbatim, since a symbol in
 * it is something only the assembler can resolve. Pure: unit-tested.
 */
#ifndef PVCC_REWRITE_H
#define PVCC_REWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <Zydis/Zydis.h>

enum rewrite_kind {
    REWRITE_NONE,       /* not sensitive: leave it */
    REWRITE_REPLACE,    /* out holds the replacement */
    REWRITE_KEEP,       /* sensitive but correct under the ABI as it is (int $n) */
    REWRITE_REFUSE,     /* cannot be rewritten safely: why says so */
};

struct rewrite {
    enum rewrite_kind kind;
    const char *why;            /* REWRITE_REFUSE / REWRITE_KEEP: the reason */
    char out[512];
};

/*
 * insn/ops: the decoded instruction; operands: its AT&T operand text;
 * then_hlt: the next instruction is a hlt that no label separates from this
 * one (sti; hlt becomes one atomic "enable and wait", as it is on hardware).
 */
void rewrite_insn(const ZydisDecodedInstruction *insn, const ZydisDecodedOperand *ops,
                  const char *operands, bool then_hlt, struct rewrite *r);

#endif
