/*
 * The hypervisor's printf (hypervisor/common/vsnprintf.c) and printk
 * (hypervisor/common/printk.c): every conversion, flag, width, precision and
 * length the hypervisor uses, compared with what C's printf specifies;
 * truncation that never overruns; the "(sierra) " prefix on every line; and
 * the loglvl threshold.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <hv/lib.h>
#include <hv/printk.h>
#include "console-capture.h"

#define EXPECT(want, ...)                                                \
    do {                                                                 \
        char buf_[128];                                                  \
        int n_ = snprintf(buf_, sizeof(buf_), __VA_ARGS__);              \
        assert_string_equal(buf_, want);                                 \
        assert_int_equal(n_, strlen(want));                              \
    } while ( 0 )

static void test_integers(void **state)
{
    (void)state;
    EXPECT("0", "%d", 0);
    EXPECT("-42", "%d", -42);
    EXPECT("-2147483648", "%d", INT32_MIN);
    EXPECT("4294967295", "%u", UINT32_MAX);
    EXPECT("-9223372036854775808", "%ld", INT64_MIN);
    EXPECT("18446744073709551615", "%lu", UINT64_MAX);
    EXPECT("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
    EXPECT("ffffffffffffffff", "%lx", UINT64_MAX);
    EXPECT("DEADBEEF", "%X", 0xdeadbeefU);
    EXPECT("777", "%o", 0777);
    EXPECT("42", "%zu", (size_t)42);
    EXPECT("-1 255", "%hhd %hhu", -1, 255);
    EXPECT("-1 65535", "%hd %hu", -1, 65535);
    EXPECT("12 %", "%i %%", 12);
}

static void test_flags_width_precision(void **state)
{
    (void)state;
    EXPECT("   42", "%5d", 42);
    EXPECT("42   |", "%-5d|", 42);
    EXPECT("00042", "%05d", 42);
    EXPECT("-0042", "%05d", -42);
    EXPECT("0x2a", "%#x", 42);
    EXPECT("0x0000002a", "%#010x", 42);
    EXPECT("0", "%#x", 0);
    EXPECT("00042", "%.5d", 42);
    EXPECT("   00042", "%8.5d", 42);
    EXPECT("", "%.0d", 0);
    EXPECT("    7", "%*d", 5, 7);
    EXPECT("7    |", "%*d|", -5, 7);
    EXPECT("007", "%.*d", 3, 7);
    EXPECT("0000000000001000", "%016lx", 0x1000UL);
}

static void test_strings_chars_pointers(void **state)
{
    (void)state;
    EXPECT("hello", "%s", "hello");
    EXPECT("  hi|", "%4s|", "hi");
    EXPECT("hi  |", "%-4s|", "hi");
    EXPECT("hel", "%.3s", "hello");
    {
        const char *volatile none = NULL;   /* hidden from the format checker */

        EXPECT("(null)", "%s", none);
    }
    EXPECT("x", "%c", 'x');
    EXPECT("0xffff82d040200000", "%p", (void *)0xffff82d040200000UL);
    EXPECT("0x0000000000001000", "%p", (void *)0x1000UL);
}

static void test_truncation(void **state)
{
    char buf[8];

    (void)state;
    memset(buf, '#', sizeof(buf));
    assert_int_equal(snprintf(buf, 5, "%s", "abcdefgh"), 8);    /* would-be length */
    assert_string_equal(buf, "abcd");
    assert_int_equal(buf[5], '#');                              /* nothing past size */
    assert_int_equal(snprintf(buf, 1, "%d", 12345), 5);
    assert_string_equal(buf, "");
    assert_int_equal(snprintf(NULL, 0, "%lu", 1234567UL), 7);
}

static void test_prefix_on_every_line(void **state)
{
    (void)state;
    console_capture_reset();
    log_set_threshold(LOG_INFO);
    printk("one\ntwo ");
    printk("continues\n");
    printk("%s", "three\n\nfive\n");
    assert_string_equal(console_captured,
                        "(sierra) one\n(sierra) two continues\n(sierra) three\n"
                        "(sierra) \n(sierra) five\n");
}

static void test_threshold(void **state)
{
    (void)state;
    console_capture_reset();
    log_set_threshold(LOG_WARN);
    pr_debug("debug\n");
    pr_info("info\n");
    pr_warn("warn\n");
    pr_err("err\n");
    assert_string_equal(console_captured, "(sierra) warn\n(sierra) err\n");
    console_capture_reset();
    log_set_threshold(LOG_NONE);
    pr_err("err\n");
    assert_string_equal(console_captured, "");
    log_set_threshold(LOG_DEBUG);
    pr_debug("debug\n");
    assert_string_equal(console_captured, "(sierra) debug\n");
    log_set_threshold(LOG_INFO);
}

static void test_long_message_truncated(void **state)
{
    char big[1000];

    (void)state;
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    console_capture_reset();
    printk("%s\n", big);
    /* printk's buffer is 512 bytes: 511 characters reach the console */
    assert_int_equal(console_captured_len, strlen("(sierra) ") + 511);
    printk("\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_flags_width_precision),
        cmocka_unit_test(test_strings_chars_pointers),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_prefix_on_every_line),
        cmocka_unit_test(test_threshold),
        cmocka_unit_test(test_long_message_truncated),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("printk", tests, NULL, NULL);
}
