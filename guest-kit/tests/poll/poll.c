/*
 * poll: SCHEDOP_poll as PV spinlocks and timed waits use it - a port already
 * pending returns at once (masked or not), bad ports, counts and buffers are
 * refused, a poll with a deadline sleeps until it, and a masked port that
 * becomes pending (a timer's VIRQ) ends the poll early; SCHEDOP_remote_shutdown
 * of domains that do not exist; the M2P's place (XENMEM_machphys_mapping).
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <sierra/memory.h>
#include <sierra/shared-info.h>
#include <hv/lib.h>

#define MS 1000000UL

static struct pv_shared_info *si;

static void mask(unsigned int port)
{
    __atomic_fetch_or(&si->evtchn_mask[port / 64], 1UL << (port % 64), __ATOMIC_SEQ_CST);
}

static bool pending(unsigned int port)
{
    return (si->evtchn_pending[port / 64] >> (port % 64)) & 1;
}

static void clear_pending(unsigned int port)
{
    __atomic_fetch_and(&si->evtchn_pending[port / 64], ~(1UL << (port % 64)), __ATOMIC_SEQ_CST);
}

static long poll(pv_evtchn_port_t *ports, unsigned int n, unsigned long timeout)
{
    struct pv_sched_poll p = { .nr_ports = n, .timeout = timeout };

    p.ports.p = ports;
    return hyp_sched_op(PV_SCHEDOP_poll, &p);
}

static long remote_shutdown(unsigned int domid)
{
    struct pv_sched_remote_shutdown r = { .domain_id = (pv_domid_t)domid, .reason = 0 };

    return hyp_sched_op(PV_SCHEDOP_remote_shutdown, &r);
}

int main(void)
{
    struct pv_evtchn_alloc_unbound a = { .dom = PV_DOMID_SELF, .remote_dom = PV_DOMID_SELF };
    struct pv_machphys_mapping m;
    pv_evtchn_port_t ports[2];
    unsigned long t0, t1;
    long rc, timer;

    printf("poll: start\n");
    si = kit_spare_page(0);
    kit_events_init(si);
    hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);
    hyp_event_channel_op(PV_EVTCHNOP_alloc_unbound, &a);
    {
        struct pv_evtchn_bind_interdomain b = { .remote_dom = PV_DOMID_SELF, .remote_port = a.port };
        struct pv_evtchn_send s;

        hyp_event_channel_op(PV_EVTCHNOP_bind_interdomain, &b);
        mask(a.port);
        mask(b.local_port);
        s.port = b.local_port;
        hyp_event_channel_op(PV_EVTCHNOP_send, &s);     /* a.port now pending, masked */
        ports[0] = b.local_port;
        ports[1] = a.port;
    }
    check(pending(a.port), "a masked loopback port made pending");
    rc = poll(ports, 2, 0);
    check(rc == 0, "poll on two ports, one of them pending -> %ld", rc);
    rc = poll(&ports[1], 1, kit_system_time_ns() + 1000 * MS);
    check(rc == 0 && pending(a.port), "poll on the pending port alone returns at once (%ld)", rc);
    ports[0] = 5000;
    rc = poll(ports, 1, 0);
    check(rc == -PV_EINVAL, "poll on port 5000 -> %ld", rc);
    rc = poll(ports, 129, 0);
    check(rc == -PV_EINVAL, "poll on 129 ports -> %ld", rc);
    rc = poll((pv_evtchn_port_t *)0xffff830000000000UL, 1, 0);
    check(rc == -PV_EFAULT, "poll with ports in the hypervisor hole -> %ld", rc);

    clear_pending(a.port);
    ports[0] = a.port;
    t0 = kit_system_time_ns();
    rc = poll(ports, 1, t0 + 5 * MS);
    t1 = kit_system_time_ns();
    check(rc == 0 && t1 - t0 >= 4 * MS && t1 - t0 < 500 * MS && !pending(a.port),
          "poll until a deadline 5 ms away: returns 0 after the deadline (%ld)", rc);

    timer = kit_bind_virq(PV_VIRQ_TIMER);
    mask((unsigned int)timer);
    ports[0] = (pv_evtchn_port_t)timer;
    t0 = kit_system_time_ns();
    HC(PV_HYPERCALL_set_timer_op, t0 + 3 * MS, 0, 0, 0, 0);
    rc = poll(ports, 1, t0 + 2000 * MS);
    t1 = kit_system_time_ns();
    check(rc == 0 && pending((unsigned int)timer) && t1 - t0 >= 2 * MS && t1 - t0 < 1000 * MS,
          "a masked timer VIRQ ends a poll with a far deadline early (%ld)", rc);

    rc = remote_shutdown(7);
    check(rc == -PV_ESRCH, "remote_shutdown of domain 7 (none) -> %ld", rc);
    rc = remote_shutdown(PV_DOMID_FIRST_RESERVED);
    check(rc == -PV_ESRCH, "remote_shutdown of DOMID_FIRST_RESERVED -> %ld", rc);

    rc = hyp_memory_op(PV_XENMEM_machphys_mapping, &m);
    check(rc == 0, "machphys_mapping: %#lx-%#lx, max_mfn %#lx (rc %ld)",
          (unsigned long)m.v_start, (unsigned long)m.v_end, (unsigned long)m.max_mfn, rc);
    printf("poll: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
