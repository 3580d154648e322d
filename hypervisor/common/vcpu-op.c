/*
 * vcpu_op and set_timer_op: a domain's vCPUs and their timers, runstate and
 * vcpu_info placement. A secondary vCPU is brought up as on Xen: it gets a
 * context once (initialise), then up; down takes it off the CPU (and the
 * last one down powers the domain off). Timers: one-shot (set_timer_op, or
 * VCPUOP_set_singleshot_timer; a deadline already past fires at once) and
 * periodic (at least 1 ms), both raising VIRQ_TIMER; as on Xen, a vCPU may
 * only arm its own timers.
 */
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/runstate.h>
#include <hv/vtime.h>
#include <asm/pv/mm.h>
#include <asm/pv/vcpu-context.h>
#include <hv/mm.h>
#include <hv/printk.h>
#include <hv/sched.h>
#include <sierra/sched.h>
#include <sierra/vcpu.h>


long do_set_timer_op(u64 timeout, u64 a2, u64 a3, u64 a4, u64 a5)
{
    (void)a2; (void)a3; (void)a4; (void)a5;
    if ( !timeout )
        vcpu_stop_singleshot(current);
    else
        vcpu_set_singleshot(current, (s_time_t)timeout);   /* past: fires at once */
    return 0;
}

static long initialise(struct vcpu *v, u64 arg)
{
    struct pv_vcpu_guest_context *c = alloc_xen_pages(CONTEXT_ORDER);
    long rc;

    if ( !c )
        return -ENOMEM;
    rc = copy_from_guest(c, arg, sizeof(*c)) ? -EFAULT : pv_vcpu_set_context(v, c);
    free_xen_pages(c, CONTEXT_ORDER);
    return rc;
}

/* as Xen: the last vCPU of a domain going down powers the domain off */
static long down(struct vcpu *v)
{
    struct domain *d = v->domain;
    bool others_up = false;

    for ( unsigned int i = 0; i < d->nr_vcpus; i++ )
        others_up |= d->vcpu[i] != v && !d->vcpu[i]->down;
    if ( !others_up )
    {
        domain_shutdown(d, PV_SHUTDOWN_poweroff);
        return 0;
    }
    if ( !v->down )
    {
        v->down = true;
        if ( v == current )
            sched_request();    /* off the CPU once this call returns */
        else
            runstate_change(v, PV_RUNSTATE_offline);
    }
    return 0;
}

long do_vcpu_op(u64 cmd, u64 vcpu, u64 arg, u64 a4, u64 a5)
{
    struct domain *d = current->domain;
    struct vcpu *v;

    (void)a4; (void)a5;
    if ( vcpu >= d->nr_vcpus )
        return -ENOENT;
    v = d->vcpu[vcpu];
    switch ( cmd )
    {
    case PV_VCPUOP_initialise:
        return initialise(v, arg);
    case PV_VCPUOP_up:
        if ( !v->initialised )
            return -EINVAL;
        if ( v->down )
        {
            pr_debug("d%u: vCPU %u up at %#lx\n", v->domain->id, v->id,
                     (unsigned long)v->saved.regs.rip);
            v->down = false;
            runstate_change(v, PV_RUNSTATE_runnable);
            sched_request();
        }
        return 0;
    case PV_VCPUOP_down:
        return down(v);
    case PV_VCPUOP_is_up:
        return !v->down;
    case PV_VCPUOP_get_runstate_info:
    {
        struct pv_vcpu_runstate_info r;

        runstate_get(v, &r);
        return copy_to_guest(arg, &r, sizeof(r));
    }
    case PV_VCPUOP_register_runstate_memory_area:
    {
        struct pv_vcpu_register_runstate_memory_area a;

        if ( copy_from_guest(&a, arg, sizeof(a)) )
            return -EFAULT;
        return runstate_register_area(v, a.addr.p);
    }
    case PV_VCPUOP_register_vcpu_time_memory_area:
    {
        struct pv_vcpu_register_time_memory_area a;

        if ( copy_from_guest(&a, arg, sizeof(a)) )
            return -EFAULT;
        return vtime_register_area(v, a.addr.p);
    }
    case PV_VCPUOP_register_vcpu_info:
    {
        struct pv_vcpu_register_vcpu_info info;

        if ( copy_from_guest(&info, arg, sizeof(info)) )
            return -EFAULT;
        return pv_register_vcpu_info(v, info.mfn, info.offset);
    }
    case PV_VCPUOP_set_periodic_timer:
    {
        struct pv_vcpu_set_periodic_timer p;

        if ( copy_from_guest(&p, arg, sizeof(p)) )
            return -EFAULT;
        return vcpu_set_periodic(v, (s_time_t)p.period_ns);
    }
    case PV_VCPUOP_stop_periodic_timer:
        return vcpu_set_periodic(v, 0);
    case PV_VCPUOP_set_singleshot_timer:
    {
        struct pv_vcpu_set_singleshot_timer s;

        if ( v != current )
            return -EINVAL;
        if ( copy_from_guest(&s, arg, sizeof(s)) )
            return -EFAULT;
        /* VCPU_SSHOTTMR_future is ignored, as Xen 4.17 ignores it: a past
         * deadline fires at once */
        vcpu_set_singleshot(v, (s_time_t)s.timeout_abs_ns);
        return 0;
    }
    case PV_VCPUOP_stop_singleshot_timer:
        if ( v != current )
            return -EINVAL;
        vcpu_stop_singleshot(v);
        return 0;
    default:
        return -ENOSYS;
    }
}
