/*
 * shutdown: SCHEDOP_shutdown_code, as Xen 4.17 keeps it. The code set first
 * is the reason the domain's shutdown reports, whatever that shutdown says:
 * this guest sets poweroff, then tries crash (ignored: the first code
 * stays), then ends by returning 1 - a crash - which is reported as the
 * poweroff it set. tests/xen-diff checks that the machine powers off
 * cleanly after it, on Xen and on Sierra.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/sched.h>

int main(void)
{
    struct pv_sched_shutdown off = { .reason = PV_SHUTDOWN_poweroff };
    struct pv_sched_shutdown crash = { .reason = PV_SHUTDOWN_crash };
    long rc;

    rc = hyp_sched_op(PV_SCHEDOP_shutdown_code, &off);
    check(rc == 0, "SCHEDOP_shutdown_code(poweroff) -> %ld", rc);
    rc = hyp_sched_op(PV_SCHEDOP_shutdown_code, &crash);
    check(rc == 0, "SCHEDOP_shutdown_code(crash) afterwards -> %ld (ignored)", rc);
    rc = hyp_sched_op(PV_SCHEDOP_shutdown_code, (void *)0xffff830000000000UL);
    check(rc == -14, "SCHEDOP_shutdown_code with an argument in the hole -> %ld", rc);
    printf("shutdown: %d failed; now crashing, to be reported as powered off\n", checks_failed());
    return 1;
}
