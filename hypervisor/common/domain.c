/*
 * Domain lifecycle: creation (structures, shared-info page), memory given
 * frame by frame (owner set, allocation reference held), shutdown (the
 * control domain is told; for dom0 the machine powers off) and destruction,
 * which returns every frame the domain owned to the allocator.
 */
#include <asm/page.h>
#include <asm/pv/context.h>
#include <asm/pv/debugreg.h>
#include <asm/pv/mm.h>
#include <hv/domain.h>
#include <hv/evtchn-fifo.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/power.h>
#include <hv/printk.h>
#include <hv/runstate.h>
#include <hv/sched.h>
#include <hv/vtime.h>
#include <sierra/sched.h>

#define DOMAIN_ORDER 1      /* struct domain: two pages */
#define EVTCHN_ORDER 4      /* EVTCHN_MAX_PORTS ports */
#define VCPU_ORDER 2        /* struct vcpu: four pages (its XSAVE area is one) */
_Static_assert(sizeof(struct vcpu) <= (PAGE_SIZE << VCPU_ORDER), "struct vcpu outgrew VCPU_ORDER");
_Static_assert(EVTCHN_MAX_PORTS * sizeof(struct evtchn) <= (PAGE_SIZE << EVTCHN_ORDER), "ports outgrew EVTCHN_ORDER");
_Static_assert(sizeof(struct domain) <= (PAGE_SIZE << DOMAIN_ORDER), "struct domain outgrew DOMAIN_ORDER");

struct vcpu *current;
static struct domain *domains[MAX_DOMAINS];

struct domain *domain_lookup(domid_t id)
{
    return id < MAX_DOMAINS ? domains[id] : NULL;
}

struct domain *domain_next(domid_t from)
{
    for ( domid_t id = from; id < MAX_DOMAINS; id++ )
        if ( domains[id] )
            return domains[id];
    return NULL;
}

static void free_vcpus(struct domain *d)
{
    for ( unsigned int i = 0; i < DOMAIN_MAX_VCPUS; i++ )
        if ( d->vcpu[i] )
        {
            free_xen_pages(d->vcpu[i], VCPU_ORDER);
            d->vcpu[i] = NULL;
        }
}

/* vCPUs 0..nr-1, down and without a context until a builder or
 * VCPUOP_initialise gives them one */
static int alloc_vcpus(struct domain *d, unsigned int nr)
{
    for ( unsigned int i = 0; i < nr; i++ )
    {
        struct vcpu *v = alloc_xen_pages(VCPU_ORDER);

        if ( !v )
            return -ENOMEM;
        memset(v, 0, sizeof(*v));
        v->id = i;
        v->domain = d;
        v->kernel_mode = true;
        v->down = true;
        v->affinity = SCHED_CPUS_MASK;
        v->vcpu_info = &d->shared_info->vcpu_info[i];
        v->vcpu_info->evtchn_upcall_mask = 1;
        pv_vcpu_init_state(v);
        pv_debugreg_init(v);
        runstate_change(v, PV_RUNSTATE_offline);
        d->vcpu[i] = v;
    }
    d->nr_vcpus = nr;
    return 0;
}

struct domain *domain_create(domid_t id, bool privileged, u64 max_pages, unsigned int nr_vcpus)
{
    struct domain *d;
    void *si, *ports;

    if ( id >= MAX_DOMAINS || domains[id] || !nr_vcpus || nr_vcpus > DOMAIN_MAX_VCPUS )
        return NULL;
    d = alloc_xen_pages(DOMAIN_ORDER);
    si = alloc_xen_pages(0);
    ports = alloc_xen_pages(EVTCHN_ORDER);
    if ( !d || !si || !ports )
    {
        if ( d )
            free_xen_pages(d, DOMAIN_ORDER);
        if ( si )
            free_xen_pages(si, 0);
        if ( ports )
            free_xen_pages(ports, EVTCHN_ORDER);
        return NULL;
    }
    memset(d, 0, sizeof(*d));
    memset(si, 0, PAGE_SIZE);
    d->id = id;
    d->privileged = privileged;
    d->max_pages = max_pages;
    d->shutdown_code = ~0u;
    credit_init(&d->credit);
    d->shared_info = si;
    if ( alloc_vcpus(d, nr_vcpus) )
    {
        free_vcpus(d);
        free_xen_pages(ports, EVTCHN_ORDER);
        free_xen_pages(si, 0);
        free_xen_pages(d, DOMAIN_ORDER);
        return NULL;
    }
    /* the guest maps its shared info: the frame is the domain's to map */
    d->shared_info_mfn = virt_to_maddr(si) >> PAGE_SHIFT;
    frame_table[d->shared_info_mfn].owner = id;
    frame_table[d->shared_info_mfn].ref_count = 1;
    evtchn_init(d, ports, EVTCHN_MAX_PORTS);
    domains[id] = d;
    return d;
}

