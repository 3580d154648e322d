/*
 * pvpatch's pure parts: the AT&T line splitter (labels, ';', comments,
 * strings, prefixes) and the rewrite rules, fed the machine code of each
 * instruction form (operand sizes, memory operands, prefixes, rep) decoded by
 * Zydis. Each replacement is checked as text: the site code (pvrt.h), the
 * stack arithmetic, the RSP correction of RSP-based operands, and the
 * refusals for the forms that cannot be rewritten safely.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <sierra-guest/pvrt.h>
#include "asm-line.h"
#include "rewrite.h"
#include "../../guest-kit/tools/pvscan/classify.h"

static struct rewrite rw(const uint8_t *code, size_t len, const char *operands, bool then_hlt)
{
    ZydisDecoder dec;
    ZydisDecodedInstruction insn;
    ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
    struct rewrite r;

    ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
    assert_true(ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, code, len, &insn, ops)));
    assert_int_equal(insn.length, len);
    rewrite_insn(&insn, ops, operands, then_hlt, &r);
    return r;
}

#define RW(ops, hlt, ...) ({ static const uint8_t c_[] = { __VA_ARGS__ }; rw(c_, sizeof(c_), ops, hlt); })

static char expected[512];

static const char *call_site(unsigned int code, const char *addr, int after)
{
    snprintf(expected, sizeof(expected),
             "lea -128(%%rsp),%%rsp; %s%spushq $%#x; call __pvrt_emulate; lea %d(%%rsp),%%rsp",
             addr ? addr : "", addr ? "; " : "", code, after);
    return expected;
}

static void assert_site(struct rewrite r, unsigned int code, const char *addr, int after)
{
    assert_int_equal(r.kind, REWRITE_REPLACE);
    assert_string_equal(r.out, call_site(code, addr, after));
}

static void test_split(void **state)
{
    struct asm_line l;
    char buf[64];
    const char *t = "foo: 1:\tcli ; sti # done; really";

    (void)state;
    assert_int_equal(asm_line_split(t, &l), 0);
    assert_int_equal(l.n, 2);
    assert_int_equal(asm_line_insns(&l), 2);
    assert_string_equal(t + l.comment, "# done; really");
    assert_string_equal(t + l.stmt[0].insn, "cli ; sti # done; really");    /* labels skipped */
    asm_stmt_mnemonic(t, &l.stmt[1], buf, sizeof(buf));
    assert_string_equal(buf, "sti");

    t = "\t.ascii \"a;b#c\"; hlt";                  /* ';' and '#' inside a string */
    assert_int_equal(asm_line_split(t, &l), 0);
    assert_int_equal(l.n, 2);
    assert_true(l.stmt[0].directive);
    assert_int_equal(asm_line_insns(&l), 1);

    t = "\tmovb $'#, %al; rep; outsb";               /* a character constant; a prefix */
    assert_int_equal(asm_line_split(t, &l), 0);
    assert_int_equal(l.n, 2);
    asm_stmt_mnemonic(t, &l.stmt[1], buf, sizeof(buf));
    assert_string_equal(buf, "outsb");
    asm_stmt_operands(t, &l.stmt[0], buf, sizeof(buf));
    assert_string_equal(buf, "$'#, %al");

    t = "\tlidt 8(%rsp)   ";
    asm_line_split(t, &l);
    asm_stmt_operands(t, &l.stmt[0], buf, sizeof(buf));
    assert_string_equal(buf, "8(%rsp)");

    t = "label:";
    asm_line_split(t, &l);
    assert_int_equal(l.n, 1);
    assert_true(l.stmt[0].empty);
    assert_int_equal(asm_line_insns(&l), 0);
    asm_line_split("   # only a comment", &l);
    assert_int_equal(l.n, 0);
}

static void test_interrupt_flag(void **state)
{
    (void)state;
    assert_site(RW("", false, 0xfa), PVRT_CODE(PVRT_CLI, 0, 0, 0, 0), NULL, 136);
    assert_site(RW("", false, 0xfb), PVRT_CODE(PVRT_STI, 0, 0, 0, 0), NULL, 136);
    assert_site(RW("", true, 0xfb), PVRT_CODE(PVRT_STI_HLT, 0, 0, 0, 0), NULL, 136);
    assert_site(RW("", false, 0xf4), PVRT_CODE(PVRT_HLT, 0, 0, 0, 0), NULL, 136);
    /* pushf leaves its value 8 below the site's RSP, popf takes it from there */
    assert_site(RW("", false, 0x9c), PVRT_CODE(PVRT_PUSHF, 0, 0, 0, 0), NULL, 128);
    assert_site(RW("", false, 0x9d), PVRT_CODE(PVRT_POPF, 0, 0, 0, 0), NULL, 144);
    assert_int_equal(RW("", false, 0x66, 0x9c).kind, REWRITE_REFUSE);      /* pushfw */
}

