/*
 * A vCPU's whole context in one call (pv/vcpu-context.c): VCPUOP_initialise
 * and domctl setvcpucontext, and back out for domctl getvcpucontext.
 */
#ifndef ASM_PV_VCPU_CONTEXT_H
#define ASM_PV_VCPU_CONTEXT_H

#include <hv/domain.h>
#include <sierra/arch-x86.h>

/* 0, -EEXIST (already has one), -EINVAL (a bad address, selector count,
 * page table, GDT or LDT frame, FPU state or debug register) */
long pv_vcpu_set_context(struct vcpu *v, const struct pv_vcpu_guest_context *c);
/* the context of a vCPU that is not the current one, as set_context takes it */
void pv_vcpu_get_context(const struct vcpu *v, struct pv_vcpu_guest_context *c);

#define CONTEXT_ORDER 1     /* a copy of a vcpu_guest_context: two pages */
_Static_assert(sizeof(struct pv_vcpu_guest_context) <= (4096 << CONTEXT_ORDER),
               "vcpu_guest_context outgrew CONTEXT_ORDER");

#endif
