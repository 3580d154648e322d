/*
 * Console input for the control domain. The serial line is polled every
 * 20 ms from a timer (the UART is driven without interrupts); what is typed
 * goes into a ring that dom0 reads with CONSOLEIO_read, and VIRQ_CONSOLE
 * tells it there is something to read. As on Xen, Ctrl-A three times in a
 * row switches the input to the hypervisor's debug keys, and back.
 */
#include <hv/console.h>
#include <hv/evtchn.h>
#include <hv/keyhandler.h>
#include <hv/printk.h>
#include <hv/timer.h>
#include <sierra/event-channel.h>

#define RING        1024
#define POLL_NS     (20 * 1000 * 1000)
#define CTRL_A      0x01

static char ring[RING];
static unsigned int prod, cons, ctrl_a;
static bool to_hypervisor;
static struct timer poll_timer;

static void put(char c)
{
    if ( to_hypervisor )
        debug_key(c);
    else if ( prod - cons < RING )
        ring[prod++ % RING] = c;        /* a full ring drops, as a UART would */
}

static void poll(struct timer *t)
{
    unsigned int before = prod;
    struct domain *dom0;
    int c;

    while ( (c = uart_getc()) >= 0 )
    {
        if ( c == CTRL_A && ++ctrl_a == 3 )
        {
            ctrl_a = 0;
            to_hypervisor = !to_hypervisor;
            pr_info("*** console input to %s (Ctrl-A three times to switch)\n",
                    to_hypervisor ? "Sierra: debug keys, 'h' for help" : "dom0");
            continue;
        }
        if ( c == CTRL_A )
            continue;
        for ( ; ctrl_a; ctrl_a-- )
            put(CTRL_A);                /* fewer than three: they were input */
        put((char)c);
    }
    if ( prod != before && (dom0 = domain_lookup(0)) )
        evtchn_send_virq(dom0, 0, PV_VIRQ_CONSOLE);
    timer_set(t, NOW() + POLL_NS);
}

void console_input_start(void)
{
    poll_timer.fn = poll;
    timer_set(&poll_timer, NOW() + POLL_NS);
}

size_t console_input_read(char *buf, size_t len)
{
    size_t n = 0;

    while ( n < len && cons != prod )
        buf[n++] = ring[cons++ % RING];
    return n;
}
