/*
 * Event-channel state machine and 2-level delivery (hypervisor/common/
 * evtchn.c) between two fake domains: allocation, interdomain binding across
 * domains and in loopback, who may bind, delivery bits (pending, selector,
 * upcall) with per-port masks, close semantics, VIRQ/IPI rules, exhaustion;
 * and FIFO delivery (evtchn-fifo.c): queues, links, priorities, carrying.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <hv/domain.h>
#include <hv/evtchn-fifo.h>
#include <hv/evtchn.h>
#include <sierra/domid.h>

static struct domain doms[2];
static struct vcpu vcpus[2];
static struct pv_shared_info shinfo[2];
static struct evtchn ports[2][64];
static unsigned int wakes[2];

struct domain *domain_lookup(domid_t id)
{
    return id < 2 ? &doms[id] : NULL;
}

/* the scheduler's side: count who would be woken */
void vcpu_wake(struct vcpu *v)
{
    wakes[v->domain->id]++;
}

static unsigned int polled_pending[2];

void sched_port_pending(struct domain *d, u32 port)
{
    (void)port;
    polled_pending[d->id]++;
}

static int setup(void **state)
{
    (void)state;
    memset(doms, 0, sizeof(doms));
    memset(vcpus, 0, sizeof(vcpus));
    memset(shinfo, 0, sizeof(shinfo));
    memset(wakes, 0, sizeof(wakes));
    memset(polled_pending, 0, sizeof(polled_pending));
    for ( unsigned int i = 0; i < 2; i++ )
    {
        doms[i].id = (domid_t)i;
        doms[i].shared_info = &shinfo[i];
        doms[i].nr_vcpus = 1;
        doms[i].vcpu[0] = &vcpus[i];
        vcpus[i].domain = &doms[i];
        vcpus[i].vcpu_info = &shinfo[i].vcpu_info[0];
        evtchn_init(&doms[i], ports[i], 64);
    }
    return 0;
}

static int pending(unsigned int d, unsigned int port)
{
    return (shinfo[d].evtchn_pending[port / 64] >> (port % 64)) & 1;
}

static void test_interdomain(void **state)
{
    struct domain *a = &doms[0], *b = &doms[1];
    long pa, pb;

    (void)state;
    pa = evtchn_alloc_unbound(a, 1);            /* for domain 1 */
    assert_int_equal(pa, 1);
    assert_int_equal(evtchn_bind_interdomain(a, 0, (u32)pa), -EINVAL);     /* not for a */
    pb = evtchn_bind_interdomain(b, 0, (u32)pa);
    assert_int_equal(pb, 1);
    assert_true(pending(1, 1));                 /* a bind leaves the local port pending */
    assert_int_equal(shinfo[1].vcpu_info[0].evtchn_upcall_pending, 1);
    assert_int_equal(shinfo[1].vcpu_info[0].evtchn_pending_sel, 1);
    shinfo[1].evtchn_pending[0] = 0;
    shinfo[1].vcpu_info[0].evtchn_upcall_pending = 0;
    shinfo[1].vcpu_info[0].evtchn_pending_sel = 0;
    assert_int_equal(evtchn_send(a, (u32)pa), 0);
    assert_true(pending(1, 1));
    assert_false(pending(0, 1));
    assert_int_equal(evtchn_bind_interdomain(b, 0, (u32)pa), -EINVAL);     /* already bound */
    assert_int_equal(evtchn_bind_interdomain(b, 7, 1), -ESRCH);
}

static void test_masking(void **state)
{
    struct domain *a = &doms[0];
    long p1 = evtchn_alloc_unbound(a, PV_DOMID_SELF);
    long p2 = evtchn_bind_interdomain(a, PV_DOMID_SELF, (u32)p1);

    (void)state;
    assert_int_equal(p2, 2);
    memset(&shinfo[0], 0, sizeof(shinfo[0]));
    shinfo[0].evtchn_mask[0] = 1UL << 2;
    wakes[0] = 0;
    polled_pending[0] = 0;
    assert_int_equal(evtchn_send(a, (u32)p1), 0);
    assert_true(pending(0, 2));
    assert_int_equal(shinfo[0].vcpu_info[0].evtchn_upcall_pending, 0);     /* masked */
    assert_int_equal(wakes[0], 0);              /* a masked port wakes nobody... */
    assert_int_equal(polled_pending[0], 1);     /* ...but its pollers are told */
    assert_int_equal(evtchn_unmask(a, 2), 0);
    assert_int_equal(shinfo[0].vcpu_info[0].evtchn_upcall_pending, 1);
    assert_int_equal(wakes[0], 1);              /* unmasking delivers: the vCPU wakes */
    assert_int_equal(shinfo[0].evtchn_mask[0], 0);
    assert_int_equal(evtchn_unmask(a, 64), -EINVAL);
}

