/*
 * What domctl and sysctl share: one domain described in the control ABI's
 * getdomaininfo record (domctl getdomaininfo, sysctl getdomaininfolist),
 * and the per-vCPU operations domctl hands to domctl-vcpu.c.
 */
#ifndef HV_DOMCTL_H
#define HV_DOMCTL_H

#include <hv/domain.h>
#include <sierra/domctl.h>

void domain_getinfo(const struct domain *d, struct sierra_domctl_getdomaininfo *info);
/* getvcpuinfo, set/getvcpuaffinity, scheduler_op (common/domctl-vcpu.c) */
long domctl_vcpu(struct domain *d, struct sierra_domctl *op);

#endif
