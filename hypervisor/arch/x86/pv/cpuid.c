/*
 * The CPUID a PV kernel sees (through the forced-emulation prefix, pv/emulate.c).
 * As Xen's PV policy it is the host's CPUID filtered by a list of the
 * features a ring-3 kernel may use: a feature is shown only when it is named
 * here (unknown bits stay hidden), so superpages (PSE, PSE36, PDPE1GB),
 * global pages, PCID, MONITOR, VMX/SVM, SMEP/SMAP, 5-level paging and the
 * thermal/power leaf never reach a PV guest. The lists are the features Xen
 * 4.17 marks available to all guests (asm/pv/cpuid-policy.h, checked
 * against the reference featureset), with these differences, each measured
 * on Xen (guest-kit/tests/cpuid prints the same on both):
 *   - SYSENTER is hidden on AMD, where it does not exist in long mode;
 *   - MTRR is shown to the control domain only (it programs the machine's);
 *   - on AMD, 0x80000001.edx repeats the leaf-1 bits it shares with it;
 *   - the virtual address width is 48 bits;
 *   - XSAVE, and the features whose registers it saves, follow the XSAVE
 *     components guests may enable (asm/xstate.h: x87 SSE AVX AVX-512, as
 *     Xen's PV policy; none without XSAVE); OSXSAVE is the vCPU's virtual
 *     CR4.OSXSAVE, or for the kernel always (Xen's leak, which Linux
 *     relies on); leaf 0xd describes those components only;
 * and one of Sierra's own: FSGSBASE is hidden (QEMU TCG does not fault a
 * non-canonical WRFSBASE; see docs/pv-abi-notes). Leaves 0x40000000-
 * 0x40000005 are Xen's.
 */
#include <asm/pv/cpuid-policy.h>
#include <asm/pv/traps.h>
#include <asm/x86.h>
#include <asm/xstate.h>
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/time.h>

#define LEAF_HV             0x40000000
#define LEAF_HV_MAX         0x40000005
#define BASIC_MAX           0xd
#define XEN_FEAT1_PRESERVE_AD   (1u << 0)

/* leaf-1 edx bits AMD repeats in 0x80000001.edx */
#define AMD_SHARED_EDX      0x0183f3ffu

/* features by the XSAVE component whose registers they use */
#define L1_ECX_XSAVE        (1u << 26)
#define L1_ECX_OSXSAVE      (1u << 27)
#define L1_ECX_AVX          0x30001000u /* FMA AVX F16C */
#define L7_EBX_AVX          0x00000020u /* AVX2 */
#define L7_ECX_AVX          0x00000600u /* VAES VPCLMULQDQ */
#define L71_EAX_AVX         0x00000010u /* AVX_VNNI */
#define L7_EBX_AVX512       0xdc230000u /* AVX512F DQ IFMA PF ER CD BW VL */
#define L7_ECX_AVX512       0x00005842u /* AVX512_VBMI VBMI2 VNNI BITALG VPOPCNTDQ */
#define L7_EDX_AVX512       0x0000000cu /* AVX512_4VNNIW 4FMAPS */
#define L71_EAX_AVX512      0x00000020u /* AVX512_BF16 */
#define L7_EBX_FSGSBASE     0x00000001u

/* leaf 1 ecx, 7.0 ebx/ecx/edx, 7.1 eax: what the XSAVE components allowed
 * to guests leave out */
static void xstate_hidden(u32 hide[5])
{
    hide[0] = hide[1] = hide[2] = hide[3] = hide[4] = 0;
    if ( !xstate_guest_mask )
        hide[0] = L1_ECX_XSAVE | L1_ECX_OSXSAVE;
    if ( !(xstate_guest_mask & XSTATE_AVX) )
    {
        hide[0] |= L1_ECX_AVX;
        hide[1] |= L7_EBX_AVX;
        hide[2] |= L7_ECX_AVX;
        hide[4] |= L71_EAX_AVX;
    }
    if ( !(xstate_guest_mask & XSTATE_AVX512) )
    {
        hide[1] |= L7_EBX_AVX512;
        hide[2] |= L7_ECX_AVX512;
        hide[3] |= L7_EDX_AVX512;
        hide[4] |= L71_EAX_AVX512;
    }
}

/* leaf 0xd: only the components guests may enable; sizes are the host's
 * (subleaf 0's EBX is the size for the XCR0 now loaded: the vCPU's) */
static void xsave_leaf(u32 subleaf, u32 r[4])
{
    u64 mask = xstate_guest_mask;

    if ( !mask || (subleaf >= 2 && (subleaf > 63 || !(mask & (1UL << subleaf)))) )
    {
        r[0] = r[1] = r[2] = r[3] = 0;
        return;
    }
    if ( subleaf == 0 )
    {
        r[0] = (u32)mask;
        r[3] = (u32)(mask >> 32);
        r[2] = xstate_guest_size;
    }
    else if ( subleaf == 1 )
    {
        r[0] &= PV_CPUID_W4_D1_EAX;
        r[1] = r[2] = r[3] = 0;         /* no XSAVES */
    }
}

#define CPUID1_EDX_SEP      (1u << 11)
#define CPUID1_EDX_MTRR     (1u << 12)

