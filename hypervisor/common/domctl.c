/*
 * domctl: Sierra's control interface for domains (abi/include/sierra/domctl.h,
 * abi/ABI.md). Only a privileged domain may call it, and only with this
 * release's interface version (-EACCES otherwise, before anything else is
 * looked at). Every operation checks all its arguments before it changes
 * anything; createdomain either returns a complete (paused, empty) domain or
 * leaves none behind.
 */
#include <asm/guest-access.h>
#include <asm/pv/mm.h>
#include <asm/pv/traps.h>
#include <asm/pv/vcpu-context.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/runstate.h>
#include <hv/sched.h>
#include <sierra/domctl.h>
#include <sierra/sched.h>

static bool name_ok(const char *name)
{
    size_t n = 0;

    while ( n < SIERRA_DOMAIN_NAME_LEN && name[n] )
        n++;
    return n > 0 && n < SIERRA_DOMAIN_NAME_LEN;
}

static bool name_taken(const char *name)
{
    for ( struct domain *d = domain_next(0); d; d = domain_next(d->id + 1) )
        if ( !strcmp(d->name, name) )
            return true;
    return false;
}

static long createdomain(struct sierra_domctl *op)
{
    const struct sierra_domctl_createdomain *c = &op->u.createdomain;
    u32 kind = c->flags & (SIERRA_CDF_pv64 | SIERRA_CDF_pv32 | SIERRA_CDF_hvm);
    struct domain *d;
    domid_t id = op->domain;

    if ( kind != SIERRA_CDF_pv64 && kind != SIERRA_CDF_pv32 && kind != SIERRA_CDF_hvm )
        return -EINVAL;                 /* exactly one kind */
    if ( c->flags & ~(SIERRA_CDF_pv64 | SIERRA_CDF_pv32 | SIERRA_CDF_hvm | SIERRA_CDF_iommu |
                      SIERRA_CDF_privileged) )
        return -EINVAL;
    if ( c->max_vcpus < 1 || c->max_vcpus > DOMAIN_MAX_VCPUS || !c->max_pages || !name_ok(c->name) )
        return -EINVAL;
    if ( kind != SIERRA_CDF_pv64 || (c->flags & SIERRA_CDF_iommu) )
        return -EOPNOTSUPP;             /* 32-bit PV, HVM, passthrough: not yet */
    if ( name_taken(c->name) )
        return -EEXIST;
    if ( id == 0 )
    {
        for ( id = 1; id < MAX_DOMAINS && domain_lookup(id); id++ )
            ;
        if ( id == MAX_DOMAINS )
            return -ENOSPC;
    }
    else if ( id >= MAX_DOMAINS )
        return -EINVAL;
    else if ( domain_lookup(id) )
        return -EEXIST;
    d = domain_create(id, c->flags & SIERRA_CDF_privileged, c->max_pages, c->max_vcpus);
    if ( !d )
        return -ENOMEM;
    d->paused = true;
    memcpy(d->handle, c->handle, sizeof(d->handle));
    memcpy(d->name, c->name, sizeof(d->name));
    op->domain = id;
    return 0;
}

void domain_getinfo(const struct domain *d, struct sierra_domctl_getdomaininfo *i)
{
    bool all_blocked = true, any_online = false;

    memset(i, 0, sizeof(*i));
    i->domid = d->id;
    i->flags = (d->state == DOMAIN_DYING ? SIERRA_DOMINF_dying : 0) |
               (d->state == DOMAIN_SHUTDOWN ? SIERRA_DOMINF_shutdown : 0) |
               (d->paused ? SIERRA_DOMINF_paused : 0) |
               (d->privileged ? SIERRA_DOMINF_privileged : 0) |
               (d == current->domain ? SIERRA_DOMINF_running : 0);
    i->shutdown_reason = d->shutdown_reason;
    for ( unsigned int v = 0; v < d->nr_vcpus; v++ )
    {
        const struct vcpu *vc = d->vcpu[v];
        struct pv_vcpu_runstate_info r;

        runstate_get(vc, &r);
        i->cpu_time_ns += r.time[PV_RUNSTATE_running];
        if ( vc->initialised && !vc->down )
        {
            any_online = true;
            all_blocked &= vc->blocked;
        }
    }
    if ( any_online && all_blocked && d->state == DOMAIN_RUNNING )
        i->flags |= SIERRA_DOMINF_blocked;
    i->nr_online_vcpus = d->nr_vcpus;
    i->max_vcpu_id = d->nr_vcpus - 1;
    i->tot_pages = d->tot_pages;
    i->max_pages = d->max_pages;
    i->shared_info_frame = d->shared_info_mfn;
    memcpy(i->handle, d->handle, sizeof(i->handle));
    memcpy(i->name, d->name, sizeof(i->name));
}

/* setvcpucontext: a builder gives a (paused or not yet started) vCPU its
 * first context; getvcpucontext: a vCPU's context out to the caller. Both
 * in the 64-bit layout, never on the caller's own (running) vCPUs. */
