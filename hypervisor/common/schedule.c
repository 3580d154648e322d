/*
 * Scheduling of vCPUs on the one physical CPU (hv/sched.h): round robin
 * weighted by credit. The order is fixed (domain id, then vCPU id) and the
 * search for the next vCPU starts just after the current one; the first
 * runnable vCPU whose domain is UNDER its share (common/credit.c) wins, else
 * the first that is OVER; a domain parked by its cap waits for the next
 * accounting period even if the CPU idles. Each switch charges the vCPU
 * leaving the CPU for the time it ran; the balances are refilled when a
 * 30 ms period has passed. A 10 ms slice timer asks for a reschedule;
 * blocking, yielding, pausing and shutting down ask at once. Idle is a halt
 * with interrupts on, in which timers fire and events wake vCPUs.
 */
#include <asm/irq.h>
#include <hv/credit.h>
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/runstate.h>
#include <hv/sched.h>
#include <hv/timer.h>

#define SLICE_NS    10000000        /* 10 ms */

bool sched_need_resched;
static struct timer slice_timer;
static s_time_t run_start;          /* when current got the CPU */
static s_time_t period_end;         /* of the accounting period */

void sched_request(void)
{
    sched_need_resched = true;
}

void vcpu_wake(struct vcpu *v)
{
    if ( !v->blocked )
        return;
    v->blocked = false;
    if ( v->polling )
    {
        v->polling = false;
        timer_stop(&v->poll_timer);
    }
    runstate_change(v, PV_RUNSTATE_runnable);
    sched_request();            /* it may deserve the CPU before the slice ends */
}

void sched_block(struct vcpu *v)
{
    v->blocked = true;
    runstate_change(v, PV_RUNSTATE_blocked);
    sched_request();
}

static void poll_timeout(struct timer *t)
{
    vcpu_wake(container_of(t, struct vcpu, poll_timer));
}

void sched_poll(struct vcpu *v, u32 port, s_time_t deadline)
{
    v->polling = true;
    v->poll_port = port;
    if ( deadline )
    {
        v->poll_timer.fn = poll_timeout;
        timer_set(&v->poll_timer, deadline);    /* past: fires at once */
    }
    sched_block(v);
}

void sched_port_pending(struct domain *d, u32 port)
{
    for ( unsigned int i = 0; i < d->nr_vcpus; i++ )
    {
        struct vcpu *v = d->vcpu[i];

        if ( v->polling && (!v->poll_port || v->poll_port == port) )
            vcpu_wake(v);
    }
}

static void slice_over(struct timer *t)
{
    (void)t;
    sched_request();
}

static bool domain_can_run(const struct domain *d)
{
    for ( unsigned int i = 0; i < d->nr_vcpus; i++ )
        if ( vcpu_runnable(d->vcpu[i]) )
            return true;
    return false;
}

/* a new accounting period once the old one is over */
static void account(s_time_t now)
{
    struct credit *c[MAX_DOMAINS];
    bool active[MAX_DOMAINS];
    unsigned int n = 0;

    if ( now < period_end )
        return;
    for ( struct domain *d = domain_next(0); d; d = domain_next(d->id + 1) )
    {
        c[n] = &d->credit;
        active[n++] = domain_can_run(d) || (current && current->domain == d);
    }
    credit_refill(c, active, n);
    period_end = now + CREDIT_PERIOD_NS;
}

/* the first runnable vCPU after `after` in (domain, vCPU) order, wrapping
 * round to `after` itself last, of the best credit class; NULL if none may
 * run (*parked: some could, but their caps hold them) */
static struct vcpu *pick_next(const struct vcpu *after, bool *parked)
{
    unsigned int start_dom = after ? after->domain->id : 0;
    unsigned int start_vcpu = after ? after->id + 1 : 0;
    struct vcpu *best = NULL;
    enum credit_class best_class = CREDIT_PARKED;

    *parked = false;
    for ( unsigned int n = 0; n <= MAX_DOMAINS; n++ )
    {
        struct domain *d = domain_lookup((domid_t)((start_dom + n) % MAX_DOMAINS));
        enum credit_class class;

        if ( !d )
            continue;
        class = credit_class(&d->credit);
        if ( class >= best_class )
        {
            *parked |= class == CREDIT_PARKED && domain_can_run(d);
            continue;
        }
        for ( unsigned int i = n ? 0 : start_vcpu; i < d->nr_vcpus; i++ )
            if ( vcpu_runnable(d->vcpu[i]) )
            {
                best = d->vcpu[i];
                best_class = class;
                break;
            }
        if ( best_class == CREDIT_UNDER )
            break;
    }
    return best;
}

void sched_start(struct vcpu *v)
{
    current = v;
    run_start = NOW();
    runstate_change(v, PV_RUNSTATE_running);
    slice_timer.fn = slice_over;
    timer_set(&slice_timer, NOW() + SLICE_NS);
}

void sched_switch(struct cpu_regs *frame)
{
    struct vcpu *prev = current, *next;
    s_time_t now = NOW();
    bool parked;

    sched_need_resched = false;
    if ( prev )
        credit_charge(&prev->domain->credit, (u64)(now - run_start));
    account(now);
    while ( !(next = pick_next(prev, &parked)) )
    {
        if ( parked )
            timer_set(&slice_timer, period_end);   /* capped: wait for the next period */
        arch_wait_for_interrupt();
        account(NOW());
    }
    run_start = NOW();
    if ( next != prev )
    {
        if ( prev )
            runstate_change(prev, vcpu_runnable(prev) ? PV_RUNSTATE_runnable :
                                  prev->blocked ? PV_RUNSTATE_blocked : PV_RUNSTATE_offline);
        pv_context_switch(prev, next, frame);
    }
    if ( next->runstate.state != PV_RUNSTATE_running )
        runstate_change(next, PV_RUNSTATE_running);
    sched_need_resched = false; /* what woke while idling is now chosen */
    timer_set(&slice_timer, NOW() + SLICE_NS);
}
