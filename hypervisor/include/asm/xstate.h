/*
 * Extended FPU state (XSAVE) for PV vCPUs. When the CPU has XSAVE the
 * hypervisor runs with CR4.OSXSAVE set and each vCPU has its own XCR0
 * (x87 and SSE at first, as after reset; the guest widens it with an
 * emulated XSETBV) and saves/restores its state with XSAVE/XRSTOR. The
 * components a PV guest may enable are the host's x87, SSE, AVX and AVX-512
 * ones (Xen's PV policy: not MPX, not PKRU). Without XSAVE, FXSAVE only.
 */
#ifndef ASM_XSTATE_H
#define ASM_XSTATE_H

#include <hv/types.h>

#define XSTATE_AREA_SIZE    4096        /* struct vcpu_saved holds one */
#define XSTATE_X87          (1UL << 0)
#define XSTATE_SSE          (1UL << 1)
#define XSTATE_AVX          (1UL << 2)
#define XSTATE_AVX512       (7UL << 5)  /* opmask, ZMM_Hi256, Hi16_ZMM */
#define XSTATE_BV_OFFSET    512         /* the XSAVE header after the legacy area */

extern u64 xstate_guest_mask;           /* 0: no XSAVE, FXSAVE only */
extern u32 xstate_guest_size;           /* bytes for every component of the mask */

void xstate_init(void);                 /* once, on the boot CPU */
void xstate_init_area(u8 *area);        /* the state after reset */
void xstate_save(u8 *area, u64 xcr0);   /* with XCR0 == xcr0 */
void xstate_load(const u8 *area, u64 xcr0);     /* sets XCR0 too */
/* may a guest set XCR0 to val (the rules XSETBV has for the CPU)? */
bool xstate_xcr0_ok(u64 val);
void xstate_set_xcr0(u64 val);          /* XSETBV 0 for the running vCPU */
/* the legacy FXSAVE image of a saved area (components in init state
 * written as their init values) */
void xstate_to_fxsave(const u8 *area, u8 out[512]);
/* load a FXSAVE image into an area: x87 and SSE in use, the rest reset */
void xstate_from_fxsave(u8 *area, const u8 in[512]);

#endif
