/*
 * rdmsr/wrmsr from a PV kernel. They fault in ring 3; the hypervisor then
 * applies the MSR policy Xen 4.17 applies to 64-bit PV guests (measured with
 * guest-kit/tests/msr): a short list of MSRs reads - the TSC, fixed values
 * (APIC base, PAT), what the kernel may know of the host (EFER's mode bits,
 * MISC_ENABLE with the features a guest must not use masked, the microcode
 * revision), its own segment bases, zeros for TSC_AUX and AMD's HWCR where
 * the CPU has them - and a shorter list writes: the segment bases (canonical
 * only, as set_segment_base), EFER to the value it already has, and
 * MISC_ENABLE, whose writes are dropped; the machine-check MSRs are
 * pv/vmce.c's. Every other access is the guest's
 * #GP, at the instruction. Only the guest kernel gets here.
 */
#include <asm/extable.h>
#include <asm/guest-access.h>
#include <asm/pv/traps.h>
#include <asm/x86.h>
#include <hv/hypercall.h>
#include <sierra/arch-x86.h>

#define MSR_TSC             0x10
#define MSR_APIC_BASE_      0x1b
#define MSR_UCODE_REV       0x8b
#define MSR_PLATFORM_INFO   0xce
#define MSR_MISC_ENABLE     0x1a0
#define MSR_PAT             0x277
#define MSR_TSC_AUX         0xc0000103
#define MSR_AMD_HWCR        0xc0010015
#define MSR_XEN_HYPERCALL   0x40000000  /* Xen's hypercall-page MSR: reads 0 */

#define APIC_BASE_VALUE     0xfee00900UL            /* default base, enabled, BSP */
#define PAT_VALUE           0x0000050100070406UL    /* Xen's PAT: WB WT UC- UC WC WP */
#define EFER_GUEST_BITS     0xd01UL                 /* SCE LME LMA NXE */
#define MISC_HIDE           ((1UL << 7) | (1UL << 18))  /* perfmon, MONITOR */
#define MISC_SHOW           ((1UL << 11) | (1UL << 12) | (1UL << 23))  /* no BTS/PEBS/xTPR */

/* rdmsr of the host, 0 when the host has no such MSR */
static u64 host_rdmsr(u32 msr)
{
    u32 lo = 0, hi = 0;

    asm volatile("1: rdmsr\n2:\n" ASM_EXTABLE(1b, 2b) : "+a"(lo), "+d"(hi) : "c"(msr));
    return ((u64)hi << 32) | lo;
}

static bool read_msr(u32 msr, u64 *val)
{
    switch ( msr )
    {
    case MSR_TSC:           *val = rdtsc(); return true;
    case MSR_APIC_BASE_:    *val = APIC_BASE_VALUE; return true;
    case MSR_UCODE_REV:     *val = host_rdmsr(msr); return true;
    case MSR_PLATFORM_INFO: *val = 0; return true;
    case MSR_MISC_ENABLE:   *val = (host_rdmsr(msr) & ~MISC_HIDE) | MISC_SHOW; return true;
    case MSR_PAT:           *val = PAT_VALUE; return true;
    case MSR_EFER:          *val = rdmsr(MSR_EFER) & EFER_GUEST_BITS; return true;
    case MSR_FS_BASE:
    case MSR_GS_BASE:
    case MSR_SHADOW_GS_BASE: *val = rdmsr(msr); return true;   /* the guest's own, live */
    case MSR_TSC_AUX:       *val = 0; return cpu_has_rdtscp();
    case MSR_AMD_HWCR:      *val = 0; return cpu_is_amd();
    case MSR_XEN_HYPERCALL: *val = 0; return true;
    default:                return pv_vmce_rdmsr(current, msr, val);
    }
}

static bool write_msr(u32 msr, u64 val)
{
    u64 now;

    switch ( msr )
    {
    case MSR_FS_BASE:
        return !do_set_segment_base(PV_SEGBASE_FS, val, 0, 0, 0);
    case MSR_GS_BASE:
        return !do_set_segment_base(PV_SEGBASE_GS_KERNEL, val, 0, 0, 0);
    case MSR_SHADOW_GS_BASE:
        return !do_set_segment_base(PV_SEGBASE_GS_USER, val, 0, 0, 0);
    case MSR_EFER:
        return read_msr(msr, &now) && now == val;
    case MSR_MISC_ENABLE:
        return true;                    /* dropped, as Xen drops it */
    default:
        return pv_vmce_wrmsr(current, msr, val);
    }
}

bool pv_emulate_msr(struct cpu_regs *regs)
{
    u8 insn[2];
    u32 msr = (u32)regs->rcx;
    u64 val;

    if ( copy_from_guest(insn, regs->rip, sizeof(insn)) || insn[0] != 0x0f ||
         (insn[1] != 0x32 && insn[1] != 0x30) )
        return false;
    if ( insn[1] == 0x32 )
    {
        if ( !read_msr(msr, &val) )
            return false;
        regs->rax = (u32)val;
        regs->rdx = val >> 32;
    }
    else if ( !write_msr(msr, (regs->rdx << 32) | (u32)regs->rax) )
        return false;
    regs->rip += 2;
    return true;
}
