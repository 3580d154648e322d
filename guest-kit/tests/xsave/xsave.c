/*
 * xsave: the extended FPU state a PV kernel may use. It starts with XCR0 =
 * x87|SSE and its virtual CR4.OSXSAVE clear (XSETBV is #UD until it sets
 * it, though the kernel's CPUID already shows OSXSAVE, as Xen leaks it),
 * widens XCR0 with XSETBV (emulated: XSETBV faults in ring 3), and the
 * hypervisor must refuse what
 * the CPU would refuse (no x87, AVX without SSE, another XCR, a component
 * the policy withholds) with #GP, and keep the AVX upper halves across its
 * own paths (a hypercall, a yield, an event). XGETBV and XSAVE run natively.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <sierra/sched.h>
#include <hv/lib.h>

static volatile unsigned int gps, uds;

static void on_trap(struct kit_trap_frame *f)
{
    if ( f->vector != 13 && f->vector != 6 )
    {
        printf("not ok - vector %lu at %#lx\n", (unsigned long)f->vector, (unsigned long)f->rip);
        shutdown(3);
    }
    if ( f->vector == 6 )
        uds++;
    else
        gps++;
    f->rip += 3;                        /* xsetbv: 0f 01 d1 */
}

static unsigned long xgetbv(void)
{
    unsigned int lo, hi;

    asm volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((unsigned long)hi << 32) | lo;
}

static bool xsetbv(unsigned int index, unsigned long val)
{
    unsigned int before = gps + uds;

    asm volatile("xsetbv" :: "c"(index), "a"((unsigned int)val), "d"((unsigned int)(val >> 32)));
    return gps + uds == before;
}

static bool osxsave_in_cpuid(void)
{
    unsigned int a = 1, b, c = 0, d;

    asm volatile("ud2; .ascii \"xen\"; cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
    return (c >> 27) & 1;
}

static unsigned long ymm0_high(void)
{
    unsigned long v[4] __attribute__((aligned(32)));

    asm volatile("vmovdqu %%ymm0, %0" : "=m"(v));
    return v[2] ^ v[3];
}

int main(void)
{
    static unsigned char area[4096] __attribute__((aligned(64)));
    unsigned long v[4] __attribute__((aligned(32))) = { 1, 2, 0x1234567800000000UL, 0xabcdef };
    unsigned long cr4, bv;
    bool ok;

    printf("xsave: start\n");
    kit_trap_handler = on_trap;
    kit_install_traps(0);
    check(xgetbv() == 3, "XCR0 starts as x87|SSE: %#lx", xgetbv());
    asm volatile("mov %%cr4, %0" : "=r"(cr4));
    check(!(cr4 & (1UL << 18)), "CR4.OSXSAVE starts clear (CR4 %#lx)", cr4 & (1UL << 18));
    check(osxsave_in_cpuid(), "yet the kernel's CPUID shows OSXSAVE");
    ok = !xsetbv(0, 7);
    check(ok && uds == 1, "XSETBV before CR4.OSXSAVE: #UD (%u of them)", uds);
    asm volatile("mov %0, %%cr4" :: "r"(cr4 | (1UL << 18)));
    asm volatile("mov %%cr4, %0" : "=r"(cr4));
    check(cr4 & (1UL << 18), "CR4.OSXSAVE set by the kernel reads back");
    check(!xsetbv(0, 2), "XCR0 without x87: #GP");
    check(!xsetbv(0, 5), "AVX without SSE: #GP");
    check(!xsetbv(0, 3 | (1UL << 9)), "PKRU: #GP");
    check(!xsetbv(0, 3 | (1UL << 3)), "MPX: #GP");
    check(!xsetbv(1, 3), "XCR index 1: #GP");
    check(xgetbv() == 3, "after the refusals XCR0 is still %#lx", xgetbv());
    check(xsetbv(0, 7), "x87|SSE|AVX accepted");
    check(xgetbv() == 7, "XCR0 now %#lx", xgetbv());
    asm volatile("vmovdqu %0, %%ymm0" :: "m"(v));
    check(ymm0_high() == (v[2] ^ v[3]), "an AVX register's upper half holds a value");
    hyp_sched_op(PV_SCHEDOP_yield, 0);
    (void)hyp_xen_version(0, 0);
    check(ymm0_high() == (v[2] ^ v[3]), "and keeps it across hypercalls and a yield");
    asm volatile("xsave64 %0" : "=m"(area) : "a"(7), "d"(0) : "memory");
    memcpy(&bv, area + 512, sizeof(bv));
    check(bv & 4, "XSAVE (native) saves the AVX component (XSTATE_BV %#lx)", bv & 7);
    asm volatile("vzeroupper");
    check(xsetbv(0, 3), "back to x87|SSE");
    check(xgetbv() == 3, "XCR0 %#lx", xgetbv());
    printf("xsave: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
