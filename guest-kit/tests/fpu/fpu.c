/*
 * fpu: the FPU as a PV kernel sees it - the state at start of day (FCW,
 * MXCSR), SSE usable from the start, the virtual CR0.TS of fpu_taskswitch
 * (an x87 or SSE instruction raises #NM once, after which TS reads clear, as
 * if the kernel's handler had run clts), and registers surviving a blocking
 * hypercall in which the hypervisor runs other things.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <hv/lib.h>

/* (the kit is built -mgeneral-regs-only: the compiler itself never touches
 * an XMM register, so the asm below needs no clobbers) */

static unsigned int nm_count;

static void on_trap(struct kit_trap_frame *f)
{
    if ( f->vector == 7 )
        nm_count++;
    else if ( f->vector == KIT_EVENT_VECTOR )
        return;
    else
    {
        printf("not ok - unexpected vector %lu at %#lx\n", (unsigned long)f->vector,
               (unsigned long)f->rip);
        shutdown(3);
    }
}

static volatile unsigned int ticks;

static void on_timer(unsigned int port)
{
    (void)port;
    ticks++;
}

static void fnop(void)
{
    asm volatile("fnop");
}

int main(void)
{
    unsigned short fcw = 0;
    unsigned int mxcsr = 0;
    unsigned long in = 0x1122334455667788UL, out = 0;

    printf("fpu: start\n");
    kit_trap_handler = on_trap;
    kit_install_traps(0);
    asm volatile("fnstcw %0" : "=m"(fcw));
    asm volatile("stmxcsr %0" : "=m"(mxcsr));
    check(fcw == 0x37f && mxcsr == 0x1f80, "start of day: FCW %#x, MXCSR %#x", fcw, mxcsr);
    asm volatile("movq %1, %%xmm3; movq %%xmm3, %0" : "=r"(out) : "r"(in));
    check(out == in, "SSE works: a value through %%xmm3");

    hyp_fpu_taskswitch(1);
    fnop();
    check(nm_count == 1, "fpu_taskswitch(1), then fnop: #NM (%u)", nm_count);
    fnop();
    check(nm_count == 1, "a second fnop: no #NM, the virtual TS went with the first (%u)",
          nm_count);
    hyp_fpu_taskswitch(1);
    asm volatile("movq %%xmm3, %0" : "=r"(out));
    check(nm_count == 2 && out == in, "an SSE instruction under TS: #NM, then the value is there");
    hyp_fpu_taskswitch(1);
    hyp_fpu_taskswitch(0);
    fnop();
    check(nm_count == 2, "fpu_taskswitch(1) then (0): no #NM (%u)", nm_count);

    asm volatile("movq %0, %%xmm5" :: "r"(~in));
    hyp_sched_op(PV_SCHEDOP_yield, 0);
    kit_events_init(kit_spare_page(0));
    hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);
    kit_bind_handler((unsigned int)kit_bind_virq(PV_VIRQ_TIMER), on_timer);
    HC(PV_HYPERCALL_set_timer_op, kit_system_time_ns() + 2000000, 0, 0, 0, 0);
    kit_wait_until(&ticks, 1);
    asm volatile("movq %%xmm5, %0" : "=r"(out));
    check(out == ~in, "%%xmm5 survives yield and block");
    printf("fpu: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
