/*
 * PV page-type validation (hypervisor/arch/x86/pv/page-types.c) on a fake
 * machine: every type transition, success and refusal, with the frame-table
 * audit clean and all counts back to zero at the end of each test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <asm/pv/page-types.h>
#include <hv/buddy.h>

#define NR      64
#define DOM     1
#define OTHER   2
#define HV_MARK 0xabc000UL

static struct frame table[NR];
static pte_t mem[NR][PT_ENTRIES] __attribute__((aligned(4096)));
static struct buddy b;

static void *fake_frame_to_virt(pfn_t pfn) { return mem[pfn]; }

static void fake_hv_slots(pte_t *l4)
{
    for ( unsigned int i = PV_L4_HV_FIRST; i <= PV_L4_HV_LAST; i++ )
        l4[i] = HV_MARK | i;
}

static pfn_t released[4];
static unsigned int nr_released;

static void fake_release(pfn_t pfn)
{
    released[nr_released++ % 4] = pfn;
}

/* DOM may map I/O frames below NR + 16 but NR + 1 (NR + 2 only read-only);
 * past NR + 16 is past the physical address width */
static enum iomem_access fake_iomem(domid_t d, pfn_t mfn)
{
    if ( d != DOM || mfn == NR + 1 || mfn >= NR + 16 )
        return IOMEM_NONE;
    return mfn == NR + 2 ? IOMEM_RO : IOMEM_RW;
}

static unsigned int flushes;

static void fake_flush(void) { flushes++; }

static const struct pt_env env = { table, NR, fake_frame_to_virt, fake_hv_slots, fake_release,
                                   fake_iomem, fake_flush };

/* frames 1..NR-1: the first half belongs to DOM, the second to OTHER */
static int setup(void **state)
{
    (void)state;
    memset(mem, 0, sizeof(mem));
    frame_table_init(table, NR);
    buddy_init(&b, table, NR);
    assert_int_equal(buddy_add_range(&b, 1, NR), 0);
    for ( pfn_t p = 1; p < NR; p++ )
    {
        pfn_t got;

        assert_int_equal(buddy_alloc(&b, 0, &got), 0);
        table[got].owner = got < NR / 2 ? DOM : OTHER;
        table[got].ref_count = 1;       /* the allocation reference */
    }
    return 0;
}

static pte_t entry(pfn_t pfn, u64 flags) { return (pfn << PAGE_SHIFT) | flags; }
static u64 tcount(pfn_t pfn) { return table[pfn].type_info & PGT_COUNT_MASK; }
static u64 ttype(pfn_t pfn) { return table[pfn].type_info & PGT_TYPE_MASK; }

static void assert_clean(void)
{
    struct frame_audit a;

    for ( pfn_t p = 1; p < NR; p++ )
    {
        assert_int_equal(table[p].type_info, 0);
        assert_int_equal(table[p].ref_count, 1);
    }
    assert_int_equal(frame_audit(table, NR, &a), 0);
}

static void test_writable_type(void **state)
{
    (void)state;
    assert_int_equal(pt_get_type(&env, 5, PGT_writable_page, DOM), 0);
    assert_int_equal(pt_get_type(&env, 5, PGT_writable_page, DOM), 0);
    assert_int_equal(tcount(5), 2);
    assert_int_equal(pt_get_type(&env, 5, PGT_l1_page_table, DOM), -EBUSY);
    pt_put_type(&env, 5);
    pt_put_type(&env, 5);
    assert_int_equal(pt_get_type(&env, 5, PGT_l1_page_table, DOM), 0);    /* now free to change */
    pt_put_type(&env, 5);
    assert_clean();
}

static void test_foreign_and_bad_frames(void **state)
{
    (void)state;
    assert_int_equal(pt_get_type(&env, 40, PGT_writable_page, DOM), -EPERM);  /* OTHER's */
    assert_int_equal(pt_get_type(&env, NR + 5, PGT_writable_page, DOM), -EPERM);
    assert_int_equal(pt_get_type(&env, 0, PGT_writable_page, DOM), -EPERM);   /* not allocated */
    assert_int_equal(pt_get_page(&env, 40, DOM), -EPERM);
    assert_clean();
}

