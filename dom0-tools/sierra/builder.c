/*
 * The builder's operations over privcmd (builder.h). One page-sized window,
 * mmap'ed from /dev/xen/privcmd, shows the one frame of the new domain the
 * builder is filling, and goes when the builder is done with that frame, so
 * no frame of the domain stays mapped in the tools. A failed build destroys the domain,
 * which gives back everything allocated in it.
 */
#include "../lib/pv-build.h"      /* first: its errno enum, then libc's macros of the same values */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sierra/event-channel.h>
#include <sierra/hypercall.h>
#include <sierra/memory.h>
#include <sierra/mmu.h>
#include <sierra/xenver.h>
#include "builder.h"
#include "hv.h"

struct target {
    uint16_t domid;
    int fd;
    void *window;
};

static int op_populate(void *ctx, u64 nr, u64 *frames)
{
    struct target *t = ctx;
    struct pv_memory_reservation r = { .nr_extents = nr, .domid = t->domid };
    long rc;

    for ( u64 i = 0; i < nr; i++ )
        frames[i] = i;                      /* in: the pfn; out: its frame */
    r.extent_start.p = (pv_pfn_t *)frames;
    rc = hv_hypercall(PV_HYPERCALL_memory_op, PV_XENMEM_populate_physmap, (unsigned long)&r, 0, 0);
    return rc == (long)nr ? 0 : rc < 0 ? (int)rc : -ENOMEM;
}

static void *op_map(void *ctx, u64 mfn)
{
    struct target *t = ctx;

    if ( t->window == MAP_FAILED &&
         (t->window = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, t->fd, 0)) == MAP_FAILED )
        return NULL;
    return hv_map_foreign(t->fd, t->window, t->domid, mfn) ? NULL : t->window;
}

/* really unmapped: a frame about to become one of its page tables may have
 * no writable mapping left anywhere */
static void op_unmap(void *ctx)
{
    struct target *t = ctx;

    if ( t->window != MAP_FAILED )
        munmap(t->window, 4096);
    t->window = MAP_FAILED;
}

static long op_alloc_unbound(void *ctx)
{
    struct target *t = ctx;
    struct pv_evtchn_alloc_unbound a = { .dom = t->domid, .remote_dom = 0 };
    long rc = hv_hypercall(PV_HYPERCALL_event_channel_op, PV_EVTCHNOP_alloc_unbound,
                           (unsigned long)&a, 0, 0);

    return rc ? rc : (long)a.port;
}

static int op_hypercall_init(void *ctx, u64 mfn)
{
    struct target *t = ctx;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_hypercall_init, .domain = t->domid };

    op.u.hypercall_init.gmfn = mfn;
    return (int)hv_domctl(&op);
}

static int op_pin_l4(void *ctx, u64 mfn)
{
    struct target *t = ctx;
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_PIN_L4_TABLE, .arg1.mfn = mfn };

    return (int)hv_hypercall(PV_HYPERCALL_mmuext_op, (unsigned long)&op, 1, 0, t->domid);
}

static int op_set_context(void *ctx, const struct pv_vcpu_guest_context *c)
{
    struct target *t = ctx;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_setvcpucontext, .domain = t->domid };

    op.u.vcpucontext.vcpu = 0;
    op.u.vcpucontext.ctxt = (unsigned long)c;
    return (int)hv_domctl(&op);
}

long build_from_config(const struct dom_config *c, const void *kernel, size_t kernel_len,
                       const void *initrd, size_t initrd_len)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_createdomain };
    struct target t = { .fd = -1, .window = MAP_FAILED };
    struct pv_build_ops ops = {
        .ctx = &t, .populate = op_populate, .map = op_map, .unmap = op_unmap,
        .alloc_unbound = op_alloc_unbound, .hypercall_init = op_hypercall_init,
        .pin_l4 = op_pin_l4, .set_context = op_set_context,
    };
    u64 nr_pages = c->current_kib / 4;
    struct pv_build_args a = { .kernel = kernel, .kernel_len = kernel_len, .initrd = initrd,
                               .initrd_len = initrd_len, .cmdline = c->cmdline, .nr_pages = nr_pages };
    struct pv_feature_info fi = { .submap_idx = 0 };
    struct pv_build_result r;
    u64 *p2m = calloc(nr_pages, sizeof(*p2m));
    long rc;

    if ( strlen(c->name) >= sizeof(op.u.createdomain.name) )
        return -ENAMETOOLONG;               /* the hypervisor keeps 31 characters */
    if ( !p2m )
        return -ENOMEM;
    op.u.createdomain.flags = SIERRA_CDF_pv64;
    op.u.createdomain.max_vcpus = c->vcpus;
    op.u.createdomain.max_pages = c->memory_kib / 4;
    memcpy(op.u.createdomain.handle, c->uuid, sizeof(c->uuid));
    memcpy(op.u.createdomain.name, c->name, strlen(c->name) + 1);
    if ( (rc = hv_domctl(&op)) )
    {
        free(p2m);
        return rc;
    }
    t.domid = op.domain;
    op = (struct sierra_domctl){ .cmd = SIERRA_DOMCTL_getdomaininfo, .domain = t.domid };
    rc = hv_domctl(&op);
    a.shared_info_mfn = op.u.getdomaininfo.shared_info_frame;
    hv_hypercall(PV_HYPERCALL_xen_version, PV_XENVER_get_features, (unsigned long)&fi, 0, 0);
    a.features = fi.submap & ~(1u << PV_XENFEAT_dom0);     /* as libxenguest asks */
    if ( !rc && (t.fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC)) < 0 )
        rc = -errno;
    if ( !rc )
        rc = pv_build_domain(&ops, &a, p2m, &r);
    op_unmap(&t);
    if ( !rc )
    {
        /* where its console and xenstore are, for `sierra console` to find */
        struct sierra_domctl rings = { .cmd = SIERRA_DOMCTL_set_rings, .domain = t.domid };

        rings.u.rings = (struct sierra_domctl_rings){
            .console_gfn = r.console_mfn, .store_gfn = r.store_mfn,
            .console_port = r.console_port, .store_port = r.store_port,
        };
        rc = hv_domctl(&rings);
    }
    if ( t.fd >= 0 )
        close(t.fd);
    free(p2m);
    if ( rc )
    {
        struct sierra_domctl d = { .cmd = SIERRA_DOMCTL_destroydomain, .domain = t.domid };

        hv_domctl(&d);
        return rc;
    }
    return t.domid;
}
