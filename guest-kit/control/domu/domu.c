/*
 * domu: dom0 builds, runs and destroys domUs with the tools' builder
 * (dom0-tools/lib/pv-build.c) over Sierra's control ABI, the way the `sierra`
 * CLI will through privcmd. Its module is the domU's kernel (guest-kit's
 * hello). Each round: create a paused domain, build the kernel into it,
 * unpause, wait for VIRQ_DOM_EXC, see it shut down with poweroff, destroy it
 * and find every page back (20 rounds, or rounds=N on dom0's command line).
 * Builds that must fail (a kernel that is not one, too little memory) leave
 * nothing behind once destroyed. Not compared with Xen: domctl is Sierra's
 * own interface.
 */
#include <sierra-guest/control.h>
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domctl.h>
#include <sierra/errno.h>
#include <sierra/sched.h>
#include <sierra/sysctl.h>
#include <sierra/xenver.h>
#include <hv/lib.h>
#include "../../../dom0-tools/lib/pv-build-ops.h"
#include "relay.h"

#define ROUNDS      20        /* unless the command line says rounds=N */
#define DOMU_PAGES  2048        /* 8 MiB */

static u64 p2m[DOMU_PAGES];
static volatile unsigned int dom_exc;
static unsigned char *window;   /* where the builder's frame is mapped */

static unsigned long free_pages(void)
{
    return kit_physinfo().free_pages;
}

static long kit_hypercall(unsigned int nr, unsigned long a1, unsigned long a2, unsigned long a3,
                          unsigned long a4)
{
    return hypercall(nr, a1, a2, a3, a4, 0);
}

/* the builder's frame at our window, through update_va_mapping_otherdomain */
static void *map_frame(struct pv_build_target *t, u64 mfn)
{
    u64 pte = (mfn << 12) | 0x67;               /* P RW U A D */

    if ( HC(PV_HYPERCALL_update_va_mapping_otherdomain, window, pte, PV_UVMF_INVLPG, t->domid, 0) )
        return NULL;
    return window;
}

static void unmap_frame(struct pv_build_target *t)
{
    (void)t;
    hyp_update_va_mapping((unsigned long)window, 0, PV_UVMF_INVLPG);
}

static void on_dom_exc(unsigned int port)
{
    (void)port;
    dom_exc++;
}

/* create a paused domain and build kernel[0..len) into it with nr_pages */
static long create_and_build(const char *name, const void *kernel, size_t len, u64 nr_pages,
                             struct pv_build_result *r)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_createdomain };
    struct pv_build_target t = { .hypercall = kit_hypercall, .map = map_frame, .unmap = unmap_frame };
    struct pv_build_ops ops = pv_build_ops_for(&t);
    struct pv_build_args a = { .kernel = kernel, .kernel_len = len, .nr_pages = nr_pages,
                               .cmdline = "from the domu builder" };
    long rc;

    op.u.createdomain.flags = SIERRA_CDF_pv64;
    op.u.createdomain.max_vcpus = 1;
    op.u.createdomain.max_pages = nr_pages;
    memcpy(op.u.createdomain.name, name, strlen(name) + 1);
    rc = kit_domctl(&op);
    if ( rc )
        return rc;
    t.domid = op.domain;
    op = (struct sierra_domctl){ .cmd = SIERRA_DOMCTL_getdomaininfo, .domain = t.domid };
    rc = kit_domctl(&op);
    a.shared_info_mfn = op.u.getdomaininfo.shared_info_frame;
    {
        struct pv_feature_info fi = { .submap_idx = 0 };

        hyp_xen_version(PV_XENVER_get_features, &fi);      /* as libxenguest asks */
        a.features = fi.submap & ~(1u << PV_XENFEAT_dom0);
    }
    if ( !rc )
        rc = pv_build_domain(&ops, &a, p2m, r);
    if ( rc )
    {
        kit_domctl_on(SIERRA_DOMCTL_destroydomain, t.domid);
        return rc;
    }
    return t.domid;
}

/* domctl getvcpucontext of a built, paused domain: what the builder set */
static void context_of(uint16_t domid, const struct pv_build_result *r)
{
    static struct pv_vcpu_guest_context c;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_getvcpucontext, .domain = domid };
    long rc;

    op.u.vcpucontext.ctxt = (unsigned long)&c;
    rc = kit_domctl(&op);
    check(rc == 0 && c.user_regs.rip == r->entry && c.user_regs.rsi == r->start_info_va &&
          (c.flags & PV_VGCF_in_kernel) && (c.flags & PV_VGCF_online) && c.ctrlreg[3] &&
          c.user_regs.cs == 0xe033 && c.debugreg[6] == 0xffff0ff0 && c.debugreg[7] == 0x400,
          "getvcpucontext -> %ld: RIP the entry, RSI start_info, kernel mode, online, CR3 %#lx",
          rc, (unsigned long)c.ctrlreg[3]);
    op.u.vcpucontext.vcpu = 1;
    rc = kit_domctl(&op);
    check(rc == -PV_ENOENT, "getvcpucontext of a vCPU it does not have -> %ld", rc);
    op.u.vcpucontext.vcpu = 0;
    op.u.vcpucontext.ctxt = 0xffff830000000000UL;
    rc = kit_domctl(&op);
    check(rc == -PV_EFAULT, "getvcpucontext into the hypervisor hole -> %ld", rc);
    op.domain = 0;
    op.u.vcpucontext.ctxt = (unsigned long)&c;
    rc = kit_domctl(&op);
    check(rc == -PV_EINVAL, "getvcpucontext of the caller itself -> %ld", rc);
}

