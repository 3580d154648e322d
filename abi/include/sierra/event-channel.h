/*
 * Event channels: the guest's interrupts. A port is bound to a virtual IRQ
 * (timer, console, ...), an IPI between the domain's vCPUs, a physical IRQ, or
 * a port in another domain (interdomain). Sending on a port marks the peer
 * pending in its shared_info (2-level ABI, sierra/shared-info.h).
 * event_channel_op(cmd, arg), arg pointing at the structure named by cmd.
 */
#ifndef SIERRA_ABI_EVENT_CHANNEL_H
#define SIERRA_ABI_EVENT_CHANNEL_H

#include <sierra/pv-base.h>

#define PV_EVTCHNOP_bind_interdomain    0
#define PV_EVTCHNOP_bind_virq           1
#define PV_EVTCHNOP_bind_pirq           2
#define PV_EVTCHNOP_close               3
#define PV_EVTCHNOP_send                4
#define PV_EVTCHNOP_status              5
#define PV_EVTCHNOP_alloc_unbound       6
#define PV_EVTCHNOP_bind_ipi            7
#define PV_EVTCHNOP_bind_vcpu           8
#define PV_EVTCHNOP_unmask              9
#define PV_EVTCHNOP_reset               10
#define PV_EVTCHNOP_init_control        11  /* FIFO ABI */
#define PV_EVTCHNOP_expand_array        12  /* FIFO ABI */
#define PV_EVTCHNOP_set_priority        13  /* FIFO ABI */

/* Virtual IRQs: per-vCPU (V) or global, delivered to vCPU 0 (G) */
#define PV_VIRQ_TIMER       0   /* V: the vCPU's timer */
#define PV_VIRQ_DEBUG       1   /* V: dump state */
#define PV_VIRQ_CONSOLE     2   /* G: input on the hypervisor console (dom0) */
#define PV_VIRQ_DOM_EXC     3   /* G: a domain shut down or crashed (dom0) */
#define PV_VIRQ_TBUF        4
#define PV_VIRQ_DEBUGGER    6
#define PV_VIRQ_XENOPROF    7
#define PV_VIRQ_CON_RING    8   /* G: hypervisor console ring has new bytes (dom0) */
#define PV_VIRQ_PCPU_STATE  9
#define PV_VIRQ_MEM_EVENT   10
#define PV_VIRQ_ARGO        11
#define PV_VIRQ_ENOMEM      12
#define PV_VIRQ_XENPMU      13
#define PV_VIRQ_ARCH_0      16
#define PV_NR_VIRQS         24

/* pv_evtchn_status.status */
#define PV_EVTCHNSTAT_closed        0
#define PV_EVTCHNSTAT_unbound       1
#define PV_EVTCHNSTAT_interdomain   2
#define PV_EVTCHNSTAT_pirq          3
#define PV_EVTCHNSTAT_virq          4
#define PV_EVTCHNSTAT_ipi           5

#define PV_BIND_PIRQ__WILL_SHARE    1

#ifndef __ASSEMBLY__
typedef uint32_t pv_evtchn_port_t;
PV_DEFINE_HANDLE(evtchn_port, pv_evtchn_port_t);

/* a port in dom that remote_dom may bind to */
struct pv_evtchn_alloc_unbound {
    pv_domid_t dom, remote_dom;
    pv_evtchn_port_t port;          /* OUT */
};

struct pv_evtchn_bind_interdomain {
    pv_domid_t remote_dom;
    pv_evtchn_port_t remote_port;   /* an unbound port of remote_dom allocated for us */
    pv_evtchn_port_t local_port;    /* OUT */
};

struct pv_evtchn_bind_virq {
    uint32_t virq;                  /* PV_VIRQ_* */
    uint32_t vcpu;
    pv_evtchn_port_t port;          /* OUT */
};

struct pv_evtchn_bind_pirq {
    uint32_t pirq;
    uint32_t flags;                 /* PV_BIND_PIRQ__* */
    pv_evtchn_port_t port;          /* OUT */
};

struct pv_evtchn_bind_ipi {
    uint32_t vcpu;
    pv_evtchn_port_t port;          /* OUT */
};

struct pv_evtchn_close {
    pv_evtchn_port_t port;
};

struct pv_evtchn_send {
    pv_evtchn_port_t port;
};

struct pv_evtchn_status {
    pv_domid_t dom;
    pv_evtchn_port_t port;
    uint32_t status;                /* OUT: PV_EVTCHNSTAT_* */
    uint32_t vcpu;                  /* OUT: the vCPU it notifies */
    union {
        struct {
            pv_domid_t dom;
        } unbound;
        struct {
            pv_domid_t dom;
            pv_evtchn_port_t port;
        } interdomain;
        uint32_t pirq;
        uint32_t virq;
    } u;
};

struct pv_evtchn_bind_vcpu {
    pv_evtchn_port_t port;
    uint32_t vcpu;
};

struct pv_evtchn_unmask {
    pv_evtchn_port_t port;
};

struct pv_evtchn_reset {
    pv_domid_t dom;
};

struct pv_evtchn_init_control {
    uint64_t control_gfn;
    uint32_t offset;
    uint32_t vcpu;
    uint8_t link_bits;              /* OUT */
    uint8_t _pad[7];
};

struct pv_evtchn_expand_array {
    uint64_t array_gfn;
};

struct pv_evtchn_set_priority {
    pv_evtchn_port_t port;
    uint32_t priority;
};

/* FIFO ABI: a 32-bit event word per port in guest "event array" pages
 * (1024 a page), and per vCPU a control block with one queue head per
 * priority and a ready bit per non-empty queue */
#define PV_EVTCHN_FIFO_PRIORITY_MAX     0
#define PV_EVTCHN_FIFO_PRIORITY_DEFAULT 7
#define PV_EVTCHN_FIFO_PRIORITY_MIN     15
#define PV_EVTCHN_FIFO_MAX_QUEUES       (PV_EVTCHN_FIFO_PRIORITY_MIN + 1)
#define PV_EVTCHN_FIFO_PENDING          31      /* event word bits */
#define PV_EVTCHN_FIFO_MASKED           30
#define PV_EVTCHN_FIFO_LINKED           29
#define PV_EVTCHN_FIFO_BUSY             28
#define PV_EVTCHN_FIFO_LINK_BITS        17
#define PV_EVTCHN_FIFO_LINK_MASK        ((1U << PV_EVTCHN_FIFO_LINK_BITS) - 1)
#define PV_EVTCHN_FIFO_EVENT_WORDS_PER_PAGE 1024

typedef uint32_t pv_event_word_t;

struct pv_evtchn_fifo_control_block {
    uint32_t ready;                 /* bit n: queue of priority n is not empty */
    uint32_t _rsvd;
    uint32_t head[PV_EVTCHN_FIFO_MAX_QUEUES];
};
#endif

#endif
