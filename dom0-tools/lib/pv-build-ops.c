/*
 * A control domain's builder operations (pv-build-ops.h): memory_op
 * populate_physmap for the new domain, an unbound event channel in it for
 * dom0, domctl hypercall_init and setvcpucontext, and mmuext_op PIN_L4 with
 * the new domain as the foreign owner - so the hypervisor validates every
 * table as that domain's own.
 */
#include <sierra/domctl.h>
#include <sierra/event-channel.h>
#include <sierra/hypercall.h>
#include <sierra/memory.h>
#include <sierra/mmu.h>
#include "pv-build-ops.h"

long pv_build_domctl(struct pv_build_target *t, struct sierra_domctl *op)
{
    op->interface_version = SIERRA_DOMCTL_INTERFACE_VERSION;
    return t->hypercall(PV_HYPERCALL_domctl, (unsigned long)op, 0, 0, 0);
}

static int populate(void *ctx, u64 nr, u64 *frames)
{
    struct pv_build_target *t = ctx;
    struct pv_memory_reservation r = { .nr_extents = nr, .domid = t->domid };
    long rc;

    for ( u64 i = 0; i < nr; i++ )
        frames[i] = i;                          /* in: the pfn; out: its frame */
    r.extent_start.p = (pv_pfn_t *)frames;
    rc = t->hypercall(PV_HYPERCALL_memory_op, PV_XENMEM_populate_physmap, (unsigned long)&r, 0, 0);
    return rc == (long)nr ? 0 : rc < 0 ? (int)rc : -ENOMEM;
}

static void *map(void *ctx, u64 mfn)
{
    struct pv_build_target *t = ctx;

    return t->map(t, mfn);
}

static void unmap(void *ctx)
{
    struct pv_build_target *t = ctx;

    t->unmap(t);
}

static long alloc_unbound(void *ctx)
{
    struct pv_build_target *t = ctx;
    struct pv_evtchn_alloc_unbound a = { .dom = t->domid, .remote_dom = 0 };
    long rc = t->hypercall(PV_HYPERCALL_event_channel_op, PV_EVTCHNOP_alloc_unbound,
                           (unsigned long)&a, 0, 0);

    return rc ? rc : (long)a.port;
}

static int hypercall_init(void *ctx, u64 mfn)
{
    struct pv_build_target *t = ctx;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_hypercall_init, .domain = t->domid };

    op.u.hypercall_init.gmfn = mfn;
    return (int)pv_build_domctl(t, &op);
}

static int pin_l4(void *ctx, u64 mfn)
{
    struct pv_build_target *t = ctx;
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_PIN_L4_TABLE, .arg1.mfn = mfn };

    return (int)t->hypercall(PV_HYPERCALL_mmuext_op, (unsigned long)&op, 1, 0, t->domid);
}

static int set_context(void *ctx, const struct pv_vcpu_guest_context *c)
{
    struct pv_build_target *t = ctx;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_setvcpucontext, .domain = t->domid };

    op.u.vcpucontext.vcpu = 0;
    op.u.vcpucontext.ctxt = (unsigned long)c;
    return (int)pv_build_domctl(t, &op);
}

struct pv_build_ops pv_build_ops_for(struct pv_build_target *t)
{
    return (struct pv_build_ops){
        .ctx = t, .populate = populate, .map = map, .unmap = unmap,
        .alloc_unbound = alloc_unbound, .hypercall_init = hypercall_init,
        .pin_l4 = pin_l4, .set_context = set_context,
    };
}
