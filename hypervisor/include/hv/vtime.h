/*
 * Guest time: the vcpu_time_info records in shared_info (system time from
 * the TSC), the wallclock, and each vCPU's one-shot and periodic timers,
 * which raise VIRQ_TIMER.
 */
#ifndef HV_VTIME_H
#define HV_VTIME_H

#include <hv/domain.h>

void vtime_init(void);                      /* once: wallclock from the RTC */
void vtime_start_domain(struct domain *d);  /* the wallclock in shared_info */
void vtime_start_vcpu(struct vcpu *v);      /* its time record, the default periodic timer */
void vtime_update(struct vcpu *v);          /* refresh v's vcpu_time_info (and its copy) */
/* VCPUOP_register_vcpu_time_memory_area: a copy at guest address va, kept
 * up to date while v runs in kernel mode (0, or -EFAULT for a bad address) */
long vtime_register_area(struct vcpu *v, u64 va);
void vtime_stop_domain(struct domain *d);
void vcpu_set_singleshot(struct vcpu *v, s_time_t deadline);
void vcpu_stop_singleshot(struct vcpu *v);
long vcpu_set_periodic(struct vcpu *v, s_time_t period);

#endif
