/*
 * The hypervisor's error names: the ABI's errno table (sierra/errno.h) as
 * plain EINVAL, EFAULT... so code reads `return -EINVAL`, plus EINTR and ERESTART, the
 * internal values ("interrupted", "preempted, re-execute the hypercall") that never reach a
 * guest.
 */
#ifndef HV_ERRNO_H
#define HV_ERRNO_H

#include <sierra/errno.h>

#define HV_ERRNO_ENUM_(name, value, text) name = value,
enum hv_errno { PV_ERRNO_LIST(HV_ERRNO_ENUM_) EINTR = 4, ERESTART = 85 };
#undef HV_ERRNO_ENUM_

#endif
