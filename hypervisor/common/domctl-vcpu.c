/*
 * The domctl operations on a domain's vCPUs and its scheduling parameters
 * (abi/ABI.md "domctl"), for `sierra vcpu-list`, `vcpu-pin` and
 * `sched-credit`:
 *   getvcpuinfo: one vCPU's state, CPU time and CPU.
 *   setvcpuaffinity / getvcpuaffinity: the physical CPUs a vCPU may run on,
 *     as a bitmap of nr_bits bits in the caller's memory; a mask naming no
 *     CPU the scheduler uses is -EINVAL (this machine runs vCPUs on CPU 0).
 *   scheduler_op: the domain's credit weight (1-65535) and cap (% of one
 *     CPU, 0 = none, at most 100 per vCPU), read (getinfo) or set (putinfo).
 * A vCPU number past the domain's: -ENOENT. Bad buffers: -EFAULT.
 */
#include <asm/guest-access.h>
#include <hv/domctl.h>
#include <hv/lib.h>
#include <hv/runstate.h>
#include <hv/sched.h>

#define AFFINITY_BITS 64

static long getvcpuinfo(struct domain *d, struct sierra_domctl_getvcpuinfo *i)
{
    const struct vcpu *v;
    struct pv_vcpu_runstate_info r;

    if ( i->vcpu >= d->nr_vcpus )
        return -ENOENT;
    v = d->vcpu[i->vcpu];
    runstate_get(v, &r);
    i->online = v->initialised && !v->down;
    i->blocked = v->blocked;
    i->running = v == current;
    i->pad = 0;
    i->cpu_time_ns = r.time[PV_RUNSTATE_running];
    i->cpu = 0;
    i->pad2 = 0;
    return 0;
}

static long affinity(struct domain *d, const struct sierra_domctl_vcpuaffinity *a, bool set)
{
    static const u8 zeros[AFFINITY_BITS / 8];
    u8 bytes[AFFINITY_BITS / 8] = { 0 };
    u64 len = ((u64)a->nr_bits + 7) / 8, mask = 0;
    struct vcpu *v;

    if ( a->vcpu >= d->nr_vcpus )
        return -ENOENT;
    v = d->vcpu[a->vcpu];
    if ( set )
    {
        if ( copy_from_guest(bytes, a->bitmap, MIN(len, sizeof(bytes))) )
            return -EFAULT;
        for ( unsigned int b = 0; b < MIN((u64)a->nr_bits, (u64)AFFINITY_BITS); b++ )
            if ( bytes[b / 8] & (1u << (b % 8)) )
                mask |= 1UL << b;
        if ( !(mask & SCHED_CPUS_MASK) )
            return -EINVAL;
        v->affinity = mask & SCHED_CPUS_MASK;
        return 0;
    }
    for ( unsigned int b = 0; b < AFFINITY_BITS; b++ )
        if ( v->affinity & (1UL << b) )
            bytes[b / 8] |= (u8)(1u << (b % 8));
    for ( u64 off = 0; off < len; off += sizeof(bytes) )
    {
        u64 n = MIN(len - off, (u64)sizeof(bytes));

        if ( copy_to_guest(a->bitmap + off, off ? zeros : bytes, n) )
            return -EFAULT;
    }
    return 0;
}

static long scheduler_op(struct domain *d, struct sierra_domctl_scheduler_op *s)
{
    switch ( s->cmd )
    {
    case SIERRA_SCHEDOP_getinfo:
        s->weight = d->credit.weight;
        s->cap = d->credit.cap;
        return 0;
    case SIERRA_SCHEDOP_putinfo:
        if ( !s->weight || s->cap > 100 * d->nr_vcpus )
            return -EINVAL;
        d->credit.weight = s->weight;
        d->credit.cap = s->cap;
        sched_request();
        return 0;
    default:
        return -EINVAL;
    }
}

long domctl_vcpu(struct domain *d, struct sierra_domctl *op)
{
    switch ( op->cmd )
    {
    case SIERRA_DOMCTL_getvcpuinfo:
        return getvcpuinfo(d, &op->u.getvcpuinfo);
    case SIERRA_DOMCTL_setvcpuaffinity:
    case SIERRA_DOMCTL_getvcpuaffinity:
        return affinity(d, &op->u.vcpuaffinity, op->cmd == SIERRA_DOMCTL_setvcpuaffinity);
    default:
        return scheduler_op(d, &op->u.scheduler_op);
    }
}
