/*
 * vcpu: runstate accounting (running while running, blocked time counted
 * while blocked, the registered area kept up to date) and moving vcpu_info
 * out of shared_info (what it holds afterwards, and that events and time
 * keep working through the new place).
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/errno.h>

#define MS 1000000UL

static volatile unsigned int ticks;
static struct pv_vcpu_runstate_info area;

static void on_timer(unsigned int port)
{
    (void)port;
    ticks++;
}

static void sleep_ms(unsigned long ms)
{
    unsigned int want = ticks + 1;

    HC(PV_HYPERCALL_set_timer_op, kit_system_time_ns() + ms * MS, 0, 0, 0, 0);
    kit_wait_until(&ticks, want);
}

int main(void)
{
    struct pv_vcpu_register_runstate_memory_area reg = { .addr.p = (unsigned long)&area };
    struct pv_vcpu_runstate_info r;
    unsigned long blocked0, t0;
    char *page = kit_spare_page(1);
    long rc, port;

    printf("vcpu: start\n");
    kit_events_init(kit_spare_page(0));
    hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);
    port = kit_bind_virq(PV_VIRQ_TIMER);
    kit_bind_handler((unsigned int)port, on_timer);

    rc = hyp_vcpu_op(PV_VCPUOP_get_runstate_info, 0, &r);
    check(rc == 0 && r.state == PV_RUNSTATE_running && r.time[PV_RUNSTATE_running] > 0,
          "get_runstate_info: running, with running time (rc %ld, state %d)", rc, r.state);
    rc = hyp_vcpu_op(PV_VCPUOP_register_runstate_memory_area, 0, &reg);
    check(rc == 0 && area.state == PV_RUNSTATE_running && area.state_entry_time > 0,
          "register_runstate_memory_area fills it (rc %ld)", rc);
    blocked0 = area.time[PV_RUNSTATE_blocked];
    sleep_ms(5);
    check(area.time[PV_RUNSTATE_blocked] - blocked0 >= 2 * MS,
          "blocked for a 5 ms timer: blocked time grew by at least 2 ms");
    check(area.state == PV_RUNSTATE_running, "and the area says running again");
    rc = hyp_vcpu_op(PV_VCPUOP_get_runstate_info, 5, &r);
    check(rc == -PV_ENOENT, "runstate of vCPU 5 -> %ld", rc);

    rc = kit_move_vcpu_info(page, 4090);
    check(rc == -PV_ENXIO, "register_vcpu_info crossing the page end -> %ld", rc);
    {
        struct pv_vcpu_register_vcpu_info ri = { .mfn = pfn_to_mfn(virt_to_pfn(page)), .offset = 64 };
        struct pv_vcpu_info *vi = (struct pv_vcpu_info *)(page + 64);
        unsigned char pending;
        unsigned long sel;

        kit_vcpu_info->evtchn_upcall_mask = 1;
        rc = hyp_vcpu_op(PV_VCPUOP_register_vcpu_info, 0, &ri);
        pending = vi->evtchn_upcall_pending;
        sel = vi->evtchn_pending_sel;
        kit_vcpu_info = vi;
        vi->evtchn_upcall_mask = 0;
        check(rc == 0, "register_vcpu_info at offset 64 -> %ld", rc);
        check(pending == 1 && sel == ~0UL, "it arrives with upcall_pending %u, selector %#lx",
              pending, sel);
    }
    rc = kit_move_vcpu_info(page, 128);
    check(rc == -PV_EINVAL, "register it again -> %ld", rc);
    t0 = kit_system_time_ns();
    sleep_ms(2);
    check(kit_system_time_ns() - t0 >= 2 * MS, "time and timer events work through the new place");
    printf("vcpu: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
