/*
 * libvirt's scaled integers (dom0-tools/lib/units.c): every unit family,
 * the default unit, rounding up to KiB, and the refusals - signs, spaces,
 * fractions, unknown units, overflow.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../dom0-tools/lib/units.h"

static uint64_t kib(const char *v, const char *u)
{
    uint64_t k = 0;
    int bad;

    assert_int_equal(parse_scaled_kib(v, u, "KiB", &k, &bad), 0);
    return k;
}

static int fails(const char *v, const char *u, int *bad_unit)
{
    uint64_t k;

    return parse_scaled_kib(v, u, "KiB", &k, bad_unit);
}

static void test_units(void **state)
{
    (void)state;
    assert_int_equal(kib("512", NULL), 512);            /* the default unit */
    assert_int_equal(kib("512", ""), 512);
    assert_int_equal(kib("2048", "b"), 2);
    assert_int_equal(kib("2049", "bytes"), 3);          /* rounded up */
    assert_int_equal(kib("1", "k"), 1);
    assert_int_equal(kib("1", "KiB"), 1);
    assert_int_equal(kib("1024", "KB"), 1000);
    assert_int_equal(kib("1", "M"), 1024);
    assert_int_equal(kib("1", "m"), 1024);
    assert_int_equal(kib("1", "MiB"), 1024);
    assert_int_equal(kib("16", "MB"), 15625);
    assert_int_equal(kib("2", "G"), 2 * 1024 * 1024);
    assert_int_equal(kib("1", "GB"), 976563);           /* 10^9 / 1024, rounded up */
    assert_int_equal(kib("1", "TiB"), 1ULL << 30);
    assert_int_equal(kib("1", "P"), 1ULL << 40);
    assert_int_equal(kib("1", "EiB"), 1ULL << 50);
    assert_int_equal(kib("0", "GiB"), 0);
}

static void test_refusals(void **state)
{
    int bad;

    (void)state;
    assert_int_equal(fails("-1", NULL, &bad), -EINVAL);
    assert_int_equal(bad, 0);
    assert_int_equal(fails("+1", NULL, &bad), -EINVAL);
    assert_int_equal(fails(" 1", NULL, &bad), -EINVAL);
    assert_int_equal(fails("1.5", "GiB", &bad), -EINVAL);
    assert_int_equal(fails("", "GiB", &bad), -EINVAL);
    assert_int_equal(fails("1", "XiB", &bad), -EINVAL);
    assert_int_equal(bad, 1);
    assert_int_equal(fails("1", "Mi", &bad), -EINVAL);
    assert_int_equal(fails("1", "MiBs", &bad), -EINVAL);
    assert_int_equal(fails("99999999999999999999", NULL, &bad), -ERANGE);  /* > 2^64 */
    assert_int_equal(fails("16385", "EiB", &bad), -ERANGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_refusals),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("units", tests, NULL, NULL);
}
