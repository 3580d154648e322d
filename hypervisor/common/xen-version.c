/*
 * xen_version: Sierra presents itself as Xen 4.17 to guests (that is the
 * interface it implements) and says who it is in extraversion and
 * compile_info. Feature bits are only those that are true of Sierra.
 */
#include <asm/bootinfo.h>
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <sierra/version.h>
#include <sierra/xenver.h>

u32 pv_features(bool dom0)
{
    u32 f = (1u << PV_XENFEAT_writable_page_tables) |
            (1u << PV_XENFEAT_writable_descriptor_tables) |
            (1u << PV_XENFEAT_pae_pgdir_above_4gb) |
            (1u << PV_XENFEAT_mmu_pt_update_preserve_ad) |
            (1u << PV_XENFEAT_gnttab_map_avail_bits);   /* Linux 6 refuses to boot without */

    return dom0 ? f | (1u << PV_XENFEAT_dom0) : f;
}

static long copy_string(u64 dst, const char *s, size_t room)
{
    char buf[PV_CAPABILITIES_INFO_LEN];

    memset(buf, 0, room);
    memcpy(buf, s, MIN(strlen(s), room - 1));
    return copy_to_guest(dst, buf, room);
}

long do_xen_version(u64 cmd, u64 arg, u64 a3, u64 a4, u64 a5)
{
    struct domain *d = current->domain;

    (void)a3; (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_XENVER_version:
        return (4 << 16) | 17;
    case PV_XENVER_extraversion:
        return copy_string(arg, ".0-sierra", PV_EXTRAVERSION_LEN);
    case PV_XENVER_compile_info:
    {
        struct pv_compile_info ci;

        memset(&ci, 0, sizeof(ci));
        memcpy(ci.compiler, "gcc", 3);
        memcpy(ci.compile_by, "sierra", 6);
        memcpy(ci.compile_date, "sierra " SIERRA_VERSION_STRING,
               sizeof("sierra " SIERRA_VERSION_STRING) - 1);
        return copy_to_guest(arg, &ci, sizeof(ci));
    }
    case PV_XENVER_capabilities:
        return copy_string(arg, "xen-3.0-x86_64", PV_CAPABILITIES_INFO_LEN);
    case PV_XENVER_changeset:
        return copy_string(arg, "sierra " SIERRA_VERSION_STRING, PV_CHANGESET_INFO_LEN);
    case PV_XENVER_platform_parameters:
    {
        struct pv_platform_parameters pp = { .virt_start = PV_HYPERVISOR_VIRT_START };

        return copy_to_guest(arg, &pp, sizeof(pp));
    }
    case PV_XENVER_get_features:
    {
        struct pv_feature_info fi;

        if ( copy_from_guest(&fi, arg, sizeof(fi)) )
            return -EFAULT;
        fi.submap = fi.submap_idx == 0 ? pv_features(d->id == 0) : 0;
        if ( fi.submap_idx >= PV_XENFEAT_NR_SUBMAPS )
            return -EINVAL;
        return copy_to_guest(arg, &fi, sizeof(fi));
    }
    case PV_XENVER_pagesize:
        return PAGE_SIZE;
    case PV_XENVER_guest_handle:
    {
        u8 handle[16] = { 0 };

        return copy_to_guest(arg, handle, sizeof(handle));
    }
    case PV_XENVER_commandline:
        if ( !d->privileged )
            return -EPERM;
        return copy_string(arg, boot_info.cmdline, PV_COMMANDLINE_LEN);
    default:
        return -ENOSYS;
    }
}
