/*
 * The hypervisor's console log (hypervisor/common/console-log.c), what
 * `sierra dmesg` reads through sysctl readconsole: printk's lines kept with
 * their prefix, absolute positions that let a reader continue, a ring that
 * keeps the newest 64 KiB when it wraps (an older position starts at the
 * oldest kept byte), reads limited by the reader's room, and clearing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <hv/console-log.h>
#include <hv/lib.h>
#include <hv/printk.h>

static char out[70000];

static struct sierra_sysctl_readconsole rd(u64 index, u32 size, u32 clear)
{
    struct sierra_sysctl_readconsole r = { (u64)(uintptr_t)out, size, clear, index };

    memset(out, 0, sizeof(out));
    assert_int_equal(console_log_read(&r), 0);
    return r;
}

static void test_log(void **state)
{
    struct sierra_sysctl_readconsole r;
    u64 start;

    (void)state;
    printk("boot line\n");
    r = rd(0, sizeof(out), 0);
    assert_non_null(strstr(out, "(sierra) boot line\n"));
    start = r.index;
    printk("second %d\n", 2);
    r = rd(start, sizeof(out), 0);
    assert_string_equal(out, "(sierra) second 2\n");
    assert_int_equal(r.index, start + 18);

    r = rd(start, 5, 0);                        /* the reader's room is the limit */
    assert_int_equal(r.size, 5);
    assert_memory_equal(out, "(sier", 5);
    assert_int_equal(r.index, start + 5);

    r = rd(start + 18, 100, 0);                 /* nothing new */
    assert_int_equal(r.size, 0);
    assert_int_equal(r.index, start + 18);

    for ( int i = 0; i < 8000; i++ )            /* 8000 * 18 bytes: the ring wraps */
        printk("line %07d\n", i);
    r = rd(0, sizeof(out), 0);
    assert_int_equal(r.size, 64 * 1024);        /* the newest 64 KiB */
    assert_memory_equal(out + r.size - 22, "(sierra) line 0007999\n", 22);

    r = rd(r.index, 100, 1);                    /* clear */
    printk("after clear\n");
    r = rd(0, sizeof(out), 0);
    assert_string_equal(out, "(sierra) after clear\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_log) };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("console-log", tests, NULL, NULL);
}
