/*
 * One line of GNU as (AT&T) source, split the way the assembler splits it:
 * statements separated by ';', each optionally preceded by labels ("foo:",
 * "1:"), and a '#' comment to the end of the line - with string and
 * character constants respected. Prefix-only statements ("rep; outsb",
 * "lock; incl x") are merged into the statement they prefix, so that each
 * instruction statement is one machine instruction. Pure: used by pvpatch
 * and unit-tested on its own.
 */
#ifndef PVCC_ASM_LINE_H
#define PVCC_ASM_LINE_H

#include <stdbool.h>
#include <stddef.h>

#define ASM_LINE_MAX_STMTS 32

struct asm_stmt {
    size_t start, end;          /* the whole statement in the line, labels included */
    size_t insn;                /* where the instruction (or directive) starts */
    bool directive;             /* ".byte ..." and friends */
    bool empty;                 /* labels only, or nothing */
};

struct asm_line {
    struct asm_stmt stmt[ASM_LINE_MAX_STMTS];
    unsigned int n;
    size_t comment;             /* offset of '#', or the line's length */
};

/* 0, or -1 if the line has more statements than ASM_LINE_MAX_STMTS */
int asm_line_split(const char *line, struct asm_line *out);

/* the instruction statements: not empty, not directives */
unsigned int asm_line_insns(const struct asm_line *l);

/* the mnemonic of statement s (lower case, without operands) into buf */
void asm_stmt_mnemonic(const char *line, const struct asm_stmt *s, char *buf, size_t len);

/* the operand text of statement s (after the mnemonic and any prefixes), trimmed */
void asm_stmt_operands(const char *line, const struct asm_stmt *s, char *buf, size_t len);

#endif
