/*
 * Giving a vCPU its whole state at once (VCPUOP_initialise for a guest's
 * secondary vCPUs, domctl setvcpucontext for a builder): registers, page
 * tables, GDT and LDT, virtual IDT, callbacks, kernel stack, segment bases,
 * FPU, debug registers, the virtual IOPL (EFLAGS.IOPL of the context).
 * The context is guest input: it is copied once, every address checked
 * (canonical, outside the hypervisor hole), and only then are references
 * taken on the page tables and GDT frames - each undone if a later one
 * fails - so a refused context leaves the vCPU exactly as it was. A vCPU
 * takes a context once; it stays down unless the context says VGCF_online.
 */
#include <asm/descriptors.h>
#include <asm/guest-access.h>
#include <asm/pv/context.h>
#include <asm/pv/debugreg.h>
#include <asm/pv/descriptors.h>
#include <asm/pv/mm.h>
#include <asm/pv/vcpu-context.h>
#include <asm/x86.h>
#include <hv/lib.h>
#include <asm/xstate.h>
#include <hv/vtime.h>

static bool addresses_ok(const struct pv_vcpu_guest_context *c)
{
    const u64 addrs[] = {
        c->user_regs.rip, c->user_regs.rsp, c->kernel_sp, c->fs_base, c->gs_base_kernel,
        c->gs_base_user, c->event_callback_eip, c->failsafe_callback_eip,
        c->syscall_callback_eip,
    };

    for ( unsigned int i = 0; i < ARRAY_SIZE(addrs); i++ )
        if ( addrs[i] && !guest_address_ok(addrs[i]) )
            return false;
    for ( unsigned int i = 0; i < ARRAY_SIZE(c->trap_ctxt); i++ )
        if ( c->trap_ctxt[i].address && !guest_address_ok(c->trap_ctxt[i].address) )
            return false;
    return true;
}

static long check(const struct pv_vcpu_guest_context *c)
{
    if ( !addresses_ok(c) || !pv_debugreg_context_ok((const u64 *)c->debugreg) )
        return -EINVAL;
    if ( c->ldt_ents && ((c->ldt_base & (PAGE_SIZE - 1)) || c->ldt_ents > 8192 ||
                         !guest_range_ok(c->ldt_base, c->ldt_ents * 8)) )
        return -EINVAL;         /* as MMUEXT_SET_LDT checks it */
    if ( c->gdt_ents > PV_FIRST_RESERVED_GDT_ENTRY )
        return -EINVAL;
    if ( !(c->flags & PV_VGCF_in_kernel) && !c->ctrlreg[1] )
        return -EINVAL;         /* user mode needs user tables */
    if ( (c->flags & PV_VGCF_i387_valid) && !pv_fpu_state_ok((const u8 *)c->fpu_ctxt.x) )
        return -EINVAL;
    return 0;
}

/* page tables, GDT and LDT: references taken, or none */
static long take_references(struct vcpu *v, const struct pv_vcpu_guest_context *c)
{
    pfn_t gdt[PV_GDT_MAX_FRAMES];
    long rc;

    for ( unsigned int i = 0; i < PV_GDT_MAX_FRAMES; i++ )
        gdt[i] = c->gdt_frames[i];
    rc = pv_set_baseptr(v, c->ctrlreg[3] >> PAGE_SHIFT, false);
    if ( rc )
        return rc;
    if ( c->ctrlreg[1] )
        rc = pv_set_baseptr(v, c->ctrlreg[1] >> PAGE_SHIFT, true);
    if ( !rc )
        rc = pv_set_gdt(v, gdt, c->gdt_ents);
    if ( !rc && c->ldt_ents && (rc = pv_set_ldt(v, c->ldt_base, c->ldt_ents)) )
        pv_vcpu_release_gdt(v);
    if ( rc )
        pv_vcpu_release_tables(v);
    return rc;
}

static void load_registers(struct vcpu *v, const struct pv_vcpu_guest_context *c)
{
    const struct pv_cpu_user_regs *u = &c->user_regs;
    struct vcpu_saved *s = &v->saved;
    struct cpu_regs *r = &s->regs;

    memset(r, 0, sizeof(*r));
    r->r15 = u->r15; r->r14 = u->r14; r->r13 = u->r13; r->r12 = u->r12;
    r->rbp = u->rbp; r->rbx = u->rbx; r->r11 = u->r11; r->r10 = u->r10;
    r->r9 = u->r9; r->r8 = u->r8; r->rax = u->rax; r->rcx = u->rcx;
    r->rdx = u->rdx; r->rsi = u->rsi; r->rdi = u->rdi;
    r->rip = u->rip;
    r->rsp = u->rsp;
    /* as Xen: the IOPL field is the vCPU's virtual IOPL (Linux gives its
     * secondary vCPUs IOPL 1 this way, not with physdev set_iopl) */
    v->iopl = (u->rflags >> 12) & 3;
    r->rflags = u->rflags & ~X86_EFLAGS_IOPL;
    r->cs = u->cs == GUEST_CS32 ? GUEST_CS32 : GUEST_CS64;
    r->ss = GUEST_DS;
    s->ds = u->ds;
    s->es = u->es;
    s->fs = u->fs;
    s->gs = u->gs;
    /* the inactive GS base waits in SHADOW_GS_BASE, as after SWAPGS */
    s->fs_base = c->fs_base;
    s->gs_base = v->kernel_mode ? c->gs_base_kernel : c->gs_base_user;
    s->shadow_gs_base = v->kernel_mode ? c->gs_base_user : c->gs_base_kernel;
    if ( c->flags & PV_VGCF_i387_valid )
        xstate_from_fxsave(s->fpu, (const u8 *)c->fpu_ctxt.x);
    else
        pv_vcpu_init_state(v);
}

