/*
 * Credit accounting for the scheduler (common/credit.c): each domain's
 * weight and cap, as Xen's credit scheduler takes them (domctl
 * scheduler_op, `sierra sched-credit`). Pure arithmetic on these records,
 * so it is tested on the host (tests/unit/test-credit.c).
 */
#ifndef HV_CREDIT_H
#define HV_CREDIT_H

#include <hv/types.h>

#define CREDIT_WEIGHT_DEFAULT   256
#define CREDIT_PERIOD_NS        30000000    /* the accounting period: 30 ms */

enum credit_class { CREDIT_UNDER, CREDIT_OVER, CREDIT_PARKED };

struct credit {
    u16 weight;             /* relative share, 1-65535 */
    u16 cap;                /* at most this % of one CPU; 0 = no cap */
    s64 balance;            /* ns of CPU time still due this period (may go negative) */
    u64 used;               /* ns run this period (for the cap) */
};

void credit_init(struct credit *c);
void credit_charge(struct credit *c, u64 ns);               /* it ran for ns */
/* a new period: the active domains share it by weight; every "used" restarts */
void credit_refill(struct credit *const c[], const bool active[], unsigned int n);
enum credit_class credit_class(const struct credit *c);

#endif
