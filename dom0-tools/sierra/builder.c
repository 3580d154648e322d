/*
 * The builder over privcmd (builder.h): the shared operations
 * (pv-build-ops.c) with privcmd's hypercall, and one page-sized window,
 * mmap'ed from /dev/xen/privcmd, shows the one frame of the new domain the
 * builder is filling, and goes when the builder is done with that frame, so
 * no frame of the domain stays mapped in the tools. A failed build destroys the domain,
 * which gives back everything allocated in it.
 */
#include "../lib/pv-build-ops.h"  /* first: its errno enum, then libc's macros of the same values */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sierra/hypercall.h>
#include <sierra/xenver.h>
#include "builder.h"
#include "cpuset.h"
#include "hv.h"

struct target {
    struct pv_build_target base;        /* first: the builder's ops get &base */
    int fd;
    void *window;
};

static void *map_frame(struct pv_build_target *b, u64 mfn)
{
    struct target *t = (struct target *)b;

    if ( t->window == MAP_FAILED &&
         (t->window = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, t->fd, 0)) == MAP_FAILED )
        return NULL;
    return hv_map_foreign(t->fd, t->window, b->domid, mfn) ? NULL : t->window;
}

/* really unmapped: a frame about to become one of its page tables may have
 * no writable mapping left anywhere */
static void unmap_frame(struct pv_build_target *b)
{
    struct target *t = (struct target *)b;

    if ( t->window != MAP_FAILED )
        munmap(t->window, 4096);
    t->window = MAP_FAILED;
}

/* cputune and <vcpu cpuset>: the credit weight and cap, each vCPU's
 * affinity (its vcpupin, else the domain's cpuset, else all CPUs) */
static long apply_tuning(const struct dom_config *c, uint16_t domid)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_scheduler_op, .domain = domid };
    long rc;

    op.u.scheduler_op.cmd = SIERRA_SCHEDOP_putinfo;
    op.u.scheduler_op.weight = (uint16_t)(c->weight ? c->weight : 256);
    op.u.scheduler_op.cap = (uint16_t)c->cap;
    if ( (rc = hv_domctl(&op)) )
        return rc;
    for ( unsigned int v = 0; v < c->vcpus; v++ )
    {
        const char *set = c->cpuset[0] ? c->cpuset : NULL;
        uint64_t mask;

        for ( unsigned int p = 0; p < c->nr_pins; p++ )
            if ( c->pins[p].vcpu == v )
                set = c->pins[p].cpuset;
        if ( !set )
            continue;
        if ( cpuset_parse(set, &mask) )
            return -EINVAL;
        op = (struct sierra_domctl){ .cmd = SIERRA_DOMCTL_setvcpuaffinity, .domain = domid };
        op.u.vcpuaffinity = (struct sierra_domctl_vcpuaffinity){ .vcpu = v, .nr_bits = CPUSET_BITS,
                                                                 .bitmap = (uint64_t)&mask };
        if ( (rc = hv_domctl(&op)) )
            return rc;
    }
    return 0;
}

long build_from_config(const struct dom_config *c, const void *kernel, size_t kernel_len,
                       const void *initrd, size_t initrd_len)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_createdomain };
    struct target t = { { .hypercall = hv_hypercall, .map = map_frame, .unmap = unmap_frame },
                        -1, MAP_FAILED };
    struct pv_build_ops ops = pv_build_ops_for(&t.base);
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
    t.base.domid = op.domain;
    op = (struct sierra_domctl){ .cmd = SIERRA_DOMCTL_getdomaininfo, .domain = t.base.domid };
    rc = hv_domctl(&op);
    a.shared_info_mfn = op.u.getdomaininfo.shared_info_frame;
    hv_hypercall(PV_HYPERCALL_xen_version, PV_XENVER_get_features, (unsigned long)&fi, 0, 0);
    a.features = fi.submap & ~(1u << PV_XENFEAT_dom0);     /* as libxenguest asks */
    if ( !rc && (t.fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC)) < 0 )
        rc = -errno;
    if ( !rc )
        rc = pv_build_domain(&ops, &a, p2m, &r);
    unmap_frame(&t.base);
    if ( !rc )
    {
        /* where its console and xenstore are, for `sierra console` to find */
        struct sierra_domctl rings = { .cmd = SIERRA_DOMCTL_set_rings, .domain = t.base.domid };

        rings.u.rings = (struct sierra_domctl_rings){
            .console_gfn = r.console_mfn, .store_gfn = r.store_mfn,
            .console_port = r.console_port, .store_port = r.store_port,
        };
        rc = hv_domctl(&rings);
    }
    if ( !rc )
        rc = apply_tuning(c, t.base.domid);
    if ( t.fd >= 0 )
        close(t.fd);
    free(p2m);
    if ( rc )
    {
        struct sierra_domctl d = { .cmd = SIERRA_DOMCTL_destroydomain, .domain = t.base.domid };

        hv_domctl(&d);
        return rc;
    }
    return t.base.domid;
}
