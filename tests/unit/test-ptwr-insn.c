/*
 * The writable-page-table instructions (hypervisor/arch/x86/pv/ptwr-insn.c):
 * hand-assembled encodings (checked with `as`) decode to the right
 * operation, width, register and length, whatever the memory operand's form;
 * loads, register-to-register forms, BT, 16-bit operands and truncated bytes
 * are refused; and each operation's effect on an entry, the registers and
 * the flags is what the CPU would do.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/pv/ptwr-insn.h>
#include <hv/errno.h>

#define ZF (1UL << 6)
#define CF (1UL << 0)

struct form {
    const char *text;
    u8 bytes[15];
    unsigned int nr;
    enum ptwr_op op;
    unsigned int width, len, reg;
    bool high8, has_imm;
    u64 imm;
};

static const struct form forms[] = {
    { "mov %rsi,(%rdi)", { 0x48, 0x89, 0x37 }, 3, PTWR_MOV, 8, 3, 6, false, false, 0 },
    { "mov %esi,(%rdi)", { 0x89, 0x37 }, 2, PTWR_MOV, 4, 2, 6, false, false, 0 },
    { "mov %rsi,0x100(%rdi)", { 0x48, 0x89, 0xb7, 0, 1, 0, 0 }, 7, PTWR_MOV, 8, 7, 6, false, false, 0 },
    { "mov %rsi,8(%rsp)", { 0x48, 0x89, 0x74, 0x24, 0x08 }, 5, PTWR_MOV, 8, 5, 6, false, false, 0 },
    { "mov %rax,0x1000(,%riz)", { 0x48, 0x89, 0x04, 0x25, 0, 0x10, 0, 0 }, 8, PTWR_MOV, 8, 8, 0, false, false, 0 },
    { "mov %rax,0x10(%rip)", { 0x48, 0x89, 0x05, 0x10, 0, 0, 0 }, 7, PTWR_MOV, 8, 7, 0, false, false, 0 },
    { "mov %r8,(%rdi)", { 0x4c, 0x89, 0x07 }, 3, PTWR_MOV, 8, 3, 8, false, false, 0 },
    { "mov %ah,(%rdi)", { 0x88, 0x27 }, 2, PTWR_MOV, 1, 2, 4, true, false, 0 },
    { "mov %spl,(%rdi)", { 0x40, 0x88, 0x27 }, 3, PTWR_MOV, 1, 3, 4, false, false, 0 },
    { "movq $-1,(%rdi)", { 0x48, 0xc7, 0x07, 0xff, 0xff, 0xff, 0xff }, 7, PTWR_MOV, 8, 7, 0, false, true, ~0UL },
    { "movb $5,(%rdi)", { 0xc6, 0x07, 0x05 }, 3, PTWR_MOV, 1, 3, 0, false, true, 5 },
    { "xchg %rsi,(%rdi)", { 0x48, 0x87, 0x37 }, 3, PTWR_XCHG, 8, 3, 6, false, false, 0 },
    { "lock cmpxchg %rsi,(%rdi)", { 0xf0, 0x48, 0x0f, 0xb1, 0x37 }, 5, PTWR_CMPXCHG, 8, 5, 6, false, false, 0 },
    { "lock btrq $1,(%rdi)", { 0xf0, 0x48, 0x0f, 0xba, 0x37, 0x01 }, 6, PTWR_BTR, 8, 6, 6, false, true, 1 },
    { "lock btsl $33,(%rdi)", { 0xf0, 0x0f, 0xba, 0x2f, 0x21 }, 5, PTWR_BTS, 4, 5, 5, false, true, 1 },
    { "lock andb $0xfd,(%rdi)", { 0xf0, 0x80, 0x27, 0xfd }, 4, PTWR_AND, 1, 4, 4, false, true, ~2UL },
    { "lock orq $2,(%rdi)", { 0xf0, 0x48, 0x83, 0x0f, 0x02 }, 5, PTWR_OR, 8, 5, 1, false, true, 2 },
    { "lock and %rsi,(%rdi)", { 0xf0, 0x48, 0x21, 0x37 }, 4, PTWR_AND, 8, 4, 6, false, false, 0 },
    /* Linux's clear_bit on a uniprocessor: LOCK patched into DS */
    { "ds andb $0xfd,(%r12)", { 0x3e, 0x41, 0x80, 0x24, 0x24, 0xfd }, 6, PTWR_AND, 1, 6, 4, false, true, ~2UL },
    { "gs mov %rsi,(%rdi)", { 0x65, 0x48, 0x89, 0x37 }, 4, PTWR_MOV, 8, 4, 6, false, false, 0 },
};

static void test_decode_forms(void **state)
{
    (void)state;
    for ( unsigned int i = 0; i < sizeof(forms) / sizeof(forms[0]); i++ )
    {
        const struct form *f = &forms[i];
        struct ptwr_insn in;

        assert_int_equal(ptwr_decode(f->bytes, f->nr, &in), 0);
        assert_int_equal(in.op, f->op);
        assert_int_equal(in.width, f->width);
        assert_int_equal(in.len, f->len);
        assert_int_equal(in.has_imm, f->has_imm);
        if ( f->has_imm )
            assert_int_equal(in.imm, f->imm);
        else
        {
            assert_int_equal(in.reg, f->reg);
            assert_int_equal(in.high8, f->high8);
        }
    }
}

