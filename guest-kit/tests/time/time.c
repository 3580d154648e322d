/*
 * time: guest time and timers - the vcpu_time_info record (version protocol,
 * monotonic), the wallclock, one-shot timers by set_timer_op and vcpu_op,
 * periodic timers, blocking until VIRQ_TIMER, and the refusals (a deadline
 * already past with VCPU_SSHOTTMR_future, a period under 1 ms). Lines print
 * only what both hypervisors must agree on, not timings.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/errno.h>

#define MS 1000000UL

static volatile unsigned int ticks;

static void on_timer(unsigned int port)
{
    (void)port;
    ticks++;
}

static void wait_ticks(unsigned int n)
{
    kit_wait_until(&ticks, n);
}

static struct pv_vcpu_time_info area __attribute__((aligned(64)));

int main(void)
{
    struct pv_vcpu_register_time_memory_area ta;
    unsigned long area_t0;
    struct pv_vcpu_set_singleshot_timer ss;
    struct pv_vcpu_set_periodic_timer per;
    unsigned long t0, t1, wall;
    long port, rc;

    printf("time: start\n");
    kit_events_init(kit_spare_page(0));
    rc = hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);
    check(rc == 0, "stop the default periodic timer -> %ld", rc);
    port = kit_bind_virq(PV_VIRQ_TIMER);
    check(port > 0, "bind VIRQ_TIMER");
    kit_bind_handler((unsigned int)port, on_timer);

    t0 = kit_system_time_ns();
    t1 = kit_system_time_ns();
    check(!(kit_shared_info->vcpu_info[0].time.version & 1), "time record version is even");
    check(kit_shared_info->vcpu_info[0].time.tsc_to_system_mul != 0, "TSC multiplier set");
    check(t0 > 0 && t1 >= t0, "system time is positive and monotonic");
    wall = kit_shared_info->wc_sec + t1 / 1000000000UL;
    check(wall > 1577836800UL, "wallclock is after 2020");

    t0 = kit_system_time_ns();
    rc = HC(PV_HYPERCALL_set_timer_op, t0 + 2 * MS, 0, 0, 0, 0);
    check(rc == 0, "set_timer_op(now + 2 ms) -> %ld", rc);
    wait_ticks(1);
    check(kit_system_time_ns() - t0 >= 2 * MS, "VIRQ_TIMER after at least 2 ms (block woke us)");

    ss = (struct pv_vcpu_set_singleshot_timer){ .timeout_abs_ns = kit_system_time_ns() - MS,
                                                .flags = PV_VCPU_SSHOTTMR_future };
    rc = hyp_vcpu_op(PV_VCPUOP_set_singleshot_timer, 0, &ss);
    /* Xen 4.17 ignores VCPU_SSHOTTMR_future (Linux misused it): it fires at once */
    check(rc == 0, "singleshot in the past with SSHOTTMR_future -> %ld", rc);
    wait_ticks(2);
    ss = (struct pv_vcpu_set_singleshot_timer){ .timeout_abs_ns = kit_system_time_ns() + MS };
    rc = hyp_vcpu_op(PV_VCPUOP_set_singleshot_timer, 0, &ss);
    check(rc == 0, "singleshot at now + 1 ms -> %ld", rc);
    wait_ticks(3);
    check(ticks == 3, "each singleshot fired once");

    /* a second time record at an address of ours, as Linux's vDSO asks */
    ta.addr.p = (unsigned long)&area;
    rc = hyp_vcpu_op(PV_VCPUOP_register_vcpu_time_memory_area, 0, &ta);
    check(rc == 0, "register_vcpu_time_memory_area -> %ld", rc);
    check(area.version && !(area.version & 1), "the copy is written at once (version even)");
    check(area.tsc_to_system_mul == kit_vcpu_info->time.tsc_to_system_mul &&
          area.tsc_shift == kit_vcpu_info->time.tsc_shift, "with vcpu_info's scale");
    check(area.flags == kit_vcpu_info->time.flags, "and its flags (TSC stable: %s)",
          area.flags & 1 ? "yes" : "no, the CPU has no invariant TSC");
    area_t0 = area.system_time;

    per.period_ns = 100000;
    rc = hyp_vcpu_op(PV_VCPUOP_set_periodic_timer, 0, &per);
    check(rc == -PV_EINVAL, "periodic timer of 100 us -> %ld", rc);
    per.period_ns = 5 * MS;
    t0 = kit_system_time_ns();
    rc = hyp_vcpu_op(PV_VCPUOP_set_periodic_timer, 0, &per);
    check(rc == 0, "periodic timer of 5 ms -> %ld", rc);
    /* spin, not block: Xen stops a blocked vCPU's periodic timer */
    while ( ticks < 6 )
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    check(kit_system_time_ns() - t0 >= 10 * MS, "three periodic ticks span at least two periods");
    rc = hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);
    check(rc == 0, "stop it -> %ld", rc);
    rc = HC(PV_HYPERCALL_set_timer_op, 0, 0, 0, 0, 0);
    check(rc == 0, "set_timer_op(0) cancels -> %ld", rc);
    check(area.system_time >= area_t0 && !(area.version & 1),
          "the copy stays a consistent record (updated as the hypervisor likes)");
    ta.addr.p = 0xffff800000000000UL;
    rc = hyp_vcpu_op(PV_VCPUOP_register_vcpu_time_memory_area, 0, &ta);
    check(rc == -PV_EFAULT, "a copy in the hypervisor's hole -> %ld", rc);
    ta.addr.p = 0;
    rc = hyp_vcpu_op(PV_VCPUOP_register_vcpu_time_memory_area, 0, &ta);
    check(rc == 0, "no copy (address 0) -> %ld", rc);
    printf("time: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
