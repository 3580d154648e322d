/*
 * The event-channel state machine and 2-level delivery (hv/evtchn.h).
 * Behaviour follows Xen 4.17 where guests can see it: lowest free port from
 * 1; binding to an unbound port leaves the new local port pending (a
 * notification sent before the bind may have been lost); sending on an
 * unbound port is silently dropped; a closed interdomain port leaves its peer
 * unbound, reserved for this domain; global virtual IRQs bind to vCPU 0 only.
 */
#include <hv/domain.h>
#include <hv/lib.h>
#include <hv/evtchn-fifo.h>
#include <hv/evtchn.h>
#include <sierra/domid.h>

#define BITS_PER_WORD   (sizeof(pv_ulong_t) * 8)

static bool virq_is_global(u32 virq)
{
    return virq == PV_VIRQ_CONSOLE || virq == PV_VIRQ_DOM_EXC || virq == PV_VIRQ_TBUF ||
           virq == PV_VIRQ_DEBUGGER || virq == PV_VIRQ_CON_RING || virq == PV_VIRQ_PCPU_STATE ||
           virq == PV_VIRQ_MEM_EVENT || virq == PV_VIRQ_ARGO || virq == PV_VIRQ_ENOMEM;
}

void evtchn_init(struct domain *d, struct evtchn *ports, unsigned int nr_ports)
{
    d->evtchn = ports;
    d->nr_evtchn = nr_ports;
    for ( unsigned int i = 0; i < nr_ports; i++ )
        ports[i] = (struct evtchn){ .state = ECS_FREE };
    ports[0].state = ECS_RESERVED;
}

static struct evtchn *port_of(struct domain *d, u32 port)
{
    return port < d->nr_evtchn ? &d->evtchn[port] : NULL;
}

bool evtchn_port_usable(const struct domain *d, u32 port)
{
    return port < d->nr_evtchn && d->evtchn[port].state > ECS_RESERVED;
}

static long free_port(struct domain *d)
{
    for ( u32 p = 1; p < d->nr_evtchn; p++ )
        if ( d->evtchn[p].state == ECS_FREE )
            return p;
    return -ENOSPC;
}

/* a new port's state, with the default FIFO priority */
static void take(struct domain *d, long port, struct evtchn c)
{
    c.priority = PV_EVTCHN_FIFO_PRIORITY_DEFAULT;
    d->evtchn[port] = c;
}

static bool test_and_set(pv_ulong_t *words, u32 bit)
{
    pv_ulong_t m = (pv_ulong_t)1 << (bit % BITS_PER_WORD);

    return __atomic_fetch_or(&words[bit / BITS_PER_WORD], m, __ATOMIC_SEQ_CST) & m;
}

static bool test_bit(const pv_ulong_t *words, u32 bit)
{
    return (__atomic_load_n(&words[bit / BITS_PER_WORD], __ATOMIC_SEQ_CST) >>
            (bit % BITS_PER_WORD)) & 1;
}

/* mark the vCPU's selector and upcall flag for a pending, unmasked port */
static void raise_upcall(struct domain *d, u32 vcpu, u32 port)
{
    struct pv_vcpu_info *vi = d->vcpu[vcpu]->vcpu_info;

    if ( !test_and_set(&vi->evtchn_pending_sel, port / BITS_PER_WORD) )
        __atomic_store_n(&vi->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST);
    vcpu_wake(d->vcpu[vcpu]);
}

static void set_pending(struct domain *d, u32 port)
{
    struct pv_shared_info *si = d->shared_info;

    if ( d->fifo )
    {
        evtchn_fifo_set_pending(d, port);
        sched_port_pending(d, port);
        return;
    }
    if ( test_and_set(si->evtchn_pending, port) )
        return;
    if ( !test_bit(si->evtchn_mask, port) )
        raise_upcall(d, d->evtchn[port].notify_vcpu, port);
    sched_port_pending(d, port);    /* SCHEDOP_poll waits on masked ports too */
}

static domid_t resolve(struct domain *d, domid_t id)
{
    return id == PV_DOMID_SELF ? d->id : id;
}

