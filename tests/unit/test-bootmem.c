/*
 * Boot-time memory ranges (hypervisor/common/bootmem.c): adding merges
 * neighbours and never counts overlap twice, reserving cuts holes, allocation
 * takes aligned blocks from the top below a limit, and a full table or a bad
 * argument is an error, not corruption.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <hv/bootmem.h>

static struct bootmem bm;

static int setup(void **state)
{
    (void)state;
    memset(&bm, 0, sizeof(bm));
    return 0;
}

static void expect_ranges(unsigned int nr, const struct mem_range *want)
{
    assert_int_equal(bm.nr, nr);
    for ( unsigned int i = 0; i < nr; i++ )
    {
        assert_int_equal(bm.range[i].start, want[i].start);
        assert_int_equal(bm.range[i].end, want[i].end);
    }
}

static void test_add_sorts_and_merges(void **state)
{
    (void)state;
    assert_int_equal(bootmem_add(&bm, 0x5000, 0x6000), 0);
    assert_int_equal(bootmem_add(&bm, 0x1000, 0x2000), 0);
    assert_int_equal(bootmem_add(&bm, 0x3000, 0x4000), 0);
    expect_ranges(3, (struct mem_range[]){ { 0x1000, 0x2000 }, { 0x3000, 0x4000 },
                                           { 0x5000, 0x6000 } });
    assert_int_equal(bootmem_add(&bm, 0x2000, 0x3000), 0);     /* bridges two */
    expect_ranges(2, (struct mem_range[]){ { 0x1000, 0x4000 }, { 0x5000, 0x6000 } });
    assert_int_equal(bootmem_add(&bm, 0x4000, 0x5000), 0);
    expect_ranges(1, (struct mem_range[]){ { 0x1000, 0x6000 } });
    assert_int_equal(bootmem_add(&bm, 0x800, 0x1000), 0);      /* touches the front */
    expect_ranges(1, (struct mem_range[]){ { 0x800, 0x6000 } });
    assert_int_equal(bootmem_total(&bm), 0x5800);
}

static void test_overlap_counted_once(void **state)
{
    (void)state;
    assert_int_equal(bootmem_add(&bm, 0x1000, 0x4000), 0);
    assert_int_equal(bootmem_add(&bm, 0x2000, 0x8000), 0);
    assert_int_equal(bootmem_add(&bm, 0x1000, 0x4000), 0);
    assert_int_equal(bootmem_total(&bm), 0x7000);
    assert_int_equal(bootmem_add(&bm, 0x5000, 0x5000), 0);     /* empty */
    assert_int_equal(bootmem_add(&bm, 0x6000, 0x5000), -EINVAL);
    assert_int_equal(bootmem_total(&bm), 0x7000);
}

static void test_reserve_cuts(void **state)
{
    (void)state;
    assert_int_equal(bootmem_add(&bm, 0x0, 0x10000), 0);
    assert_int_equal(bootmem_reserve(&bm, 0x4000, 0x5000), 0);         /* middle */
    assert_int_equal(bootmem_reserve(&bm, 0x0, 0x1000), 0);            /* front */
    assert_int_equal(bootmem_reserve(&bm, 0xf000, 0x20000), 0);        /* past the end */
    expect_ranges(2, (struct mem_range[]){ { 0x1000, 0x4000 }, { 0x5000, 0xf000 } });
    assert_int_equal(bootmem_reserve(&bm, 0x3000, 0x6000), 0);         /* spans a gap */
    expect_ranges(2, (struct mem_range[]){ { 0x1000, 0x3000 }, { 0x6000, 0xf000 } });
    assert_int_equal(bootmem_reserve(&bm, 0x0, 0x100000), 0);          /* everything */
    assert_int_equal(bm.nr, 0);
    assert_int_equal(bootmem_reserve(&bm, 2, 1), -EINVAL);
}

static void test_alloc_from_top_below_limit(void **state)
{
    paddr_t a;

    (void)state;
    assert_int_equal(bootmem_add(&bm, 0x100000, 0x800000), 0);
    assert_int_equal(bootmem_add(&bm, 0x1000000, 0x1003000), 0);
    assert_int_equal(bootmem_alloc(&bm, 0x1000, 0x1000, UINT64_MAX, &a), 0);
    assert_int_equal(a, 0x1002000);
    assert_int_equal(bootmem_alloc(&bm, 0x3000, 0x1000, UINT64_MAX, &a), 0);
    assert_int_equal(a, 0x7fd000);                 /* 0x2000 left above: too small */
    assert_int_equal(bootmem_alloc(&bm, 0x1000, 0x200000, 0x700000, &a), 0);
    assert_int_equal(a, 0x600000);                 /* aligned, below the limit */
    assert_int_equal(bootmem_total(&bm), 0x700000 + 0x3000 - 0x5000);
    /* nothing is handed out twice */
    assert_int_equal(bootmem_reserve(&bm, 0, 0), 0);
    for ( unsigned int i = 0; i < bm.nr; i++ )
        assert_true(bm.range[i].end <= 0x600000 || bm.range[i].start >= 0x601000);
}

static void test_alloc_errors(void **state)
{
    paddr_t a = 0x1234;

    (void)state;
    assert_int_equal(bootmem_add(&bm, 0x100000, 0x200000), 0);
    assert_int_equal(bootmem_alloc(&bm, 0x200000, 0x1000, UINT64_MAX, &a), -ENOMEM);
    assert_int_equal(bootmem_alloc(&bm, 0x1000, 0x1000, 0x100000, &a), -ENOMEM);
    assert_int_equal(bootmem_alloc(&bm, 0, 0x1000, UINT64_MAX, &a), -EINVAL);
    assert_int_equal(bootmem_alloc(&bm, 0x1000, 0x3000, UINT64_MAX, &a), -EINVAL);
    assert_int_equal(a, 0x1234);
    assert_int_equal(bootmem_total(&bm), 0x100000);
}

static void test_table_full(void **state)
{
    (void)state;
    for ( unsigned int i = 0; i < BOOTMEM_MAX_RANGES; i++ )
        assert_int_equal(bootmem_add(&bm, i * 0x2000, i * 0x2000 + 0x1000), 0);
    assert_int_equal(bootmem_add(&bm, 0x10000000, 0x10001000), -ENOSPC);
    assert_int_equal(bootmem_reserve(&bm, 0x100, 0x200), -ENOSPC);  /* would split */
    assert_int_equal(bm.nr, BOOTMEM_MAX_RANGES);
    assert_int_equal(bootmem_total(&bm), BOOTMEM_MAX_RANGES * 0x1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_add_sorts_and_merges, setup),
        cmocka_unit_test_setup(test_overlap_counted_once, setup),
        cmocka_unit_test_setup(test_reserve_cuts, setup),
        cmocka_unit_test_setup(test_alloc_from_top_below_limit, setup),
        cmocka_unit_test_setup(test_alloc_errors, setup),
        cmocka_unit_test_setup(test_table_full, setup),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("bootmem", tests, NULL, NULL);
}
