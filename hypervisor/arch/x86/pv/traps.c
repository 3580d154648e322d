/*
 * Exceptions and system calls from PV guests, and bouncing them to the guest
 * kernel. A guest kernel registers a virtual IDT (set_trap_table); when its
 * code faults, the hypervisor builds on the guest kernel stack the frame Xen
 * builds (low to high: RCX, R11, [error code], RIP, CS | upcall_mask << 32,
 * RFLAGS, RSP, SS; 16-byte aligned) and resumes at the handler. From guest
 * user mode it first switches to kernel mode, tables and stack. A frame that
 * cannot be written, or an exception with no handler, crashes the domain -
 * never the hypervisor.
 */
#include <asm/guest-access.h>
#include <asm/pv/debugreg.h>
#include <asm/pv/ioport.h>
#include <asm/pv/mm.h>
#include <asm/pv/traps.h>
#include <asm/descriptors.h>
#include <asm/traps.h>
#include <asm/x86.h>
#include <asm/xstate.h>
#include <hv/lib.h>
#include <hv/printk.h>
#include <hv/sched.h>
#include <sierra/mmu.h>

extern u64 pv_stack_top;

struct cpu_regs *guest_regs(void)
{
    return (struct cpu_regs *)(pv_stack_top - sizeof(struct cpu_regs));
}

/* Deliver to handler on the guest kernel stack; false if it cannot be done. */
static bool bounce(struct cpu_regs *regs, u64 handler, bool has_error, u64 error,
                   bool mask_events)
{
    struct vcpu *v = current;
    u8 *mask = &v->vcpu_info->evtchn_upcall_mask;
    bool from_user = !v->kernel_mode;
    u64 frame[8], *p = frame, rsp;

    if ( !handler )
        return false;
    *p++ = regs->rcx;
    *p++ = regs->r11;
    if ( has_error )
        *p++ = error;
    *p++ = regs->rip;
    *p++ = (from_user ? regs->cs : regs->cs & ~3UL) | ((u64)*mask << 32);
    *p++ = (regs->rflags & ~X86_EFLAGS_IF) | (*mask ? 0 : X86_EFLAGS_IF) |
           (v->domain->vm_assist & (1UL << PV_VMASST_TYPE_architectural_iopl) ?
            (u64)v->iopl << 12 : 0);
    *p++ = regs->rsp;
    *p++ = regs->ss;
    if ( from_user )
    {
        pv_toggle_mode(v);
        rsp = v->kernel_sp;
    }
    else
        rsp = regs->rsp;
    rsp = (rsp & ~0xfUL) - (u64)(p - frame) * sizeof(u64);
    if ( copy_to_guest(rsp, frame, (u64)(p - frame) * sizeof(u64)) )
        return false;
    regs->rsp = rsp;
    regs->rip = handler;
    regs->cs = GUEST_CS64;
    regs->ss = GUEST_DS;
    regs->rflags &= ~(X86_EFLAGS_AC | X86_EFLAGS_VM | X86_EFLAGS_RF | X86_EFLAGS_NT |
                      X86_EFLAGS_TF);
    if ( mask_events )
        *mask = 1;
    return true;
}

static void pv_handle_exception(struct cpu_regs *regs);

#define PFEC_USER (1u << 2)

static bool has_error_code(unsigned int vector)
{
    return vector == 8 || (vector >= 10 && vector <= 14) || vector == 17;
}

/* what a crashed guest's stack held, as Xen prints it: the words from RSP up
 * (return addresses among them, to look up in the kernel's symbols) */
static void show_guest_stack(const struct cpu_regs *regs)
{
    u64 words[8];

    pr_err("d%u: rsp %#lx%s\n", current->domain->id, (unsigned long)regs->rsp,
           copy_from_guest(words, regs->rsp, sizeof(words)) ? " (unreadable)" : ":");
    if ( !copy_from_guest(words, regs->rsp, sizeof(words)) )
        for ( unsigned int i = 0; i < 8; i += 4 )
            pr_err("d%u:   %016lx %016lx %016lx %016lx\n", current->domain->id,
                   (unsigned long)words[i], (unsigned long)words[i + 1],
                   (unsigned long)words[i + 2], (unsigned long)words[i + 3]);
}

