/*
 * Extended FPU state (asm/xstate.h): which XSAVE components PV guests may
 * use, and saving, loading and converting a vCPU's area. The hypervisor
 * itself never touches FPU/SSE/AVX registers (-mgeneral-regs-only), so the
 * CPU holds the running vCPU's state and XCR0 is the running vCPU's.
 */
#include <asm/x86.h>
#include <asm/xstate.h>
#include <hv/lib.h>
#include <hv/printk.h>

#define CPUID1_ECX_XSAVE    (1u << 26)
#define FCW_RESET           0x037f
#define MXCSR_RESET         0x1f80
#define FXSAVE_MXCSR        24
#define FXSAVE_XMM          160         /* XMM0-15, 16 bytes each */

u64 xstate_guest_mask;
u32 xstate_guest_size;

static inline void xsetbv(u64 val)
{
    asm volatile("xsetbv" :: "c"(0), "a"((u32)val), "d"((u32)(val >> 32)));
}

static inline u64 xgetbv(void)
{
    u32 lo, hi;

    asm volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((u64)hi << 32) | lo;
}

void xstate_init(void)
{
    u32 a, b, c, d, size;
    u64 host, mask;

    cpuid_count(1, 0, &a, &b, &c, &d);
    if ( !(c & CPUID1_ECX_XSAVE) )
        return;
    cpuid_count(0xd, 0, &a, &b, &c, &d);
    host = ((u64)d << 32) | a;
    mask = host & (XSTATE_X87 | XSTATE_SSE | XSTATE_AVX);
    if ( (host & XSTATE_AVX512) == XSTATE_AVX512 && (mask & XSTATE_AVX) )
        mask |= XSTATE_AVX512;
    if ( (mask & (XSTATE_X87 | XSTATE_SSE)) != (XSTATE_X87 | XSTATE_SSE) )
        return;
    write_cr4(read_cr4() | X86_CR4_OSXSAVE);
    xsetbv(mask);
    cpuid_count(0xd, 0, &a, &size, &c, &d);     /* the size for this XCR0 */
    if ( size > XSTATE_AREA_SIZE )
    {
        mask &= ~XSTATE_AVX512;
        xsetbv(mask);
        cpuid_count(0xd, 0, &a, &size, &c, &d);
    }
    xsetbv(XSTATE_X87 | XSTATE_SSE);
    xstate_guest_mask = mask;
    xstate_guest_size = size;
    pr_info("xstate: XSAVE for guests, components %#lx, %u bytes\n", (unsigned long)mask, size);
}

void xstate_init_area(u8 *area)
{
    u16 fcw = FCW_RESET;
    u32 mxcsr = MXCSR_RESET;

    memset(area, 0, xstate_guest_mask ? XSTATE_AREA_SIZE : 512);
    memcpy(area, &fcw, sizeof(fcw));
    memcpy(area + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
    if ( xstate_guest_mask )        /* x87 and SSE as loaded: the image above */
        memcpy(area + XSTATE_BV_OFFSET, &(u64){ XSTATE_X87 | XSTATE_SSE }, sizeof(u64));
}

void xstate_save(u8 *area, u64 xcr0)
{
    if ( !xstate_guest_mask )
    {
        asm volatile("fxsave64 %0" : "=m"(*(u8 (*)[512])area));
        return;
    }
    u64 bv;

    asm volatile("xsave64 %0" : "=m"(*(u8 (*)[XSTATE_AREA_SIZE])area)
                 : "a"((u32)xcr0), "d"((u32)(xcr0 >> 32)) : "memory");
    /* XSAVE leaves header bits of components outside XCR0 as they were;
     * XRSTOR would fault on them */
    memcpy(&bv, area + XSTATE_BV_OFFSET, sizeof(bv));
    bv &= xcr0;
    memcpy(area + XSTATE_BV_OFFSET, &bv, sizeof(bv));
}

void xstate_load(const u8 *area, u64 xcr0)
{
    if ( !xstate_guest_mask )
    {
        asm volatile("fxrstor64 %0" :: "m"(*(const u8 (*)[512])area));
        return;
    }
    if ( xgetbv() != xcr0 )
        xsetbv(xcr0);
    asm volatile("xrstor64 %0" :: "m"(*(const u8 (*)[XSTATE_AREA_SIZE])area),
                 "a"((u32)xcr0), "d"((u32)(xcr0 >> 32)) : "memory");
}

void xstate_set_xcr0(u64 val)
{
    xsetbv(val);
}

bool xstate_xcr0_ok(u64 val)
{
    return xstate_guest_mask && (val & XSTATE_X87) && !(val & ~xstate_guest_mask) &&
           (!(val & XSTATE_AVX) || (val & XSTATE_SSE)) &&
           (!(val & XSTATE_AVX512) || ((val & XSTATE_AVX512) == XSTATE_AVX512 &&
                                      (val & XSTATE_AVX)));
}

void xstate_to_fxsave(const u8 *area, u8 out[512])
{
    u64 bv;

    memcpy(out, area, 512);
    if ( !xstate_guest_mask )
        return;
    memcpy(&bv, area + XSTATE_BV_OFFSET, sizeof(bv));
    if ( !(bv & XSTATE_X87) )       /* x87 in its init state */
    {
        u16 fcw = FCW_RESET;

        memset(out, 0, FXSAVE_MXCSR);
        memset(out + 32, 0, FXSAVE_XMM - 32);
        memcpy(out, &fcw, sizeof(fcw));
    }
    if ( !(bv & XSTATE_SSE) )
        memset(out + FXSAVE_XMM, 0, 256);
}

void xstate_from_fxsave(u8 *area, const u8 in[512])
{
    xstate_init_area(area);
    memcpy(area, in, 512);
}
