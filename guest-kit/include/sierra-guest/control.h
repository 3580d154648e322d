/*
 * Sierra's control ABI (domctl, sysctl: abi/ABI.md) for kit guests that run
 * as the control domain: each call stamped with this release's interface
 * version. dom0-tools will speak the same ABI through privcmd.
 */
#ifndef SIERRA_GUEST_CONTROL_H
#define SIERRA_GUEST_CONTROL_H

#include <sierra-guest/hypercall.h>
#include <sierra/domctl.h>
#include <sierra/sysctl.h>

static inline long kit_domctl(struct sierra_domctl *op)
{
    op->interface_version = SIERRA_DOMCTL_INTERFACE_VERSION;
    return HC(PV_HYPERCALL_domctl, op, 0, 0, 0, 0);
}

/* a domctl with no arguments beyond the domain (destroy, pause, unpause) */
static inline long kit_domctl_on(uint32_t cmd, uint16_t domid)
{
    struct sierra_domctl op = { .cmd = cmd, .domain = domid };

    return kit_domctl(&op);
}

static inline struct sierra_sysctl_physinfo kit_physinfo(void)
{
    struct sierra_sysctl op = { .cmd = SIERRA_SYSCTL_physinfo,
                                .interface_version = SIERRA_SYSCTL_INTERFACE_VERSION };

    HC(PV_HYPERCALL_sysctl, &op, 0, 0, 0, 0);
    return op.u.physinfo;
}

#endif