void pv_inject(struct cpu_regs *regs, unsigned int vector, bool has_error, u64 error)
{
    const struct pv_trap_info *ti = &current->trap_ctxt[vector];

    if ( !bounce(regs, ti->address, has_error, error, ti->flags & PV_TI_IF) )
    {
        pr_err("d%u: exception %u (error %#lx) at %p with no usable handler\n",
               current->domain->id, vector, (unsigned long)error, (void *)regs->rip);
        show_guest_stack(regs);
        domain_crash(current->domain, "unhandled exception");
    }
}

/* `int n` from the guest raises #GP (the IDT gates are DPL 0): deliver n if the
 * guest's virtual IDT allows the current guest ring to raise it. */
static bool software_interrupt(struct cpu_regs *regs)
{
    u8 insn[2];
    unsigned int n;

    if ( !(regs->error_code & 2) )
        return false;
    n = (regs->error_code >> 3) & 0xff;
    /* QEMU TCG reports n * 16 + 2: trust the instruction bytes when they say `int n` */
    if ( !copy_from_guest(insn, regs->rip, sizeof(insn)) && insn[0] == 0xcd )
        n = insn[1];
    if ( current->trap_ctxt[n].address &&
         (current->trap_ctxt[n].flags & PV_TI_DPL_MASK) >= (current->kernel_mode ? 1 : 3) )
    {
        regs->rip += 2;
        pv_inject(regs, n, false, 0);
    }
    else
        pv_inject(regs, X86_EXC_GP, true, (n << 3) | 2);
    return true;
}

/*
 * The scheduler first: the vCPU that returns may not be the one that
 * entered (it blocked, yielded, its slice ended, its domain shut down).
 * Then events: if the vCPU has an upcall pending and events unmasked, the
 * guest resumes in its event callback instead (with a frame to return to
 * where it was). Then, whatever the frame says is what IRETQ will load: only the guest
 * selectors, never IOPL/NT/VM, interrupts always on for real (the guest's
 * virtual IF is its upcall mask), and a canonical RIP and RSP (IRETQ to a
 * non-canonical one would fault in the hypervisor). A check that crashes
 * the domain sends the CPU back to the scheduler for another vCPU.
 */
void pv_exit_checks(struct cpu_regs *regs)
{
    do
    {
        struct vcpu *v;
        struct pv_vcpu_info *vi;

        sched_exit(regs);
        v = current;
        vi = v->vcpu_info;
        /* pending events and events enabled: enter the event callback, masked */
        if ( __atomic_load_n(&vi->evtchn_upcall_pending, __ATOMIC_SEQ_CST) &&
             !vi->evtchn_upcall_mask && v->event_callback &&
             !bounce(regs, v->event_callback, false, 0, true) )
            domain_crash(v->domain, "event callback frame unwritable");
        /* a non-canonical RIP (a hypercall ending at the top of the lower
         * half, XSA-7's shape): the guest takes the #GP(0) its fetch there
         * would raise, as Xen gives it; a non-canonical RSP has no frame */
        if ( !is_canonical(regs->rsp) )
            domain_crash(v->domain, "return to a non-canonical stack");
        else if ( !is_canonical(regs->rip) )
            pv_inject(regs, X86_EXC_GP, true, 0);
        if ( regs->cs != GUEST_CS64 && regs->cs != GUEST_CS32 )
            regs->cs = GUEST_CS64;
        regs->ss = GUEST_DS;
        regs->rflags = (regs->rflags & ~(X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_VM)) |
                       X86_EFLAGS_IF;
    } while ( sched_need_resched );     /* a crash above: another vCPU's turn */
}

void pv_do_exception(struct cpu_regs *regs)
{
    pv_handle_exception(regs);
    pv_exit_checks(regs);
}

