/*
 * Frame-table accounting (hypervisor/common/frame.c): reference counts refuse
 * to go below zero, past the top or on frames nobody owns; the audit counts
 * frames by state and owner, agrees with the buddy allocator, and reports each
 * record that breaks an invariant, naming the frame.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <hv/buddy.h>
#include "console-capture.h"

#define NR 256

static struct frame table[NR];
static struct buddy b;

static int setup(void **state)
{
    (void)state;
    frame_table_init(table, NR);
    buddy_init(&b, table, NR);
    assert_int_equal(buddy_add_range(&b, 16, NR), 0);
    console_capture_reset();
    return 0;
}

static void test_init_reserves_everything(void **state)
{
    struct frame_audit a;

    (void)state;
    frame_table_init(table, NR);
    for ( unsigned int i = 0; i < NR; i++ )
    {
        assert_int_equal(table[i].state, FRAME_RESERVED);
        assert_int_equal(table[i].owner, PV_DOMID_IO);
        assert_int_equal(table[i].ref_count, 0);
        assert_int_equal(table[i].type_info, 0);
    }
    assert_int_equal(frame_audit(table, NR, &a), 0);
    assert_int_equal(a.reserved, NR);
    assert_int_equal(a.free + a.allocated, 0);
}

static void test_audit_agrees_with_allocator(void **state)
{
    struct frame_audit a;
    pfn_t p, q;

    (void)state;
    assert_int_equal(buddy_alloc(&b, 3, &p), 0);
    assert_int_equal(buddy_alloc(&b, 0, &q), 0);
    assert_int_equal(frame_audit(table, NR, &a), 0);
    assert_int_equal(a.allocated, 9);
    assert_int_equal(a.owned_by_xen, 9);
    assert_int_equal(a.free, b.free_frames);
    assert_int_equal(a.free, NR - 16 - 9);
    assert_int_equal(a.reserved, 16);
    assert_int_equal(buddy_free(&b, p, 3), 0);
    assert_int_equal(frame_audit(table, NR, &a), 0);
    assert_int_equal(a.allocated, 1);
    assert_int_equal(a.free, b.free_frames);
}

static void test_refcounts(void **state)
{
    pfn_t p;
    struct frame *f;

    (void)state;
    assert_int_equal(frame_get_ref(&table[0]), -EINVAL);    /* reserved */
    assert_int_equal(frame_get_ref(&table[16]), -EINVAL);   /* free */
    assert_int_equal(buddy_alloc(&b, 0, &p), 0);
    f = &table[p];
    assert_int_equal(frame_put_ref(f), -EINVAL);            /* already zero */
    assert_int_equal(frame_get_ref(f), 0);
    assert_int_equal(frame_get_ref(f), 0);
    assert_int_equal(f->ref_count, 2);
    assert_int_equal(buddy_free(&b, p, 0), -EINVAL);        /* still referenced */
    assert_int_equal(frame_put_ref(f), 0);
    assert_int_equal(frame_put_ref(f), 0);
    assert_int_equal(frame_put_ref(f), -EINVAL);
    f->ref_count = UINT32_MAX;
    assert_int_equal(frame_get_ref(f), -EOVERFLOW);
    assert_int_equal(f->ref_count, UINT32_MAX);
    f->ref_count = 0;
    assert_int_equal(buddy_free(&b, p, 0), 0);
}

static void test_domain_frames(void **state)
{
    struct frame_audit a;
    pfn_t p;

    (void)state;
    assert_int_equal(buddy_alloc(&b, 0, &p), 0);
    table[p].owner = 1;                                     /* given to domain 1 */
    assert_int_equal(frame_audit(table, NR, &a), 1);        /* ...without a reference */
    assert_non_null(strstr(console_captured, "frame audit: frame 0x"));
    assert_int_equal(frame_get_ref(&table[p]), 0);
    assert_int_equal(frame_audit(table, NR, &a), 0);
    assert_int_equal(a.owned_by_xen, 0);
    table[p].type_info = PGT_l1_page_table | PGT_pinned | 1;
    assert_int_equal(frame_audit(table, NR, &a), 0);
    table[p].type_info = PGT_l1_page_table | PGT_pinned;    /* pinned, no type count */
    assert_int_equal(frame_audit(table, NR, &a), 1);
    table[p].type_info = PGT_l1_page_table;                 /* type outlives its use */
    assert_int_equal(frame_audit(table, NR, &a), 0);
    table[p].type_info = PGT_none | 3;                      /* count without a type */
    assert_int_equal(frame_audit(table, NR, &a), 1);
}

static void test_audit_finds_each_broken_record(void **state)
{
    struct frame_audit a;

    (void)state;
    table[20].ref_count = 1;            /* free frame with a reference */
    table[30].type_info = PGT_writable_page | 1;    /* free frame with a type */
    table[40].owner = 7;                /* free frame with an owner */
    table[3].ref_count = 2;             /* reserved frame with references */
    assert_int_equal(frame_audit(table, NR, &a), 4);
    assert_int_equal(a.errors, 4);
    assert_non_null(strstr(console_captured, "frame 0x14 "));
    assert_non_null(strstr(console_captured, "frame 0x1e "));
    assert_non_null(strstr(console_captured, "frame 0x28 "));
    assert_non_null(strstr(console_captured, "frame 0x3 "));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_reserves_everything),
        cmocka_unit_test_setup(test_audit_agrees_with_allocator, setup),
        cmocka_unit_test_setup(test_refcounts, setup),
        cmocka_unit_test_setup(test_domain_frames, setup),
        cmocka_unit_test_setup(test_audit_finds_each_broken_record, setup),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("frame", tests, NULL, NULL);
}
