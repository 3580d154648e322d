/*
 * Command-line parsing (hypervisor/common/cmdline.c): sizes with Xen's units
 * (no suffix means KiB), booleans in every spelling Xen accepts, strings that
 * must fit, and unknown, malformed or over-long words warned about and
 * skipped while the rest of the line still applies.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <hv/cmdline.h>
#include <hv/printk.h>
#include "console-capture.h"

static bool flag;
static u64 size;
static char text[8];
static unsigned int count;

static const struct cmdline_option opts[] = {
    { "flag", OPT_BOOL, &flag, 0 },
    { "mem", OPT_SIZE, &size, 0 },
    { "console", OPT_STRING, text, sizeof(text) },
    { "vcpus", OPT_UINT, &count, 32 },
};

static int setup(void **state)
{
    (void)state;
    flag = false;
    size = 0;
    strcpy(text, "none");
    console_capture_reset();
    return 0;
}

static void test_parse_size(void **state)
{
    u64 v = 0;

    (void)state;
    assert_int_equal(parse_size("512", &v), 0);
    assert_int_equal(v, 512UL << 10);           /* KiB by default, as Xen */
    assert_int_equal(parse_size("4096B", &v), 0);
    assert_int_equal(v, 4096);
    assert_int_equal(parse_size("64M", &v), 0);
    assert_int_equal(v, 64UL << 20);
    assert_int_equal(parse_size("2g", &v), 0);
    assert_int_equal(v, 2UL << 30);
    assert_int_equal(parse_size("1T", &v), 0);
    assert_int_equal(v, 1UL << 40);
    assert_int_equal(parse_size("0", &v), 0);
    assert_int_equal(v, 0);
    v = 7;
    assert_int_equal(parse_size("", &v), -EINVAL);
    assert_int_equal(parse_size("M", &v), -EINVAL);
    assert_int_equal(parse_size("12Q", &v), -EINVAL);
    assert_int_equal(parse_size("12MB", &v), -EINVAL);
    assert_int_equal(parse_size("-1", &v), -EINVAL);
    assert_int_equal(parse_size("16777216T", &v), -ERANGE);         /* 2^64 */
    assert_int_equal(parse_size("99999999999999999999", &v), -ERANGE);
    assert_int_equal(v, 7);                     /* untouched on error */
}

static void test_booleans(void **state)
{
    static const char *const yes[] = { "flag", "flag=1", "flag=yes", "flag=on",
                                       "flag=true", "flag=enable" };
    static const char *const no[] = { "flag=0", "flag=no", "flag=off", "flag=false",
                                      "flag=disable" };

    (void)state;
    for ( unsigned int i = 0; i < sizeof(yes) / sizeof(yes[0]); i++ )
    {
        flag = false;
        assert_int_equal(cmdline_parse(yes[i], opts, 3), 0);
        assert_true(flag);
    }
    for ( unsigned int i = 0; i < sizeof(no) / sizeof(no[0]); i++ )
    {
        flag = true;
        assert_int_equal(cmdline_parse(no[i], opts, 3), 0);
        assert_false(flag);
    }
    flag = true;
    assert_int_equal(cmdline_parse("flag=maybe", opts, 3), 1);
    assert_true(flag);
    assert_string_equal(console_captured,
                        "(sierra) command line: bad value 'maybe' for option 'flag', ignored\n");
}

static void test_whole_line(void **state)
{
    (void)state;
    assert_int_equal(cmdline_parse("  console=com1\tmem=1G   flag  ", opts, 3), 0);
    assert_string_equal(text, "com1");
    assert_int_equal(size, 1UL << 30);
    assert_true(flag);
    assert_string_equal(console_captured, "");
    assert_int_equal(cmdline_parse("", opts, 3), 0);
    assert_int_equal(cmdline_parse("   ", opts, 3), 0);
}

static void test_unknown_and_bad_values_skipped(void **state)
{
    (void)state;
    assert_int_equal(cmdline_parse("dom0_mem=512M mem=oops console=toolongvalue "
                                   "mem= flag console=vga", opts, 3), 4);
    assert_true(flag);                          /* the good words still apply */
    assert_string_equal(text, "vga");
    assert_int_equal(size, 0);
    assert_non_null(strstr(console_captured, "unknown option 'dom0_mem', ignored"));
    assert_non_null(strstr(console_captured, "bad value 'oops' for option 'mem'"));
    assert_non_null(strstr(console_captured, "bad value 'toolongvalue' for option 'console'"));
    assert_non_null(strstr(console_captured, "bad value '' for option 'mem'"));
}

static void test_overlong_word(void **state)
{
    char line[600];

    (void)state;
    memset(line, 'x', 400);
    strcpy(line + 400, " flag");
    assert_int_equal(cmdline_parse(line, opts, 3), 1);
    assert_true(flag);
    assert_non_null(strstr(console_captured, "option longer than 255 characters, ignored"));
}

static void test_string_exactly_fits(void **state)
{
    (void)state;
    assert_int_equal(cmdline_parse("console=1234567", opts, 3), 0);   /* 7 + NUL */
    assert_string_equal(text, "1234567");
    assert_int_equal(cmdline_parse("console=12345678", opts, 3), 1);
    assert_string_equal(text, "1234567");
}

static void test_unsigned_in_range(void **state)
{
    (void)state;
    count = 1;
    assert_int_equal(cmdline_parse("vcpus=2", opts, 4), 0);
    assert_int_equal(count, 2);
    assert_int_equal(cmdline_parse("vcpus=32", opts, 4), 0);     /* the maximum */
    assert_int_equal(count, 32);
    assert_int_equal(cmdline_parse("vcpus=33 vcpus=0 vcpus=2x vcpus= vcpus=-1 vcpus", opts, 4), 6);
    assert_int_equal(count, 32);                /* untouched by every bad value */
    assert_non_null(strstr(console_captured, "bad value '33' for option 'vcpus'"));
    assert_non_null(strstr(console_captured, "bad value '2x' for option 'vcpus'"));
}

static void test_log_levels(void **state)
{
    enum log_level l;

    (void)state;
    assert_int_equal(log_level_parse("warning", &l), 0);
    assert_int_equal(l, LOG_WARN);
    assert_int_equal(log_level_parse("all", &l), 0);
    assert_int_equal(l, LOG_DEBUG);
    assert_int_equal(log_level_parse("none", &l), 0);
    assert_int_equal(l, LOG_NONE);
    assert_int_equal(log_level_parse("loud", &l), -EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_size),
        cmocka_unit_test_setup(test_booleans, setup),
        cmocka_unit_test_setup(test_whole_line, setup),
        cmocka_unit_test_setup(test_unknown_and_bad_values_skipped, setup),
        cmocka_unit_test_setup(test_overlong_word, setup),
        cmocka_unit_test_setup(test_string_exactly_fits, setup),
        cmocka_unit_test_setup(test_unsigned_in_range, setup),
        cmocka_unit_test(test_log_levels),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("cmdline", tests, NULL, NULL);
}
