/*
 * callback_op(cmd, arg): where the hypervisor enters the guest kernel for
 * events, failsafe (a bad segment on return), syscall and NMI. Older guests
 * use set_callbacks(event, failsafe, syscall) for the first three.
 */
#ifndef SIERRA_ABI_CALLBACK_H
#define SIERRA_ABI_CALLBACK_H

#include <sierra/arch-x86.h>

#define PV_CALLBACKOP_register          0
#define PV_CALLBACKOP_unregister        1

#define PV_CALLBACKTYPE_event           0
#define PV_CALLBACKTYPE_failsafe        1
#define PV_CALLBACKTYPE_syscall         2   /* x86_64: 64-bit syscall from user mode */
#define PV_CALLBACKTYPE_sysenter_deprecated 3
#define PV_CALLBACKTYPE_nmi             4
#define PV_CALLBACKTYPE_sysenter        5
#define PV_CALLBACKTYPE_syscall32       7   /* x86_64: syscall from 32-bit user mode */

#define PV_CALLBACKF_mask_events        (1U << 0)   /* enter with events masked */

#ifndef __ASSEMBLY__
struct pv_callback_register {
    uint16_t type;                  /* PV_CALLBACKTYPE_* */
    uint16_t flags;                 /* PV_CALLBACKF_* */
    pv_callback_t address;
};

struct pv_callback_unregister {
    uint16_t type;
    uint16_t _unused;
};
#endif

#endif
