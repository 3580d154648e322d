/*
 * events: the event-channel state machine and 2-level delivery as a guest
 * sees them - port numbers, statuses, the pending bit a bind leaves, upcalls
 * only while events are enabled, per-port masking, IPIs, VIRQ binding rules,
 * what a close leaves behind, and the errors. Each delivered upcall is
 * printed with the ports it found pending, so the order of delivery is
 * compared too.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <sierra/shared-info.h>
#include <hv/lib.h>

static struct pv_shared_info *si;
static char delivered[128];

/* the upcall: take the selector, then each pending unmasked port */
static void on_event(struct kit_trap_frame *f)
{
    struct pv_vcpu_info *vi = &si->vcpu_info[0];
    size_t n = strlen(delivered);
    unsigned long sel;

    if ( f->vector != KIT_EVENT_VECTOR )
    {
        printf("unexpected trap %lu\n", (unsigned long)f->vector);
        shutdown(PV_SHUTDOWN_crash);
    }
    vi->evtchn_upcall_pending = 0;
    sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
    for ( unsigned int w = 0; w < 64; w++ )
    {
        unsigned long bits;

        if ( !(sel & (1UL << w)) )
            continue;
        bits = si->evtchn_pending[w] & ~si->evtchn_mask[w];
        for ( unsigned int b = 0; b < 64; b++ )
            if ( bits & (1UL << b) )
            {
                __atomic_fetch_and(&si->evtchn_pending[w], ~(1UL << b), __ATOMIC_SEQ_CST);
                n += snprintf(delivered + n, sizeof(delivered) - n, " %u", w * 64 + b);
            }
    }
    n += snprintf(delivered + n, sizeof(delivered) - n, " |");
}

static const char *take_delivered(void)
{
    static char copy[128];

    memcpy(copy, delivered, sizeof(copy));
    delivered[0] = 0;
    return copy[0] ? copy : " none";
}

static long op(int cmd, void *arg)
{
    return hyp_event_channel_op(cmd, arg);
}

static long send(unsigned int port)
{
    struct pv_evtchn_send s = { .port = port };

    return op(PV_EVTCHNOP_send, &s);
}

static long close_port(unsigned int port)
{
    struct pv_evtchn_close c = { .port = port };

    return op(PV_EVTCHNOP_close, &c);
}

static void show_status(unsigned int port)
{
    struct pv_evtchn_status st = { .dom = PV_DOMID_SELF, .port = port };
    long rc = op(PV_EVTCHNOP_status, &st);

    check(rc == 0, "status of port %u: %u, vcpu %u, remote dom %u port %u (rc %ld)", port,
          st.status, st.vcpu, st.u.interdomain.dom, st.u.interdomain.port, rc);
}

