/*
 * The hypervisor's own GDT, TSS and IDT for the boot CPU.
 */
#ifndef ASM_DESCRIPTORS_H
#define ASM_DESCRIPTORS_H

#include <hv/types.h>

#define HV_CS   0x08
#define HV_DS   0x10
#define HV_TSS  0x18

/* IST slots (1-based, as the IDT encodes them) */
#define IST_NMI 1
#define IST_DF  2
#define IST_MC  3

void descriptors_init(void);

#endif
