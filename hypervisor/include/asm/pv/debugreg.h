/*
 * The debug registers of PV vCPUs (pv/debugreg.c): each vCPU has its own
 * virtual DR0-3, DR6 and DR7, set by set_debugreg or an emulated `mov %drN`
 * and loaded into the CPU while the vCPU runs with DR7 enabling something.
 */
#ifndef ASM_PV_DEBUGREG_H
#define ASM_PV_DEBUGREG_H

#include <asm/regs.h>
#include <hv/domain.h>

#define DR6_DEFAULT     0xffff0ff0UL    /* DR6 after reset, as a guest reads it */
#define DR7_DEFAULT     0x00000400UL

void pv_debugreg_init(struct vcpu *v);              /* the reset values */
/* 0, or -EPERM / -EINVAL (#GP for an emulated mov), -ENODEV (#UD) */
long pv_debugreg_set(struct vcpu *v, unsigned int reg, u64 value);
long pv_debugreg_get(const struct vcpu *v, unsigned int reg, u64 *value);
bool pv_debugreg_context_ok(const u64 dr[8]);      /* -EINVAL if not */
void pv_debugreg_set_context(struct vcpu *v, const u64 dr[8]);
void pv_debugreg_switch(struct vcpu *prev, struct vcpu *next);
/* #DB: from the guest, merged into its DR6 (then bounced); in the hypervisor,
 * noted and dropped */
void pv_debugreg_trap(struct vcpu *v, bool from_guest);

#endif