/* 2^order frames for the domain: owned by it, one allocation reference each. */
int domain_alloc_frames(struct domain *d, unsigned int order, pfn_t *mfn)
{
    pfn_t first;
    int rc;

    if ( d->tot_pages + (1UL << order) > d->max_pages )
        return -ENOMEM;
    rc = heap_alloc(order, &first);
    if ( rc )
        return rc;
    for ( pfn_t p = first; p < first + (1UL << order); p++ )
    {
        frame_table[p].owner = d->id;
        frame_table[p].ref_count = 1;
    }
    d->tot_pages += 1UL << order;
    *mfn = first;
    return 0;
}

static const char *const shutdown_names[] = {
    [PV_SHUTDOWN_poweroff] = "poweroff", [PV_SHUTDOWN_reboot] = "reboot",
    [PV_SHUTDOWN_suspend] = "suspend", [PV_SHUTDOWN_crash] = "crash",
    [PV_SHUTDOWN_watchdog] = "watchdog", [PV_SHUTDOWN_soft_reset] = "soft_reset",
};

/* as Xen: a code the domain set beforehand (SCHEDOP_shutdown_code) is the
 * reason, whatever reason the shutdown itself gives (a crash included) */
void domain_shutdown(struct domain *d, unsigned int reason)
{
    if ( d->shutdown_code == ~0u )
        d->shutdown_code = reason;
    reason = d->shutdown_code;
    if ( d->state != DOMAIN_RUNNING )
        return;
    d->state = DOMAIN_SHUTDOWN;
    d->shutdown_reason = reason;
    sched_request();            /* its vCPUs leave the CPU */
    pr_info("d%u: shut down (%s)\n", d->id,
            reason <= PV_SHUTDOWN_MAX ? shutdown_names[reason] : "?");
    if ( d->id != 0 && domain_lookup(0) )
        evtchn_send_virq(domain_lookup(0), 0, PV_VIRQ_DOM_EXC);    /* the tools look */
    if ( d->id == 0 )
    {
        domain_destroy(d);
        /* dom0 gone: the machine goes with it, reporting the reason to tests */
        machine_poweroff(reason == PV_SHUTDOWN_poweroff ? EXIT_PASS : EXIT_DOM0_BASE + reason);
    }
}

void domain_crash(struct domain *d, const char *why)
{
    pr_err("d%u: crashed: %s\n", d->id, why);
    domain_shutdown(d, PV_SHUTDOWN_crash);
}

/* Drop every reference the domain holds, then give its frames back. A frame
 * another domain still maps (a builder's or relay's foreign mapping, a grant)
 * cannot go yet: as on Xen it outlives the domain, owned by no one (so
 * nobody can map it anew, and its id can be reused safely), and is freed
 * with its last mapping. */
void domain_destroy(struct domain *d)
{
    struct frame_audit after;
    u64 freed = 0, held = 0;

    d->state = DOMAIN_DYING;
    vtime_stop_domain(d);
    grant_table_destroy(d);     /* mappings it holds (before the tables go) */
    evtchn_fifo_teardown(d);    /* its event words and control blocks, likewise */
    for ( unsigned int i = 0; i < d->nr_vcpus; i++ )
    {
        timer_stop(&d->vcpu[i]->poll_timer);
        pv_vcpu_release_gdt(d->vcpu[i]);
        pv_vcpu_release_vcpu_info(d->vcpu[i]);
        pv_vcpu_release_tables(d->vcpu[i]);
    }
    pv_domain_release_types(d);
    for ( pfn_t p = 0; p < nr_frames; p++ )
    {
        struct frame *f = &frame_table[p];

        if ( f->state != FRAME_ALLOCATED || f->owner != d->id || p == d->shared_info_mfn )
            continue;
        if ( f->ref_count > 1 )
        {
            f->owner = PV_DOMID_XEN;
            pv_give_back_frame(p);
            held++;
            continue;
        }
        if ( f->type_info )
        {
            pr_err("d%u: frame %#lx typed %#lx with no reference: leaked\n", d->id,
                   (unsigned long)p, (unsigned long)f->type_info);
            continue;
        }
        f->ref_count = 0;
        m2p_set(p, ~0UL);
        buddy_free(&heap, p, 0);
        freed++;
    }
    evtchn_reset(d);
    free_xen_pages(d->evtchn, EVTCHN_ORDER);
    frame_table[d->shared_info_mfn].owner = PV_DOMID_XEN;
    frame_table[d->shared_info_mfn].ref_count = 0;
    free_xen_pages(d->shared_info, 0);
    frame_audit(frame_table, nr_frames, &after);
    if ( held )
        pr_info("d%u: %lu frames still mapped by other domains: freed when unmapped\n",
                d->id, (unsigned long)held);
    pr_info("d%u: destroyed, %lu frames freed, frame audit: %lu errors\n", d->id,
            (unsigned long)freed, (unsigned long)after.errors);
    domains[d->id] = NULL;
    if ( current && current->domain == d )
        current = NULL;
    free_vcpus(d);
    free_xen_pages(d, DOMAIN_ORDER);
}