static u32 leaf1_edx(u32 host)
{
    const struct domain *d = current ? current->domain : NULL;
    u32 edx = host & PV_CPUID_W0_L1_EDX & ~(1u << 28);  /* no HTT: one thread per vCPU */

    if ( cpu_is_amd() )
        edx &= ~CPUID1_EDX_SEP;
    if ( d && d->privileged )
        edx |= host & CPUID1_EDX_MTRR;
    return edx;
}

static void hypervisor_leaf(u32 leaf, u32 subleaf, u32 r[4])
{
    r[0] = r[1] = r[2] = r[3] = 0;
    switch ( leaf - LEAF_HV )
    {
    case 0:                     /* "XenVMMXenVMM" */
        r[0] = LEAF_HV_MAX;
        r[1] = 0x566e6558;
        r[2] = 0x65584d4d;
        r[3] = 0x4d4d566e;
        break;
    case 1:                     /* version 4.17 */
        r[0] = (4 << 16) | 17;
        break;
    case 2:                     /* one hypercall page, MSR base, features */
        r[0] = 1;
        r[1] = LEAF_HV;
        r[2] = XEN_FEAT1_PRESERVE_AD;
        break;
    case 3:                     /* time: RDTSCP usable, the TSC's frequency */
        if ( subleaf == 0 )
            r[0] = cpu_has_rdtscp() ? 4 : 0;
        else if ( subleaf == 2 )
            r[0] = (u32)time_cal.tsc_khz;
        break;
    case 5:                     /* PV: the machine address width */
        if ( subleaf == 0 )
            r[1] = 64 - (u32)__builtin_clzl((nr_frames << PAGE_SHIFT) - 1);
        break;
    }
}

void pv_cpuid(u32 leaf, u32 subleaf, u32 r[4])
{
    u32 basic_max, a, b, c, d, hide[5];

    if ( leaf >= LEAF_HV && leaf <= LEAF_HV + 0xff )
    {
        if ( leaf <= LEAF_HV_MAX )
            hypervisor_leaf(leaf, subleaf, r);
        else
            r[0] = r[1] = r[2] = r[3] = 0;
        return;
    }
    cpuid_count(leaf & 0x80000000, 0, &basic_max, &b, &c, &d);
    if ( leaf > basic_max || (leaf < 0x80000000 && leaf > BASIC_MAX) )
    {
        r[0] = r[1] = r[2] = r[3] = 0;      /* out of the policy's range */
        return;
    }
    cpuid_count(leaf, subleaf, &r[0], &r[1], &r[2], &r[3]);
    switch ( leaf )
    {
    case 0:
        r[0] = MIN(r[0], (u32)BASIC_MAX);
        break;
    case 1:
        xstate_hidden(hide);
        r[1] &= 0x0000ffffu;                /* no APIC ID, no logical count */
        r[2] &= PV_CPUID_W1_L1_ECX & ~hide[0];
        /* Xen's de facto PV ABI: the kernel's enlightened CPUID shows the
         * hypervisor's OSXSAVE (Linux relies on it); otherwise the vCPU's
         * virtual CR4.OSXSAVE, which it must set before XSETBV */
        if ( xstate_guest_mask && current &&
             (current->kernel_mode || (current->cr4 & X86_CR4_OSXSAVE)) )
            r[2] |= L1_ECX_OSXSAVE;
        r[3] = leaf1_edx(r[3]);
        break;
    case 7:
        if ( subleaf == 0 )
        {
            r[0] = MIN(r[0], 1u);
            xstate_hidden(hide);
            r[1] &= PV_CPUID_W5_L7_EBX & ~(hide[1] | L7_EBX_FSGSBASE);
            r[2] &= PV_CPUID_W6_L7_ECX & ~hide[2];
            r[3] &= PV_CPUID_W9_L7_EDX & ~hide[3];
        }
        else if ( subleaf == 1 )
        {
            xstate_hidden(hide);
            r[0] &= PV_CPUID_W10_L7_1_EAX & ~hide[4];
            r[1] = r[2] = r[3] = 0;
        }
        else
            r[0] = r[1] = r[2] = r[3] = 0;
        break;
    case 0xd:
        xsave_leaf(subleaf, r);
        break;
    case 2: case 4: case 0xb:               /* caches, topology: the host's */
        break;
    case 0x80000000:
        break;
    case 0x80000001:
        r[2] &= PV_CPUID_W3_E1_ECX;
        r[3] &= PV_CPUID_W2_E1_EDX;
        if ( cpu_is_amd() )
        {
            cpuid_count(1, 0, &a, &b, &c, &d);
            r[3] |= leaf1_edx(d) & AMD_SHARED_EDX;
        }
        break;
    case 0x80000002: case 0x80000003: case 0x80000004:  /* brand string */
    case 0x80000005: case 0x80000006:                   /* caches, TLBs */
        break;
    case 0x80000007:
        r[0] = r[1] = r[2] = 0;
        r[3] &= PV_CPUID_W7_E7_EDX;         /* not even the invariant TSC (opt-in on Xen) */
        break;
    case 0x80000008:
        r[0] = (r[0] & 0xffff00ffu) | (48u << 8);   /* 48-bit virtual addresses */
        r[1] &= PV_CPUID_W8_E8_EBX;
        r[2] = r[3] = 0;
        break;
    default:
        r[0] = r[1] = r[2] = r[3] = 0;
        break;
    }
    (void)a;
}
