/*
 * sched_op: the guest gives up the CPU, waits, or shuts down. Yield lets
 * every other runnable vCPU go first; block enables events and takes the
 * vCPU off the CPU until an event is pending for it (a timer's VIRQ, say),
 * which it then takes in its event callback when it runs again. The switch
 * itself happens after the hypercall returns (hv/sched.h).
 */
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/sched.h>
#include <sierra/sched.h>

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
    case PV_SCHEDOP_shutdown:
    case PV_SCHEDOP_shutdown_code:
        if ( copy_from_guest(&sd, arg, sizeof(sd)) )
            return -EFAULT;
        /* Xen takes any reason, truncated to 8 bits, and so does Sierra */
        if ( cmd == PV_SCHEDOP_shutdown_code )
        {
            current->domain->shutdown_code = (u8)sd.reason;
            return 0;
        }
        domain_shutdown(current->domain, (u8)sd.reason);
        return 0;
    default:
        return -ENOSYS;
    }
}