long evtchn_alloc_unbound(struct domain *d, domid_t remote)
{
    long port = free_port(d);

    if ( port < 0 )
        return port;
    remote = resolve(d, remote);
    if ( !domain_lookup(remote) )
        return -ESRCH;
    take(d, port, (struct evtchn){ .state = ECS_UNBOUND, .remote_dom = remote });
    return port;
}

long evtchn_bind_interdomain(struct domain *d, domid_t remote, u32 remote_port)
{
    struct domain *rd = domain_lookup(resolve(d, remote));
    struct evtchn *rc;
    long port;

    if ( !rd )
        return -ESRCH;
    rc = port_of(rd, remote_port);
    if ( !rc || rc->state != ECS_UNBOUND || rc->remote_dom != d->id )
        return -EINVAL;
    port = free_port(d);
    if ( port < 0 )
        return port;
    take(d, port, (struct evtchn){ .state = ECS_INTERDOMAIN, .remote_dom = rd->id,
                                   .remote_port = remote_port });
    rc->state = ECS_INTERDOMAIN;
    rc->remote_dom = d->id;
    rc->remote_port = (u32)port;
    set_pending(d, (u32)port);
    return port;
}

long evtchn_bind_virq(struct domain *d, u32 virq, u32 vcpu)
{
    long port;

    if ( virq >= PV_NR_VIRQS )
        return -EINVAL;
    if ( virq_is_global(virq) && vcpu != 0 )
        return -EINVAL;
    if ( vcpu >= d->nr_vcpus )
        return -ENOENT;
    if ( d->vcpu[vcpu]->virq_to_port[virq] )
        return -EEXIST;
    port = free_port(d);
    if ( port < 0 )
        return port;
    take(d, port, (struct evtchn){ .state = ECS_VIRQ, .virq = virq, .notify_vcpu = (u16)vcpu });
    d->vcpu[vcpu]->virq_to_port[virq] = (u16)port;
    return port;
}

long evtchn_bind_ipi(struct domain *d, u32 vcpu)
{
    long port;

    if ( vcpu >= d->nr_vcpus )
        return -ENOENT;
    port = free_port(d);
    if ( port < 0 )
        return port;
    take(d, port, (struct evtchn){ .state = ECS_IPI, .notify_vcpu = (u16)vcpu });
    return port;
}

long evtchn_close(struct domain *d, u32 port)
{
    struct evtchn *c = port_of(d, port);

    if ( !c || c->state == ECS_FREE || c->state == ECS_RESERVED )
        return -EINVAL;
    switch ( c->state )
    {
    case ECS_VIRQ:
        d->vcpu[c->notify_vcpu]->virq_to_port[c->virq] = 0;
        break;
    case ECS_INTERDOMAIN:
    {
        struct domain *rd = domain_lookup(c->remote_dom);
        struct evtchn *peer = rd ? port_of(rd, c->remote_port) : NULL;

        if ( peer && peer->state == ECS_INTERDOMAIN )
        {
            peer->state = ECS_UNBOUND;      /* reserved for us, as Xen leaves it */
            peer->remote_dom = d->id;
            peer->remote_port = 0;
        }
        break;
    }
    default:
        break;
    }
    /* a closed port is not left pending, so it comes back clean */
    if ( d->fifo )
        evtchn_fifo_clear_pending(d, port);
    else
        __atomic_fetch_and(&d->shared_info->evtchn_pending[port / BITS_PER_WORD],
                           ~((pv_ulong_t)1 << (port % BITS_PER_WORD)), __ATOMIC_SEQ_CST);
    *c = (struct evtchn){ .state = ECS_FREE };
    return 0;
}

long evtchn_send(struct domain *d, u32 port)
{
    struct evtchn *c = port_of(d, port);

    if ( !c )
        return -EINVAL;
    switch ( c->state )
    {
    case ECS_INTERDOMAIN:
    {
        struct domain *rd = domain_lookup(c->remote_dom);

        if ( rd )
            set_pending(rd, c->remote_port);
        return 0;
    }
    case ECS_IPI:
        set_pending(d, port);
        return 0;
    case ECS_UNBOUND:
        return 0;           /* nobody to tell yet: dropped, as Xen does */
    default:
        return -EINVAL;
    }
}

