/*
 * The scheduler: which vCPU the (one) physical CPU runs. A vCPU is runnable
 * when it has a context, is up, is not blocked, and its domain is running
 * and not paused. The choice is round robin over every runnable vCPU with a
 * 10 ms time slice; with nothing runnable the CPU idles until an interrupt
 * makes something runnable.
 *
 * Switching happens only on the way back to a guest (pv_exit_checks calls
 * sched_exit), never inside a hypercall: a hypercall that blocks or yields
 * marks the vCPU and asks for a reschedule, finishes with its return value in
 * the vCPU's own frame, and the switch happens after. So no hypervisor code
 * ever has to be resumed on another vCPU's behalf.
 */
#ifndef HV_SCHED_H
#define HV_SCHED_H

#include <asm/regs.h>
#include <hv/domain.h>

/* has a context, is up, not blocked; its domain runs and is not paused */
static inline bool vcpu_runnable(const struct vcpu *v)
{
    const struct domain *d = v->domain;

    return v->initialised && !v->down && !v->blocked && d->state == DOMAIN_RUNNING && !d->paused;
}

/* the physical CPUs vCPUs run on: the boot CPU */
#define SCHED_CPUS_MASK 1UL

void vcpu_wake(struct vcpu *v);         /* an event is pending for v: unblock it */
void sched_request(void);               /* reschedule on the way out */
void sched_block(struct vcpu *v);       /* SCHEDOP_block for current */
/* SCHEDOP_poll for current (ports already checked not pending): block until
 * port (0: any port of the domain) is pending, an upcall, or the deadline */
void sched_poll(struct vcpu *v, u32 port, s_time_t deadline);
void sched_start(struct vcpu *v);       /* the first vCPU the CPU runs */

/*
 * Set by everything that may take current off the CPU or give another vCPU
 * a claim to it: block, poll, yield, down, pause, shutdown (and so a crash),
 * a wake-up, the slice timer. So the exit path tests one flag.
 */
extern bool sched_need_resched;
void sched_switch(struct cpu_regs *frame);

/* On the way back to a guest: if current should give up the CPU, switch
 * (frame holds current's registers, then the next vCPU's). Inline: every
 * exit to a guest passes here, and almost always stays. */
static inline void sched_exit(struct cpu_regs *frame)
{
    if ( __builtin_expect(sched_need_resched, 0) )
        sched_switch(frame);
}

/* provided by the architecture (pv/context-switch.c) */
void pv_context_switch(struct vcpu *prev, struct vcpu *next, struct cpu_regs *frame);

#endif