static void test_close_leaves_peer_unbound(void **state)
{
    struct domain *a = &doms[0];
    long p1 = evtchn_alloc_unbound(a, PV_DOMID_SELF);
    long p2 = evtchn_bind_interdomain(a, PV_DOMID_SELF, (u32)p1);
    struct pv_evtchn_status st = { .dom = PV_DOMID_SELF, .port = (u32)p2 };

    (void)state;
    assert_int_equal(evtchn_close(a, (u32)p1), 0);
    assert_int_equal(evtchn_status(a, &st), 0);
    assert_int_equal(st.status, PV_EVTCHNSTAT_unbound);
    assert_int_equal(st.u.unbound.dom, 0);
    assert_false(pending(0, 1));
    assert_int_equal(evtchn_send(a, (u32)p2), 0);           /* dropped */
    assert_int_equal(evtchn_close(a, (u32)p1), -EINVAL);
    assert_int_equal(evtchn_close(a, 0), -EINVAL);
    assert_int_equal(evtchn_send(a, 0), -EINVAL);
    assert_int_equal(evtchn_alloc_unbound(a, PV_DOMID_SELF), 1);    /* lowest free again */
}

static void test_virq_ipi(void **state)
{
    struct domain *a = &doms[0];
    long t = evtchn_bind_virq(a, PV_VIRQ_TIMER, 0);
    long ipi = evtchn_bind_ipi(a, 0);

    (void)state;
    assert_int_equal(t, 1);
    assert_int_equal(evtchn_bind_virq(a, PV_VIRQ_TIMER, 0), -EEXIST);
    assert_int_equal(evtchn_bind_virq(a, PV_VIRQ_CONSOLE, 1), -EINVAL);
    assert_int_equal(evtchn_bind_virq(a, PV_VIRQ_DEBUG, 1), -ENOENT);
    assert_int_equal(evtchn_bind_virq(a, PV_NR_VIRQS, 0), -EINVAL);
    assert_int_equal(evtchn_bind_ipi(a, 3), -ENOENT);
    evtchn_send_virq(a, 0, PV_VIRQ_TIMER);
    assert_true(pending(0, (unsigned int)t));
    assert_int_equal(evtchn_send(a, (u32)t), -EINVAL);     /* virq ports cannot be sent on */
    assert_int_equal(evtchn_send(a, (u32)ipi), 0);
    assert_true(pending(0, (unsigned int)ipi));
    assert_int_equal(evtchn_bind_vcpu(a, (u32)ipi, 0), -EINVAL);
    assert_int_equal(evtchn_bind_vcpu(a, (u32)t, 0), -EINVAL);     /* per-vCPU virq */
    assert_int_equal(evtchn_close(a, (u32)t), 0);
    assert_int_equal(evtchn_bind_virq(a, PV_VIRQ_TIMER, 0), 1);    /* rebindable */
    evtchn_reset(a);
    assert_int_equal(a->vcpu[0]->virq_to_port[PV_VIRQ_TIMER], 0);
    for ( unsigned int p = 1; p < 64; p++ )
        assert_int_equal(ports[0][p].state, ECS_FREE);
}

static void test_exhaustion(void **state)
{
    struct domain *a = &doms[0];

    (void)state;
    for ( unsigned int p = 1; p < 64; p++ )
        assert_int_equal(evtchn_bind_ipi(a, 0), p);
    assert_int_equal(evtchn_bind_ipi(a, 0), -ENOSPC);
    assert_int_equal(evtchn_alloc_unbound(a, PV_DOMID_SELF), -ENOSPC);
}

static void test_status_permissions(void **state)
{
    struct pv_evtchn_status st = { .dom = 1, .port = 1 };

    (void)state;
    assert_int_equal(evtchn_status(&doms[0], &st), -EPERM);    /* not privileged */
    doms[0].privileged = true;
    assert_int_equal(evtchn_status(&doms[0], &st), 0);
    assert_int_equal(st.status, PV_EVTCHNSTAT_closed);
    st.dom = 9;
    assert_int_equal(evtchn_status(&doms[0], &st), -ESRCH);
}

/* FIFO ABI (evtchn-fifo.c): domain 0 switched over with one control block
 * and one event-array page, its words starting masked as Linux starts them */
static struct evtchn_fifo fifo;
static struct pv_evtchn_fifo_control_block cb;
static pv_event_word_t words[PV_EVTCHN_FIFO_EVENT_WORDS_PER_PAGE];

