/* vCPU runstate accounting (common/runstate.c). */
#ifndef HV_RUNSTATE_H
#define HV_RUNSTATE_H

#include <hv/domain.h>

void runstate_change(struct vcpu *v, int state);            /* PV_RUNSTATE_* */
void runstate_get(const struct vcpu *v, struct pv_vcpu_runstate_info *out);
long runstate_register_area(struct vcpu *v, u64 va);

#endif
