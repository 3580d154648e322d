/*
 * unpriv: an unprivileged domU (built by control/domu) trying to reach what
 * is not its own. It must not use the control interface, act on dom0's
 * behalf (memory, event channels, foreign mappings, its console input), or
 * map any frame of the machine but its own: it tries every frame below
 * maximum_ram_page and counts what it got. It powers off when every attempt
 * was refused (dom0 checks the shutdown reason), and crashes otherwise.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domctl.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <sierra/sysctl.h>
#include <hv/lib.h>

#define PTE_P_A 0x21UL
#define PTE_RW  0x02UL

static bool own_frame(unsigned long mfn)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    for ( unsigned long i = 0; i < start_info->nr_pages; i++ )
        if ( p2m[i] == mfn )
            return true;
    return false;
}

/* every machine frame, mapped read-only at a spare page: only ours may map */
static void map_every_frame(void)
{
    void *va = kit_spare_page(0);
    unsigned long si_mfn = start_info->shared_info >> 12;
    long max = hyp_memory_op(PV_XENMEM_maximum_ram_page, 0);
    unsigned long foreign = 0, own = 0, tried = 0;

    for ( unsigned long mfn = 0; max > 0 && mfn <= (unsigned long)max; mfn++ )
    {
        long rc = hyp_update_va_mapping((unsigned long)va, (mfn << 12) | PTE_P_A, PV_UVMF_INVLPG);

        tried++;
        if ( rc == 0 && (own_frame(mfn) || mfn == si_mfn) )
            own++;
        else if ( rc == 0 )
        {
            foreign++;
            if ( foreign < 4 )
                printf("not ok - mapped machine frame %#lx, not ours\n", mfn);
        }
    }
    hyp_update_va_mapping((unsigned long)va, 0, PV_UVMF_INVLPG);
    check(tried > 1000 && foreign == 0 && own >= start_info->nr_pages,
          "mapping each of %lu machine frames: %lu of ours mapped, %lu others", tried, own,
          foreign);
}

int main(void)
{
    struct sierra_domctl dc = { .cmd = SIERRA_DOMCTL_getdomaininfo,
                                .interface_version = SIERRA_DOMCTL_INTERFACE_VERSION };
    struct sierra_sysctl sc = { .cmd = SIERRA_SYSCTL_physinfo,
                                .interface_version = SIERRA_SYSCTL_INTERFACE_VERSION };
    struct pv_memory_reservation r = { .nr_extents = 1, .domid = 0 };
    struct pv_evtchn_alloc_unbound au = { .dom = 0, .remote_dom = PV_DOMID_SELF };
    struct pv_mmu_update mu = { .ptr = 0, .val = 0 };
    char buf[8];
    long rc;

    printf("unpriv: start\n");
    rc = HC(PV_HYPERCALL_domctl, &dc, 0, 0, 0, 0);
    check(rc == -PV_EPERM, "domctl getdomaininfo -> %ld", rc);
    dc.cmd = SIERRA_DOMCTL_pausedomain;
    rc = HC(PV_HYPERCALL_domctl, &dc, 0, 0, 0, 0);
    check(rc == -PV_EPERM, "domctl pause dom0 -> %ld", rc);
    rc = HC(PV_HYPERCALL_sysctl, &sc, 0, 0, 0, 0);
    check(rc == -PV_EPERM, "sysctl physinfo -> %ld", rc);
    rc = hyp_memory_op(PV_XENMEM_increase_reservation, &r);
    check(rc == -PV_EPERM, "increase_reservation for dom0 -> %ld", rc);
    rc = hyp_event_channel_op(PV_EVTCHNOP_alloc_unbound, &au);
    check(rc == -PV_EPERM, "alloc_unbound in dom0 -> %ld", rc);
    rc = hyp_mmu_update(&mu, 1, 0, 0);
    check(rc == -PV_EPERM, "mmu_update with dom0 as foreign domain -> %ld", rc);
    rc = HC(PV_HYPERCALL_update_va_mapping_otherdomain, kit_spare_page(0), PTE_P_A, 0, 0, 0);
    check(rc == -PV_EPERM, "update_va_mapping_otherdomain on dom0 -> %ld", rc);
    rc = hyp_console_io(PV_CONSOLEIO_read, sizeof(buf), buf);
    check(rc == -PV_EPERM, "console_io read (dom0's input) -> %ld", rc);
    map_every_frame();
    printf("unpriv: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