long evtchn_status(struct domain *d, struct pv_evtchn_status *st)
{
    struct domain *td = domain_lookup(resolve(d, st->dom));
    struct evtchn *c;

    if ( !td )
        return -ESRCH;
    if ( td != d && !d->privileged )
        return -EPERM;
    c = port_of(td, st->port);
    if ( !c )
        return -EINVAL;
    st->vcpu = c->notify_vcpu;
    memset(&st->u, 0, sizeof(st->u));
    switch ( c->state )
    {
    case ECS_FREE:
    case ECS_RESERVED:
        st->status = PV_EVTCHNSTAT_closed;
        break;
    case ECS_UNBOUND:
        st->status = PV_EVTCHNSTAT_unbound;
        st->u.unbound.dom = c->remote_dom;
        break;
    case ECS_INTERDOMAIN:
        st->status = PV_EVTCHNSTAT_interdomain;
        st->u.interdomain.dom = c->remote_dom;
        st->u.interdomain.port = c->remote_port;
        break;
    case ECS_VIRQ:
        st->status = PV_EVTCHNSTAT_virq;
        st->u.virq = c->virq;
        break;
    case ECS_IPI:
        st->status = PV_EVTCHNSTAT_ipi;
        break;
    }
    return 0;
}

long evtchn_unmask(struct domain *d, u32 port)
{
    struct pv_shared_info *si = d->shared_info;

    if ( !port_of(d, port) )
        return -EINVAL;
    if ( d->fifo )
    {
        evtchn_fifo_unmask(d, port);
        return 0;
    }
    __atomic_fetch_and(&si->evtchn_mask[port / BITS_PER_WORD],
                       ~((pv_ulong_t)1 << (port % BITS_PER_WORD)), __ATOMIC_SEQ_CST);
    if ( test_bit(si->evtchn_pending, port) )
        raise_upcall(d, d->evtchn[port].notify_vcpu, port);
    return 0;
}

bool evtchn_is_pending(const struct domain *d, u32 port)
{
    return d->fifo ? evtchn_fifo_is_pending(d, port) : test_bit(d->shared_info->evtchn_pending, port);
}

/* as Xen: the 2-level ABI has no priorities (-ENOSYS) */
long evtchn_set_priority(struct domain *d, u32 port, u32 priority)
{
    if ( !evtchn_port_usable(d, port) )
        return -EINVAL;
    if ( !d->fifo )
        return -ENOSYS;
    if ( priority > PV_EVTCHN_FIFO_PRIORITY_MIN )
        return -EINVAL;
    d->evtchn[port].priority = (u8)priority;
    return 0;
}

long evtchn_bind_vcpu(struct domain *d, u32 port, u32 vcpu)
{
    struct evtchn *c = port_of(d, port);

    if ( vcpu >= d->nr_vcpus )
        return -ENOENT;
    if ( !c )
        return -EINVAL;
    switch ( c->state )
    {
    case ECS_VIRQ:
        if ( !virq_is_global(c->virq) )
            return -EINVAL;
        /* fall through */
    case ECS_UNBOUND:
    case ECS_INTERDOMAIN:
        c->notify_vcpu = (u16)vcpu;
        return 0;
    default:
        return -EINVAL;
    }
}

void evtchn_reset(struct domain *d)
{
    for ( u32 p = 1; p < d->nr_evtchn; p++ )
        if ( d->evtchn[p].state != ECS_FREE )
            evtchn_close(d, p);
}

void evtchn_send_virq(struct domain *d, u32 vcpu, u32 virq)
{
    u16 port = vcpu < d->nr_vcpus && virq < PV_NR_VIRQS ? d->vcpu[vcpu]->virq_to_port[virq] : 0;

    if ( port )
        set_pending(d, port);
}
