/*
 * Grant tables (v1). A domain's grant table is a set of hypervisor-allocated
 * frames it maps and fills with entries (frame, grantee, flags). Another
 * domain - or the same one - maps a granted frame with GNTTABOP_map_grant_ref
 * (the hypervisor checks the entry, takes a reference on the frame, marks the
 * entry in use and records the mapping in the mapper's maptrack under a
 * handle) or copies through it with GNTTABOP_copy. The PTE of a grant mapping
 * carries PTE_GRANT, which guests cannot set: such entries are created and
 * removed only by grant operations.
 */
#ifndef HV_GRANT_TABLE_H
#define HV_GRANT_TABLE_H

#include <hv/types.h>
#include <sierra/grant-table.h>

#define GRANT_MAX_FRAMES    32      /* table frames per domain */
#define GRANT_DEFAULT_MAX   32
#define MAPTRACK_MAX        256     /* grant mappings a domain may hold */
#define PTE_GRANT           (1UL << 62)

/* one handle: a host mapping (a PTE, found by virtual address or, with
 * GNTMAP_contains_pte, by its machine address), a device mapping (the
 * frame's bus address), or both; the handle ends when both are unmapped */
struct maptrack {
    pfn_t frame;
    u32 ref;
    domid_t granter;
    bool used : 1, readonly : 1, host : 1, device : 1, by_pte : 1;
};

struct grant_table {
    unsigned int nr_frames;
    pfn_t frames[GRANT_MAX_FRAMES];
    struct pv_grant_entry_v1 *entries[GRANT_MAX_FRAMES];
    struct maptrack maptrack[MAPTRACK_MAX];
    unsigned int maptrack_used;     /* used handles, to stop scans early */
    unsigned int maptrack_hint;     /* where to look for a free handle first */
};

struct domain;
void grant_table_destroy(struct domain *d);

/* pure checks (grant-check.c) */
s16 grant_entry_permits(u16 flags, domid_t entry_domid, domid_t user, bool write);
s16 grant_copy_range_ok(u16 offset, u16 len);

#endif
