/*
 * FIFO event channels: raising, linking and unmasking ports on the guest's
 * event words and control blocks (the mechanism is described in
 * hv/evtchn-fifo.h). One CPU runs the hypervisor, so the only concurrent
 * writer of a word is the guest itself: the bits the hypervisor sets and
 * the link it changes are updated atomically so that none of the guest's
 * changes (clearing PENDING or LINKED, setting MASKED) is lost.
 */
#include <hv/domain.h>
#include <hv/evtchn-fifo.h>
#include <hv/evtchn.h>

#define BIT(n) (1U << (n))

static pv_event_word_t *word_of(const struct domain *d, u32 port)
{
    unsigned int page = port / PV_EVTCHN_FIFO_EVENT_WORDS_PER_PAGE;

    if ( port >= d->nr_evtchn || page >= d->fifo->nr_pages )
        return NULL;
    return &d->fifo->array[page][port % PV_EVTCHN_FIFO_EVENT_WORDS_PER_PAGE];
}

/* link the tail to port, only while the tail is still linked (else the
 * guest has consumed it and the queue is empty) */
static bool set_link(pv_event_word_t *tail, u32 port)
{
    pv_event_word_t w = __atomic_load_n(tail, __ATOMIC_SEQ_CST);

    do
        if ( !(w & BIT(PV_EVTCHN_FIFO_LINKED)) )
            return false;
    while ( !__atomic_compare_exchange_n(tail, &w, (w & ~PV_EVTCHN_FIFO_LINK_MASK) | port, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) );
    return true;
}

static void link(struct domain *d, u32 port, pv_event_word_t *w)
{
    const struct evtchn *c = &d->evtchn[port];
    struct pv_evtchn_fifo_control_block *cb = d->fifo->cb[c->notify_vcpu];
    u32 *tail = &d->fifo->q[c->notify_vcpu].tail[c->priority];
    pv_event_word_t *tw;
    bool linked = false;

    if ( !cb )
        return;         /* its vCPU has no queues yet: it stays pending */
    if ( __atomic_fetch_or(w, BIT(PV_EVTCHN_FIFO_LINKED), __ATOMIC_SEQ_CST) &
         BIT(PV_EVTCHN_FIFO_LINKED) )
        return;
    if ( *tail && *tail != port && (tw = word_of(d, *tail)) )
        linked = set_link(tw, port);
    if ( !linked )
        __atomic_store_n(&cb->head[c->priority], port, __ATOMIC_SEQ_CST);
    *tail = port;
    if ( !(__atomic_fetch_or(&cb->ready, BIT(c->priority), __ATOMIC_SEQ_CST) &
           BIT(c->priority)) )
    {
        struct vcpu *v = d->vcpu[c->notify_vcpu];

        __atomic_store_n(&v->vcpu_info->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST);
        vcpu_wake(v);
    }
}

void evtchn_fifo_set_pending(struct domain *d, u32 port)
{
    pv_event_word_t *w = word_of(d, port);

    if ( !w )
    {
        d->evtchn[port].carried = true;     /* raised when its page arrives */
        return;
    }
    __atomic_fetch_or(w, BIT(PV_EVTCHN_FIFO_PENDING), __ATOMIC_SEQ_CST);
    if ( !(__atomic_load_n(w, __ATOMIC_SEQ_CST) & BIT(PV_EVTCHN_FIFO_MASKED)) )
        link(d, port, w);
}

void evtchn_fifo_clear_pending(struct domain *d, u32 port)
{
    pv_event_word_t *w = word_of(d, port);

    d->evtchn[port].carried = false;
    if ( w )
        __atomic_fetch_and(w, ~BIT(PV_EVTCHN_FIFO_PENDING), __ATOMIC_SEQ_CST);
}

bool evtchn_fifo_is_pending(const struct domain *d, u32 port)
{
    const pv_event_word_t *w = word_of(d, port);

    return w ? __atomic_load_n(w, __ATOMIC_SEQ_CST) & BIT(PV_EVTCHN_FIFO_PENDING)
             : d->evtchn[port].carried;
}

void evtchn_fifo_unmask(struct domain *d, u32 port)
{
    pv_event_word_t *w = word_of(d, port);

    if ( !w )
        return;
    __atomic_fetch_and(w, ~BIT(PV_EVTCHN_FIFO_MASKED), __ATOMIC_SEQ_CST);
    if ( __atomic_load_n(w, __ATOMIC_SEQ_CST) & BIT(PV_EVTCHN_FIFO_PENDING) )
        link(d, port, w);
}

void evtchn_fifo_start(struct domain *d)
{
    for ( u32 p = 1; p < d->nr_evtchn; p++ )
        d->evtchn[p].carried = d->evtchn[p].state > ECS_RESERVED &&
                               ((d->shared_info->evtchn_pending[p / 64] >> (p % 64)) & 1);
}

void evtchn_fifo_page_added(struct domain *d)
{
    u32 first = (d->fifo->nr_pages - 1) * PV_EVTCHN_FIFO_EVENT_WORDS_PER_PAGE;

    for ( u32 p = first; p < first + PV_EVTCHN_FIFO_EVENT_WORDS_PER_PAGE && p < d->nr_evtchn; p++ )
        if ( d->evtchn[p].carried )
        {
            d->evtchn[p].carried = false;
            evtchn_fifo_set_pending(d, p);
        }
}
