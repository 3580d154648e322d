/*
 * The hypervisor's own GDT, TSS and IDT for the boot CPU.
 */
#ifndef ASM_DESCRIPTORS_H
#define ASM_DESCRIPTORS_H


/*
 * Xen's GDT layout: guests own entries 0..7167 (frames 0-13, through set_gdt);
 * the hypervisor's entries start at 0xe000 (frame 14), and guests use the flat
 * ring-3 selectors there (sierra/arch-x86.h).
 */
#define GDT_FIRST_RESERVED  0xe000
#define HV_CS       0xe008      /* 64-bit code, DPL 0 */
#define HV_DS       0xe010      /* data, DPL 0 */
#define GUEST_CS32  0xe023      /* 32-bit code, DPL 3 (== PV_FLAT_RING3_CS32) */
#define GUEST_DS    0xe02b      /* data, DPL 3 (== PV_FLAT_RING3_DS32/SS) */
#define GUEST_CS64  0xe033      /* 64-bit code, DPL 3 (== PV_FLAT_RING3_CS64) */
#define HV_TSS      0xe040      /* 16-byte system descriptor */
#define HV_LDT      0xe050      /* 16-byte system descriptor: the current guest LDT */
#define GDT_PAGES   16
#define LDT_PAGES   16          /* 8192 descriptors */

/* IST slots (1-based, as the IDT encodes them) */
#define IST_NMI 1
#define IST_DF  2
#define IST_MC  3
#define IST_DB  4

#ifndef __ASSEMBLY__
#include <hv/types.h>

void descriptors_init(void);
void tss_set_kernel_stack(u64 rsp0);
void syscall_init(void);
void *gdt_page(unsigned int i);      /* page i of the GDT (0-13 are the guest's) */
void *ldt_page(unsigned int i);      /* page i of the LDT area (the guest's frames) */
void ldt_load(unsigned int entries); /* the LDT area's first `entries`, or none (0) */
#endif

#endif
