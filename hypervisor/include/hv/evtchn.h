/*
 * Event channels (2-level ABI). Each domain has a table of ports; a port is
 * free, unbound (reserved for a named remote domain), interdomain (linked to
 * a port of another domain, or of the same one), bound to a virtual IRQ, or
 * an IPI between the domain's own vCPUs. Port 0 is never used. Notifying a
 * port sets its bit in shared_info's pending bitmap; unless the port is
 * masked, that raises the vCPU's selector bit and evtchn_upcall_pending, and
 * the vCPU takes its event callback the next time it returns to the guest
 * with events unmasked. Once the domain has moved to the FIFO ABI
 * (hv/evtchn-fifo.h), notifying, unmasking and clearing go through it
 * instead. The state machine here is pure logic over struct domain,
 * unit-tested on the host.
 */
#ifndef HV_EVTCHN_H
#define HV_EVTCHN_H

#include <hv/types.h>
#include <sierra/event-channel.h>

#define EVTCHN_MAX_PORTS    4096    /* the 2-level ABI of a 64-bit guest: 64 x 64 */

enum evtchn_state {
    ECS_FREE, ECS_RESERVED, ECS_UNBOUND, ECS_INTERDOMAIN, ECS_VIRQ, ECS_IPI,
};

struct evtchn {
    u8 state;
    u8 priority;                /* FIFO queue, PV_EVTCHN_FIFO_PRIORITY_DEFAULT when made */
    u16 notify_vcpu;
    domid_t remote_dom;         /* unbound: who may bind; interdomain: the peer */
    bool carried;               /* FIFO: raised before its event word existed */
    u32 remote_port;            /* interdomain */
    u32 virq;                   /* virq */
};

struct domain;

/* the table lives in the domain; these need it set up (evtchn_init) */
void evtchn_init(struct domain *d, struct evtchn *ports, unsigned int nr_ports);

/* the operations, as the hypercall names them; 0/port or -errno */
long evtchn_alloc_unbound(struct domain *d, domid_t remote);
long evtchn_bind_interdomain(struct domain *d, domid_t remote, u32 remote_port);
long evtchn_bind_virq(struct domain *d, u32 virq, u32 vcpu);
long evtchn_bind_ipi(struct domain *d, u32 vcpu);
long evtchn_close(struct domain *d, u32 port);
long evtchn_send(struct domain *d, u32 port);
long evtchn_status(struct domain *d, struct pv_evtchn_status *st);
long evtchn_unmask(struct domain *d, u32 port);
long evtchn_bind_vcpu(struct domain *d, u32 port, u32 vcpu);
bool evtchn_port_usable(const struct domain *d, u32 port);  /* in range and allocated */
bool evtchn_is_pending(const struct domain *d, u32 port);   /* either ABI */
long evtchn_set_priority(struct domain *d, u32 port, u32 priority);
void evtchn_reset(struct domain *d);

/* raise a virtual IRQ of a vCPU (no-op if it is not bound) */
void evtchn_send_virq(struct domain *d, u32 vcpu, u32 virq);

/* provided by the domain code and the scheduler (or the unit test) */
struct domain *domain_lookup(domid_t id);
struct vcpu;
void vcpu_wake(struct vcpu *v);     /* an event is pending for v */
void sched_port_pending(struct domain *d, u32 port);    /* wake its pollers */

#endif
