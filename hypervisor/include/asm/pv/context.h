/*
 * A PV vCPU's CPU state across a context switch (pv/context-switch.c): what
 * the CPU holds for the running vCPU - its frame, segment selectors and
 * bases, FPU/SSE state, CR0.TS, page tables, GDT - is saved into the vCPU it
 * leaves and loaded from the one it enters.
 */
#ifndef ASM_PV_CONTEXT_H
#define ASM_PV_CONTEXT_H

#include <hv/domain.h>

void pv_context_init(void);                 /* once: FXSR on, the MXCSR mask */
void pv_vcpu_init_state(struct vcpu *v);    /* a new vCPU: FPU reset state, null selectors */
bool pv_fpu_state_ok(const u8 fxsave_image[512]);  /* no reserved MXCSR bit set */
void pv_load_gdt(struct vcpu *v);           /* pv/descriptor-tables.c */

#endif
