/*
 * Emulation for PV kernels. CPUID is not privileged, so a PV kernel asks for
 * the hypervisor's view through the forced-emulation prefix
 * `ud2; .ascii "xen"; cpuid` (0f 0b 78 65 6e 0f a2): the #UD it raises is
 * caught here, CPUID answered with the PV policy (pv/cpuid.c), and RIP moved
 * past it.
 * (The privileged instructions Xen emulates for PV kernels are in
 * pv/priv-op.c, pv/msr.c and pv/ioport.c.)
 */
#include <asm/guest-access.h>
#include <hv/lib.h>
#include <asm/pv/traps.h>
#include <asm/x86.h>
#include <hv/domain.h>
#include <sierra/xenver.h>

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
