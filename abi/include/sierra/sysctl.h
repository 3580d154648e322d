/*
 * sysctl: Sierra's control interface for the machine as a whole (hypercall
 * 35), privileged domains only, versioned like domctl (-EACCES on a
 * different SIERRA_SYSCTL_INTERFACE_VERSION).
 */
#ifndef SIERRA_ABI_SYSCTL_H
#define SIERRA_ABI_SYSCTL_H

#include <sierra/ctl-base.h>
#include <sierra/domctl.h>

#define SIERRA_SYSCTL_INTERFACE_VERSION 0x53490001u

#define SIERRA_SYSCTL_physinfo          1
#define SIERRA_SYSCTL_readconsole       2
#define SIERRA_SYSCTL_getdomaininfolist 3

/* physinfo.capabilities */
#define SIERRA_PHYSCAP_pv       (1u << 0)
#define SIERRA_PHYSCAP_hvm      (1u << 1)   /* SVM or VMX usable */
#define SIERRA_PHYSCAP_iommu    (1u << 2)   /* AMD-Vi or VT-d enabled */

struct sierra_sysctl_physinfo {
    uint32_t nr_cpus;
    uint32_t cpu_khz;
    sierra_u64 total_pages;
    sierra_u64 free_pages;
    sierra_u64 max_mfn;
    uint32_t capabilities;          /* SIERRA_PHYSCAP_* */
    uint32_t pad;
};

/* The hypervisor's console log. index: IN where to start (0 = oldest kept),
 * OUT where the next read continues; size: IN room, OUT bytes written. */
struct sierra_sysctl_readconsole {
    sierra_addr buffer;
    uint32_t size;
    uint32_t clear;                 /* 1: empty the log after reading */
    sierra_u64 index;
};

/* Domains with id >= first_domain, at most max_domains, into buffer
 * (an array of struct sierra_domctl_getdomaininfo). Returns how many. */
struct sierra_sysctl_getdomaininfolist {
    uint16_t first_domain;
    uint16_t pad;
    uint32_t max_domains;
    sierra_addr buffer;
    uint32_t nr_domains;            /* OUT */
    uint32_t pad2;
};

struct sierra_sysctl {
    uint32_t cmd;                   /* SIERRA_SYSCTL_* */
    uint32_t interface_version;     /* SIERRA_SYSCTL_INTERFACE_VERSION */
    union {
        struct sierra_sysctl_physinfo physinfo;
        struct sierra_sysctl_readconsole readconsole;
        struct sierra_sysctl_getdomaininfolist getdomaininfolist;
        uint8_t pad[128];
    } u;
};

SIERRA_CTL_ASSERT_SIZE(struct sierra_sysctl_physinfo, 40);
SIERRA_CTL_ASSERT_SIZE(struct sierra_sysctl, 136);

#endif
