/*
 * Grant checks (hypervisor/common/grant-check.c): which entries let which
 * domain map or copy, and copy ranges - every flag combination the v1 ABI
 * defines, with Xen's statuses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <hv/grant-table.h>

static void test_permissions(void **state)
{
    (void)state;
    assert_int_equal(grant_entry_permits(PV_GTF_permit_access, 3, 3, true), PV_GNTST_okay);
    assert_int_equal(grant_entry_permits(PV_GTF_permit_access, 3, 3, false), PV_GNTST_okay);
    assert_int_equal(grant_entry_permits(PV_GTF_permit_access, 3, 4, false),
                     PV_GNTST_general_error);                   /* granted to someone else */
    assert_int_equal(grant_entry_permits(PV_GTF_permit_access | PV_GTF_readonly, 3, 3, false),
                     PV_GNTST_okay);
    assert_int_equal(grant_entry_permits(PV_GTF_permit_access | PV_GTF_readonly, 3, 3, true),
                     PV_GNTST_general_error);                   /* read-only entry */
    assert_int_equal(grant_entry_permits(PV_GTF_invalid, 3, 3, false), PV_GNTST_general_error);
    assert_int_equal(grant_entry_permits(PV_GTF_accept_transfer, 3, 3, false),
                     PV_GNTST_general_error);
    assert_int_equal(grant_entry_permits(PV_GTF_transitive, 3, 3, false), PV_GNTST_general_error);
    /* in-use flags set by the hypervisor do not change the verdict */
    assert_int_equal(grant_entry_permits(PV_GTF_permit_access | PV_GTF_reading | PV_GTF_writing,
                                         3, 3, true), PV_GNTST_okay);
}

static void test_copy_ranges(void **state)
{
    (void)state;
    assert_int_equal(grant_copy_range_ok(0, 4096), PV_GNTST_okay);
    assert_int_equal(grant_copy_range_ok(4095, 1), PV_GNTST_okay);
    assert_int_equal(grant_copy_range_ok(4095, 2), PV_GNTST_bad_copy_arg);
    assert_int_equal(grant_copy_range_ok(0, 4097), PV_GNTST_bad_copy_arg);
    assert_int_equal(grant_copy_range_ok(65535, 65535), PV_GNTST_bad_copy_arg);   /* no wrap */
    assert_int_equal(grant_copy_range_ok(100, 0), PV_GNTST_okay);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_permissions),
        cmocka_unit_test(test_copy_ranges),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("grant-check", tests, NULL, NULL);
}
