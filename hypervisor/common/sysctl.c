/*
 * sysctl: Sierra's control interface for the machine (sierra/sysctl.h):
 * physinfo, the hypervisor's console log and the domain list, for privileged domains with this release's
 * interface version (-EACCES otherwise).
 */
#include <asm/acpi.h>
#include <asm/guest-access.h>
#include <hv/console-log.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/time.h>
#include <sierra/sysctl.h>

long do_sysctl(u64 arg, u64 a2, u64 a3, u64 a4, u64 a5)
{
    struct sierra_sysctl op;

    (void)a2; (void)a3; (void)a4; (void)a5;
    if ( !current->domain->privileged )
        return -EPERM;
    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    if ( op.interface_version != SIERRA_SYSCTL_INTERFACE_VERSION )
        return -EACCES;
    switch ( op.cmd )
    {
    case SIERRA_SYSCTL_physinfo:
    {
        struct sierra_sysctl_physinfo *p = &op.u.physinfo;
        struct frame_audit a;

        frame_audit(frame_table, nr_frames, &a);
        memset(p, 0, sizeof(*p));
        p->nr_cpus = acpi_info.nr_cpus ? acpi_info.nr_cpus : 1;
        p->cpu_khz = (u32)time_cal.tsc_khz;
        p->total_pages = a.free + a.allocated + a.dying;
        p->free_pages = heap.free_frames;
        p->max_mfn = nr_frames - 1;
        p->capabilities = SIERRA_PHYSCAP_pv;
        break;
    }
    case SIERRA_SYSCTL_readconsole:
        if ( console_log_read(&op.u.readconsole) )
            return -EFAULT;
        break;
    case SIERRA_SYSCTL_getdomaininfolist:
    {
        struct sierra_sysctl_getdomaininfolist *l = &op.u.getdomaininfolist;
        struct sierra_domctl_getdomaininfo info;
        u32 n = 0;

        for ( struct domain *d = domain_next(l->first_domain); d && n < l->max_domains;
              d = domain_next(d->id + 1), n++ )
        {
            domain_getinfo(d, &info);
            if ( copy_to_guest(l->buffer + n * sizeof(info), &info, sizeof(info)) )
                return -EFAULT;
        }
        l->nr_domains = n;
        break;
    }
    default:
        return -ENOSYS;
    }
    return copy_to_guest(arg, &op, sizeof(op));
}
