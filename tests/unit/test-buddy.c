/*
 * The buddy allocator (hypervisor/common/buddy.c) on a host-side frame table:
 * splitting, merging, exhaustion, double-free and bad-argument refusal, ranges
 * that are not aligned, and a randomized run checked against a shadow map.
 * After every step buddy_check() must find the free lists consistent.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <hv/buddy.h>

#define NR 1024

static struct frame table[NR];
static struct buddy b;

static int setup_full(void **state)
{
    (void)state;
    frame_table_init(table, NR);
    buddy_init(&b, table, NR);
    assert_int_equal(buddy_add_range(&b, 0, NR), 0);
    return 0;
}

static unsigned int blocks_of_order(unsigned int order)
{
    unsigned int n = 0;

    for ( u32 p = b.free_head[order]; p != FRAME_NO_LINK; p = table[p].next )
        n++;
    return n;
}

static void test_add_range_builds_largest_blocks(void **state)
{
    (void)state;
    assert_int_equal(b.free_frames, NR);
    assert_int_equal(blocks_of_order(10), 1);
    for ( unsigned int o = 0; o < 10; o++ )
        assert_int_equal(blocks_of_order(o), 0);
    assert_int_equal(buddy_check(&b), 0);
}

static void test_add_unaligned_range(void **state)
{
    (void)state;
    frame_table_init(table, NR);
    buddy_init(&b, table, NR);
    /*
     * [3, 1000) as aligned blocks: 3 | 4-7 | 8-15 | 16-31 | 32-63 | 64-127 |
     * 128-255 | 256-511 | 512-767 | 768-895 | 896-959 | 960-991 | 992-999
     */
    static const unsigned int want[11] = { 1, 0, 1, 2, 1, 2, 2, 2, 2, 0, 0 };

    assert_int_equal(buddy_add_range(&b, 3, 1000), 0);
    assert_int_equal(b.free_frames, 997);
    for ( unsigned int o = 0; o < 11; o++ )
        assert_int_equal(blocks_of_order(o), want[o]);
    assert_int_equal(buddy_check(&b), 0);
    for ( pfn_t p = 0; p < 3; p++ )
        assert_int_equal(table[p].state, FRAME_RESERVED);
    for ( pfn_t p = 1000; p < NR; p++ )
        assert_int_equal(table[p].state, FRAME_RESERVED);
}

static void test_add_range_refuses_overlap_and_bounds(void **state)
{
    (void)state;
    assert_int_equal(buddy_add_range(&b, 10, 20), -EINVAL);     /* already free */
    assert_int_equal(buddy_add_range(&b, 0, NR + 1), -EINVAL);
    assert_int_equal(buddy_add_range(&b, 20, 10), -EINVAL);
    assert_int_equal(b.free_frames, NR);
    assert_int_equal(buddy_check(&b), 0);
}

static void test_split_then_merge(void **state)
{
    pfn_t p;

    (void)state;
    assert_int_equal(buddy_alloc(&b, 0, &p), 0);
    assert_int_equal(p, 0);
    assert_int_equal(table[0].state, FRAME_ALLOCATED);
    assert_int_equal(table[0].owner, PV_DOMID_XEN);
    /* one free block of each order 0..9 remains: 1 + 2 + ... + 512 = 1023 */
    for ( unsigned int o = 0; o < 10; o++ )
        assert_int_equal(blocks_of_order(o), 1);
    assert_int_equal(blocks_of_order(10), 0);
    assert_int_equal(b.free_frames, NR - 1);
    assert_int_equal(buddy_check(&b), 0);

    assert_int_equal(buddy_free(&b, p, 0), 0);
    assert_int_equal(blocks_of_order(10), 1);
    for ( unsigned int o = 0; o < 10; o++ )
        assert_int_equal(blocks_of_order(o), 0);
    assert_int_equal(buddy_check(&b), 0);
}

