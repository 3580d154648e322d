/*
 * Guest descriptor checks (hypervisor/arch/x86/pv/descriptor-check.c): code
 * and data segments of every DPL come out as DPL 3 with nothing else
 * changed; not-present descriptors pass untouched; system descriptors other
 * than the null type are refused, gates into ring 0 above all.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/pv/descriptors.h>

static u64 with_dpl(u64 d, unsigned int dpl)
{
    return (d & ~(3UL << 45)) | ((u64)dpl << 45);
}

static void test_code_and_data_forced_to_ring3(void **state)
{
    static const u64 segments[] = {
        0x00af9a000000ffffUL,   /* 64-bit code, DPL 0 */
        0x00cf92000000ffffUL,   /* data, DPL 0 */
        0x00cf9a000000ffffUL,   /* 32-bit code, DPL 0 */
        0x0040920000000000UL,   /* data with base and limit 0 */
    };

    (void)state;
    for ( unsigned int i = 0; i < sizeof(segments) / sizeof(segments[0]); i++ )
        for ( unsigned int dpl = 0; dpl < 4; dpl++ )
        {
            u64 d = with_dpl(segments[i], dpl);

            assert_true(pv_check_descriptor(&d));
            assert_int_equal(d, with_dpl(segments[i], 3));
        }
}

static void test_not_present_untouched(void **state)
{
    u64 d = 0x00af1a000000ffffUL;   /* code, DPL 0, not present */
    u64 zero = 0;

    (void)state;
    assert_true(pv_check_descriptor(&d));
    assert_int_equal(d, 0x00af1a000000ffffUL);
    assert_true(pv_check_descriptor(&zero));
    assert_int_equal(zero, 0);
}

static void test_system_descriptors_refused(void **state)
{
    static const u64 refused[] = {
        0x0000ec0000080000UL,   /* call gate, DPL 3, to selector 8 (ring 0 code) */
        0x00008c0000080000UL,   /* call gate, DPL 0 */
        0x0000890000000067UL,   /* available 64-bit TSS */
        0x0000820000000fffUL,   /* LDT */
        0x00008e0000080000UL,   /* interrupt gate */
        0x00008f0000080000UL,   /* trap gate */
    };
    u64 null_type = 0x0000800000000000UL;   /* present, system type 0 */

    (void)state;
    for ( unsigned int i = 0; i < sizeof(refused) / sizeof(refused[0]); i++ )
    {
        u64 d = refused[i];

        assert_false(pv_check_descriptor(&d));
    }
    assert_true(pv_check_descriptor(&null_type));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_and_data_forced_to_ring3),
        cmocka_unit_test(test_not_present_untouched),
        cmocka_unit_test(test_system_descriptors_refused),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("descriptors", tests, NULL, NULL);
}
