/*
 * The initial PV layout (hypervisor/common/pv-layout.c) against what Xen
 * 4.17 builds for the kit's hello kernel as dom0 with 256 MiB (start_info at
 * +0x92000, 5 table pages at +0x93000, mapped to +0x400000), the domU form
 * with its two special pages, the 512 KiB spare rule, the growth of the
 * table count with the mapping, and the refusals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <hv/errno.h>
#include <hv/pv-layout.h>

#define BASE    0xffffffff80000000UL
#define KEND    (BASE + 0x11b28)        /* the hello kernel's extent */

static void test_dom0_as_xen_lays_it_out(void **state)
{
    struct pv_layout l;

    (void)state;
    assert_int_equal(pv_compute_layout(BASE, BASE, KEND, 0, 65536, 0, 0, &l), 0);
    assert_int_equal(l.vinitrd_start, BASE + 0x12000);
    assert_int_equal(l.vphysmap_start, BASE + 0x12000);
    assert_int_equal(l.vphysmap_end, BASE + 0x12000 + 65536 * 8);
    assert_int_equal(l.vstartinfo_start, BASE + 0x92000);
    assert_int_equal(l.vpt_start, BASE + 0x93000);
    assert_int_equal(l.nr_pt_pages, 5);     /* L4, L3, L2, two L1s for 4 MiB */
    assert_int_equal(l.vstack_end, BASE + 0x99000);
    assert_int_equal(l.v_end, BASE + 0x400000);
}

/* Debian's Linux 6.1 as dom0 with 512 MiB: INIT_P2M puts the P2M at
 * 0x8000000000, so start_info follows the kernel; the figures are Xen's
 * ("Start info: ffffffff84a00000", 41 table pages, "TOTAL: ...84c00000",
 * "Phys-Mach map: 0000008000000000->0000008000100000") */
static void test_separate_p2m_as_xen(void **state)
{
    struct pv_layout l;
    const u64 lk = 0xffffffff81000000UL, lkend = 0xffffffff84a00000UL, p2m = 0x8000000000UL;

    (void)state;
    assert_int_equal(pv_compute_layout(BASE, lk, lkend, 0, 131072, 0, p2m, &l), 0);
    assert_int_equal(l.vstartinfo_start, 0xffffffff84a00000UL);
    assert_int_equal(l.vpt_start, 0xffffffff84a01000UL);
    assert_int_equal(l.nr_pt_pages, 41);
    assert_int_equal(l.vstack_end, 0xffffffff84a2b000UL);
    assert_int_equal(l.v_end, 0xffffffff84c00000UL);
    assert_int_equal(l.vphysmap_start, p2m);
    assert_int_equal(l.vphysmap_end, 0x8000100000UL);
    assert_int_equal(l.nr_p2m_frames, 256 + 3);     /* its pages, an L3, an L2, an L1 */
    /* refused: over the initial mapping's L4 slot, in the hypervisor's
     * slots, unaligned, not canonical, past the top; and too little memory */
    assert_int_equal(pv_compute_layout(BASE, lk, lkend, 0, 131072, 0, 0xffffff8000000000UL, &l),
                     -EINVAL);
    assert_int_equal(pv_compute_layout(BASE, lk, lkend, 0, 131072, 0, 0xffff800000000000UL, &l),
                     -EINVAL);
    assert_int_equal(pv_compute_layout(BASE, lk, lkend, 0, 131072, 0, p2m + 8, &l), -EINVAL);
    assert_int_equal(pv_compute_layout(BASE, lk, lkend, 0, 131072, 0, 0x0000800000000000UL, &l),
                     -EINVAL);
    assert_int_equal(pv_compute_layout(BASE, lk, lkend, 0, 131072, 0, 0x00007ffffff80000UL, &l),
                     -EINVAL);
    assert_int_equal(pv_compute_layout(BASE, lk, lkend, 0, 19456 + 10, 0, p2m, &l), -ENOMEM);
}

static void test_domu_special_pages(void **state)
{
    struct pv_layout l;

    (void)state;
    assert_int_equal(pv_compute_layout(BASE, BASE, KEND, 0, 4096, 2, 0, &l), 0);
    assert_int_equal(l.vstartinfo_start, BASE + 0x1a000);     /* 4096 * 8 bytes of P2M */
    assert_int_equal(l.vspecial_start, BASE + 0x1b000);       /* xenstore, console */
    assert_int_equal(l.vpt_start, BASE + 0x1d000);
    assert_int_equal(l.v_end, BASE + 0x400000);
}

static void test_spare_and_growth(void **state)
{
    struct pv_layout l;

    (void)state;
    /* a kernel ending just under 4 MiB: less than 512 KiB would be left */
    assert_int_equal(pv_compute_layout(BASE, BASE, BASE + 0x3c0000, 0, 65536, 0, 0, &l), 0);
    assert_true(l.v_end - l.vstack_end >= (512UL << 10));
    assert_int_equal(l.v_end, BASE + 0x800000);
    assert_int_equal(l.nr_pt_pages, 1 + 1 + 1 + 4);             /* four L1s for 8 MiB */
    /* an initrd of 20 MiB: ten more L1s */
    assert_int_equal(pv_compute_layout(BASE, BASE, KEND, 20UL << 20, 65536, 0, 0, &l), 0);
    assert_int_equal(l.nr_pt_pages, 3 + (l.v_end - BASE) / (2UL << 20));
}

static void test_refusals(void **state)
{
    struct pv_layout l;

    (void)state;
    assert_int_equal(pv_compute_layout(BASE, BASE - 4096, KEND, 0, 65536, 0, 0, &l), -EINVAL);
    assert_int_equal(pv_compute_layout(BASE, KEND, KEND, 0, 65536, 0, 0, &l), -EINVAL);
    assert_int_equal(pv_compute_layout(BASE, BASE, KEND, 0, 512, 2, 0, &l), -ENOMEM);   /* 2 MiB */
    assert_int_equal(pv_compute_layout(BASE, BASE, KEND, 0, 1024, 2, 0, &l), 0);        /* 4 MiB */
    assert_int_equal(pv_compute_layout(0xfffffffffff00000UL, 0xfffffffffff00000UL,
                                       0xfffffffffff80000UL, 0, 65536, 0, 0, &l), -EINVAL);
}

/* a fake guest: pages 0-2 of BASE mapped to three buffers, page 3 not */
static unsigned char pages[3][4096];

static void *map_page(void *ctx, u64 va)
{
    u64 n = (va - BASE) / 4096;

    (void)ctx;
    return n < 3 ? &pages[n][va % 4096] : NULL;
}

static void test_copy_page_by_page(void **state)
{
    unsigned char src[6000];

    (void)state;
    for ( unsigned int i = 0; i < sizeof(src); i++ )
        src[i] = (unsigned char)(i * 7);
    assert_int_equal(pv_copy_to_va(map_page, NULL, BASE + 4000, src, sizeof(src)), 0);
    assert_memory_equal(&pages[0][4000], src, 96);              /* the end of page 0 */
    assert_memory_equal(pages[1], src + 96, 4096);              /* all of page 1 */
    assert_memory_equal(pages[2], src + 96 + 4096, 6000 - 96 - 4096);
    assert_int_equal(pv_copy_to_va(map_page, NULL, BASE + 3 * 4096 - 10, src, 20), -EFAULT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dom0_as_xen_lays_it_out),
        cmocka_unit_test(test_separate_p2m_as_xen),
        cmocka_unit_test(test_domu_special_pages),
        cmocka_unit_test(test_spare_and_growth),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_copy_page_by_page),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("pv-layout", tests, NULL, NULL);
}
