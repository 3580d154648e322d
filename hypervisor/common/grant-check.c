/*
 * The checks a grant operation makes before touching anything, as pure
 * functions (unit-tested on the host): does this entry let this domain map
 * or copy (read-only entries only for reading), and does a copy stay within
 * one page on each side.
 */
#include <hv/grant-table.h>

s16 grant_entry_permits(u16 flags, domid_t entry_domid, domid_t user, bool write)
{
    if ( (flags & PV_GTF_type_mask) != PV_GTF_permit_access || entry_domid != user ||
         (write && (flags & PV_GTF_readonly)) )
        return PV_GNTST_general_error;      /* Xen's status for a bad or read-only entry */
    return PV_GNTST_okay;
}

s16 grant_copy_range_ok(u16 offset, u16 len)
{
    return (u32)offset + len > PAGE_SIZE ? PV_GNTST_bad_copy_arg : PV_GNTST_okay;
}