#define FP (1U << PV_EVTCHN_FIFO_PENDING)
#define FM (1U << PV_EVTCHN_FIFO_MASKED)
#define FL (1U << PV_EVTCHN_FIFO_LINKED)

static void go_fifo(struct domain *d)
{
    memset(&fifo, 0, sizeof(fifo));
    memset(&cb, 0, sizeof(cb));
    for ( unsigned int i = 0; i < PV_EVTCHN_FIFO_EVENT_WORDS_PER_PAGE; i++ )
        words[i] = FM;
    d->fifo = &fifo;
    fifo.cb[0] = &cb;
    evtchn_fifo_start(d);
    fifo.array[fifo.nr_pages++] = words;
    evtchn_fifo_page_added(d);
}

static void test_fifo_queues(void **state)
{
    struct domain *a = &doms[0];
    long p1, p2, p3;

    (void)state;
    p1 = evtchn_bind_ipi(a, 0);
    assert_int_equal(evtchn_send(a, (u32)p1), 0);       /* pending under 2-level */
    go_fifo(a);
    assert_int_equal(words[p1], FM | FP);               /* carried over, still masked */
    assert_int_equal(cb.ready, 0);
    shinfo[0].vcpu_info[0].evtchn_upcall_pending = 0;
    assert_int_equal(evtchn_unmask(a, (u32)p1), 0);
    assert_int_equal(words[p1], FP | FL);
    assert_int_equal(cb.head[PV_EVTCHN_FIFO_PRIORITY_DEFAULT], p1);
    assert_int_equal(cb.ready, 1u << PV_EVTCHN_FIFO_PRIORITY_DEFAULT);
    assert_int_equal(shinfo[0].vcpu_info[0].evtchn_upcall_pending, 1);
    /* a second port links behind; raising a linked port again changes nothing */
    p2 = evtchn_bind_ipi(a, 0);
    words[p2] = 0;
    assert_int_equal(evtchn_send(a, (u32)p2), 0);
    assert_int_equal(words[p1] & PV_EVTCHN_FIFO_LINK_MASK, p2);
    assert_int_equal(cb.head[PV_EVTCHN_FIFO_PRIORITY_DEFAULT], p1);
    assert_int_equal(evtchn_send(a, (u32)p2), 0);
    assert_int_equal(words[p2], FP | FL);
    assert_true(evtchn_is_pending(a, (u32)p2));
    /* priorities: 2-level has none; FIFO has 16 queues */
    p3 = evtchn_bind_ipi(a, 0);
    words[p3] = 0;
    assert_int_equal(evtchn_set_priority(a, (u32)p3, 16), -EINVAL);
    assert_int_equal(evtchn_set_priority(a, 60, 2), -EINVAL);     /* a free port */
    assert_int_equal(evtchn_set_priority(a, (u32)p3, 2), 0);
    assert_int_equal(evtchn_send(a, (u32)p3), 0);
    assert_int_equal(cb.head[2], p3);
    assert_int_equal(cb.ready, (1u << 2) | (1u << PV_EVTCHN_FIFO_PRIORITY_DEFAULT));
    /* the guest empties queue 7 (unlinks both): the next event is its head */
    words[p1] = 0;
    words[p2] = 0;
    assert_int_equal(evtchn_send(a, (u32)p2), 0);
    assert_int_equal(cb.head[PV_EVTCHN_FIFO_PRIORITY_DEFAULT], p2);
    assert_int_equal(words[p1], 0);
    /* close leaves no pending bit; a port beyond the page is carried */
    assert_int_equal(evtchn_close(a, (u32)p2), 0);
    assert_false(words[p2] & FP);
    fifo.nr_pages = 0;                                  /* pretend the page is not there */
    assert_int_equal(evtchn_send(a, (u32)p1), 0);
    assert_true(evtchn_is_pending(a, (u32)p1));
    fifo.array[fifo.nr_pages++] = words;
    evtchn_fifo_page_added(a);
    assert_int_equal(words[p1] & (FP | FL), FP | FL);
    a->fifo = NULL;
    assert_int_equal(evtchn_set_priority(a, (u32)p3, 2), -ENOSYS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_interdomain, setup),
        cmocka_unit_test_setup(test_masking, setup),
        cmocka_unit_test_setup(test_close_leaves_peer_unbound, setup),
        cmocka_unit_test_setup(test_virq_ipi, setup),
        cmocka_unit_test_setup(test_exhaustion, setup),
        cmocka_unit_test_setup(test_status_permissions, setup),
        cmocka_unit_test_setup(test_fifo_queues, setup),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("evtchn", tests, NULL, NULL);
}