static long vcpucontext(struct domain *d, const struct sierra_domctl_vcpucontext *vc, bool set)
{
    struct pv_vcpu_guest_context *c;
    struct vcpu *v;
    long rc;

    if ( d == current->domain )
        return -EINVAL;
    if ( vc->vcpu >= d->nr_vcpus )
        return -ENOENT;
    v = d->vcpu[vc->vcpu];
    if ( set && !d->paused && v->initialised )
        return -EBUSY;
    if ( !set && !v->initialised )
        return -ENODATA;                /* as Xen */
    c = alloc_xen_pages(CONTEXT_ORDER);
    if ( !c )
        return -ENOMEM;
    if ( set )
        rc = copy_from_guest(c, vc->ctxt, sizeof(*c)) ? -EFAULT : pv_vcpu_set_context(v, c);
    else
    {
        pv_vcpu_get_context(v, c);
        rc = copy_to_guest(vc->ctxt, c, sizeof(*c)) ? -EFAULT : 0;
    }
    free_xen_pages(c, CONTEXT_ORDER);
    return rc;
}

/* the hypercall stubs into frame mfn of d, which must be d's and untyped */
static long hypercall_init(struct domain *d, u64 mfn)
{
    if ( pv_get_writable(mfn, d->id) )
        return -EINVAL;
    pv_write_hypercall_page(maddr_to_virt(mfn << PAGE_SHIFT));
    pv_put_writable(mfn);
    return 0;
}

/* set_rings: where the tools put a domain's console and xenstore rings,
 * for the tools to find again (sierra console). The frames must be the
 * domain's, the ports its, the backends live domains. */
static int ring_frame_ok(const struct domain *d, u64 mfn)
{
    return mfn < nr_frames && frame_table[mfn].state == FRAME_ALLOCATED &&
           frame_table[mfn].owner == d->id;
}

static long set_rings(struct domain *d, const struct sierra_domctl_rings *r)
{
    if ( !ring_frame_ok(d, r->console_gfn) || !ring_frame_ok(d, r->store_gfn) ||
         r->console_port >= d->nr_evtchn || r->store_port >= d->nr_evtchn ||
         !domain_lookup(r->console_backend) || !domain_lookup(r->store_backend) || r->pad )
        return -EINVAL;
    d->rings = *r;
    return 0;
}

long do_domctl(u64 arg, u64 a2, u64 a3, u64 a4, u64 a5)
{
    struct sierra_domctl op;
    struct domain *d;
    long rc = 0;

    (void)a2; (void)a3; (void)a4; (void)a5;
    if ( !current->domain->privileged )
        return -EPERM;
    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( op.interface_version != SIERRA_DOMCTL_INTERFACE_VERSION )
        return -EACCES;
    if ( op.cmd == SIERRA_DOMCTL_createdomain )
        rc = createdomain(&op);
    else if ( op.cmd == SIERRA_DOMCTL_getdomaininfo )
    {
        d = domain_next(op.domain);
        if ( !d )
            return -ESRCH;
        domain_getinfo(d, &op.u.getdomaininfo);
    }
    else
    {
        d = domain_lookup(op.domain);
        if ( !d || d->state == DOMAIN_DYING )
            return -ESRCH;
        switch ( op.cmd )
        {
        case SIERRA_DOMCTL_destroydomain:
            if ( d == current->domain || d->id == 0 )
                return -EPERM;
            domain_destroy(d);
            return 0;
        case SIERRA_DOMCTL_pausedomain:
        case SIERRA_DOMCTL_unpausedomain:
            if ( d == current->domain )
                return -EINVAL;
            d->paused = op.cmd == SIERRA_DOMCTL_pausedomain;
            sched_request();
            return 0;
        case SIERRA_DOMCTL_setvcpucontext:
        case SIERRA_DOMCTL_getvcpucontext:
            return vcpucontext(d, &op.u.vcpucontext, op.cmd == SIERRA_DOMCTL_setvcpucontext);
        case SIERRA_DOMCTL_hypercall_init:
            return hypercall_init(d, op.u.hypercall_init.gmfn);
        case SIERRA_DOMCTL_shutdown:
            if ( d == current->domain || op.u.shutdown.reason > PV_SHUTDOWN_MAX )
                return -EINVAL;
            domain_shutdown(d, op.u.shutdown.reason);
            return 0;
        case SIERRA_DOMCTL_max_mem:
            if ( op.u.max_mem.max_pages < d->tot_pages )
                return -EINVAL;
            d->max_pages = op.u.max_mem.max_pages;
            return 0;
        case SIERRA_DOMCTL_set_rings:
            return set_rings(d, &op.u.rings);
        case SIERRA_DOMCTL_get_rings:
            op.u.rings = d->rings;
            break;
        case SIERRA_DOMCTL_getvcpuinfo:
        case SIERRA_DOMCTL_setvcpuaffinity:
        case SIERRA_DOMCTL_getvcpuaffinity:
        case SIERRA_DOMCTL_scheduler_op:
            rc = domctl_vcpu(d, &op);
            break;
        case SIERRA_DOMCTL_max_vcpus:
            return op.u.max_vcpus.max_vcpus >= 1 && op.u.max_vcpus.max_vcpus <= DOMAIN_MAX_VCPUS ?
                   0 : -EINVAL;
        default:
            return -ENOSYS;
        }
    }
    if ( rc )
        return rc;
    return copy_to_guest(arg, &op, sizeof(op));
}
