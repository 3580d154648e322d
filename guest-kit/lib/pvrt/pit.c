/*
 * The 8254 timer's channel 0 (ports 0x40-0x43) over the PV one-shot timer.
 * A reload value written in modes 2/3 (rate generator, square wave) makes a
 * periodic tick of reload / 1193182 s, mode 0 a single one; each tick raises
 * line 0 of the virtual PIC. The deadline advances by whole periods from
 * when the counter was written, so ticks do not drift; ticks missed while
 * the domain did not run are dropped, as a PC's PIT drops them. A latched
 * read gives the count left, low byte then high.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include "pvrt-internal.h"

#define PIT_HZ      1193182UL
#define NS          1000000000UL
#define SLACK_NS    50000UL         /* a timer event this early counts as on time */

static uint8_t access_mode, mode;
static bool low_written, read_high;
static uint16_t reload_low, latched;
static uint64_t period_ns, deadline;

static void arm(void)
{
    HC(PV_HYPERCALL_set_timer_op, deadline, 0, 0, 0, 0);
}

static void start(uint32_t reload)
{
    period_ns = (reload ? reload : 65536) * NS / PIT_HZ;
    deadline = kit_system_time_ns() + period_ns;
    arm();
}

void pvrt_pit_event(void)
{
    uint64_t now = kit_system_time_ns();

    if ( !period_ns )
        return;
    if ( now + SLACK_NS < deadline )
        return arm();               /* early: wait for the rest */
    pvrt_pic_raise(0);
    if ( mode != 2 && mode != 3 )
    {
        period_ns = 0;              /* mode 0: one interrupt */
        return;
    }
    deadline += period_ns;
    if ( deadline <= now )
        deadline = now + period_ns - (now - deadline) % period_ns;
    arm();
}

void pvrt_pit_out(uint16_t port, uint8_t v)
{
    if ( port == 0x43 )
    {
        if ( (v >> 6) != 0 )
            return;                 /* channels 1, 2 and read-back: not modelled */
        if ( ((v >> 4) & 3) == 0 )  /* counter latch */
        {
            uint64_t now = kit_system_time_ns();

            latched = period_ns && deadline > now ? (uint16_t)((deadline - now) * PIT_HZ / NS) : 0;
            read_high = false;
            return;
        }
        access_mode = (v >> 4) & 3;
        mode = (v >> 1) & 7;
        low_written = false;
        period_ns = 0;
        HC(PV_HYPERCALL_set_timer_op, 0, 0, 0, 0, 0);
        return;
    }
    if ( port != 0x40 )
        return;
    switch ( access_mode )
    {
    case 1: start(v); break;
    case 2: start((uint32_t)v << 8); break;
    case 3:
        if ( !low_written )
        {
            reload_low = v;
            low_written = true;
        }
        else
        {
            low_written = false;
            start(reload_low | ((uint32_t)v << 8));
        }
        break;
    }
}

uint8_t pvrt_pit_in(uint16_t port)
{
    uint8_t v;

    if ( port != 0x40 )
        return 0xff;
    v = read_high ? (uint8_t)(latched >> 8) : (uint8_t)latched;
    read_high = !read_high;
    return v;
}