static void test_merge_waits_for_buddy(void **state)
{
    pfn_t a, c;

    (void)state;
    assert_int_equal(buddy_alloc(&b, 0, &a), 0);
    assert_int_equal(buddy_alloc(&b, 0, &c), 0);
    assert_int_equal(a ^ c, 1);                 /* the two halves of one pair */
    assert_int_equal(buddy_free(&b, c, 0), 0);
    assert_int_equal(blocks_of_order(0), 1);    /* c cannot merge: a is in use */
    assert_int_equal(blocks_of_order(10), 0);
    assert_int_equal(buddy_free(&b, a, 0), 0);
    assert_int_equal(blocks_of_order(0), 0);
    assert_int_equal(blocks_of_order(10), 1);
    assert_int_equal(buddy_check(&b), 0);
}

static void test_alignment_of_every_order(void **state)
{
    (void)state;
    for ( unsigned int o = 0; o <= 10; o++ )
    {
        pfn_t p;

        assert_int_equal(buddy_alloc(&b, o, &p), 0);
        assert_int_equal(p & ((1UL << o) - 1), 0);
        for ( pfn_t i = p; i < p + (1UL << o); i++ )
            assert_int_equal(table[i].state, FRAME_ALLOCATED);
        assert_int_equal(buddy_free(&b, p, o), 0);
    }
    assert_int_equal(b.free_frames, NR);
    assert_int_equal(buddy_check(&b), 0);
}

static void test_exhaustion(void **state)
{
    static pfn_t got[NR];
    pfn_t p;

    (void)state;
    for ( unsigned int i = 0; i < NR; i++ )
        assert_int_equal(buddy_alloc(&b, 0, &got[i]), 0);
    assert_int_equal(b.free_frames, 0);
    assert_int_equal(buddy_alloc(&b, 0, &p), -ENOMEM);
    assert_int_equal(buddy_check(&b), 0);
    for ( unsigned int i = 0; i < NR; i++ )
        assert_int_equal(buddy_free(&b, got[i], 0), 0);
    assert_int_equal(blocks_of_order(10), 1);
    assert_int_equal(buddy_alloc(&b, 11, &p), -ENOMEM);     /* larger than all RAM */
    assert_int_equal(buddy_alloc(&b, BUDDY_MAX_ORDER + 1, &p), -EINVAL);
    assert_int_equal(buddy_check(&b), 0);
}

static void test_double_free_refused(void **state)
{
    pfn_t p;

    (void)state;
    assert_int_equal(buddy_alloc(&b, 2, &p), 0);
    assert_int_equal(buddy_free(&b, p, 2), 0);
    assert_int_equal(buddy_free(&b, p, 2), -EINVAL);
    assert_int_equal(buddy_free(&b, p + 1, 0), -EINVAL);
    assert_int_equal(b.free_frames, NR);
    assert_int_equal(buddy_check(&b), 0);
}

static void test_bad_frees_refused(void **state)
{
    pfn_t p;

    (void)state;
    assert_int_equal(buddy_alloc(&b, 2, &p), 0);
    assert_int_equal(buddy_free(&b, p + 1, 1), -EINVAL);    /* misaligned */
    assert_int_equal(buddy_free(&b, NR, 0), -EINVAL);       /* out of range */
    assert_int_equal(buddy_free(&b, p, BUDDY_MAX_ORDER + 1), -EINVAL);
    table[p + 3].ref_count = 1;                             /* still referenced */
    assert_int_equal(buddy_free(&b, p, 2), -EINVAL);
    table[p + 3].ref_count = 0;
    table[p].type_info = PGT_writable_page | 1;             /* still typed */
    assert_int_equal(buddy_free(&b, p, 2), -EINVAL);
    table[p].type_info = 0;
    assert_int_equal(b.free_frames, NR - 4);
    assert_int_equal(buddy_free(&b, p, 2), 0);
    assert_int_equal(buddy_check(&b), 0);
}

