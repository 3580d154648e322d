/*
 * memory_op(cmd, arg): a domain's memory reservation (grow, shrink, populate
 * its pseudo-physical space), its memory maps, and where special frames
 * (shared info, grant table) appear in its physical map. For PV guests a
 * "gmfn" is a machine frame the guest owns; the guest keeps its own P2M.
 */
#ifndef SIERRA_ABI_MEMORY_H
#define SIERRA_ABI_MEMORY_H

#include <sierra/pv-base.h>

#define PV_XENMEM_increase_reservation  0
#define PV_XENMEM_decrease_reservation  1
#define PV_XENMEM_maximum_ram_page      2   /* arg: none; returns the highest machine frame */
#define PV_XENMEM_current_reservation   3   /* arg: pv_domid_t *; returns pages */
#define PV_XENMEM_maximum_reservation   4   /* arg: pv_domid_t *; returns pages */
#define PV_XENMEM_machphys_mfn_list     5
#define PV_XENMEM_populate_physmap      6
#define PV_XENMEM_add_to_physmap        7
#define PV_XENMEM_memory_map            9   /* the domain's E820 map */
#define PV_XENMEM_machine_memory_map    10  /* the machine's E820 map (dom0) */
#define PV_XENMEM_exchange              11
#define PV_XENMEM_machphys_mapping      12
#define PV_XENMEM_set_memory_map        13  /* control domain: set a domain's map */
#define PV_XENMEM_maximum_gpfn          14
#define PV_XENMEM_remove_from_physmap   15
#define PV_XENMEM_add_to_physmap_batch  23
#define PV_XENMEM_machphys_compat_mfn_list 25
#define PV_XENMEM_acquire_resource      28

/* memory_reservation.mem_flags */
#define PV_XENMEMF_address_bits(x)      (x)     /* frames below 2^x */
#define PV_XENMEMF_get_address_bits(x)  ((x) & 0xffu)
#define PV_XENMEMF_node(x)              (((x) + 1) << 8)
#define PV_XENMEMF_populate_on_demand   (1 << 16)
#define PV_XENMEMF_exact_node_request   (1 << 17)
#define PV_XENMEMF_vnode                (1 << 18)

/* add_to_physmap spaces */
#define PV_XENMAPSPACE_shared_info      0
#define PV_XENMAPSPACE_grant_table      1
#define PV_XENMAPSPACE_gmfn             2
#define PV_XENMAPSPACE_gmfn_range       3
#define PV_XENMAPSPACE_gmfn_foreign     4
#define PV_XENMAPSPACE_dev_mmio         5
#define PV_XENMAPIDX_grant_table_status 0x80000000

#ifndef __ASSEMBLY__
/* increase/decrease_reservation, populate_physmap */
struct pv_memory_reservation {
    PV_HANDLE(pfn) extent_start;    /* IN/OUT: frames (or pfns for populate_physmap) */
    pv_ulong_t nr_extents;
    unsigned int extent_order;      /* each extent is 2^order frames */
    unsigned int mem_flags;         /* PV_XENMEMF_* */
    pv_domid_t domid;
};
typedef struct pv_memory_reservation pv_memory_reservation_t;

struct pv_memory_exchange {
    struct pv_memory_reservation in;
    struct pv_memory_reservation out;
    pv_ulong_t nr_exchanged;        /* OUT */
};

struct pv_machphys_mfn_list {
    unsigned int max_extents;
    PV_HANDLE(pfn) extent_start;    /* OUT: frames holding the M2P, 2 MiB each */
    unsigned int nr_extents;        /* OUT */
};

struct pv_machphys_mapping {
    pv_ulong_t v_start, v_end;      /* where the M2P is mapped for the guest */
    pv_ulong_t max_mfn;
};

struct pv_add_to_physmap {
    pv_domid_t domid;
    uint16_t size;                  /* gmfn_range: number of frames */
    unsigned int space;             /* PV_XENMAPSPACE_* */
    pv_ulong_t idx;
    pv_pfn_t gpfn;
};

struct pv_add_to_physmap_batch {
    pv_domid_t domid;
    uint16_t space;
    uint16_t size;
    union {
        pv_domid_t foreign_domid;
        uint16_t res0;
    } u;
    PV_HANDLE(ulong) idxs;
    PV_HANDLE(pfn) gpfns;
    PV_HANDLE(int) errs;
};

struct pv_remove_from_physmap {
    pv_domid_t domid;
    pv_pfn_t gpfn;
};

/* memory_map, machine_memory_map: buffer holds pv_e820_entry records */
struct pv_memory_map {
    unsigned int nr_entries;        /* IN: room in buffer; OUT: entries written */
    PV_HANDLE(void) buffer;
};

struct pv_foreign_memory_map {
    pv_domid_t domid;
    struct pv_memory_map map;
};

/* The BIOS E820 record memory_map returns (not in Xen's headers: it is the BIOS's). */
struct pv_e820_entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;                  /* 1 RAM, 2 reserved, 3 ACPI, 4 NVS, 5 unusable */
} __attribute__((packed));

struct pv_mem_acquire_resource {
    pv_domid_t domid;
    uint16_t type;
    uint32_t id;
    uint32_t nr_frames;
    uint32_t pad;
    uint64_t frame;
    PV_HANDLE(pfn) frame_list;
};
#endif

#endif
