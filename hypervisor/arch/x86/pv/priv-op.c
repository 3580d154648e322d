/*
 * The privileged instructions a PV kernel may still execute natively and
 * that Xen emulates for it, as Xen 4.17 does (the guest kernel runs in ring
 * 3, so each raises #GP(0) and arrives here):
 *   mov %crN, %reg: CR0 is the CPU's with the virtual TS; CR2 the last #PF
 *     address delivered (or what the guest wrote); CR3 the machine address of
 *     the current kernel L4; CR4 the guest's own bits (TSD, DE) and, read
 *     only, the CPU's PAE, MCE, OSFXSR and OSXMMEXCPT (as Xen shows them).
 *   mov %reg, %crN: CR0 may change TS only (fpu_taskswitch), anything else
 *     #GP; CR2 is stored; CR3 is NEW_BASEPTR; CR4 keeps what the CPUID policy
 *     allows of TSD and DE and silently drops the rest.
 *   mov to and from %drN: pv/debugreg.c, -ENODEV as #UD, other errors #GP.
 *   rdtsc/rdtscp, which fault only when the guest set CR4.TSD: the guest
 *     kernel gets the TSC (its user mode gets the #GP).
 * Legacy prefixes are not decoded: such an instruction gets its #GP.
 */
#include <asm/guest-access.h>
#include <asm/pv/debugreg.h>
#include <asm/pv/mm.h>
#include <asm/pv/traps.h>
#include <asm/x86.h>
#include <asm/xstate.h>
#include <hv/lib.h>

#define CR4_GUEST_VISIBLE (X86_CR4_PAE | X86_CR4_MCE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT)
#define CPUID1_EDX_DE   (1u << 2)
#define CPUID1_EDX_TSC  (1u << 4)

static u64 *gpr(struct cpu_regs *regs, unsigned int n)
{
    u64 *gprs[16] = {
        &regs->rax, &regs->rcx, &regs->rdx, &regs->rbx, &regs->rsp, &regs->rbp,
        &regs->rsi, &regs->rdi, &regs->r8, &regs->r9, &regs->r10, &regs->r11,
        &regs->r12, &regs->r13, &regs->r14, &regs->r15,
    };

    return gprs[n & 15];
}

/* the CR4 bits a PV guest controls, of those the CPUID policy shows it */
static u64 cr4_guest_bits(u64 val)
{
    u32 r[4];
    u64 allowed = 0;

    pv_cpuid(1, 0, r);
    if ( xstate_guest_mask )
        allowed |= X86_CR4_OSXSAVE;     /* virtual: the real one stays set */
    if ( r[3] & CPUID1_EDX_DE )
        allowed |= X86_CR4_DE;
    if ( r[3] & CPUID1_EDX_TSC )
        allowed |= X86_CR4_TSD;
    return val & allowed;
}

void pv_load_cr4(const struct vcpu *v)
{
    u64 cr4 = read_cr4();
    u64 want = (cr4 & ~(X86_CR4_TSD | X86_CR4_DE)) | (v->cr4 & (X86_CR4_TSD | X86_CR4_DE));

    if ( want != cr4 )
        write_cr4(want);
}

static enum pv_emul read_cr(struct vcpu *v, unsigned int cr, u64 *val)
{
    switch ( cr )
    {
    case 0:
        *val = (read_cr0() & ~X86_CR0_TS) | (v->fpu_ts ? X86_CR0_TS : 0);
        return PV_EMUL_DONE;
    case 2:
        *val = v->cr2;
        return PV_EMUL_DONE;
    case 3:
        *val = v->guest_table << PAGE_SHIFT;
        return PV_EMUL_DONE;
    case 4:
        *val = v->cr4 | (read_cr4() & CR4_GUEST_VISIBLE);
        return PV_EMUL_DONE;
    default:
        return PV_EMUL_GP;
    }
}

