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
 * and two of Sierra's own: XSAVE/AVX are hidden (Sierra saves FPU state
 * with FXSAVE) and so is FSGSBASE (QEMU TCG does not fault a non-canonical
 * WRFSBASE; see docs/pv-abi-notes). Leaves 0x40000000-0x40000005 are Xen's.
 */
#include <asm/pv/cpuid-policy.h>
#include <asm/pv/traps.h>
#include <asm/x86.h>
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

/* Sierra's own: no XSAVE state (FXSAVE only), so nothing that needs the
 * AVX registers (FMA F16C XSAVE AVX; AVX2 AVX512*; VAES VPCLMULQDQ, AVX512
 * ones), and no FSGSBASE under TCG */
#define L1_ECX_SIERRA_HIDES 0x3c001000u
#define L7_EBX_SIERRA_HIDES 0xdc230021u
#define L7_ECX_SIERRA_HIDES 0x00005e42u
#define L7_1_EAX_SIERRA_HIDES 0x00000030u

#define CPUID1_EDX_SEP      (1u << 11)
#define CPUID1_EDX_MTRR     (1u << 12)

static bool host_is_amd(void)
{
    u32 a, b, c, d;

    cpuid_count(0, 0, &a, &b, &c, &d);
    return b == 0x68747541 || b == 0x6f677948;     /* "Auth"enticAMD, "Hygo"nGenuine */
}

static u32 leaf1_edx(u32 host)
{
    const struct domain *d = current ? current->domain : NULL;
    u32 edx = host & PV_CPUID_W0_L1_EDX & ~(1u << 28);  /* no HTT: one thread per vCPU */

    if ( host_is_amd() )
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
    {
        u32 a, b, c, d;

        cpuid_count(0x80000001, 0, &a, &b, &c, &d);
        if ( subleaf == 0 )
            r[0] = (d & (1u << 27)) ? 4 : 0;
        else if ( subleaf == 2 )
            r[0] = (u32)time_cal.tsc_khz;
        break;
    }
    case 5:                     /* PV: the machine address width */
        if ( subleaf == 0 )
            r[1] = 64 - (u32)__builtin_clzl((nr_frames << PAGE_SHIFT) - 1);
        break;
    }
}

void pv_cpuid(u32 leaf, u32 subleaf, u32 r[4])
{
    u32 basic_max, a, b, c, d;

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
        r[1] &= 0x0000ffffu;                /* no APIC ID, no logical count */
        r[2] &= PV_CPUID_W1_L1_ECX & ~L1_ECX_SIERRA_HIDES;
        r[3] = leaf1_edx(r[3]);
        break;
    case 7:
        if ( subleaf == 0 )
        {
            r[0] = MIN(r[0], 1u);
            r[1] &= PV_CPUID_W5_L7_EBX & ~L7_EBX_SIERRA_HIDES;
            r[2] &= PV_CPUID_W6_L7_ECX & ~L7_ECX_SIERRA_HIDES;
            r[3] &= PV_CPUID_W9_L7_EDX;
        }
        else if ( subleaf == 1 )
        {
            r[0] &= PV_CPUID_W10_L7_1_EAX & ~L7_1_EAX_SIERRA_HIDES;
            r[1] = r[2] = r[3] = 0;
        }
        else
            r[0] = r[1] = r[2] = r[3] = 0;
        break;
    case 0xd:                               /* no XSAVE state */
        r[0] = r[1] = r[2] = r[3] = 0;
        break;
    case 2: case 4: case 0xb:               /* caches, topology: the host's */
        break;
    case 0x80000000:
        break;
    case 0x80000001:
        r[2] &= PV_CPUID_W3_E1_ECX;
        r[3] &= PV_CPUID_W2_E1_EDX;
        if ( host_is_amd() )
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
