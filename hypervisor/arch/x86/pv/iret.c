/*
 * The iret hypercall: how a 64-bit PV kernel returns from an exception,
 * event or system call (it cannot IRET to ring 3 itself with the right page
 * tables). The hypercall-page stub pushed RAX, R11, RCX above the guest's
 * IRET frame; the whole pv_iret_context is read once, then applied: back to
 * user mode (and user tables) when the target CS is a user selector, the
 * event mask from the frame's IF (and, with VMASST architectural_iopl, the
 * virtual IOPL from its IOPL field). The real IF stays on; exit checks in
 * pv/traps.c sanitize the rest.
 */
#include <asm/guest-access.h>
#include <asm/pv/mm.h>
#include <asm/pv/traps.h>
#include <asm/x86.h>
#include <hv/hypercall.h>
#include <sierra/mmu.h>

long do_iret(u64 a1, u64 a2, u64 a3, u64 a4, u64 a5)
{
    struct cpu_regs *regs = guest_regs();
    struct vcpu *v = current;
    struct pv_iret_context f;

    (void)a1; (void)a2; (void)a3; (void)a4; (void)a5;
    if ( copy_from_guest(&f, regs->rsp, sizeof(f)) )
    {
        domain_crash(v->domain, "iret frame unreadable");
        return -EFAULT;
    }
    if ( (f.cs & 3) == 3 && v->kernel_mode )
    {
        if ( !v->guest_table_user )
        {
            domain_crash(v->domain, "iret to user mode without user page tables");
            return -EINVAL;
        }
        pv_toggle_mode(v);
    }
    regs->rip = f.rip;
    regs->cs = f.cs | 3;
    regs->rflags = f.rflags;
    regs->rsp = f.rsp;
    regs->ss = f.ss | 3;
    if ( !(f.flags & PV_VGCF_in_syscall) )
    {
        regs->r11 = f.r11;
        regs->rcx = f.rcx;
    }
    v->vcpu_info->evtchn_upcall_mask = !(f.rflags & X86_EFLAGS_IF);
    if ( v->domain->vm_assist & (1UL << PV_VMASST_TYPE_architectural_iopl) )
        v->iopl = (f.rflags >> 12) & 3;     /* the frame's IOPL is the vCPU's */
    return (long)f.rax;     /* the SYSCALL path stores this in RAX */
}
