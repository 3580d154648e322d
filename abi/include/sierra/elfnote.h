/*
 * ELF notes of name "Xen" a PV kernel carries to tell the domain builder how
 * to load it: entry point, hypercall-page location, virtual base, features it
 * needs or supports, where the hypervisor hole may start. Types are Xen's.
 */
#ifndef SIERRA_ABI_ELFNOTE_H
#define SIERRA_ABI_ELFNOTE_H

#define PV_ELFNOTE_NAME             "Xen"

#define PV_ELFNOTE_INFO             0   /* (legacy) */
#define PV_ELFNOTE_ENTRY            1   /* virtual address of the entry point */
#define PV_ELFNOTE_HYPERCALL_PAGE   2   /* virtual address of the hypercall page */
#define PV_ELFNOTE_VIRT_BASE        3   /* virtual address the image is linked at */
#define PV_ELFNOTE_PADDR_OFFSET     4   /* virtual - physical of the image */
#define PV_ELFNOTE_XEN_VERSION      5   /* string: "xen-3.0" */
#define PV_ELFNOTE_GUEST_OS         6   /* string */
#define PV_ELFNOTE_GUEST_VERSION    7   /* string */
#define PV_ELFNOTE_LOADER           8   /* string: "generic" */
#define PV_ELFNOTE_PAE_MODE         9   /* string: "yes", "no", "bimodal", "yes[extended-cr3]" */
#define PV_ELFNOTE_FEATURES         10  /* string: features, '!' = required, '|' separated */
#define PV_ELFNOTE_BSD_SYMTAB       11
#define PV_ELFNOTE_HV_START_LOW     12  /* i386: lowest address the hole may start at */
#define PV_ELFNOTE_L1_MFN_VALID     13
#define PV_ELFNOTE_SUSPEND_CANCEL   14
#define PV_ELFNOTE_INIT_P2M         15  /* virtual address for a P2M outside the image map */
#define PV_ELFNOTE_MOD_START_PFN    16  /* the kernel understands SIF_MOD_START_PFN */
#define PV_ELFNOTE_SUPPORTED_FEATURES 17 /* 32-bit bitmap of XENFEAT_* it can use */
#define PV_ELFNOTE_PHYS32_ENTRY     18  /* PVH entry (not used by PV) */
#define PV_ELFNOTE_MAX              PV_ELFNOTE_PHYS32_ENTRY

#define PV_ELFNOTE_CRASH_INFO       0x1000001
#define PV_ELFNOTE_CRASH_REGS       0x1000002

#endif