static void test_decode_refusals(void **state)
{
    static const struct { u8 b[8]; unsigned int n; } bad[] = {
        { { 0x48, 0x8b, 0x07 }, 3 },            /* mov (%rdi),%rax: a load */
        { { 0x48, 0x89, 0xc7 }, 3 },            /* mov %rax,%rdi: no memory */
        { { 0x0f, 0xba, 0x27, 0x01 }, 4 },      /* bt: reads only */
        { { 0x66, 0x89, 0x07 }, 3 },            /* 16-bit operand */
        { { 0x48, 0x89 }, 2 },                  /* truncated before ModRM */
        { { 0x48, 0x89, 0xb7, 0, 1 }, 5 },      /* truncated displacement */
        { { 0xc7, 0x47, 0x08 }, 3 },            /* truncated immediate */
        { { 0xc7, 0x0f, 0, 0, 0, 0 }, 6 },      /* C7 /1 is not a mov */
        { { 0x80, 0x37, 0x01 }, 3 },            /* xor: not a PTE update */
        { { 0xf0 }, 1 },                        /* only a prefix */
    };
    struct ptwr_insn in;

    (void)state;
    for ( unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++ )
        assert_int_equal(ptwr_decode(bad[i].b, bad[i].n, &in), -EOPNOTSUPP);
}

static struct ptwr_insn decoded(const u8 *b, unsigned int n)
{
    struct ptwr_insn in;

    assert_int_equal(ptwr_decode(b, n, &in), 0);
    return in;
}

static void test_execute(void **state)
{
    static const u8 movq[] = { 0x48, 0x89, 0x37 }, movl[] = { 0x89, 0x37 },
                    xchgl[] = { 0x87, 0x37 }, cmpxchg[] = { 0xf0, 0x48, 0x0f, 0xb1, 0x37 },
                    btr[] = { 0xf0, 0x48, 0x0f, 0xba, 0x37, 0x01 },
                    andb[] = { 0xf0, 0x80, 0x27, 0xfd }, movah[] = { 0x88, 0x27 };
    struct ptwr_insn in;
    u64 regs[16] = { 0 }, fl = 0, e = 0;

    (void)state;
    in = decoded(movq, sizeof(movq));
    regs[6] = 0x1234063;
    assert_int_equal(ptwr_execute(&in, 0xdead000, 0, regs, &fl, &e), 1);
    assert_int_equal(e, 0x1234063);
    in = decoded(movl, sizeof(movl));
    regs[6] = 0xffffffff00000007UL;     /* only the low half is stored */
    assert_int_equal(ptwr_execute(&in, 0x1111111122222222UL, 4, regs, &fl, &e), 1);
    assert_int_equal(e, 0x0000000722222222UL);
    assert_int_equal(ptwr_execute(&in, 0, 6, regs, &fl, &e), -EOPNOTSUPP);   /* leaves the entry */
    in = decoded(xchgl, sizeof(xchgl));
    regs[6] = 0xaaaaaaaa55555555UL;
    assert_int_equal(ptwr_execute(&in, 0x1111111122222222UL, 0, regs, &fl, &e), 1);
    assert_int_equal(e, 0x1111111155555555UL);
    assert_int_equal(regs[6], 0x22222222UL);            /* 32-bit write zero-extends */
    in = decoded(cmpxchg, sizeof(cmpxchg));
    regs[0] = 0x5063;
    regs[6] = 0x7063;
    assert_int_equal(ptwr_execute(&in, 0x5063, 0, regs, &fl, &e), 1);
    assert_int_equal(e, 0x7063);
    assert_true(fl & ZF);
    regs[0] = 0x1;
    assert_int_equal(ptwr_execute(&in, 0x5063, 0, regs, &fl, &e), 0);   /* no match: no write */
    assert_int_equal(regs[0], 0x5063);
    assert_false(fl & ZF);
    in = decoded(btr, sizeof(btr));
    fl = 0;
    assert_int_equal(ptwr_execute(&in, 0x5063, 0, regs, &fl, &e), 1);
    assert_int_equal(e, 0x5061);
    assert_true(fl & CF);                               /* the bit was set */
    assert_int_equal(ptwr_execute(&in, 0x5061, 0, regs, &fl, &e), 1);
    assert_false(fl & CF);
    in = decoded(andb, sizeof(andb));
    assert_int_equal(ptwr_execute(&in, 0xffff, 0, regs, &fl, &e), 1);
    assert_int_equal(e, 0xfffd);
    in = decoded(movah, sizeof(movah));
    regs[4] = 0;
    regs[0] = 0x4200;                                   /* %ah = 0x42 */
    assert_int_equal(ptwr_execute(&in, 0x1111, 1, regs, &fl, &e), 1);
    assert_int_equal(e, 0x4211);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_forms),
        cmocka_unit_test(test_decode_refusals),
        cmocka_unit_test(test_execute),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("ptwr-insn", tests, NULL, NULL);
}