static void test_control_registers(void **state)
{
    (void)state;
    assert_site(RW("%rax,%cr3", false, 0x0f, 0x22, 0xd8), PVRT_CODE(PVRT_CR_WRITE, 0, 8, 3, 0), NULL, 136);
    assert_site(RW("%cr2,%r9", false, 0x41, 0x0f, 0x20, 0xd1), PVRT_CODE(PVRT_CR_READ, 9, 8, 2, 0), NULL, 136);
    assert_site(RW("%cr0,%rbx", false, 0x0f, 0x20, 0xc3), PVRT_CODE(PVRT_CR_READ, 3, 8, 0, 0), NULL, 136);
    assert_int_equal(RW("%rsp,%cr3", false, 0x0f, 0x22, 0xdc).kind, REWRITE_REFUSE);
    assert_int_equal(RW("%dr7,%rax", false, 0x0f, 0x21, 0xf8).kind, REWRITE_REFUSE);
    assert_site(RW("", false, 0x0f, 0x06), PVRT_CODE(PVRT_CLTS, 0, 0, 0, 0), NULL, 136);
}

static void test_memory_operands(void **state)
{
    (void)state;
    assert_site(RW("idt_ptr(%rip)", false, 0x0f, 0x01, 0x1d, 0, 0, 0, 0),
                PVRT_CODE(PVRT_LIDT, 0, 0, 0, PVRT_F_ADDR),
                "push %rax; lea idt_ptr(%rip),%rax; xchg %rax,(%rsp)", 144);
    /* RSP-based: the site has moved RSP down by 136 when the lea runs */
    assert_site(RW("(%rsp)", false, 0x0f, 0x01, 0x14, 0x24), PVRT_CODE(PVRT_LGDT, 0, 0, 0, PVRT_F_ADDR),
                "push %rax; lea 136(%rsp),%rax; xchg %rax,(%rsp)", 144);
    assert_site(RW("6(%rsp)", false, 0x0f, 0x01, 0x5c, 0x24, 0x06),
                PVRT_CODE(PVRT_LIDT, 0, 0, 0, PVRT_F_ADDR),
                "push %rax; lea 136+6(%rsp),%rax; xchg %rax,(%rsp)", 144);
    assert_site(RW("(%rdi,%rcx,8)", false, 0x0f, 0x01, 0x3c, 0xcf),
                PVRT_CODE(PVRT_INVLPG, 0, 0, 0, PVRT_F_ADDR),
                "push %rax; lea (%rdi,%rcx,8),%rax; xchg %rax,(%rsp)", 144);
    assert_site(RW("(%rax)", false, 0x0f, 0x01, 0x00), PVRT_CODE(PVRT_SGDT, 0, 0, 0, PVRT_F_ADDR),
                "push %rax; lea (%rax),%rax; xchg %rax,(%rsp)", 144);
    assert_int_equal(RW("%gs:(%rax)", false, 0x65, 0x0f, 0x01, 0x18).kind, REWRITE_REFUSE);
    assert_int_equal(RW("(%eax)", false, 0x67, 0x0f, 0x01, 0x18).kind, REWRITE_REFUSE);
}

static void test_descriptor_registers(void **state)
{
    (void)state;
    assert_site(RW("%ax", false, 0x0f, 0x00, 0xd8), PVRT_CODE(PVRT_LTR, 0, 2, 0, 0), NULL, 136);
    assert_site(RW("(%rdi)", false, 0x0f, 0x00, 0x17), PVRT_CODE(PVRT_LLDT, 0, 2, 0, PVRT_F_ADDR),
                "push %rax; lea (%rdi),%rax; xchg %rax,(%rsp)", 144);
    assert_site(RW("%eax", false, 0x0f, 0x01, 0xe0), PVRT_CODE(PVRT_SMSW, 0, 4, 0, 0), NULL, 136);
    assert_site(RW("%ax,%ds", false, 0x8e, 0xd8), PVRT_CODE(PVRT_SREG_LOAD, 0, 2, PVRT_DS, 0), NULL, 136);
    assert_site(RW("%r10d,%ss", false, 0x41, 0x8e, 0xd2), PVRT_CODE(PVRT_SREG_LOAD, 10, 2, PVRT_SS, 0),
                NULL, 136);
    assert_int_equal(RW("(%rax),%ds", false, 0x8e, 0x18).kind, REWRITE_REFUSE);
    assert_int_equal(RW("%gs", false, 0x0f, 0xa9).kind, REWRITE_REFUSE);      /* pop %gs */
    assert_int_equal(RW("%fs", false, 0x0f, 0xa0).kind, REWRITE_KEEP);        /* push %fs */
}