int main(void)
{
    struct pv_evtchn_alloc_unbound au = { .dom = PV_DOMID_SELF, .remote_dom = PV_DOMID_SELF };
    struct pv_evtchn_bind_interdomain bi = { .remote_dom = PV_DOMID_SELF };
    struct pv_evtchn_bind_ipi ipi = { .vcpu = 0 };
    struct pv_evtchn_bind_virq virq = { .virq = PV_VIRQ_TIMER, .vcpu = 0 };
    struct pv_evtchn_unmask um;
    long rc;

    printf("events: start\n");
    si = kit_spare_page(0);
    hyp_update_va_mapping((unsigned long)si, start_info->shared_info | 0x67, PV_UVMF_INVLPG);
    kit_trap_handler = on_event;
    kit_install_traps(0);
    check(kit_register_event_callback() == 0, "callback_op: event callback registered");
    check(si->vcpu_info[0].evtchn_upcall_mask == 1, "events start masked");
    hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);     /* no timer ticks in the way */

    rc = op(PV_EVTCHNOP_alloc_unbound, &au);
    check(rc == 0, "alloc_unbound -> %ld, port %u", rc, au.port);
    show_status(au.port);
    bi.remote_port = au.port;
    rc = op(PV_EVTCHNOP_bind_interdomain, &bi);
    check(rc == 0, "bind_interdomain to it (loopback) -> %ld, port %u", rc, bi.local_port);
    check((si->evtchn_pending[0] >> bi.local_port) & 1, "the new local port is left pending");
    show_status(au.port);
    show_status(bi.local_port);
    hyp_xen_version(PV_XENVER_version, 0);
    check(1, "while masked, delivered:%s", take_delivered());

    si->vcpu_info[0].evtchn_upcall_mask = 0;
    hyp_xen_version(PV_XENVER_version, 0);      /* any hypercall lets it in */
    check(1, "events enabled, delivered:%s", take_delivered());
    rc = send(au.port);
    check(rc == 0, "send on port %u -> %ld, delivered:%s", au.port, rc, take_delivered());

    si->evtchn_mask[0] |= 1UL << bi.local_port;
    rc = send(au.port);
    check(rc == 0, "send to a masked port -> %ld, delivered:%s, pending %lu", rc,
          take_delivered(), (si->evtchn_pending[0] >> bi.local_port) & 1);
    um.port = bi.local_port;
    rc = op(PV_EVTCHNOP_unmask, &um);
    check(rc == 0, "unmask -> %ld, delivered:%s", rc, take_delivered());

    rc = op(PV_EVTCHNOP_bind_ipi, &ipi);
    check(rc == 0, "bind_ipi -> %ld, port %u", rc, ipi.port);
    rc = send(ipi.port);
    check(rc == 0, "send to the IPI port -> %ld, delivered:%s", rc, take_delivered());
    show_status(ipi.port);

    rc = op(PV_EVTCHNOP_bind_virq, &virq);
    check(rc == 0, "bind_virq VIRQ_TIMER -> %ld, port %u", rc, virq.port);
    rc = op(PV_EVTCHNOP_bind_virq, &virq);
    check(rc == -PV_EEXIST, "bind it again -> %ld", rc);
    check(close_port(4) == 0, "close the VIRQ_TIMER port");
    virq = (struct pv_evtchn_bind_virq){ .virq = PV_VIRQ_CONSOLE, .vcpu = 1 };
    rc = op(PV_EVTCHNOP_bind_virq, &virq);
    check(rc == -PV_EINVAL, "global VIRQ_CONSOLE on vCPU 1 -> %ld", rc);
    virq = (struct pv_evtchn_bind_virq){ .virq = 99, .vcpu = 0 };
    rc = op(PV_EVTCHNOP_bind_virq, &virq);
    check(rc == -PV_EINVAL, "VIRQ 99 -> %ld", rc);
    ipi.vcpu = 5;
    rc = op(PV_EVTCHNOP_bind_ipi, &ipi);
    check(rc == -PV_ENOENT, "bind_ipi to vCPU 5 -> %ld", rc);

    rc = close_port(au.port);
    check(rc == 0, "close port %u -> %ld", au.port, rc);
    show_status(bi.local_port);
    rc = send(bi.local_port);
    check(rc == 0, "send on the now unbound peer -> %ld, delivered:%s", rc, take_delivered());
    check(close_port(au.port) == -PV_EINVAL, "close it again -> -EINVAL");
    check(close_port(0) == -PV_EINVAL, "close port 0 -> -EINVAL");
    check(send(0) == -PV_EINVAL, "send on port 0 -> -EINVAL");
    check(send(100000) == -PV_EINVAL, "send on port 100000 -> -EINVAL");
    au = (struct pv_evtchn_alloc_unbound){ .dom = PV_DOMID_SELF, .remote_dom = PV_DOMID_SELF };
    rc = op(PV_EVTCHNOP_alloc_unbound, &au);
    check(rc == 0, "alloc_unbound reuses the lowest free port: %u", au.port);
    rc = op(99, &au);
    check(rc == -PV_ENOSYS, "event_channel_op 99 -> %ld", rc);
    printf("events: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
