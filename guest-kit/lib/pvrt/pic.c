/*
 * A virtual 8259 interrupt controller over event channels, and the event
 * callback's choice of what to deliver. The kernel programs the PIC as on a
 * PC (ICW1-4 to 0x20/0x21 set the vector base, OCW1 the mask, OCW2 the EOI,
 * OCW3 which of IRR/ISR a read of 0x20 returns); event channels stand in
 * for the interrupt lines (only line 0, the timer, is wired: pit.c raises
 * it: the port of VIRQ_TIMER). The slave at 0xa0/0xa1 is accepted and has no lines.
 *
 * The event callback (entry.S) calls pvrt_irq_pick(): it takes the pending
 * events (the kit's dispatch, to their handlers: the timer's raises its
 * line), and returns the kernel's IDT handler
 * for the highest-priority line that is requested, unmasked and not below
 * one in service - marking it in service, as the hardware's INTA does -
 * or 0. While a line is deliverable, vcpu_info's upcall_pending stays set,
 * so the hypervisor calls back as soon as the kernel's IF allows (after the
 * handler's iret, or the sti that ends a cli).
 */
#include <sierra-guest/events.h>
#include "pvrt-internal.h"

struct pic {
    uint8_t irr, isr, imr;
    uint8_t base;               /* vector of line 0 */
    uint8_t icw_step;           /* 0: operating; 2-4: the next ICW expected */
    bool icw4, read_isr;
};

static struct pic master = { .imr = 0xff, .base = 0x08 }, slave = { .imr = 0xff, .base = 0x70 };

static int deliverable(const struct pic *p)
{
    uint8_t req = p->irr & ~p->imr;

    for ( unsigned int line = 0; line < 8; line++ )
    {
        if ( p->isr & (1u << line) )
            return -1;          /* a line of this or higher priority is in service */
        if ( req & (1u << line) )
            return (int)line;
    }
    return -1;
}

static void update(void)
{
    if ( deliverable(&master) >= 0 )
    {
        __atomic_store_n(&kit_vcpu_info->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST);
        pvrt_force_events();
    }
}

static void on_timer(unsigned int port)
{
    (void)port;
    pvrt_pit_event();
}

void pvrt_pic_init(unsigned int timer_port)
{
    kit_bind_handler(timer_port, on_timer);
}

void pvrt_pic_raise(unsigned int line)
{
    master.irr |= (uint8_t)(1u << line);
}

uint8_t pvrt_pic_in(uint16_t port)
{
    struct pic *p = port >= 0xa0 ? &slave : &master;

    if ( port & 1 )
        return p->imr;
    return p->read_isr ? p->isr : p->irr;
}

void pvrt_pic_out(uint16_t port, uint8_t v)
{
    struct pic *p = port >= 0xa0 ? &slave : &master;

    if ( !(port & 1) && (v & 0x10) )            /* ICW1: start initialisation */
    {
        *p = (struct pic){ .imr = 0, .base = p->base, .icw_step = 2, .icw4 = v & 1 };
        return;
    }
    if ( port & 1 )
    {
        switch ( p->icw_step )
        {
        case 2: p->base = v & 0xf8; p->icw_step = 3; return;
        case 3: p->icw_step = p->icw4 ? 4 : 0; return;      /* cascade wiring */
        case 4: p->icw_step = 0; return;                    /* 8086 mode */
        default: p->imr = v; break;                         /* OCW1 */
        }
    }
    else if ( v & 0x08 )                                    /* OCW3 */
    {
        if ( v & 0x02 )
            p->read_isr = v & 0x01;
    }
    else if ( v & 0x20 )                                    /* OCW2: EOI */
    {
        uint8_t in = (v & 0x40) ? (uint8_t)(1u << (v & 7)) : (uint8_t)(p->isr & -p->isr);

        p->isr &= (uint8_t)~in;
    }
    if ( p == &master )
        update();
}

uint64_t pvrt_irq_pick(void)
{
    int line;

    kit_events_dispatch();                  /* the timer's port raises line 0 (pit.c) */
    line = deliverable(&master);
    if ( line < 0 )
        return 0;
    master.irr &= (uint8_t)~(1u << line);
    master.isr |= (uint8_t)(1u << line);
    return pvrt_idt_handler[(master.base + line) & 0xff];
}