static void test_port_io(void **state)
{
    (void)state;
    assert_site(RW("%al,$0x80", false, 0xe6, 0x80),
                PVRT_CODE(PVRT_OUT, 0, 1, 0x80, PVRT_F_IMMPORT), NULL, 136);
    assert_site(RW("%dx,%eax", false, 0xed), PVRT_CODE(PVRT_IN, 0, 4, 0, 0), NULL, 136);
    assert_site(RW("%ax,%dx", false, 0x66, 0xef), PVRT_CODE(PVRT_OUT, 0, 2, 0, 0), NULL, 136);
    assert_site(RW("$0x60,%al", false, 0xe4, 0x60), PVRT_CODE(PVRT_IN, 0, 1, 0x60, PVRT_F_IMMPORT),
                NULL, 136);
    assert_site(RW("", false, 0xf3, 0x6e), PVRT_CODE(PVRT_OUTS, 0, 1, 0, PVRT_F_REP), NULL, 136);
    assert_site(RW("", false, 0x66, 0x6d), PVRT_CODE(PVRT_INS, 0, 2, 0, 0), NULL, 136);
    assert_int_equal(RW("", false, 0x67, 0xf3, 0x6e).kind, REWRITE_REFUSE);   /* addr32 */
}

static void test_transfers_and_misc(void **state)
{
    struct rewrite r;

    (void)state;
    r = RW("", false, 0x48, 0xcf);                                          /* iretq */
    assert_int_equal(r.kind, REWRITE_REPLACE);
    assert_string_equal(r.out, "pushq $0; jmp __pvrt_iret");
    assert_int_equal(RW("", false, 0xcf).kind, REWRITE_REFUSE);               /* iretl */
    r = RW("", false, 0x48, 0xcb);                                          /* lretq */
    assert_string_equal(r.out, "push %rax; mov 8(%rsp),%rax; mov %rax,16(%rsp); pop %rax; ret $8");
    assert_int_equal(RW("", false, 0xcb).kind, REWRITE_REFUSE);               /* lretl */
    assert_int_equal(RW("$8", false, 0x48, 0xca, 0x08, 0x00).kind, REWRITE_REFUSE);
    r = RW("", false, 0x48, 0x0f, 0x07);                                    /* sysretq */
    assert_non_null(strstr(r.out, "pushq %r11; pushq $0xe033; pushq %rcx; pushq $0x100; jmp __pvrt_iret"));
    assert_int_equal(RW("", false, 0x0f, 0x07).kind, REWRITE_REFUSE);         /* sysretl */
    assert_string_equal(RW("", false, 0x0f, 0xa2).out, "ud2; .ascii \"xen\"; cpuid");
    r = RW("", false, 0x0f, 0x01, 0xf8);                                    /* swapgs */
    assert_int_equal(r.kind, REWRITE_REPLACE);
    assert_string_equal(r.out, "");
    assert_int_equal(RW("$0x80", false, 0xcd, 0x80).kind, REWRITE_KEEP);
    assert_site(RW("", false, 0x0f, 0x30), PVRT_CODE(PVRT_WRMSR, 0, 0, 0, 0), NULL, 136);
    assert_site(RW("", false, 0x0f, 0x32), PVRT_CODE(PVRT_RDMSR, 0, 0, 0, 0), NULL, 136);
    assert_site(RW("", false, 0x0f, 0x09), PVRT_CODE(PVRT_WBINVD, 0, 0, 0, 0), NULL, 136);
    assert_int_equal(RW("", false, 0x0f, 0x01, 0xc9).kind, REWRITE_REFUSE);   /* mwait */
    assert_int_equal(RW("", false, 0x0f, 0x02, 0xc0).kind, REWRITE_REFUSE);   /* lar */
    assert_int_equal(RW("*(%rax)", false, 0xff, 0x28).kind, REWRITE_REFUSE);  /* ljmp */
    /* ordinary instructions are not touched */
    assert_int_equal(RW("%rax,%rbx", false, 0x48, 0x89, 0xc3).kind, REWRITE_NONE);
    assert_int_equal(RW("%ds,%ax", false, 0x8c, 0xd8).kind, REWRITE_NONE);
    assert_int_equal(RW("", false, 0xc3).kind, REWRITE_NONE);
}

static void test_emulation_prefix(void **state)
{
    static const uint8_t fep[] = { 0x0f, 0x0b, 'x', 'e', 'n', 0x0f, 0xa2 };
    ZydisDecoder dec;
    ZydisDecodedInstruction insn;
    ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];

    (void)state;
    ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
    ZydisDecoderDecodeFull(&dec, fep, sizeof(fep), &insn, ops);
    assert_true(pv_is_emulation_prefix(&insn, fep + 2, sizeof(fep) - 2));
    assert_false(pv_is_emulation_prefix(&insn, (const uint8_t *)"xe", 2));
    assert_false(pv_is_emulation_prefix(&insn, (const uint8_t *)"xyz", 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_interrupt_flag),
        cmocka_unit_test(test_control_registers),
        cmocka_unit_test(test_memory_operands),
        cmocka_unit_test(test_descriptor_registers),
        cmocka_unit_test(test_port_io),
        cmocka_unit_test(test_transfers_and_misc),
        cmocka_unit_test(test_emulation_prefix),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("pvpatch", tests, NULL, NULL);
}
