/*
 * pvscan's classification (guest-kit/tools/pvscan/classify.c) against a
 * hand-checked list: machine code of each instruction form, decoded by Zydis,
 * must land in its class - and ordinary instructions, including the near
 * forms of far-capable ones and MOVs of general registers, in none.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../guest-kit/tools/pvscan/classify.h"

struct sample {
    const char *what;
    uint8_t bytes[8];
    unsigned int len;
    enum pv_class cls;
};

static const struct sample samples[] = {
    { "hlt", { 0xf4 }, 1, PV_CLASS_PRIVILEGED },
    { "lgdt (%rax)", { 0x0f, 0x01, 0x10 }, 3, PV_CLASS_PRIVILEGED },
    { "lidt (%rax)", { 0x0f, 0x01, 0x18 }, 3, PV_CLASS_PRIVILEGED },
    { "lldt %ax", { 0x0f, 0x00, 0xd0 }, 3, PV_CLASS_PRIVILEGED },
    { "ltr %ax", { 0x0f, 0x00, 0xd8 }, 3, PV_CLASS_PRIVILEGED },
    { "invlpg (%rdi)", { 0x0f, 0x01, 0x3f }, 3, PV_CLASS_PRIVILEGED },
    { "wbinvd", { 0x0f, 0x09 }, 2, PV_CLASS_PRIVILEGED },
    { "swapgs", { 0x0f, 0x01, 0xf8 }, 3, PV_CLASS_PRIVILEGED },
    { "sysretq", { 0x48, 0x0f, 0x07 }, 3, PV_CLASS_PRIVILEGED },
    { "int $0x80", { 0xcd, 0x80 }, 2, PV_CLASS_PRIVILEGED },
    { "sgdt (%rax)", { 0x0f, 0x01, 0x00 }, 3, PV_CLASS_SILENT },
    { "sidt (%rax)", { 0x0f, 0x01, 0x08 }, 3, PV_CLASS_SILENT },
    { "smsw %eax", { 0x0f, 0x01, 0xe0 }, 3, PV_CLASS_SILENT },
    { "str %ax", { 0x0f, 0x00, 0xc8 }, 3, PV_CLASS_SILENT },
    { "lar %ax,%ax", { 0x0f, 0x02, 0xc0 }, 3, PV_CLASS_SILENT },
    { "lsl %eax,%eax", { 0x0f, 0x03, 0xc0 }, 3, PV_CLASS_SILENT },
    { "verr %ax", { 0x0f, 0x00, 0xe0 }, 3, PV_CLASS_SILENT },
    { "cpuid", { 0x0f, 0xa2 }, 2, PV_CLASS_SILENT },
    { "mov %ax,%ds", { 0x8e, 0xd8 }, 2, PV_CLASS_SEGMENT },
    { "mov %ds,%ax (a read)", { 0x8c, 0xd8 }, 2, PV_CLASS_NONE },
    { "push %fs", { 0x0f, 0xa0 }, 2, PV_CLASS_SEGMENT },
    { "pop %gs", { 0x0f, 0xa9 }, 2, PV_CLASS_SEGMENT },
    { "lret", { 0xcb }, 1, PV_CLASS_SEGMENT },
    { "ljmp *(%rax)", { 0xff, 0x28 }, 2, PV_CLASS_SEGMENT },
    { "lcall *(%rax)", { 0xff, 0x18 }, 2, PV_CLASS_SEGMENT },
    { "iretq", { 0x48, 0xcf }, 2, PV_CLASS_SEGMENT },
    { "lss (%rax),%esp", { 0x0f, 0xb2, 0x20 }, 3, PV_CLASS_SEGMENT },
    { "in $0x60,%al", { 0xe4, 0x60 }, 2, PV_CLASS_IO },
    { "in (%dx),%eax", { 0xed }, 1, PV_CLASS_IO },
    { "out %al,(%dx)", { 0xee }, 1, PV_CLASS_IO },
    { "out %ax,$0x80 (16-bit)", { 0x66, 0xe7, 0x80 }, 3, PV_CLASS_IO },
    { "rep insb", { 0xf3, 0x6c }, 2, PV_CLASS_IO },
    { "outsl", { 0x6f }, 1, PV_CLASS_IO },
    { "rdmsr", { 0x0f, 0x32 }, 2, PV_CLASS_MSR },
    { "wrmsr", { 0x0f, 0x30 }, 2, PV_CLASS_MSR },
    { "rdpmc", { 0x0f, 0x33 }, 2, PV_CLASS_MSR },
    { "mov %rax,%cr3", { 0x0f, 0x22, 0xd8 }, 3, PV_CLASS_CONTROL },
    { "mov %cr0,%rax", { 0x0f, 0x20, 0xc0 }, 3, PV_CLASS_CONTROL },
    { "mov %r8,%cr8 (REX.R)", { 0x44, 0x0f, 0x22, 0xc0 }, 4, PV_CLASS_CONTROL },
    { "mov %rax,%db7", { 0x0f, 0x23, 0xf8 }, 3, PV_CLASS_CONTROL },
    { "clts", { 0x0f, 0x06 }, 2, PV_CLASS_CONTROL },
    { "lmsw %ax", { 0x0f, 0x01, 0xf0 }, 3, PV_CLASS_CONTROL },
    { "cli", { 0xfa }, 1, PV_CLASS_IF },
    { "sti", { 0xfb }, 1, PV_CLASS_IF },
    { "pushfq", { 0x9c }, 1, PV_CLASS_IF },
    { "popfq", { 0x9d }, 1, PV_CLASS_IF },
    { "mov %rax,%rbx", { 0x48, 0x89, 0xc3 }, 3, PV_CLASS_NONE },
    { "call rel32", { 0xe8, 0, 0, 0, 0 }, 5, PV_CLASS_NONE },
    { "ret", { 0xc3 }, 1, PV_CLASS_NONE },
    { "jmp *%rax", { 0xff, 0xe0 }, 2, PV_CLASS_NONE },
    { "int3", { 0xcc }, 1, PV_CLASS_NONE },
    { "syscall", { 0x0f, 0x05 }, 2, PV_CLASS_NONE },
    { "rdtsc", { 0x0f, 0x31 }, 2, PV_CLASS_NONE },
    { "push %rax", { 0x50 }, 1, PV_CLASS_NONE },
};

static void test_samples(void **state)
{
    ZydisDecoder dec;

    (void)state;
    ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
    for ( size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++ )
    {
        ZydisDecodedInstruction insn;
        ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
        struct pv_verdict v;

        assert_true(ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, samples[i].bytes, samples[i].len,
                                                        &insn, ops)));
        assert_int_equal(insn.length, samples[i].len);
        v = pv_classify(&insn, ops);
        if ( v.cls != samples[i].cls )
            fail_msg("%s: class %s, expected %s", samples[i].what, pv_class_name(v.cls),
                     pv_class_name(samples[i].cls));
        assert_true(v.cls == PV_CLASS_NONE || (v.replacement && *v.replacement));
    }
}

static void test_32bit_mode(void **state)
{
    static const uint8_t cli[] = { 0xfa }, pushfd[] = { 0x9c }, movcr3[] = { 0x0f, 0x22, 0xd8 };
    ZydisDecoder dec;
    ZydisDecodedInstruction insn;
    ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];

    (void)state;
    ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LEGACY_32, ZYDIS_STACK_WIDTH_32);
    assert_true(ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, cli, 1, &insn, ops)));
    assert_int_equal(pv_classify(&insn, ops).cls, PV_CLASS_IF);
    assert_true(ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, pushfd, 1, &insn, ops)));
    assert_int_equal(pv_classify(&insn, ops).cls, PV_CLASS_IF);
    assert_true(ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, movcr3, 3, &insn, ops)));
    assert_int_equal(pv_classify(&insn, ops).cls, PV_CLASS_CONTROL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_32bit_mode),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("pvscan-classify", tests, NULL, NULL);
}