static void test_l1_validation(void **state)
{
    (void)state;
    mem[3][0] = entry(5, _PAGE_PRESENT | _PAGE_RW);     /* writable mapping of 5 */
    mem[3][1] = entry(6, _PAGE_PRESENT);                /* read-only mapping of 6 */
    mem[3][2] = entry(7, 0);                            /* not present: ignored */
    assert_int_equal(pt_get_type(&env, 3, PGT_l1_page_table, DOM), 0);
    assert_int_equal(ttype(5), PGT_writable_page);
    assert_int_equal(tcount(5), 1);
    assert_int_equal(table[5].ref_count, 2);
    assert_int_equal(table[6].ref_count, 2);
    assert_int_equal(tcount(6), 0);
    assert_true(mem[3][0] & _PAGE_USER);                /* forced for a ring-3 kernel */
    assert_true(table[3].type_info & PGT_validated);
    /* a frame mapped writable cannot become a table */
    assert_int_equal(pt_get_type(&env, 5, PGT_l1_page_table, DOM), -EBUSY);
    pt_put_type(&env, 3);
    assert_clean();
}

static void test_l1_refusals_leave_nothing(void **state)
{
    static const pte_t bad[] = {
        (40UL << PAGE_SHIFT) | _PAGE_PRESENT,                   /* another domain's frame */
        (5UL << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_PSE | (1UL << 51), /* beyond memory */
        (200UL << PAGE_SHIFT) | _PAGE_PRESENT,                  /* beyond memory */
        (3UL << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW,         /* itself, writable */
    };

    (void)state;
    for ( unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++ )
    {
        memset(mem[3], 0, PAGE_SIZE);
        mem[3][0] = entry(5, _PAGE_PRESENT | _PAGE_RW);  /* a good entry before the bad one */
        mem[3][1] = entry(6, _PAGE_PRESENT);
        mem[3][7] = bad[i];
        assert_int_not_equal(pt_get_type(&env, 3, PGT_l1_page_table, DOM), 0);
        assert_clean();                                 /* the good entries were undone */
    }
    /* an L1 mapping itself read-only is fine */
    memset(mem[3], 0, PAGE_SIZE);
    mem[3][0] = entry(3, _PAGE_PRESENT);
    assert_int_equal(pt_get_type(&env, 3, PGT_l1_page_table, DOM), 0);
    pt_put_type(&env, 3);
    assert_clean();
}

static void test_page_table_mapped_writable_refused(void **state)
{
    (void)state;
    mem[3][0] = entry(5, _PAGE_PRESENT);
    assert_int_equal(pt_get_type(&env, 3, PGT_l1_page_table, DOM), 0);  /* 3 is a live L1 */
    mem[4][0] = entry(3, _PAGE_PRESENT | _PAGE_RW);                     /* map it writable */
    assert_int_equal(pt_get_type(&env, 4, PGT_l1_page_table, DOM), -EBUSY);
    mem[4][0] = entry(3, _PAGE_PRESENT);                                /* read-only is fine */
    assert_int_equal(pt_get_type(&env, 4, PGT_l1_page_table, DOM), 0);
    pt_put_type(&env, 4);
    pt_put_type(&env, 3);
    assert_clean();
}

/* L4 (10) -> L3 (11) -> L2 (12) -> L1 (13) -> data (14 rw, 15 ro) */
static void build_hierarchy(void)
{
    mem[10][0] = entry(11, _PAGE_PRESENT | _PAGE_RW);
    mem[10][300] = entry(11, _PAGE_PRESENT);       /* a second path to the same L3 */
    mem[11][0] = entry(12, _PAGE_PRESENT | _PAGE_RW);
    mem[12][0] = entry(13, _PAGE_PRESENT | _PAGE_RW);
    mem[13][0] = entry(14, _PAGE_PRESENT | _PAGE_RW);
    mem[13][1] = entry(15, _PAGE_PRESENT);
}

static void test_full_hierarchy(void **state)
{
    (void)state;
    build_hierarchy();
    mem[10][260] = entry(14, _PAGE_PRESENT);        /* guest junk in a hypervisor slot */
    assert_int_equal(pt_get_type(&env, 10, PGT_l4_page_table, DOM), 0);
    assert_int_equal(ttype(11), PGT_l3_page_table);
    assert_int_equal(tcount(11), 2);
    assert_int_equal(ttype(12), PGT_l2_page_table);
    assert_int_equal(ttype(13), PGT_l1_page_table);
    assert_int_equal(ttype(14), PGT_writable_page);
    for ( unsigned int i = PV_L4_HV_FIRST; i <= PV_L4_HV_LAST; i++ )
        assert_int_equal(mem[10][i], HV_MARK | i);  /* the hypervisor's, not the guest's */
    /* tables in use cannot be retyped or used at another level */
    assert_int_equal(pt_get_type(&env, 12, PGT_l1_page_table, DOM), -EBUSY);
    assert_int_equal(pt_get_type(&env, 13, PGT_writable_page, DOM), -EBUSY);
    pt_put_type(&env, 10);
    assert_clean();
}

static void test_hierarchy_refusals(void **state)
{
    (void)state;
    build_hierarchy();
    mem[12][5] = entry(14, _PAGE_PRESENT | _PAGE_PSE);          /* a superpage */
    assert_int_equal(pt_get_type(&env, 10, PGT_l4_page_table, DOM), -EINVAL);
    assert_clean();
    mem[12][5] = 0;
    mem[11][3] = entry(11, _PAGE_PRESENT | _PAGE_RW);           /* L3 maps itself writable */
    assert_int_equal(pt_get_type(&env, 10, PGT_l4_page_table, DOM), -EINVAL);
    assert_clean();
    mem[11][3] = entry(10, _PAGE_PRESENT);                      /* L3 entry -> the L4 */
    assert_int_equal(pt_get_type(&env, 10, PGT_l4_page_table, DOM), -EBUSY);
    assert_clean();
    mem[11][3] = 0;
    mem[13][9] = entry(12, _PAGE_PRESENT | _PAGE_RW);           /* L1 maps the L2 writable */
    assert_int_equal(pt_get_type(&env, 10, PGT_l4_page_table, DOM), -EBUSY);
    assert_clean();
    mem[13][9] = entry(41, _PAGE_PRESENT);                      /* OTHER's frame, deep down */
    assert_int_equal(pt_get_type(&env, 10, PGT_l4_page_table, DOM), -EPERM);
    assert_clean();
}

/* linear page tables: an L2-L4 entry naming its own table, read-only, holds
 * no reference; writable it is refused; counts are as without it */
static void test_linear_self_map(void **state)
{
    (void)state;
    build_hierarchy();
    mem[11][3] = entry(11, _PAGE_PRESENT);                      /* L3 maps itself */
    mem[12][7] = entry(12, _PAGE_PRESENT | _PAGE_ACCESSED);     /* and the L2 */
    assert_int_equal(pt_get_type(&env, 10, PGT_l4_page_table, DOM), 0);
    assert_int_equal(tcount(11), 2);                            /* the two L4 paths only */
    assert_int_equal(tcount(12), 1);
    assert_int_equal(table[12].ref_count, 2);
    assert_true(mem[11][3] & _PAGE_USER);
    /* by update: the L4 maps itself read-only, then not writable, then not at all */
    assert_int_equal(pt_mod_entry(&env, 10, 4, 5, entry(10, _PAGE_PRESENT), DOM, DOM), 0);
    assert_int_equal(tcount(10), 1);
    assert_int_equal(table[10].ref_count, 1);
    assert_int_equal(pt_mod_entry(&env, 10, 4, 5, entry(10, _PAGE_PRESENT | _PAGE_RW), DOM, DOM),
                     -EINVAL);
    assert_int_equal(pt_mod_entry(&env, 10, 4, 6, entry(10, _PAGE_PRESENT | _PAGE_PSE), DOM, DOM),
                     -EINVAL);
    assert_true(mem[10][5] & _PAGE_PRESENT);
    assert_int_equal(pt_mod_entry(&env, 10, 4, 5, 0, DOM, DOM), 0);
    assert_int_equal(table[10].ref_count, 1);
    /* another table's L3 named from an L3 entry is not a self-map */
    assert_int_equal(pt_mod_entry(&env, 11, 3, 4, entry(10, _PAGE_PRESENT), DOM, DOM), -EBUSY);
    pt_put_type(&env, 10);
    assert_clean();
}

static void test_mod_entry(void **state)
{
    (void)state;
    build_hierarchy();
    assert_int_equal(pt_get_type(&env, 10, PGT_l4_page_table, DOM), 0);
    /* remap 15 writable in place of read-only */
    assert_int_equal(pt_mod_entry(&env, 13, 1, 1, entry(15, _PAGE_PRESENT | _PAGE_RW), DOM, DOM), 0);
    assert_int_equal(ttype(15), PGT_writable_page);
    /* refused updates change nothing */
    assert_int_equal(pt_mod_entry(&env, 13, 1, 2, entry(12, _PAGE_PRESENT | _PAGE_RW), DOM, DOM),
                     -EBUSY);                                   /* a live L2, writable */
    assert_int_equal(pt_mod_entry(&env, 13, 1, 2, entry(40, _PAGE_PRESENT), DOM, DOM), -EPERM);
    assert_int_equal(pt_mod_entry(&env, 12, 2, 2, entry(16, _PAGE_PRESENT | (1UL << 55)), DOM, DOM),
                     -EINVAL);                                  /* high bits: L1 only */
    assert_int_equal(pt_mod_entry(&env, 13, 2, 2, entry(16, _PAGE_PRESENT), DOM, DOM), -EINVAL);
    assert_int_equal(pt_mod_entry(&env, 10, 4, 256, entry(11, _PAGE_PRESENT), DOM, DOM), -EPERM);
    assert_int_equal(pt_mod_entry(&env, 13, 1, 2, entry(16, _PAGE_PRESENT), OTHER, OTHER), -EINVAL);
    assert_int_equal(mem[13][2], 0);
    /* a foreign mapping: an L1 entry may map pg_owner's frame, no higher level may */
    assert_int_equal(pt_mod_entry(&env, 13, 1, 2, entry(40, _PAGE_PRESENT | _PAGE_RW), DOM, OTHER), 0);
    assert_int_equal(ttype(40), PGT_writable_page);
    assert_int_equal(pt_mod_entry(&env, 13, 1, 3, entry(16, _PAGE_PRESENT), DOM, OTHER), -EPERM);
    assert_int_equal(pt_mod_entry(&env, 12, 2, 3, entry(44, _PAGE_PRESENT), DOM, OTHER), -EPERM);
    assert_int_equal(pt_mod_entry(&env, 13, 1, 2, 0, DOM, DOM), 0);    /* unmapped again */
    assert_int_equal(tcount(40), 0);
    /* unmapping releases */
    assert_int_equal(pt_mod_entry(&env, 13, 1, 0, 0, DOM, DOM), 0);
    assert_int_equal(tcount(14), 0);
    /* a table not in use cannot be modified through this path */
    assert_int_equal(pt_mod_entry(&env, 20, 1, 0, entry(16, _PAGE_PRESENT), DOM, DOM), -EINVAL);
    pt_put_type(&env, 10);
    assert_clean();
}

/* a frame its owner gave back while mapped: no new references, and the last
 * one to go releases it */
/* Frame 0 is reserved and owned by PV_DOMID_IO (not RAM), as are frames past
 * the table: I/O memory. DOM may map it (NR + 2 read-only), nobody else. */
static void test_io_frames(void **state)
{
    (void)state;
    mem[3][0] = entry(0, _PAGE_PRESENT | _PAGE_RW);
    mem[3][1] = entry(NR + 5, _PAGE_PRESENT | _PAGE_RW | _PAGE_PCD);
    mem[3][2] = entry(NR + 2, _PAGE_PRESENT | _PAGE_RW);
    assert_int_equal(pt_get_type(&env, 3, PGT_l1_page_table, DOM), 0);
    assert_true(mem[3][0] & _PAGE_RW);
    assert_false(mem[3][2] & _PAGE_RW);                 /* forced read-only */
    assert_int_equal(table[0].ref_count, 0);            /* I/O frames count nothing */
    assert_int_equal(table[0].type_info, 0);
    /* mod_entry: a refused frame, another domain's I/O, then one it may map */
    assert_int_equal(pt_mod_entry(&env, 3, 1, 4, entry(NR + 1, _PAGE_PRESENT), DOM, DOM), -EPERM);
    assert_int_equal(pt_mod_entry(&env, 40, 1, 0, entry(0, _PAGE_PRESENT), OTHER, OTHER), -EINVAL);
    assert_int_equal(pt_mod_entry(&env, 3, 1, 4, entry(0, _PAGE_PRESENT), DOM, OTHER), -EPERM);
    assert_int_equal(pt_mod_entry(&env, 3, 1, 0, entry(5, _PAGE_PRESENT | _PAGE_RW), DOM, DOM), 0);
    assert_int_equal(table[5].ref_count, 2);
    assert_int_equal(pt_mod_entry(&env, 3, 1, 0, entry(0, _PAGE_PRESENT), DOM, DOM), 0);
    assert_int_equal(table[5].ref_count, 1);
    assert_int_equal(table[0].ref_count, 0);
    pt_put_type(&env, 3);
    assert_clean();
    /* a table with an I/O entry another domain may not map is refused whole */
    memset(mem[40], 0, sizeof(mem[40]));
    mem[40][0] = entry(41, _PAGE_PRESENT | _PAGE_RW);
    mem[40][1] = entry(0, _PAGE_PRESENT);
    assert_int_equal(pt_get_type(&env, 40, PGT_l1_page_table, OTHER), -EPERM);
    assert_clean();
    /* RAM the hypervisor keeps (reserved, not owned by PV_DOMID_IO) is no I/O */
    table[0].owner = PV_DOMID_XEN;
    mem[3][0] = entry(0, _PAGE_PRESENT);
    mem[3][1] = mem[3][2] = 0;
    assert_int_equal(pt_get_type(&env, 3, PGT_l1_page_table, DOM), -EPERM);
    table[0].owner = PV_DOMID_IO;
    assert_clean();
}

/* A frame mapped writable, then read-only (no flush asked), then pinned as
 * an L1: the TLB may still hold the writable entry, so retyping flushes -
 * once for any number of frames retyped before the next use, and not when
 * the type stays the same. */
static void test_retype_flushes_stale_tlbs(void **state)
{
    (void)state;
    memset(mem[3], 0, PAGE_SIZE);
    memset(mem[4], 0, PAGE_SIZE);
    mem[3][0] = entry(10, _PAGE_PRESENT | _PAGE_RW);
    mem[3][1] = entry(11, _PAGE_PRESENT | _PAGE_RW);
    assert_int_equal(pt_get_type(&env, 3, PGT_l1_page_table, DOM), 0);
    flushes = 0;
    assert_int_equal(pt_mod_entry(&env, 3, 1, 0, entry(10, _PAGE_PRESENT), DOM, DOM), 0);
    assert_int_equal(pt_mod_entry(&env, 3, 1, 1, entry(11, _PAGE_PRESENT), DOM, DOM), 0);
    assert_int_equal(flushes, 0);
    assert_int_equal(pt_get_type(&env, 10, PGT_l1_page_table, DOM), 0);
    assert_int_equal(flushes, 1);                       /* 10 was writable */
    assert_int_equal(pt_get_type(&env, 11, PGT_l1_page_table, DOM), 0);
    assert_int_equal(flushes, 1);                       /* covered by that flush */
    pt_put_type(&env, 10);
    assert_int_equal(pt_get_type(&env, 10, PGT_l1_page_table, DOM), 0);
    assert_int_equal(flushes, 1);                       /* L1 again: nothing stale */
    pt_put_type(&env, 10);
    assert_int_equal(pt_get_type(&env, 10, PGT_writable_page, DOM), 0);
    assert_int_equal(flushes, 2);                       /* a table becoming writable */
    pt_put_type(&env, 10);
    /* past 2^28 flushes the stamps still compare (they keep 28 bits) */
    frame_tlb_clock = 0x30000005;
    pt_put_type(&env, 11);
    assert_int_equal(pt_get_type(&env, 11, PGT_writable_page, DOM), 0);
    assert_int_equal(flushes, 3);
    frame_tlb_clock = 1;
    pt_put_type(&env, 11);
    pt_put_type(&env, 3);
    assert_clean();
}

static void test_dying_frame(void **state)
{
    (void)state;
    nr_released = 0;
    mem[3][0] = entry(5, _PAGE_PRESENT | _PAGE_RW);
    assert_int_equal(pt_get_type(&env, 3, PGT_l1_page_table, DOM), 0);
    table[5].ref_count--;                       /* the owner gives it back... */
    table[5].state = FRAME_DYING;               /* ...while the L1 still maps it */
    assert_int_equal(pt_get_page(&env, 5, DOM), -EPERM);
    assert_int_equal(pt_get_type(&env, 5, PGT_writable_page, DOM), -EPERM);
    assert_int_equal(nr_released, 0);
    pt_put_type(&env, 3);                       /* the L1 goes: its entry's refs too */
    assert_int_equal(nr_released, 1);
    assert_int_equal(released[0], 5);
    assert_int_equal(table[5].ref_count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_writable_type, setup),
        cmocka_unit_test_setup(test_foreign_and_bad_frames, setup),
        cmocka_unit_test_setup(test_l1_validation, setup),
        cmocka_unit_test_setup(test_l1_refusals_leave_nothing, setup),
        cmocka_unit_test_setup(test_page_table_mapped_writable_refused, setup),
        cmocka_unit_test_setup(test_full_hierarchy, setup),
        cmocka_unit_test_setup(test_hierarchy_refusals, setup),
        cmocka_unit_test_setup(test_linear_self_map, setup),
        cmocka_unit_test_setup(test_mod_entry, setup),
        cmocka_unit_test_setup(test_io_frames, setup),
        cmocka_unit_test_setup(test_retype_flushes_stale_tlbs, setup),
        cmocka_unit_test_setup(test_dying_frame, setup),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("page-types", tests, NULL, NULL);
}