static struct sierra_domctl_getdomaininfo info_of(uint16_t domid)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_getdomaininfo, .domain = domid };

    kit_domctl(&op);
    return op.u.getdomaininfo;
}

static unsigned int rounds_wanted(void)
{
    const char *p = (const char *)start_info->cmd_line;
    unsigned int n = 0;

    while ( *p && memcmp(p, "rounds=", 7) )
        p++;
    if ( !*p )
        return ROUNDS;
    for ( p += 7; *p >= '0' && *p <= '9'; p++ )
        n = n * 10 + (unsigned int)(*p - '0');
    return n;
}

int main(void)
{
    unsigned int rounds = rounds_wanted();
    const void *kernel = (const void *)start_info->mod_start;
    size_t len = start_info->mod_len;
    struct pv_build_result r;
    unsigned long before, after;
    unsigned int rounds_ok = 0;
    unsigned long build_tsc[ROUNDS], destroy_tsc[ROUNDS], t0;
    long port, id;

    printf("domu: start\n");
    kit_events_init(kit_spare_page(0));
    window = kit_spare_page(1);
    port = kit_bind_virq(PV_VIRQ_DOM_EXC);
    kit_bind_handler((unsigned int)port, on_dom_exc);
    check(port > 0 && len > 0, "VIRQ_DOM_EXC bound (port %ld), a %lu-byte kernel as module",
          port, (unsigned long)len);
    before = free_pages();

    id = create_and_build("bad-kernel", (const char *)kernel + 64, len - 64, DOMU_PAGES, &r);
    check(id == -PV_ENOEXEC, "building what is not a kernel -> %ld", id);
    id = create_and_build("too-small", kernel, len, 512, &r);
    check(id == -PV_ENOMEM, "building into 2 MiB (too small for its layout) -> %ld", id);
    check(free_pages() == before, "after the failed builds every page is back");

    /* destroyed while dom0 still maps one of its frames: the frame lives on
     * (no use after free), then goes with the mapping */
    id = create_and_build("mapped", kernel, len, DOMU_PAGES, &r);
    {
        struct pv_build_target t = { .domid = (uint16_t)id };
        const char *si = map_frame(&t, p2m[(r.start_info_va - 0xffffffff80000000UL) >> 12]);

        check(id > 0 && si && !memcmp(si, "xen-3.0-x86_64", 14),
              "built domain %ld, its start_info mapped in dom0", id);
        check(kit_domctl_on(SIERRA_DOMCTL_destroydomain, (uint16_t)id) == 0, "destroyed while mapped");
        check(free_pages() == before - 1 && !memcmp(si, "xen-3.0-x86_64", 14),
              "the mapped frame outlives it, contents intact");
        check(map_frame(&t, p2m[0]) == NULL, "no new mapping of the dead domain's frames");
        unmap_frame(&t);
        check(free_pages() == before, "unmapped: that frame is freed too");
    }

    for ( unsigned int i = 0; i < rounds; i++ )
    {
        char name[16];
        struct sierra_domctl_getdomaininfo info;
        unsigned int exc = dom_exc;

        snprintf(name, sizeof(name), "hello-%u", i);
        t0 = kit_rdtsc();
        id = create_and_build(name, kernel, len, DOMU_PAGES, &r);
        build_tsc[i % ROUNDS] = kit_rdtsc() - t0;
        if ( id < 0 )
        {
            check(0, "round %u: build -> %ld", i, id);
            break;
        }
        info = info_of((uint16_t)id);
        if ( i == 0 )
        {
            check(info.domid == id && info.tot_pages == DOMU_PAGES &&
                  (info.flags & SIERRA_DOMINF_paused) && !(info.flags & SIERRA_DOMINF_shutdown),
                  "built domain %ld: %lu pages, paused", id, (unsigned long)info.tot_pages);
            check(r.nr_pt_pages == 5 && r.console_port != r.store_port,
                  "5 page-table pages, console port %u, xenstore port %u", r.console_port,
                  r.store_port);
            context_of((uint16_t)id, &r);
        }
        if ( relay_start((unsigned int)id, r.console_mfn, r.console_port, kit_spare_page(2)) )
        {
            check(0, "round %u: relaying domain %ld's console", i, id);
            break;
        }
        kit_domctl_on(SIERRA_DOMCTL_unpausedomain, (uint16_t)id);
        kit_wait_until(&dom_exc, exc + 1);
        relay_stop();
        info = info_of((uint16_t)id);
        if ( !(info.flags & SIERRA_DOMINF_shutdown) || info.shutdown_reason != PV_SHUTDOWN_poweroff )
        {
            check(0, "round %u: domain %ld ended with flags %#x, reason %u", i, id, info.flags,
                  info.shutdown_reason);
            break;
        }
        t0 = kit_rdtsc();
        if ( kit_domctl_on(SIERRA_DOMCTL_destroydomain, (uint16_t)id) )
            break;
        destroy_tsc[i % ROUNDS] = kit_rdtsc() - t0;
        rounds_ok++;
    }
    after = free_pages();
    check(rounds_ok == rounds, "%u of %u rounds: build, run to poweroff, destroy", rounds_ok, rounds);
    check(after == before, "free pages before and after: %lu, %lu", before, after);
    if ( rounds_ok >= 3 && rounds_ok <= ROUNDS )
    {
        /* median over the rounds; under -icount, instructions (make bench) */
        printf("bench: domain create + build (8 MiB PV domU): %lu\n",
               kit_median(build_tsc, rounds_ok));
        printf("bench: domain destroy (8 MiB PV domU): %lu\n", kit_median(destroy_tsc, rounds_ok));
    }
    printf("domu: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
