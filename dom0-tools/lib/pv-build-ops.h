/*
 * The builder's operations (pv-build.h) for a control domain, written once
 * over one hypercall function: the kit's control guests call the hypervisor
 * directly, the sierra tool goes through privcmd. Only how a frame of the
 * new domain is reached (map/unmap) differs, and stays the caller's.
 */
#ifndef DOM0_TOOLS_PV_BUILD_OPS_H
#define DOM0_TOOLS_PV_BUILD_OPS_H

#include <sierra/domctl.h>
#include "pv-build.h"

struct pv_build_target {
    uint16_t domid;
    long (*hypercall)(unsigned int nr, unsigned long a1, unsigned long a2, unsigned long a3,
                      unsigned long a4);
    void *(*map)(struct pv_build_target *t, u64 mfn);
    void (*unmap)(struct pv_build_target *t);
};

/* ops whose ctx is t (which must outlive the build) */
struct pv_build_ops pv_build_ops_for(struct pv_build_target *t);

/* Sierra's domctl through t's hypercall, stamped with this release's version */
long pv_build_domctl(struct pv_build_target *t, struct sierra_domctl *op);

#endif
