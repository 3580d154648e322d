/*
 * domctl: dom0 drives Sierra's control interface (sierra/domctl.h,
 * sierra/sysctl.h) the way the tools will: machine information, creating,
 * listing, giving memory to and destroying domains, and every refusal -
 * wrong interface version, bad flags, duplicate names and ids, shrinking a
 * limit below use, destroying itself. Creating and destroying many domains
 * must give back every page.
 */
#include <sierra-guest/control.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domctl.h>
#include <sierra/errno.h>
#include <sierra/sysctl.h>
#include <hv/lib.h>


static long create(const char *name, uint32_t flags, uint16_t id)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_createdomain, .domain = id };
    long rc;

    op.u.createdomain.flags = flags;
    op.u.createdomain.max_vcpus = 1;
    op.u.createdomain.max_pages = 1024;
    memcpy(op.u.createdomain.name, name, strlen(name) + 1);
    rc = kit_domctl(&op);
    return rc ? rc : op.domain;
}

static long give_pages(uint16_t dom, unsigned long n)
{
    struct pv_memory_reservation r = { .nr_extents = n, .domid = dom };

    return hyp_memory_op(PV_XENMEM_increase_reservation, &r);
}

int main(void)
{
    struct sierra_sysctl_physinfo p0 = kit_physinfo(), p1;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_getdomaininfo, .domain = 0 };
    struct sierra_domctl_getdomaininfo list[4];
    struct sierra_sysctl ls = { .cmd = SIERRA_SYSCTL_getdomaininfolist,
                                .interface_version = SIERRA_SYSCTL_INTERFACE_VERSION };
    long rc, id, n;

    printf("domctl: start\n");
    check(p0.nr_cpus >= 1 && p0.total_pages > 0 && p0.free_pages > 0 && p0.cpu_khz > 0,
          "sysctl physinfo: %u CPUs, %lu pages, %lu free", p0.nr_cpus,
          (unsigned long)p0.total_pages, (unsigned long)p0.free_pages);
    rc = kit_domctl(&op);
    check(rc == 0 && op.u.getdomaininfo.domid == 0 && !strcmp(op.u.getdomaininfo.name, "Domain-0") &&
          (op.u.getdomaininfo.flags & SIERRA_DOMINF_privileged) &&
          (op.u.getdomaininfo.flags & SIERRA_DOMINF_running),
          "getdomaininfo 0: Domain-0, privileged, running (rc %ld)", rc);
    op.interface_version = 0x15;                 /* Xen 4.17's domctl version */
    rc = HC(PV_HYPERCALL_domctl, &op, 0, 0, 0, 0);
    check(rc == -PV_EACCES, "a different interface version -> %ld", rc);

    check(create("x", SIERRA_CDF_pv64 | SIERRA_CDF_hvm, 0) == -PV_EINVAL, "two kinds -> -EINVAL");
    check(create("x", SIERRA_CDF_hvm, 0) == -PV_EOPNOTSUPP, "HVM -> -EOPNOTSUPP (not yet)");
    check(create("", SIERRA_CDF_pv64, 0) == -PV_EINVAL, "empty name -> -EINVAL");
    id = create("guest1", SIERRA_CDF_pv64, 0);
    check(id == 1, "createdomain guest1 -> domain %ld", id);
    check(create("guest1", SIERRA_CDF_pv64, 0) == -PV_EEXIST, "the same name again -> -EEXIST");
    check(create("guest2", SIERRA_CDF_pv64, 1) == -PV_EEXIST, "the same id again -> -EEXIST");
    rc = give_pages(1, 256);
    check(rc == 256, "increase_reservation of 256 pages for domain 1 -> %ld", rc);
    op = (struct sierra_domctl){ .cmd = SIERRA_DOMCTL_getdomaininfo, .domain = 1 };
    rc = kit_domctl(&op);
    check(rc == 0 && op.u.getdomaininfo.domid == 1 && op.u.getdomaininfo.tot_pages == 256 &&
          (op.u.getdomaininfo.flags & SIERRA_DOMINF_paused), "getdomaininfo 1: 256 pages, paused");
    op = (struct sierra_domctl){ .cmd = SIERRA_DOMCTL_max_mem, .domain = 1 };
    op.u.max_mem.max_pages = 100;
    check(kit_domctl(&op) == -PV_EINVAL, "max_mem below what it holds -> -EINVAL");
    op.u.max_mem.max_pages = 300;
    check(kit_domctl(&op) == 0, "max_mem 300");
    rc = give_pages(1, 100);
    check(rc == 44, "increase_reservation stops at the limit: %ld of 100", rc);
    ls.u.getdomaininfolist.max_domains = 4;
    ls.u.getdomaininfolist.buffer = (unsigned long)list;
    rc = HC(PV_HYPERCALL_sysctl, &ls, 0, 0, 0, 0);
    check(rc == 0 && ls.u.getdomaininfolist.nr_domains == 2 && list[1].tot_pages == 300,
          "getdomaininfolist: %u domains", ls.u.getdomaininfolist.nr_domains);
    check(kit_domctl_on(SIERRA_DOMCTL_destroydomain, 0) == -PV_EPERM, "destroy dom0 -> -EPERM");
    check(kit_domctl_on(SIERRA_DOMCTL_destroydomain, 1) == 0, "destroydomain 1");
    check(kit_domctl_on(SIERRA_DOMCTL_destroydomain, 1) == -PV_ESRCH, "destroy it again -> -ESRCH");
    check(kit_physinfo().free_pages == p0.free_pages, "every page is back");

    for ( n = 0; (id = create((char[]){ 'd', (char)('a' + n), 0 }, SIERRA_CDF_pv64, 0)) > 0; n++ )
        give_pages((uint16_t)id, 64);
    check(id == -PV_ENOSPC && n == 15, "created %ld domains until -ENOSPC", n);
    for ( id = 1; id <= n; id++ )
        kit_domctl_on(SIERRA_DOMCTL_destroydomain, (uint16_t)id);
    p1 = kit_physinfo();
    check(p1.free_pages == p0.free_pages, "after destroying them all, every page is back");
    printf("domctl: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
