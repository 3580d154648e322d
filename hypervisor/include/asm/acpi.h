/*
 * What the hypervisor learns from ACPI tables at boot.
 */
#ifndef ASM_ACPI_H
#define ASM_ACPI_H

#include <hv/types.h>

#define ACPI_MAX_CPUS    256
#define ACPI_MAX_IOAPICS 8

struct acpi_info {
    bool found;
    char oem_id[7];
    unsigned int nr_cpus;
    u32 apic_id[ACPI_MAX_CPUS];
    unsigned int nr_ioapics;
    struct { u8 id; u32 addr, gsi_base; } ioapic[ACPI_MAX_IOAPICS];
    paddr_t lapic_addr;
    bool have_dmar, have_ivrs;          /* Intel VT-d / AMD-Vi IOMMU tables */
    u16 pm1a_cnt, pm1b_cnt;             /* FADT: for S5 power off */
    bool have_s5;
    u8 s5_typa, s5_typb;
};

extern struct acpi_info acpi_info;

void acpi_init(const u8 *rsdp_copy);

#endif
