/*
 * The boot CPU's local APIC (xAPIC MMIO through the direct map).
 */
#ifndef ASM_APIC_H
#define ASM_APIC_H

#include <hv/types.h>

#define APIC_ID         0x020
#define APIC_VERSION    0x030
#define APIC_EOI        0x0b0
#define APIC_SPURIOUS   0x0f0
#define APIC_LVT_TIMER  0x320
#define APIC_TIMER_INIT 0x380
#define APIC_TIMER_CUR  0x390
#define APIC_TIMER_DIV  0x3e0

#define APIC_SPURIOUS_VECTOR 0xff
#define APIC_TIMER_VECTOR    0xf0
#define APIC_LVT_MASKED (1u << 16)

void apic_init(void);
u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 v);
u32 apic_id(void);
void apic_eoi(void);

#endif
