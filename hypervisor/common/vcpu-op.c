/*
 * vcpu_op: a domain's vCPUs. Domains have one vCPU for now, always up; the
 * timer and runstate operations come with the scheduler and timer interrupts.
 */
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <sierra/vcpu.h>

long do_vcpu_op(u64 cmd, u64 vcpu, u64 arg, u64 a4, u64 a5)
{
    struct domain *d = current->domain;

    (void)arg; (void)a4; (void)a5;
    if ( vcpu >= d->nr_vcpus )
        return -ENOENT;
    switch ( cmd )
    {
    case PV_VCPUOP_is_up:
        return 1;
    default:
        return -ENOSYS;
    }
}