static void test_reserved_frames_never_handed_out(void **state)
{
    pfn_t p;
    unsigned int n = 0;

    (void)state;
    frame_table_init(table, NR);
    buddy_init(&b, table, NR);
    assert_int_equal(buddy_add_range(&b, 0, 100), 0);
    assert_int_equal(buddy_add_range(&b, 200, 300), 0);
    while ( buddy_alloc(&b, 0, &p) == 0 )
    {
        assert_true(p < 100 || (p >= 200 && p < 300));
        n++;
    }
    assert_int_equal(n, 200);
}

static void test_check_detects_corruption(void **state)
{
    pfn_t p;

    (void)state;
    assert_int_equal(buddy_alloc(&b, 0, &p), 0);
    table[p].state = FRAME_FREE;            /* free in the table, on no list */
    assert_int_not_equal(buddy_check(&b), 0);
    table[p].state = FRAME_ALLOCATED;
    assert_int_equal(buddy_check(&b), 0);
    b.free_frames++;                        /* counter out of step */
    assert_int_not_equal(buddy_check(&b), 0);
    b.free_frames--;
    table[b.free_head[0]].order = 3;        /* a block on the wrong list */
    assert_int_not_equal(buddy_check(&b), 0);
}

/* Random allocations and frees of random orders, checked against a shadow map. */
static void test_random_against_shadow(void **state)
{
    static struct { pfn_t pfn; unsigned int order; } live[NR];
    static int owner[NR];
    unsigned int nr_live = 0;
    u64 used = 0;

    (void)state;
    srand(12345);
    for ( unsigned int i = 0; i < NR; i++ )
        owner[i] = -1;
    for ( unsigned int step = 0; step < 20000; step++ )
    {
        if ( nr_live && (rand() % 2 || nr_live == NR) )
        {
            unsigned int k = (unsigned int)rand() % nr_live;

            assert_int_equal(buddy_free(&b, live[k].pfn, live[k].order), 0);
            for ( pfn_t i = live[k].pfn; i < live[k].pfn + (1UL << live[k].order); i++ )
                owner[i] = -1;
            used -= 1UL << live[k].order;
            live[k] = live[--nr_live];
        }
        else
        {
            unsigned int order = (unsigned int)rand() % 6;
            pfn_t p;
            int rc = buddy_alloc(&b, order, &p);

            if ( rc )
            {
                assert_int_equal(rc, -ENOMEM);
                continue;
            }
            for ( pfn_t i = p; i < p + (1UL << order); i++ )
            {
                assert_int_equal(owner[i], -1);     /* never handed out twice */
                owner[i] = (int)step;
            }
            live[nr_live].pfn = p;
            live[nr_live++].order = order;
            used += 1UL << order;
        }
        assert_int_equal(b.free_frames, NR - used);
        if ( step % 64 == 0 )
            assert_int_equal(buddy_check(&b), 0);
    }
    while ( nr_live-- )
        assert_int_equal(buddy_free(&b, live[nr_live].pfn, live[nr_live].order), 0);
    assert_int_equal(blocks_of_order(10), 1);
    assert_int_equal(buddy_check(&b), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_add_range_builds_largest_blocks, setup_full),
        cmocka_unit_test(test_add_unaligned_range),
        cmocka_unit_test_setup(test_add_range_refuses_overlap_and_bounds, setup_full),
        cmocka_unit_test_setup(test_split_then_merge, setup_full),
        cmocka_unit_test_setup(test_merge_waits_for_buddy, setup_full),
        cmocka_unit_test_setup(test_alignment_of_every_order, setup_full),
        cmocka_unit_test_setup(test_exhaustion, setup_full),
        cmocka_unit_test_setup(test_double_free_refused, setup_full),
        cmocka_unit_test_setup(test_bad_frees_refused, setup_full),
        cmocka_unit_test(test_reserved_frames_never_handed_out),
        cmocka_unit_test_setup(test_check_detects_corruption, setup_full),
        cmocka_unit_test_setup(test_random_against_shadow, setup_full),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("buddy", tests, NULL, NULL);
}
