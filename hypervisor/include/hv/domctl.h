/*
 * What domctl and sysctl share: one domain described in the control ABI's
 * getdomaininfo record (domctl getdomaininfo, sysctl getdomaininfolist).
 */
#ifndef HV_DOMCTL_H
#define HV_DOMCTL_H

#include <hv/domain.h>
#include <sierra/domctl.h>

void domain_getinfo(const struct domain *d, struct sierra_domctl_getdomaininfo *info);

#endif
