/*
 * physdev_op(cmd, arg): a PV kernel's access to real hardware interrupts and
 * I/O privilege: acknowledge a physical IRQ, ask whether it needs an EOI, map
 * a GSI or MSI to a pirq it can bind an event channel to, and raise its I/O
 * privilege level (the hypervisor checks its I/O port permissions).
 * Only the subset a PV kernel uses is defined here.
 */
#ifndef SIERRA_ABI_PHYSDEV_H
#define SIERRA_ABI_PHYSDEV_H

#include <sierra/pv-base.h>

#define PV_PHYSDEVOP_irq_status_query   5
#define PV_PHYSDEVOP_set_iopl           6
#define PV_PHYSDEVOP_set_iobitmap       7
#define PV_PHYSDEVOP_apic_read          8
#define PV_PHYSDEVOP_apic_write         9
#define PV_PHYSDEVOP_alloc_irq_vector   10
#define PV_PHYSDEVOP_free_irq_vector    11
#define PV_PHYSDEVOP_eoi                12
#define PV_PHYSDEVOP_map_pirq           13
#define PV_PHYSDEVOP_unmap_pirq         14
#define PV_PHYSDEVOP_manage_pci_add     15
#define PV_PHYSDEVOP_manage_pci_remove  16
#define PV_PHYSDEVOP_pirq_eoi_gmfn_v1   17
#define PV_PHYSDEVOP_pirq_eoi_gmfn_v2   28

#define PV_XENIRQSTAT_needs_eoi     (1U << 0)
#define PV_XENIRQSTAT_shared        (1U << 1)

#define PV_MAP_PIRQ_TYPE_MSI        0x0
#define PV_MAP_PIRQ_TYPE_GSI        0x1
#define PV_MAP_PIRQ_TYPE_UNKNOWN    0x2
#define PV_MAP_PIRQ_TYPE_MSI_SEG    0x3
#define PV_MAP_PIRQ_TYPE_MULTI_MSI  0x4

#ifndef __ASSEMBLY__
struct pv_physdev_eoi {
    uint32_t irq;
};

struct pv_physdev_pirq_eoi_gmfn {
    pv_pfn_t gmfn;
};

struct pv_physdev_irq_status_query {
    uint32_t irq;
    uint32_t flags;         /* OUT: PV_XENIRQSTAT_* */
};

struct pv_physdev_set_iopl {
    uint32_t iopl;          /* 0-3 */
};

struct pv_physdev_set_iobitmap {
    PV_HANDLE(uint8) bitmap;
    uint32_t nr_ports;
};

struct pv_physdev_apic {
    unsigned long apic_physbase;
    uint32_t reg;
    uint32_t value;
};

struct pv_physdev_irq {
    uint32_t irq;
    uint32_t vector;
};

struct pv_physdev_map_pirq {
    pv_domid_t domid;
    int type;               /* PV_MAP_PIRQ_TYPE_* */
    int index;              /* GSI, or MSI entry */
    int pirq;               /* IN/OUT */
    int bus;
    int devfn;
    int entry_nr;
    uint64_t table_base;
};

struct pv_physdev_unmap_pirq {
    pv_domid_t domid;
    int pirq;
};

struct pv_physdev_manage_pci {
    uint8_t bus;
    uint8_t devfn;
};
#endif

#endif