long pv_vcpu_set_context(struct vcpu *v, const struct pv_vcpu_guest_context *c)
{
    long rc;

    if ( v->initialised )
        return -EEXIST;
    rc = check(c);
    if ( !rc )
        rc = take_references(v, c);
    if ( rc )
        return rc;
    /* as Xen: entry i is vector i's (unlike set_trap_table's list) */
    for ( unsigned int i = 0; i < ARRAY_SIZE(c->trap_ctxt); i++ )
    {
        v->trap_ctxt[i] = c->trap_ctxt[i];
        v->trap_ctxt[i].cs = GUEST_CS64;
    }
    v->kernel_mode = c->flags & PV_VGCF_in_kernel;
    v->event_callback = c->event_callback_eip;
    v->failsafe_callback = c->failsafe_callback_eip;
    v->syscall_callback = c->syscall_callback_eip;
    v->failsafe_masks_events = c->flags & PV_VGCF_failsafe_disables_events;
    v->syscall_masks_events = c->flags & PV_VGCF_syscall_disables_events;
    v->kernel_ss = c->kernel_ss | 3;
    v->kernel_sp = c->kernel_sp;
    v->fs_base = c->fs_base;
    v->gs_base_kernel = c->gs_base_kernel;
    v->gs_base_user = c->gs_base_user;
    load_registers(v, c);
    pv_debugreg_set_context(v, (const u64 *)c->debugreg);
    v->initialised = true;
    v->down = !(c->flags & PV_VGCF_online);
    vtime_start_vcpu(v);
    return 0;
}

/* The context of a vCPU that is not running (domctl getvcpucontext), in the
 * layout set_context takes, so that it can be given back. */
void pv_vcpu_get_context(const struct vcpu *v, struct pv_vcpu_guest_context *c)
{
    const struct vcpu_saved *s = &v->saved;
    const struct cpu_regs *r = &s->regs;
    struct pv_cpu_user_regs *u = &c->user_regs;

    memset(c, 0, sizeof(*c));
    xstate_to_fxsave(s->fpu, (u8 *)c->fpu_ctxt.x);
    c->flags = PV_VGCF_i387_valid | (v->kernel_mode ? PV_VGCF_in_kernel : 0) |
               (v->down ? 0 : PV_VGCF_online) |
               (v->failsafe_masks_events ? PV_VGCF_failsafe_disables_events : 0) |
               (v->syscall_masks_events ? PV_VGCF_syscall_disables_events : 0);
    u->r15 = r->r15; u->r14 = r->r14; u->r13 = r->r13; u->r12 = r->r12;
    u->rbp = r->rbp; u->rbx = r->rbx; u->r11 = r->r11; u->r10 = r->r10;
    u->r9 = r->r9; u->r8 = r->r8; u->rax = r->rax; u->rcx = r->rcx;
    u->rdx = r->rdx; u->rsi = r->rsi; u->rdi = r->rdi;
    u->rip = r->rip;
    u->rsp = r->rsp;
    u->rflags = (r->rflags & ~X86_EFLAGS_IOPL) | ((u64)v->iopl << 12);
    u->cs = (uint16_t)r->cs;
    u->ss = (uint16_t)r->ss;
    u->ds = s->ds;
    u->es = s->es;
    u->fs = s->fs;
    u->gs = s->gs;
    memcpy(c->trap_ctxt, v->trap_ctxt, sizeof(c->trap_ctxt));
    c->ldt_base = v->ldt_base;
    c->ldt_ents = v->ldt_ents;
    for ( unsigned int i = 0; i < v->gdt_nr_frames; i++ )
        c->gdt_frames[i] = v->gdt_frames[i];
    c->gdt_ents = v->gdt_ents;
    c->kernel_ss = v->kernel_ss;
    c->kernel_sp = v->kernel_sp;
    c->ctrlreg[0] = v->fpu_ts ? X86_CR0_TS : 0;
    c->ctrlreg[1] = v->guest_table_user << PAGE_SHIFT;
    c->ctrlreg[2] = v->cr2;
    c->ctrlreg[3] = v->guest_table << PAGE_SHIFT;
    c->ctrlreg[4] = v->cr4;
    for ( unsigned int i = 0; i < 4; i++ )
        c->debugreg[i] = v->dr[i];
    c->debugreg[6] = v->dr6;
    c->debugreg[7] = v->dr7 | v->dr7_emul;
    c->event_callback_eip = v->event_callback;
    c->failsafe_callback_eip = v->failsafe_callback;
    c->syscall_callback_eip = v->syscall_callback;
    c->fs_base = s->fs_base;
    c->gs_base_kernel = v->kernel_mode ? s->gs_base : s->shadow_gs_base;
    c->gs_base_user = v->kernel_mode ? s->shadow_gs_base : s->gs_base;
}
