/*
 * event_channel_op(cmd, arg): copy the argument in once, run the operation
 * (common/evtchn.c), copy the result out. A domain other than the caller can
 * only be named by the privileged domain (and cross-domain operations on
 * behalf of others are not there yet: -ESRCH). The FIFO ABI's commands are
 * in evtchn-fifo-op.c; reset returns a domain to the 2-level ABI, as Xen.
 */
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/evtchn-fifo.h>
#include <hv/evtchn.h>
#include <hv/hypercall.h>
#include <sierra/domid.h>

/* a port number, or -errno, written to *out and copied back with the op */
#define COPY_IN(op)     if ( copy_from_guest(&(op), arg, sizeof(op)) ) return -EFAULT
#define COPY_OUT(op)    return copy_to_guest(arg, &(op), sizeof(op))

static long alloc_unbound(struct domain *d, u64 arg)
{
    struct pv_evtchn_alloc_unbound op;
    long port;

    COPY_IN(op);
    /* as Xen: remote_dom SELF is the caller, even for a port in another domain */
    if ( op.remote_dom == PV_DOMID_SELF )
        op.remote_dom = d->id;
    if ( op.dom != PV_DOMID_SELF && op.dom != d->id )
    {
        /* a builder wiring a new domain's console and xenstore to itself */
        if ( !d->privileged )
            return -EPERM;
        d = domain_lookup(op.dom);
        if ( !d || d->state == DOMAIN_DYING )
            return -ESRCH;
    }
    port = evtchn_alloc_unbound(d, op.remote_dom);
    if ( port < 0 )
        return port;
    op.port = (u32)port;
    COPY_OUT(op);
}

static long bind_interdomain(struct domain *d, u64 arg)
{
    struct pv_evtchn_bind_interdomain op;
    long port;

    COPY_IN(op);
    port = evtchn_bind_interdomain(d, op.remote_dom, op.remote_port);
    if ( port < 0 )
        return port;
    op.local_port = (u32)port;
    COPY_OUT(op);
}

static long bind_virq(struct domain *d, u64 arg)
{
    struct pv_evtchn_bind_virq op;
    long port;

    COPY_IN(op);
    port = evtchn_bind_virq(d, op.virq, op.vcpu);
    if ( port < 0 )
        return port;
    op.port = (u32)port;
    COPY_OUT(op);
}

static long bind_ipi(struct domain *d, u64 arg)
{
    struct pv_evtchn_bind_ipi op;
    long port;

    COPY_IN(op);
    port = evtchn_bind_ipi(d, op.vcpu);
    if ( port < 0 )
        return port;
    op.port = (u32)port;
    COPY_OUT(op);
}

static long status(struct domain *d, u64 arg)
{
    struct pv_evtchn_status op;
    long rc;

    COPY_IN(op);
    rc = evtchn_status(d, &op);
    if ( rc )
        return rc;
    COPY_OUT(op);
}

long do_event_channel_op(u64 cmd, u64 arg, u64 a3, u64 a4, u64 a5)
{
    struct domain *d = current->domain;
    union {
        struct pv_evtchn_close close;
        struct pv_evtchn_send send;
        struct pv_evtchn_unmask unmask;
        struct pv_evtchn_bind_vcpu bind_vcpu;
        struct pv_evtchn_reset reset;
        struct pv_evtchn_set_priority set_priority;
    } op;

    (void)a3; (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_EVTCHNOP_alloc_unbound:     return alloc_unbound(d, arg);
    case PV_EVTCHNOP_bind_interdomain:  return bind_interdomain(d, arg);
    case PV_EVTCHNOP_bind_virq:         return bind_virq(d, arg);
    case PV_EVTCHNOP_bind_ipi:          return bind_ipi(d, arg);
    case PV_EVTCHNOP_status:            return status(d, arg);
    case PV_EVTCHNOP_close:
        COPY_IN(op.close);
        return evtchn_close(d, op.close.port);
    case PV_EVTCHNOP_send:
        COPY_IN(op.send);
        return evtchn_send(d, op.send.port);
    case PV_EVTCHNOP_unmask:
        COPY_IN(op.unmask);
        return evtchn_unmask(d, op.unmask.port);
    case PV_EVTCHNOP_bind_vcpu:
        COPY_IN(op.bind_vcpu);
        return evtchn_bind_vcpu(d, op.bind_vcpu.port, op.bind_vcpu.vcpu);
    case PV_EVTCHNOP_reset:
        COPY_IN(op.reset);
        if ( op.reset.dom != PV_DOMID_SELF && op.reset.dom != d->id )
            return d->privileged ? -ESRCH : -EPERM;
        evtchn_reset(d);
        evtchn_fifo_teardown(d);
        return 0;
    case PV_EVTCHNOP_init_control:      return evtchn_fifo_init_control(d, arg);
    case PV_EVTCHNOP_expand_array:      return evtchn_fifo_expand_array(d, arg);
    case PV_EVTCHNOP_set_priority:
        COPY_IN(op.set_priority);
        return evtchn_set_priority(d, op.set_priority.port, op.set_priority.priority);
    default:
        return -ENOSYS;
    }
}
