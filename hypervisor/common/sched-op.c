/*
 * sched_op: the guest gives up the CPU, waits, or shuts down. Yield lets
 * every other runnable vCPU go first; block enables events and takes the
 * vCPU off the CPU until an event is pending for it (a timer's VIRQ, say),
 * which it then takes in its event callback when it runs again. Poll waits,
 * events left masked, until one of some ports is pending (PV spinlocks park
 * on a masked port this way) or a deadline passes. The switch itself happens
 * after the hypercall returns (hv/sched.h). dom0 may shut other domains down.
 */
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/evtchn.h>
#include <hv/hypercall.h>
#include <hv/sched.h>
#include <sierra/sched.h>

#define POLL_MAX_PORTS 128      /* as Xen */

/* Xen's order: events due for delivery return at once; then each port is
 * read and checked, the first pending one returns 0; else block */
static long poll(struct vcpu *v, u64 arg)
{
    struct pv_sched_poll p;
    u32 port = 0;

    if ( copy_from_guest(&p, arg, sizeof(p)) )
        return -EFAULT;
    if ( p.nr_ports > POLL_MAX_PORTS )
        return -EINVAL;
    if ( __atomic_load_n(&v->vcpu_info->evtchn_upcall_pending, __ATOMIC_SEQ_CST) &&
         !v->vcpu_info->evtchn_upcall_mask )
        return 0;
    for ( unsigned int i = 0; i < p.nr_ports; i++ )
    {
        if ( copy_from_guest(&port, (u64)p.ports.p + i * sizeof(port), sizeof(port)) )
            return -EFAULT;
        if ( !evtchn_port_usable(v->domain, port) )
            return -EINVAL;     /* as Xen: out of range, free or reserved */
        if ( evtchn_is_pending(v->domain, port) )
            return 0;
    }
    sched_poll(v, p.nr_ports == 1 ? port : 0, (s_time_t)p.timeout);
    return 0;
}

static long remote_shutdown(u64 arg)
{
    struct pv_sched_remote_shutdown r;
    struct domain *d;

    if ( copy_from_guest(&r, arg, sizeof(r)) )
        return -EFAULT;
    if ( !current->domain->privileged )
        return -EPERM;
    d = domain_lookup(r.domain_id);
    if ( !d || d->state == DOMAIN_DYING )
        return -ESRCH;
    domain_shutdown(d, (u8)r.reason);
    return 0;
}

long do_sched_op(u64 cmd, u64 arg, u64 a3, u64 a4, u64 a5)
{
    struct pv_sched_shutdown sd;

    (void)a3; (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_SCHEDOP_yield:
        sched_request();
        return 0;
    case PV_SCHEDOP_block:
        current->vcpu_info->evtchn_upcall_mask = 0;
        if ( !__atomic_load_n(&current->vcpu_info->evtchn_upcall_pending, __ATOMIC_SEQ_CST) )
            sched_block(current);   /* off the CPU once this call has returned 0 */
        return 0;
    case PV_SCHEDOP_poll:
        return poll(current, arg);
    case PV_SCHEDOP_remote_shutdown:
        return remote_shutdown(arg);
    case PV_SCHEDOP_shutdown:
    case PV_SCHEDOP_shutdown_code:
        if ( copy_from_guest(&sd, arg, sizeof(sd)) )
            return -EFAULT;
        /* Xen takes any reason, truncated to 8 bits, and so does Sierra */
        if ( cmd == PV_SCHEDOP_shutdown_code )
        {
            if ( current->domain->shutdown_code == ~0u )    /* the first one stays */
                current->domain->shutdown_code = (u8)sd.reason;
            return 0;
        }
        domain_shutdown(current->domain, (u8)sd.reason);
        return 0;
    default:
        return -ENOSYS;
    }
}
