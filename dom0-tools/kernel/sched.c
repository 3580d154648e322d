/*
 * The run queue. One vCPU, so at most one process runs; the others are
 * runnable, sleeping or zombies. A process sleeps only inside the kernel,
 * in wait_event(), and wakes whenever anything may have changed what it
 * waits for: any event (the console, a timer, an event channel) or another
 * process's doing (a pipe written, a child gone, a signal sent) wakes every
 * sleeper, and each looks again at its own condition. That costs a few
 * needless looks and leaves no lost wake-up: the condition is tested with
 * events masked, and the switch away happens before they are unmasked.
 *
 * Switching saves the FPU/SSE state (FXSAVE), moves the kernel's view of
 * user memory and the user page tables to the next address space, points
 * the hypervisor's kernel stack (stack_switch) at the next process's own and
 * loads its FS base; then switch_context swaps kernel stacks. Processes are
 * taken round robin. The boot context is the idle loop: when nothing is
 * runnable it blocks the vCPU (SCHEDOP_block) with the one-shot timer set
 * to the nearest sleeper's deadline. A process running in user mode is
 * preempted when its 10 ms slice is over and another is runnable; in the
 * kernel it runs until it sleeps or returns.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <hv/lib.h>
#include "kernel.h"

#define SLICE_NS        10000000UL
#define FLAT_KERNEL_SS  0xe02b

static struct proc idle;        /* the boot context; never in the table */
static bool need_resched;
static uint64_t slice_end;
bool init_exited;

void events_mask(void)
{
    __atomic_store_n(&kit_vcpu_info->evtchn_upcall_mask, 1, __ATOMIC_SEQ_CST);
}

void events_unmask(void)
{
    __atomic_store_n(&kit_vcpu_info->evtchn_upcall_mask, 0, __ATOMIC_SEQ_CST);
    if ( __atomic_load_n(&kit_vcpu_info->evtchn_upcall_pending, __ATOMIC_SEQ_CST) )
        hyp_xen_version(PV_XENVER_version, 0);  /* what came while masked, delivered now */
}

void sched_init(void)
{
    current = &idle;
    __asm__ volatile ( "fninit; fxsave %0" : "=m" (idle.fpu) );
}

/* round robin: the runnable process with the next pid after the current one */
static struct proc *pick_next(void)
{
    int pid = current != &idle ? current->pid : 0;
    struct proc *after = NULL, *first = NULL;

    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
    {
        struct proc *c = proc_slot(i);

        if ( c->state != P_RUNNABLE )
            continue;
        if ( c->pid > pid && (!after || c->pid < after->pid) )
            after = c;
        if ( !first || c->pid < first->pid )
            first = c;
    }
    return after ? after : first ? first : &idle;
}

static bool others_runnable(void)
{
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( proc_slot(i) != current && proc_slot(i)->state == P_RUNNABLE )
            return true;
    return false;
}

/* the one-shot timer: the nearest sleeper's deadline, or the end of the
 * running process's slice when another is waiting for the vCPU */
static void program_timer(void)
{
    uint64_t t = 0;

    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
    {
        struct proc *c = proc_slot(i);

        if ( c->state == P_SLEEPING && c->wake_at && (!t || c->wake_at < t) )
            t = c->wake_at;
    }
    if ( current != &idle && others_runnable() && (!t || slice_end < t) )
        t = slice_end;
    if ( t )
        HC(PV_HYPERCALL_set_timer_op, t, 0, 0, 0, 0);
}

void schedule(void)
{
    struct proc *prev = current, *next = pick_next();

    need_resched = false;
    if ( next == &idle && prev->state == P_RUNNABLE )
        next = prev;                    /* the only one: it goes on */
    if ( next != prev )
    {
        __asm__ volatile ( "fxsave %0" : "=m" (prev->fpu) );
        current = next;
        if ( next != &idle )
        {
            mm_activate(next->mm);
            hyp_stack_switch(FLAT_KERNEL_SS, (unsigned long)next->kstack + KSTACK_SIZE);
            hyp_set_segment_base(PV_SEGBASE_FS, next->fs_base);
        }
        __asm__ volatile ( "fxrstor %0" :: "m" (next->fpu) );
        slice_end = kit_system_time_ns() + SLICE_NS;
        program_timer();
        switch_context(&prev->ksp, next->ksp);
    }
    else if ( current != &idle )
    {
        slice_end = kit_system_time_ns() + SLICE_NS;
        program_timer();
    }
}

void sched_wake_all(void)
{
    bool woke = false;

    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
    {
        struct proc *c = proc_slot(i);

        if ( c->state == P_SLEEPING )
        {
            c->state = P_RUNNABLE;
            woke = true;
        }
    }
    if ( woke && current != &idle )
        program_timer();                /* the running one's slice now ends */
}

void sched_event(bool timer)
{
    sched_wake_all();
    if ( timer && current != &idle && kit_system_time_ns() >= slice_end )
        need_resched = true;
    else if ( timer )
        program_timer();
}

void sched_preempt(void)
{
    if ( need_resched )
        schedule();
}

long wait_event(bool (*cond)(void *), void *arg, uint64_t deadline_ns, bool interruptible)
{
    for ( ;; )
    {
        events_mask();
        if ( cond && cond(arg) )
            break;
        if ( interruptible && signal_pending(current) )
            return events_unmask(), -EINTR;
        if ( deadline_ns && kit_system_time_ns() >= deadline_ns )
            return events_unmask(), -ETIMEDOUT;
        current->state = P_SLEEPING;
        current->wake_at = deadline_ns;
        schedule();
        events_unmask();
    }
    events_unmask();
    return 0;
}

void sched_idle(void)
{
    for ( ;; )
    {
        events_mask();
        if ( init_exited )
            break;
        if ( pick_next() != &idle )
        {
            schedule();
            events_unmask();
            continue;
        }
        program_timer();
        hyp_sched_op(PV_SCHEDOP_block, 0);      /* unmasked; the event comes on the way out */
        events_unmask();
    }
    events_unmask();
}