static enum pv_emul write_cr(struct vcpu *v, unsigned int cr, u64 val)
{
    switch ( cr )
    {
    case 0:
        if ( (val ^ read_cr0()) & ~X86_CR0_TS )
            return PV_EMUL_GP;
        v->fpu_ts = val & X86_CR0_TS;
        write_cr0(v->fpu_ts ? read_cr0() | X86_CR0_TS : read_cr0() & ~X86_CR0_TS);
        return PV_EMUL_DONE;
    case 2:
        v->cr2 = val;
        v->vcpu_info->arch.cr2 = val;
        return PV_EMUL_DONE;
    case 3:
        return pv_set_baseptr(v, val >> PAGE_SHIFT, false) ? PV_EMUL_GP : PV_EMUL_DONE;
    case 4:
        v->cr4 = cr4_guest_bits(val);
        pv_load_cr4(v);
        return PV_EMUL_DONE;
    default:
        return PV_EMUL_GP;
    }
}

static enum pv_emul errno_to_emul(long rc)
{
    return !rc ? PV_EMUL_DONE : rc == -ENODEV ? PV_EMUL_UD : PV_EMUL_GP;
}

/* 0f 20-23 /r: mov between a control or debug register and a GPR; the mod
 * bits are ignored (always register operands), REX.R extends the CR/DR
 * number, REX.B the GPR */
static enum pv_emul mov_crdr(struct vcpu *v, struct cpu_regs *regs, u8 rex, u8 op, u8 modrm)
{
    unsigned int n = ((modrm >> 3) & 7) | ((rex & 4) << 1);
    u64 *reg = gpr(regs, (modrm & 7) | ((rex & 1) << 3));
    u64 val;
    enum pv_emul rc;

    switch ( op )
    {
    case 0x20:
        rc = read_cr(v, n, &val);
        break;
    case 0x22:
        return write_cr(v, n, *reg);
    case 0x21:
        rc = errno_to_emul(pv_debugreg_get(v, n, &val));
        break;
    default:
        return errno_to_emul(pv_debugreg_set(v, n, *reg));
    }
    if ( rc == PV_EMUL_DONE )
        *reg = val;
    return rc;
}

/* XSETBV: #UD unless the guest set CR4.OSXSAVE, #GP for an XCR0 the CPU
 * would refuse or the policy withholds (as Xen's emulation) */
static enum pv_emul xsetbv(struct vcpu *v, struct cpu_regs *regs)
{
    u64 val = (regs->rdx << 32) | (u32)regs->rax;

    if ( !(v->cr4 & X86_CR4_OSXSAVE) )
        return PV_EMUL_UD;
    if ( (u32)regs->rcx != 0 || !xstate_xcr0_ok(val) )
        return PV_EMUL_GP;
    v->xcr0 = val;
    xstate_set_xcr0(val);
    regs->rip += 3;
    return PV_EMUL_DONE;
}

enum pv_emul pv_emulate_priv_op(struct cpu_regs *regs)
{
    struct vcpu *v = current;
    u8 insn[4], rex = 0, *p = insn;
    enum pv_emul rc;
    u64 tsc;

    if ( copy_from_guest(insn, regs->rip, sizeof(insn)) )
        return PV_EMUL_NONE;
    if ( (*p & 0xf0) == 0x40 )
        rex = *p++;
    if ( p[0] != 0x0f )
        return PV_EMUL_NONE;
    if ( p[1] >= 0x20 && p[1] <= 0x23 )
    {
        rc = mov_crdr(v, regs, rex, p[1], p[2]);
        if ( rc == PV_EMUL_DONE )
            regs->rip += (u64)(p - insn) + 3;
        return rc;
    }
    if ( p == insn && p[1] == 0x01 && p[2] == 0xd1 )
        return xsetbv(v, regs);
    if ( p != insn || (p[1] != 0x31 && !(p[1] == 0x01 && p[2] == 0xf9)) )
        return PV_EMUL_NONE;
    tsc = rdtsc();                      /* rdtsc, rdtscp (TSC_AUX reads as 0) */
    regs->rax = (u32)tsc;
    regs->rdx = tsc >> 32;
    if ( p[1] == 0x01 )
        regs->rcx = 0;
    regs->rip += p[1] == 0x01 ? 3 : 2;
    return PV_EMUL_DONE;
}
