/*
 * unpriv: an unprivileged domU (built by control/domu) trying to reach what
 * is not its own. It must not use the control interface, act on dom0's
 * behalf (memory, event channels, foreign mappings, its console input), or
 * map any frame of the machine but its own: it tries every frame below
 * maximum_ram_page and counts what it got, and I/O memory past it. With
 * IOPL 1 its IN/OUT instructions run, but must reach no device: PCI config
 * space and the CMOS read as all ones, and the keyboard controller's reset
 * command does not reset the machine. It powers off when every attempt
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

static unsigned char inb(unsigned short port)
{
    unsigned char v;

    asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static void outb(unsigned short port, unsigned char v)
{
    asm volatile("outb %0, %1" :: "a"(v), "Nd"(port));
}

static void devices(void)
{
    static const unsigned long io_frames[] = { 0xf0, 0xfe000, 0xfec00, 0xfee00, 0xfffff };
    struct pv_physdev_set_iopl iopl = { .iopl = 1 };
    unsigned int cfg;
    long rc;

    for ( unsigned int i = 0; i < sizeof(io_frames) / sizeof(io_frames[0]); i++ )
    {
        rc = hyp_update_va_mapping((unsigned long)kit_spare_page(0), (io_frames[i] << 12) | PTE_P_A,
                                   PV_UVMF_INVLPG);
        check(rc == -PV_EPERM, "mapping I/O frame %#lx -> %ld", io_frames[i], rc);
    }
    rc = hyp_physdev_op(PV_PHYSDEVOP_set_iopl, &iopl);
    check(rc == 0, "physdev set_iopl 1 -> %ld", rc);
    asm volatile("outl %0, %1" :: "a"(0x80000000u), "Nd"((unsigned short)0xcf8));
    asm volatile("inl %1, %0" : "=a"(cfg) : "Nd"((unsigned short)0xcfc));
    check(cfg == 0xffffffffu, "PCI config of 00:00.0 reads %#x", cfg);
    outb(0x70, 0x0a);
    check(inb(0x71) == 0xff, "CMOS register A reads all ones");
    outb(0x64, 0xfe);                   /* the keyboard controller's reset */
    check(1, "the keyboard controller's reset command reached nothing");
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
    devices();
    printf("unpriv: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
