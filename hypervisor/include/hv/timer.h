/*
 * Software timers on the local APIC timer: each armed timer has an absolute
 * deadline (system time, ns); the APIC fires one-shot at the earliest, and the
 * interrupt runs every expired timer's function. One CPU: no locking beyond
 * running with interrupts off.
 */
#ifndef HV_TIMER_H
#define HV_TIMER_H

#include <hv/time.h>

struct timer {
    s_time_t expires;
    void (*fn)(struct timer *t);
    struct timer *next;
    bool active;
};

void timer_set(struct timer *t, s_time_t expires);   /* (re)arm */
void timer_stop(struct timer *t);
void timer_interrupt(void);                           /* from the APIC timer vector */

/* the architecture's one-shot: interrupt after `ns` (0 = stop) */
void arch_timer_program(s_time_t ns);

#endif
