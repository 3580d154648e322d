/*
 * A vCPU's whole context in one call (pv/vcpu-context.c): VCPUOP_initialise
 * and domctl setvcpucontext.
 */
#ifndef ASM_PV_VCPU_CONTEXT_H
#define ASM_PV_VCPU_CONTEXT_H

#include <hv/domain.h>
#include <sierra/arch-x86.h>

/* 0, -EEXIST (already has one), -EINVAL (a bad address, selector count,
 * page table or GDT frame, FPU state, or an LDT: not supported yet) */
long pv_vcpu_set_context(struct vcpu *v, const struct pv_vcpu_guest_context *c);

#define CONTEXT_ORDER 1     /* a copy of a vcpu_guest_context: two pages */
_Static_assert(sizeof(struct pv_vcpu_guest_context) <= (4096 << CONTEXT_ORDER),
               "vcpu_guest_context outgrew CONTEXT_ORDER");

#endif
