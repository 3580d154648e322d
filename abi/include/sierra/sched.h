/*
 * sched_op(cmd, arg): give up the CPU, block until an event, shut down, or
 * poll a set of event channels with a timeout. A guest with nothing to do
 * calls SCHEDOP_block with events enabled; a guest that is done calls
 * SCHEDOP_shutdown with a reason the control domain reads back.
 */
#ifndef SIERRA_ABI_SCHED_H
#define SIERRA_ABI_SCHED_H

#include <sierra/event-channel.h>

#define PV_SCHEDOP_yield            0   /* arg: none */
#define PV_SCHEDOP_block            1   /* arg: none; unmasks events atomically */
#define PV_SCHEDOP_shutdown         2   /* arg: pv_sched_shutdown */
#define PV_SCHEDOP_poll             3   /* arg: pv_sched_poll */
#define PV_SCHEDOP_remote_shutdown  4   /* arg: pv_sched_remote_shutdown (privileged) */
#define PV_SCHEDOP_shutdown_code    5   /* arg: pv_sched_shutdown: record, do not stop */
#define PV_SCHEDOP_watchdog         6   /* arg: pv_sched_watchdog */
#define PV_SCHEDOP_pin_override     7   /* arg: pv_sched_pin_override (dom0) */

#define PV_SHUTDOWN_poweroff        0
#define PV_SHUTDOWN_reboot          1
#define PV_SHUTDOWN_suspend         2
#define PV_SHUTDOWN_crash           3
#define PV_SHUTDOWN_watchdog        4
#define PV_SHUTDOWN_soft_reset      5
#define PV_SHUTDOWN_MAX             5

#ifndef __ASSEMBLY__
struct pv_sched_shutdown {
    unsigned int reason;            /* PV_SHUTDOWN_* */
};

struct pv_sched_poll {
    PV_HANDLE(evtchn_port) ports;   /* wake when any of these is pending */
    unsigned int nr_ports;
    uint64_t timeout;               /* absolute system time in ns; 0 = none */
};

struct pv_sched_remote_shutdown {
    pv_domid_t domain_id;
    unsigned int reason;
};

struct pv_sched_watchdog {
    uint32_t id;                    /* 0 = allocate a new one; out: its id */
    uint32_t timeout;               /* seconds; 0 = destroy */
};

struct pv_sched_pin_override {
    int32_t pcpu;                   /* -1 = end the override */
};
#endif

#endif