static void pv_handle_exception(struct cpu_regs *regs)
{
    unsigned int vector = regs->vector;

    switch ( vector )
    {
    case X86_EXC_NMI:
        return;
    case X86_EXC_PF:
        if ( pv_ptwr_emulate(regs, read_cr2()) )
            return;             /* a write to its own L1 table, emulated */
        current->cr2 = read_cr2();
        current->vcpu_info->arch.cr2 = current->cr2;
        /* the guest kernel is "supervisor" to itself, though it runs in ring 3 */
        if ( current->kernel_mode )
            regs->error_code &= ~PFEC_USER;
        break;
    case X86_EXC_UD:
        if ( pv_emulate_forced(regs) )
            return;
        break;
    case X86_EXC_NM:
        /* the guest's virtual CR0.TS: as Xen, delivering #NM clears it (the
         * kernel's handler would clts), so the instruction then runs */
        current->fpu_ts = false;
        clts();
        break;
    case X86_EXC_GP:
        if ( software_interrupt(regs) )
            return;
        if ( !regs->error_code && pv_emulate_io(regs) )
            return;
        if ( !regs->error_code && current->kernel_mode )
        {
            enum pv_emul rc = pv_emulate_priv_op(regs);

            if ( rc == PV_EMUL_DONE || (rc == PV_EMUL_NONE && pv_emulate_msr(regs)) )
                return;
            if ( rc == PV_EMUL_UD )
            {
                pv_inject(regs, X86_EXC_UD, false, 0);
                return;
            }
        }
        break;
    case X86_EXC_DB:
        pv_debugreg_trap(current, true);
        break;
    default:
        break;
    }
    pv_inject(regs, vector, has_error_code(vector), regs->error_code);
}

struct cpu_regs *pv_do_syscall(struct cpu_regs *regs)
{
    struct vcpu *v = current;

    if ( v->kernel_mode )
        regs->rax = (u64)pv_do_hypercall(regs);
    else if ( !bounce(regs, v->syscall_callback, false, 0, v->syscall_masks_events) )
        pv_inject(regs, X86_EXC_UD, false, 0);
    pv_exit_checks(regs);
    return regs;
}

/* SYSCALL from a 32-bit code segment (0xe023) of a 64-bit guest, kernel or
 * user: never a hypercall; as Xen, it goes to the syscall32 callback, or
 * the syscall callback if there is none (#UD with neither) */
struct cpu_regs *pv_do_syscall32(struct cpu_regs *regs)
{
    struct vcpu *v = current;
    bool compat = v->syscall32_callback != 0;

    if ( !bounce(regs, compat ? v->syscall32_callback : v->syscall_callback, false, 0,
                 compat ? v->syscall32_masks_events : v->syscall_masks_events) )
        pv_inject(regs, X86_EXC_UD, false, 0);
    pv_exit_checks(regs);
    return regs;
}

/* Start a vCPU in guest kernel mode at rip with rsp, rsi (start of day). */
void pv_start_vcpu(struct vcpu *v, u64 rip, u64 rsp, u64 rsi)
{
    struct cpu_regs *regs = guest_regs();

    v->initialised = true;
    v->down = false;
    sched_start(v);
    memset(regs, 0, sizeof(*regs));
    regs->rip = rip;
    regs->rsp = rsp;
    regs->rsi = rsi;
    regs->cs = GUEST_CS64;
    regs->ss = GUEST_DS;
    regs->rflags = X86_EFLAGS_IF | 2;
    pv_load_cr3(v);
    asm volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%fs; mov %0, %%gs" :: "r"(0));
    wrmsr(MSR_GS_BASE, 0);
    wrmsr(MSR_SHADOW_GS_BASE, 0);
    wrmsr(MSR_FS_BASE, 0);
    clts();
    xstate_load(v->saved.fpu, v->xcr0);     /* the FPU as after reset */
    pv_return_to_guest(regs);
}
