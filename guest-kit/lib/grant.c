/*
 * Grant helpers (sierra-guest/grant.h). Entries are written frame and domid
 * first, flags last (the hypervisor reads flags to decide); ending a grant
 * clears the flags only if the hypervisor has not marked it in use.
 */
#include <sierra-guest/grant.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>

#define NR_REFS     512

static struct pv_grant_entry_v1 *table;
static unsigned int next_ref = PV_GNTTAB_NR_RESERVED_ENTRIES;

long kit_grant_init(void *table_va)
{
    struct pv_gnttab_setup_table st = { .dom = 0x7ff0, .nr_frames = 1 };
    pv_pfn_t frame;
    long rc;

    pv_set_handle(st.frame_list, &frame);
    rc = hyp_grant_table_op(PV_GNTTABOP_setup_table, &st, 1);
    if ( rc || st.status )
        return rc ? rc : st.status;
    rc = hyp_update_va_mapping((unsigned long)table_va, (frame << 12) | 0x67, PV_UVMF_INVLPG);
    if ( !rc )
        table = table_va;
    return rc;
}

long kit_grant_access(uint16_t domid, unsigned long mfn, int readonly)
{
    for ( unsigned int n = 0; n < NR_REFS - PV_GNTTAB_NR_RESERVED_ENTRIES; n++ )
    {
        unsigned int ref = next_ref;

        next_ref = next_ref + 1 < NR_REFS ? next_ref + 1 : PV_GNTTAB_NR_RESERVED_ENTRIES;
        if ( table[ref].flags )
            continue;
        table[ref].domid = domid;
        table[ref].frame = (uint32_t)mfn;
        __atomic_store_n(&table[ref].flags,
                         (uint16_t)(PV_GTF_permit_access | (readonly ? PV_GTF_readonly : 0)),
                         __ATOMIC_SEQ_CST);
        return ref;
    }
    return -28;     /* -ENOSPC */
}

long kit_grant_end(uint32_t ref)
{
    uint16_t flags = __atomic_load_n(&table[ref].flags, __ATOMIC_SEQ_CST);

    if ( flags & (PV_GTF_reading | PV_GTF_writing) )
        return -16; /* -EBUSY: still mapped */
    return __atomic_compare_exchange_n(&table[ref].flags, &flags, 0, 0, __ATOMIC_SEQ_CST,
                                       __ATOMIC_SEQ_CST) ? 0 : -16;
}

long kit_grant_map(uint16_t dom, uint32_t ref, void *va, int readonly, uint32_t *handle)
{
    struct pv_gnttab_map_grant_ref m = {
        .host_addr = (unsigned long)va, .ref = ref, .dom = dom,
        .flags = PV_GNTMAP_host_map | (readonly ? PV_GNTMAP_readonly : 0),
    };
    long rc = hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, &m, 1);

    if ( rc )
        return rc;
    *handle = m.handle;
    return m.status;
}

long kit_grant_unmap(void *va, uint32_t handle)
{
    struct pv_gnttab_unmap_grant_ref u = { .host_addr = (unsigned long)va, .handle = handle };
    long rc = hyp_grant_table_op(PV_GNTTABOP_unmap_grant_ref, &u, 1);

    return rc ? rc : u.status;
}

long kit_grant_copy_in(uint16_t dom, uint32_t ref, uint16_t offset, unsigned long mfn,
                       uint16_t dst_offset, uint16_t len)
{
    struct pv_gnttab_copy c = {
        .source = { .u.ref = ref, .domid = dom, .offset = offset },
        .dest = { .u.gmfn = mfn, .domid = 0x7ff0, .offset = dst_offset },
        .len = len, .flags = PV_GNTCOPY_source_gref,
    };
    long rc = hyp_grant_table_op(PV_GNTTABOP_copy, &c, 1);

    return rc ? rc : c.status;
}
