/*
 * Switching the CPU from one PV vCPU to another (hv/sched.h calls it on the
 * way back to a guest). The hypervisor never uses the FPU or SSE registers
 * (-mgeneral-regs-only), so the guest's FPU state is simply whatever the CPU
 * holds: saved with XSAVE (FXSAVE without it: asm/xstate.h) on the way out,
 * restored with the vCPU's XCR0 on the way in (with
 * CR0.TS clear around both, then set again as the entering guest wants it).
 * Data selectors are reloaded with a fault fixup: a selector the guest left
 * that no longer loads becomes null, as on Xen, rather than faulting here.
 * Selector loads clobber the FS/GS bases, so the base MSRs go last. The
 * debug registers and the guest's CR4 bits (TSD, DE) follow the vCPU.
 */
#include <asm/extable.h>
#include <asm/pv/context.h>
#include <asm/pv/debugreg.h>
#include <asm/pv/descriptors.h>
#include <asm/pv/mm.h>
#include <asm/pv/traps.h>
#include <asm/x86.h>
#include <asm/xstate.h>
#include <hv/lib.h>
#include <hv/sched.h>

#define FXSAVE_MXCSR    24
#define FXSAVE_MXCSR_MASK 28

static u32 mxcsr_mask;

/*
 * The control-register state guests run under, as Xen's (a guest reads CR0
 * and part of CR4): CR0.MP and NE (WAIT traps under TS, x87 errors are #MF),
 * CR0.AM (EFLAGS.AC works for ring-3 code), CR4.MCE, FXSAVE/SSE enabled.
 */
void pv_context_init(void)
{
    static u8 probe[512] __aligned(16);

    write_cr0(read_cr0() | X86_CR0_MP | X86_CR0_NE | X86_CR0_AM);
    write_cr4(read_cr4() | X86_CR4_MCE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
    clts();
    memset(probe, 0, sizeof(probe));
    fxsave(probe);
    memcpy(&mxcsr_mask, probe + FXSAVE_MXCSR_MASK, sizeof(mxcsr_mask));
    if ( !mxcsr_mask )
        mxcsr_mask = 0xffbf;    /* the architectural default */
    xstate_init();
}

void pv_vcpu_init_state(struct vcpu *v)
{
    xstate_init_area(v->saved.fpu);
    v->xcr0 = XSTATE_X87 | XSTATE_SSE;
}

bool pv_fpu_state_ok(const u8 image[512])
{
    u32 mxcsr;

    memcpy(&mxcsr, image + FXSAVE_MXCSR, sizeof(mxcsr));
    return !(mxcsr & ~mxcsr_mask);
}

/* mov sel, %seg, or the null selector if sel does not load */
#define LOAD_SEG(seg, sel) \
    asm volatile("1: mov %k0, %%" #seg "\n"                     \
                 "   jmp 3f\n"                                  \
                 "2: xor %k0, %k0\n"                            \
                 "   mov %k0, %%" #seg "\n"                     \
                 "3:\n" ASM_EXTABLE(1b, 2b) :: "r"((u32)(sel)))

#define SAVE_SEG(seg, dst) asm volatile("mov %%" #seg ", %k0" : "=r"(dst))

static void save(struct vcpu *v, const struct cpu_regs *frame)
{
    struct vcpu_saved *s = &v->saved;
    u32 sel;

    s->regs = *frame;
    SAVE_SEG(ds, sel); s->ds = (u16)sel;
    SAVE_SEG(es, sel); s->es = (u16)sel;
    SAVE_SEG(fs, sel); s->fs = (u16)sel;
    SAVE_SEG(gs, sel); s->gs = (u16)sel;
    s->fs_base = rdmsr(MSR_FS_BASE);
    s->gs_base = rdmsr(MSR_GS_BASE);
    s->shadow_gs_base = rdmsr(MSR_SHADOW_GS_BASE);
    clts();
    xstate_save(s->fpu, v->xcr0);
}

static void load(struct vcpu *v, struct cpu_regs *frame)
{
    const struct vcpu_saved *s = &v->saved;

    *frame = s->regs;
    pv_load_cr3(v);
    pv_load_gdt(v);             /* before selectors that may point into them */
    pv_load_ldt(v);
    LOAD_SEG(ds, s->ds);
    LOAD_SEG(es, s->es);
    LOAD_SEG(fs, s->fs);
    LOAD_SEG(gs, s->gs);
    wrmsr(MSR_FS_BASE, s->fs_base);
    wrmsr(MSR_GS_BASE, s->gs_base);
    wrmsr(MSR_SHADOW_GS_BASE, s->shadow_gs_base);
    clts();
    xstate_load(s->fpu, v->xcr0);
    if ( v->fpu_ts )
        write_cr0(read_cr0() | X86_CR0_TS);
}

void pv_context_switch(struct vcpu *prev, struct vcpu *next, struct cpu_regs *frame)
{
    if ( prev )
        save(prev, frame);
    pv_debugreg_switch(prev, next);
    current = next;
    load(next, frame);
    pv_load_cr4(next);
}
