/*
 * xen_version(cmd, arg): which hypervisor interface the guest talks to and
 * which optional features it offers. Sierra answers as Xen 4.17 would for
 * everything guests depend on (version 4.17, capabilities, features), so
 * version checks in guest kernels pass.
 */
#ifndef SIERRA_ABI_XENVER_H
#define SIERRA_ABI_XENVER_H

#include <sierra/pv-base.h>

#define PV_XENVER_version           0   /* returns (major << 16) | minor */
#define PV_XENVER_extraversion      1
#define PV_XENVER_compile_info      2
#define PV_XENVER_capabilities      3
#define PV_XENVER_changeset         4
#define PV_XENVER_platform_parameters 5
#define PV_XENVER_get_features      6
#define PV_XENVER_pagesize          7   /* returns 4096 */
#define PV_XENVER_guest_handle      8
#define PV_XENVER_commandline       9
#define PV_XENVER_build_id          10

/* get_features bits (submap 0) */
#define PV_XENFEAT_writable_page_tables         0
#define PV_XENFEAT_writable_descriptor_tables   1
#define PV_XENFEAT_auto_translated_physmap      2
#define PV_XENFEAT_supervisor_mode_kernel       3
#define PV_XENFEAT_pae_pgdir_above_4gb          4
#define PV_XENFEAT_mmu_pt_update_preserve_ad    5
#define PV_XENFEAT_highmem_assist               6
#define PV_XENFEAT_gnttab_map_avail_bits        7
#define PV_XENFEAT_hvm_callback_vector          8
#define PV_XENFEAT_hvm_safe_pvclock             9
#define PV_XENFEAT_hvm_pirqs                    10
#define PV_XENFEAT_dom0                         11
#define PV_XENFEAT_memory_op_vnode_supported    13
#define PV_XENFEAT_ARM_SMCCC_supported          14
#define PV_XENFEAT_linux_rsdp_unrestricted      15
#define PV_XENFEAT_not_direct_mapped            16
#define PV_XENFEAT_direct_mapped                17
#define PV_XENFEAT_NR_SUBMAPS                   1

#define PV_EXTRAVERSION_LEN         16
#define PV_CAPABILITIES_INFO_LEN    1024
#define PV_CHANGESET_INFO_LEN       64
#define PV_COMMANDLINE_LEN          1024

#ifndef __ASSEMBLY__
typedef char pv_extraversion_t[PV_EXTRAVERSION_LEN];
typedef char pv_capabilities_info_t[PV_CAPABILITIES_INFO_LEN];  /* "xen-3.0-x86_64 ..." */
typedef char pv_changeset_info_t[PV_CHANGESET_INFO_LEN];
typedef char pv_commandline_t[PV_COMMANDLINE_LEN];

struct pv_compile_info {
    char compiler[64];
    char compile_by[16];
    char compile_domain[32];
    char compile_date[32];
};

struct pv_platform_parameters {
    pv_ulong_t virt_start;          /* start of the hypervisor hole for this guest */
};

struct pv_feature_info {
    unsigned int submap_idx;        /* which 32 features */
    uint32_t submap;                /* OUT */
};

struct pv_build_id {
    uint32_t len;                   /* IN: room in buf */
    unsigned char buf[];
};
#endif

#endif
