/*
 * evtchn-timer: the shape of a PV kernel's timer interrupt. Bind VIRQ_TIMER
 * to an event channel, arm one-shot timers from the handler (as a tickless
 * kernel does), and block between ticks; print each tick's lateness bucket.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>

#define MS      1000000UL
#define TICKS   5

static volatile unsigned int ticks;
static unsigned long deadline;

static void arm(unsigned long ns_from_now)
{
    deadline = kit_system_time_ns() + ns_from_now;
    HC(PV_HYPERCALL_set_timer_op, deadline, 0, 0, 0, 0);
}

static void on_timer(unsigned int port)
{
    (void)port;
    if ( kit_system_time_ns() < deadline )
        return;                     /* early (e.g. the default periodic tick) */
    ticks++;
    if ( ticks < TICKS )
        arm(2 * MS);
}

int main(void)
{
    long port;

    kit_events_init(kit_alloc_page());
    hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);
    port = kit_bind_virq(PV_VIRQ_TIMER);
    if ( port < 0 )
        return 1;
    kit_bind_handler((unsigned int)port, on_timer);
    arm(2 * MS);
    kit_wait_until(&ticks, TICKS);
    printf("evtchn-timer: %u one-shot ticks on port %ld\n", ticks, port);
    return 0;
}
