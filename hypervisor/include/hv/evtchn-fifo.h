/*
 * FIFO event channels (Xen's FIFO ABI, abi/include/sierra/event-channel.h).
 * A domain switches to it from the 2-level ABI when a vCPU registers its
 * control block (EVTCHNOP_init_control); it then hands over event-array
 * pages (expand_array) holding a word per port. Raising a port sets its
 * PENDING bit and, unless the port is MASKED or already LINKED, appends it
 * to the queue of its priority on its vCPU: the old tail's link (if that
 * tail is still linked) or else the queue's head in the control block
 * names the port, the queue's READY bit is set, and a newly ready queue
 * raises the vCPU's upcall. The guest consumes by walking the links. A port
 * raised before the page holding its word exists is carried and raised when
 * the page arrives (also how pending 2-level ports move over). Pure logic
 * over struct domain and pointers to the guest's pages (evtchn-op.c maps
 * them), unit-tested on the host. Ports are those of the 2-level table
 * (4096), so at most 4 event-array pages.
 */
#ifndef HV_EVTCHN_FIFO_H
#define HV_EVTCHN_FIFO_H

#include <hv/types.h>
#include <sierra/arch-x86.h>
#include <sierra/event-channel.h>

#define EVTCHN_FIFO_MAX_PAGES   4       /* EVTCHN_MAX_PORTS / 1024 */

struct evtchn_fifo_queue_state {
    u32 tail[PV_EVTCHN_FIFO_MAX_QUEUES];    /* last port linked per priority, 0: none */
};

struct evtchn_fifo {
    pv_event_word_t *array[EVTCHN_FIFO_MAX_PAGES];
    pfn_t array_mfn[EVTCHN_FIFO_MAX_PAGES];
    unsigned int nr_pages;
    struct pv_evtchn_fifo_control_block *cb[PV_LEGACY_MAX_VCPUS];   /* per vCPU, NULL until registered */
    pfn_t cb_mfn[PV_LEGACY_MAX_VCPUS];
    struct evtchn_fifo_queue_state q[PV_LEGACY_MAX_VCPUS];
};

struct domain;

/* d->fifo was just set up (the first control block is in): carry over the
 * ports pending under the 2-level ABI */
void evtchn_fifo_start(struct domain *d);
/* an event-array page was added (the last of fifo->array): raise what was carried */
void evtchn_fifo_page_added(struct domain *d);

void evtchn_fifo_set_pending(struct domain *d, u32 port);
void evtchn_fifo_clear_pending(struct domain *d, u32 port);
bool evtchn_fifo_is_pending(const struct domain *d, u32 port);
void evtchn_fifo_unmask(struct domain *d, u32 port);

/* the hypercalls and teardown (evtchn-fifo-op.c, in the hypervisor only) */
long evtchn_fifo_init_control(struct domain *d, u64 arg);
long evtchn_fifo_expand_array(struct domain *d, u64 arg);
void evtchn_fifo_teardown(struct domain *d);

#endif
