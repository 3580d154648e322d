/*
 * Where the guest kernel wants to be entered: its virtual IDT
 * (set_trap_table), its event, failsafe, syscall and NMI entry points
 * (set_callbacks, callback_op), the kernel stack for traps from user mode
 * (stack_switch), and the segment bases and virtual CR0.TS it cannot set
 * itself from ring 3 (set_segment_base, fpu_taskswitch). Every address a
 * guest registers must be a guest address: the hole is refused.
 */
#include <asm/descriptors.h>
#include <asm/guest-access.h>
#include <hv/lib.h>
#include <asm/x86.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <sierra/callback.h>

long do_set_trap_table(u64 table, u64 a2, u64 a3, u64 a4, u64 a5)
{
    struct vcpu *v = current;
    struct pv_trap_info t[256];
    unsigned int n = 0;

    (void)a2; (void)a3; (void)a4; (void)a5;
    if ( !table )
    {
        memset(v->trap_ctxt, 0, sizeof(v->trap_ctxt));
        return 0;
    }
    /* read and check the whole table before installing any of it */
    for ( ; n < 256; n++ )
    {
        if ( copy_from_guest(&t[n], table + n * sizeof(t[0]), sizeof(t[0])) )
            return -EFAULT;
        if ( !t[n].address )
            break;
        if ( !guest_address_ok(t[n].address) )
            return -EPERM;
    }
    for ( unsigned int i = 0; i < n; i++ )
    {
        t[i].cs = GUEST_CS64;
        v->trap_ctxt[t[i].vector] = t[i];
    }
    return 0;
}

static long register_callback(struct vcpu *v, unsigned int type, u64 address, bool mask)
{
    if ( address && !guest_address_ok(address) )
        return -EPERM;
    switch ( type )
    {
    case PV_CALLBACKTYPE_event:
        v->event_callback = address;
        return 0;
    case PV_CALLBACKTYPE_failsafe:
        v->failsafe_callback = address;
        v->failsafe_masks_events = mask;
        return 0;
    case PV_CALLBACKTYPE_syscall:
        v->syscall_callback = address;
        v->syscall_masks_events = mask;
        return 0;
    case PV_CALLBACKTYPE_syscall32:
        v->syscall32_callback = address;
        v->syscall32_masks_events = mask;
        return 0;
    case PV_CALLBACKTYPE_sysenter:
        v->sysenter_callback = address;
        return 0;
    case PV_CALLBACKTYPE_nmi:
        v->nmi_callback = address;
        return 0;
    default:
        return -EINVAL;
    }
}

long do_set_callbacks(u64 event, u64 failsafe, u64 syscall, u64 a4, u64 a5)
{
    struct vcpu *v = current;

    (void)a4; (void)a5;
    if ( (event && !guest_address_ok(event)) || (failsafe && !guest_address_ok(failsafe)) ||
         (syscall && !guest_address_ok(syscall)) )
        return -EPERM;
    register_callback(v, PV_CALLBACKTYPE_event, event, false);
    register_callback(v, PV_CALLBACKTYPE_failsafe, failsafe, false);
    register_callback(v, PV_CALLBACKTYPE_syscall, syscall, false);
    return 0;
}

long do_callback_op(u64 cmd, u64 arg, u64 a3, u64 a4, u64 a5)
{
    (void)a3; (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_CALLBACKOP_register:
    {
        struct pv_callback_register r;

        if ( copy_from_guest(&r, arg, sizeof(r)) )
            return -EFAULT;
        return register_callback(current, r.type, r.address, r.flags & PV_CALLBACKF_mask_events);
    }
    case PV_CALLBACKOP_unregister:
    {
        struct pv_callback_unregister u;

        if ( copy_from_guest(&u, arg, sizeof(u)) )
            return -EFAULT;
        /* the event and failsafe callbacks cannot go away (as Xen) */
        if ( u.type == PV_CALLBACKTYPE_event || u.type == PV_CALLBACKTYPE_failsafe )
            return -EINVAL;
        return register_callback(current, u.type, 0, false);
    }
    default:
        return -ENOSYS;
    }
}

long do_stack_switch(u64 ss, u64 sp, u64 a3, u64 a4, u64 a5)
{
    (void)a3; (void)a4; (void)a5;
    current->kernel_ss = ss | 3;    /* the guest kernel runs in ring 3 (as Xen fixes up) */
    current->kernel_sp = sp;
    return 0;
}

long do_set_segment_base(u64 which, u64 base, u64 a3, u64 a4, u64 a5)
{
    struct vcpu *v = current;
    bool canonical = is_canonical(base);

    (void)a3; (void)a4; (void)a5;
    switch ( which )
    {
    case PV_SEGBASE_FS:
        if ( !canonical )
            return -EINVAL;
        wrmsr(MSR_FS_BASE, base);
        v->fs_base = base;
        return 0;
    case PV_SEGBASE_GS_USER:
        if ( !canonical )
            return -EINVAL;
        wrmsr(MSR_SHADOW_GS_BASE, base);
        v->gs_base_user = base;
        return 0;
    case PV_SEGBASE_GS_KERNEL:
        if ( !canonical )
            return -EINVAL;
        wrmsr(MSR_GS_BASE, base);
        v->gs_base_kernel = base;
        return 0;
    case PV_SEGBASE_GS_USER_SEL:
    {
        /* load the user %gs selector without losing the kernel GS base */
        u64 kernel_base = rdmsr(MSR_GS_BASE);
        u16 sel = (u16)base;

        if ( sel && ((sel & 3) != 3 || sel > GUEST_CS64 || (sel < GDT_FIRST_RESERVED && sel)) )
            sel = 0;            /* no guest GDT/LDT yet: only the flat selectors load */
        asm volatile("mov %0, %%gs" :: "r"(sel));
        v->gs_base_user = rdmsr(MSR_GS_BASE);
        wrmsr(MSR_SHADOW_GS_BASE, v->gs_base_user);
        wrmsr(MSR_GS_BASE, kernel_base);
        return 0;
    }
    default:
        return -EINVAL;
    }
}

long do_fpu_taskswitch(u64 set, u64 a2, u64 a3, u64 a4, u64 a5)
{
    (void)a2; (void)a3; (void)a4; (void)a5;
    current->fpu_ts = set != 0;
    write_cr0(set ? read_cr0() | X86_CR0_TS : read_cr0() & ~X86_CR0_TS);
    return 0;
}
