/*
 * Grant tables (version 1): how a domain lets another map or copy one of its
 * frames. The granting domain writes an entry in its own grant table
 * (frame, grantee, flags) and passes the reference; the grantee maps it with
 * GNTTABOP_map_grant_ref (the hypervisor checks the entry and takes a
 * reference on the frame) or copies with GNTTABOP_copy. Nothing else lets a
 * domain reach another's memory. grant_table_op(cmd, ops, count).
 */
#ifndef SIERRA_ABI_GRANT_TABLE_H
#define SIERRA_ABI_GRANT_TABLE_H

#include <sierra/pv-base.h>

#define PV_GNTTABOP_map_grant_ref       0
#define PV_GNTTABOP_unmap_grant_ref     1
#define PV_GNTTABOP_setup_table         2
#define PV_GNTTABOP_dump_table          3
#define PV_GNTTABOP_transfer            4
#define PV_GNTTABOP_copy                5
#define PV_GNTTABOP_query_size          6
#define PV_GNTTABOP_unmap_and_replace   7
#define PV_GNTTABOP_set_version         8
#define PV_GNTTABOP_get_status_frames   9
#define PV_GNTTABOP_get_version         10
#define PV_GNTTABOP_swap_grant_ref      11
#define PV_GNTTABOP_cache_flush         12

#define PV_GNTTAB_NR_RESERVED_ENTRIES   8
#define PV_GNTTAB_RESERVED_CONSOLE      0   /* the builder grants the console ring here */
#define PV_GNTTAB_RESERVED_XENSTORE     1   /* and the xenstore ring here */

/* grant entry flags */
#define PV_GTF_invalid          0U
#define PV_GTF_permit_access    1U
#define PV_GTF_accept_transfer  2U
#define PV_GTF_transitive       3U
#define PV_GTF_type_mask        3U
#define PV_GTF_readonly         (1U << 2)
#define PV_GTF_reading          (1U << 3)   /* set by the hypervisor while mapped read */
#define PV_GTF_writing          (1U << 4)   /* set by the hypervisor while mapped write */
#define PV_GTF_PWT              (1U << 5)
#define PV_GTF_PCD              (1U << 6)
#define PV_GTF_PAT              (1U << 7)
#define PV_GTF_sub_page         (1U << 8)
#define PV_GTF_transfer_committed (1U << 2)
#define PV_GTF_transfer_completed (1U << 3)

/* map_grant_ref flags */
#define PV_GNTMAP_device_map        (1 << 0)
#define PV_GNTMAP_host_map          (1 << 1)
#define PV_GNTMAP_readonly          (1 << 2)
#define PV_GNTMAP_application_map   (1 << 3)
#define PV_GNTMAP_contains_pte      (1 << 4)   /* host_addr is the PTE's machine address */
#define PV__GNTMAP_guest_avail0     16         /* bits from here go to the PTE's available bits */
#define PV_GNTMAP_guest_avail_mask  ((uint32_t)~0 << PV__GNTMAP_guest_avail0)

/* copy flags */
#define PV_GNTCOPY_source_gref      (1 << 0)
#define PV_GNTCOPY_dest_gref        (1 << 1)

/* per-operation status (in the op, not the hypercall's return value) */
#define PV_GNTST_okay               0
#define PV_GNTST_general_error      (-1)
#define PV_GNTST_bad_domain         (-2)
#define PV_GNTST_bad_gntref         (-3)
#define PV_GNTST_bad_handle         (-4)
#define PV_GNTST_bad_virt_addr      (-5)
#define PV_GNTST_bad_dev_addr       (-6)
#define PV_GNTST_no_device_space    (-7)
#define PV_GNTST_permission_denied  (-8)
#define PV_GNTST_bad_page           (-9)
#define PV_GNTST_bad_copy_arg       (-10)
#define PV_GNTST_address_too_big    (-11)
#define PV_GNTST_eagain             (-12)
#define PV_GNTST_no_space           (-13)

#ifndef __ASSEMBLY__
typedef uint32_t pv_grant_ref_t;
typedef uint32_t pv_grant_handle_t;

struct pv_grant_entry_v1 {
    uint16_t flags;         /* PV_GTF_* */
    pv_domid_t domid;       /* the domain allowed to use it */
    uint32_t frame;         /* the granted frame (guest frame number) */
};
typedef struct pv_grant_entry_v1 pv_grant_entry_v1_t;

struct pv_gnttab_map_grant_ref {
    uint64_t host_addr;     /* where to map (or the PTE: GNTMAP_contains_pte) */
    uint32_t flags;         /* PV_GNTMAP_* */
    pv_grant_ref_t ref;
    pv_domid_t dom;         /* the granting domain */
    int16_t status;         /* OUT: PV_GNTST_* */
    pv_grant_handle_t handle;   /* OUT: for unmap */
    uint64_t dev_bus_addr;  /* OUT: for device_map */
};

struct pv_gnttab_unmap_grant_ref {
    uint64_t host_addr;
    uint64_t dev_bus_addr;
    pv_grant_handle_t handle;
    int16_t status;         /* OUT */
};

struct pv_gnttab_setup_table {
    pv_domid_t dom;
    uint32_t nr_frames;     /* grant-table frames wanted */
    int16_t status;         /* OUT */
    PV_HANDLE(pfn) frame_list;  /* OUT: their frame numbers */
};

struct pv_gnttab_dump_table {
    pv_domid_t dom;
    int16_t status;
};

struct pv_gnttab_transfer {
    pv_pfn_t mfn;
    pv_domid_t domid;
    pv_grant_ref_t ref;
    int16_t status;
};

struct pv_gnttab_copy_ptr {
    union {
        pv_grant_ref_t ref;     /* with GNTCOPY_*_gref */
        pv_pfn_t gmfn;          /* otherwise: the caller's own frame */
    } u;
    pv_domid_t domid;
    uint16_t offset;
};

struct pv_gnttab_copy {
    struct pv_gnttab_copy_ptr source, dest;
    uint16_t len;           /* bytes; the copy may not cross a page on either side */
    uint16_t flags;         /* PV_GNTCOPY_* */
    int16_t status;         /* OUT */
};

struct pv_gnttab_query_size {
    pv_domid_t dom;
    uint32_t nr_frames;     /* OUT */
    uint32_t max_nr_frames; /* OUT */
    int16_t status;         /* OUT */
};

struct pv_gnttab_unmap_and_replace {
    uint64_t host_addr;
    uint64_t new_addr;
    pv_grant_handle_t handle;
    int16_t status;
};

struct pv_gnttab_set_version {
    uint32_t version;       /* IN: 1 (2 is not supported); OUT: the version in use */
};

struct pv_gnttab_get_version {
    pv_domid_t dom;
    uint16_t pad;
    uint32_t version;       /* OUT */
};

struct pv_gnttab_get_status_frames {
    uint32_t nr_frames;
    pv_domid_t dom;
    int16_t status;
    PV_HANDLE(uint64) frame_list;
};

struct pv_gnttab_swap_grant_ref {
    pv_grant_ref_t ref_a;
    pv_grant_ref_t ref_b;
    int16_t status;
};
#endif

#endif
