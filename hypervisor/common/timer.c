/*
 * Software timers (hv/timer.h): a list sorted by deadline; the hardware timer
 * is always programmed for the head. Expired timers are taken off the list
 * before their function runs, so a function may re-arm its own timer
 * (periodic timers do).
 */
#include <hv/timer.h>

static struct timer *head;

static void reprogram(void)
{
    s_time_t now = NOW();

    if ( !head )
        arch_timer_program(0);
    else
        arch_timer_program(head->expires > now ? head->expires - now : 1);
}

static void unlink(struct timer *t)
{
    for ( struct timer **p = &head; *p; p = &(*p)->next )
        if ( *p == t )
        {
            *p = t->next;
            break;
        }
    t->active = false;
}

void timer_set(struct timer *t, s_time_t expires)
{
    struct timer **p = &head;

    if ( t->active )
        unlink(t);
    t->expires = expires;
    while ( *p && (*p)->expires <= expires )
        p = &(*p)->next;
    t->next = *p;
    *p = t;
    t->active = true;
    reprogram();
}

void timer_stop(struct timer *t)
{
    if ( t->active )
    {
        unlink(t);
        reprogram();
    }
}

void timer_interrupt(void)
{
    while ( head && head->expires <= NOW() )
    {
        struct timer *t = head;

        head = t->next;
        t->active = false;
        t->fn(t);
    }
    reprogram();
}
