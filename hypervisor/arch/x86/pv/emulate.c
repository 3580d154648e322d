/*
 * Emulation for PV kernels. CPUID is not privileged, so a PV kernel asks for
 * the hypervisor's view through the forced-emulation prefix
 * `ud2; .ascii "xen"; cpuid` (0f 0b 78 65 6e 0f a2): the #UD it raises is
 * caught here, CPUID answered with the PV policy, and RIP moved past it. The
 * policy hides what a ring-3 kernel cannot use (VMX/SVM, MONITOR, XSAVE,
 * FSGSBASE, PCID) and adds Xen's hypervisor leaves at 0x40000000.
 * (The privileged instructions Xen emulates for PV kernels are in
 * pv/priv-op.c, pv/msr.c and pv/ioport.c.)
 */
#include <asm/guest-access.h>
#include <hv/lib.h>
#include <asm/pv/traps.h>
#include <asm/x86.h>
#include <hv/domain.h>
#include <sierra/xenver.h>

#define CPUID_LEAF_HV       0x40000000
#define CPUID_LEAF_HV_MAX   0x40000002

void pv_cpuid(u32 leaf, u32 subleaf, u32 r[4])
{
    if ( leaf >= CPUID_LEAF_HV && leaf <= CPUID_LEAF_HV + 0xff )
    {
        r[0] = r[1] = r[2] = r[3] = 0;
        switch ( leaf )
        {
        case CPUID_LEAF_HV:             /* "XenVMMXenVMM" */
            r[0] = CPUID_LEAF_HV_MAX;
            r[1] = 0x566e6558;
            r[2] = 0x65584d4d;
            r[3] = 0x4d4d566e;
            break;
        case CPUID_LEAF_HV + 1:         /* version 4.17 */
            r[0] = (4 << 16) | 17;
            break;
        case CPUID_LEAF_HV + 2:         /* one hypercall page, MSR base */
            r[0] = 1;
            r[1] = CPUID_LEAF_HV;
            break;
        }
        return;
    }
    cpuid_count(leaf, subleaf, &r[0], &r[1], &r[2], &r[3]);
    switch ( leaf )
    {
    case 1:
        r[2] &= ~((1u << 3) | (1u << 5) | (1u << 6) |      /* MONITOR, VMX, SMX */
                  (1u << 17) | (1u << 26) | (1u << 27) |    /* PCID, XSAVE, OSXSAVE */
                  (1u << 28));                               /* AVX (needs XSAVE) */
        r[2] |= 1u << 31;                                   /* running on a hypervisor */
        break;
    case 7:
        if ( subleaf == 0 )
            r[1] &= ~((1u << 0) | (1u << 10));              /* FSGSBASE, INVPCID */
        break;
    case 0xd:                                               /* no XSAVE state */
        r[0] = r[1] = r[2] = r[3] = 0;
        break;
    case 0x80000001:
        r[2] &= ~(1u << 2);                                 /* SVM */
        break;
    }
}

bool pv_emulate_forced(struct cpu_regs *regs)
{
    static const u8 prefix[] = { 0x0f, 0x0b, 'x', 'e', 'n', 0x0f, 0xa2 };
    u8 insn[sizeof(prefix)];
    u32 r[4];

    if ( copy_from_guest(insn, regs->rip, sizeof(insn)) || memcmp(insn, prefix, sizeof(insn)) )
        return false;
    pv_cpuid((u32)regs->rax, (u32)regs->rcx, r);
    regs->rax = r[0];
    regs->rbx = r[1];
    regs->rcx = r[2];
    regs->rdx = r[3];
    regs->rip += sizeof(prefix);
    return true;
}
