/*
 * memory_op: what a PV guest asks about its memory. The reservation calls
 * that change a domain's memory come with the domain builder for domUs; a
 * PV guest's physical map is its own (p2m), so add_to_physmap is for
 * translated guests only and returns -ENOSYS here, as listed in abi/ABI.md.
 */
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <sierra/memory.h>

long do_memory_op(u64 cmd, u64 arg, u64 a3, u64 a4, u64 a5)
{
    struct domain *d = current->domain;

    (void)a3; (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_XENMEM_maximum_ram_page:
        return (long)nr_frames;
    case PV_XENMEM_current_reservation:
    case PV_XENMEM_maximum_reservation:
    {
        pv_domid_t id;

        if ( copy_from_guest(&id, arg, sizeof(id)) )
            return -EFAULT;
        if ( id != PV_DOMID_SELF && id != d->id )
            return d->privileged ? -ESRCH : -EPERM;
        return (long)(cmd == PV_XENMEM_current_reservation ? d->tot_pages : d->max_pages);
    }
    case PV_XENMEM_memory_map:
    {
        struct pv_memory_map map;
        struct pv_e820_entry ram = { 0, d->tot_pages << PAGE_SHIFT, 1 };

        if ( copy_from_guest(&map, arg, sizeof(map)) )
            return -EFAULT;
        if ( map.nr_entries < 1 )
            return -EINVAL;
        map.nr_entries = 1;
        if ( copy_to_guest((u64)map.buffer.p, &ram, sizeof(ram)) ||
             copy_to_guest(arg, &map, sizeof(map)) )
            return -EFAULT;
        return 0;
    }
    default:
        return -ENOSYS;
    }
}
