/*
 * smp: a second vCPU brought up the way PV kernels do it (needs a domain
 * with two vCPUs: dom0_max_vcpus=2 on Xen and on Sierra). Before it has a
 * context it is down and cannot be brought up; bad contexts are refused;
 * a good one runs the entry function with its argument; it signals vCPU 0
 * through an IPI event channel, goes down, resumes where it stopped when
 * brought up again; and the last vCPU going down powers the domain off.
 * The context's EFLAGS.IOPL is the new vCPU's virtual IOPL. Each vCPU has
 * its own XCR0 and AVX state: both enable AVX and hold a
 * different value in YMM0's upper half across yields that switch between
 * them (one physical CPU), and each finds its own.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/smp.h>
#include <sierra/errno.h>
#include <hv/lib.h>

static volatile unsigned int ipis, resumed;
static volatile unsigned long seen_arg, seen_rsp_ok;
static unsigned int ipi_port;
static unsigned char stack1[8192] __attribute__((aligned(16)));
static volatile unsigned long vcpu1_ymm_ok, seen_port_read;

/* this vCPU: CR4.OSXSAVE (virtual, per vCPU) and XCR0 = x87|SSE|AVX */
static void enable_avx(void)
{
    unsigned long cr4;

    asm volatile("mov %%cr4, %0" : "=r"(cr4));
    asm volatile("mov %0, %%cr4" :: "r"(cr4 | (1UL << 18)));
    asm volatile("xsetbv" :: "c"(0), "a"(7), "d"(0));
}

static void set_ymm0(unsigned long high)
{
    unsigned long v[4] __attribute__((aligned(32))) = { 0, 0, high, ~high };

    asm volatile("vmovdqu %0, %%ymm0" :: "m"(v));
}

static bool ymm0_is(unsigned long high)
{
    unsigned long v[4] __attribute__((aligned(32)));

    asm volatile("vmovdqu %%ymm0, %0" : "=m"(v));
    return v[2] == high && v[3] == ~high;
}

static void vcpu1_avx(void)
{
    enable_avx();
    set_ymm0(0x1111222233334444UL);
    for ( unsigned int i = 0; i < 20; i++ )
        hyp_sched_op(PV_SCHEDOP_yield, 0);
    vcpu1_ymm_ok = ymm0_is(0x1111222233334444UL) ? 1 : 2;
}

static void on_ipi(unsigned int port)
{
    (void)port;
    ipis++;
}

static void send_ipi(void)
{
    struct pv_evtchn_send s = { .port = ipi_port };

    hyp_event_channel_op(PV_EVTCHNOP_send, &s);
}

static void vcpu1_main(unsigned long arg)
{
    unsigned long rsp;

    asm volatile("mov %%rsp, %0" : "=r"(rsp));
    seen_arg = arg;
    seen_rsp_ok = rsp > (unsigned long)stack1 && rsp <= (unsigned long)stack1 + sizeof(stack1);
    /* IOPL 1 came with its context (as Linux starts its secondary vCPUs):
     * a port read runs (without it: #GP, and this vCPU has no handler) */
    asm volatile("inb $0x61, %%al" ::: "rax");
    seen_port_read = 1;
    for ( ;; )
    {
        send_ipi();
        kit_vcpu_stop(1);
        resumed++;
        if ( resumed == 1 )
            vcpu1_avx();
    }
}

static void wait_ipis(unsigned int n)
{
    kit_wait_until(&ipis, n);
}

static void wait_down(unsigned int vcpu)
{
    while ( hyp_vcpu_op(PV_VCPUOP_is_up, vcpu, 0) == 1 )
        hyp_sched_op(PV_SCHEDOP_yield, 0);
}

int main(void)
{
    static struct pv_vcpu_guest_context c;
    struct pv_evtchn_bind_ipi ipi = { .vcpu = 0 };
    long rc;

    printf("smp: start\n");
    kit_events_init(kit_spare_page(0));
    rc = hyp_event_channel_op(PV_EVTCHNOP_bind_ipi, &ipi);
    ipi_port = ipi.port;
    kit_bind_handler(ipi_port, on_ipi);
    check(rc == 0, "bind_ipi for vCPU 0 -> %ld", rc);

    check(hyp_vcpu_op(PV_VCPUOP_is_up, 0, 0) == 1, "vCPU 0 is up");
    rc = hyp_vcpu_op(PV_VCPUOP_is_up, 1, 0);
    check(rc == 0, "vCPU 1 starts down (is_up -> %ld)", rc);
    rc = hyp_vcpu_op(PV_VCPUOP_up, 1, 0);
    check(rc == -PV_EINVAL, "up before it has a context -> %ld", rc);
    rc = hyp_vcpu_op(PV_VCPUOP_is_up, 2, 0);
    check(rc == -PV_ENOENT, "vCPU 2 does not exist -> %ld", rc);
    rc = hyp_vcpu_op(PV_VCPUOP_initialise, 2, &c);
    check(rc == -PV_ENOENT, "initialise vCPU 2 -> %ld", rc);

    kit_vcpu_context(&c, vcpu1_main, 42, stack1 + sizeof(stack1));
    c.user_regs.rip = 0x8000000000000000UL;
    rc = hyp_vcpu_op(PV_VCPUOP_initialise, 1, &c);
    check(rc == -PV_EINVAL, "initialise with a non-canonical RIP -> %ld", rc);
    kit_vcpu_context(&c, vcpu1_main, 42, stack1 + sizeof(stack1));
    c.gdt_ents = 8192;
    rc = hyp_vcpu_op(PV_VCPUOP_initialise, 1, &c);
    check(rc == -PV_EINVAL, "initialise with 8192 GDT entries -> %ld", rc);
    kit_vcpu_context(&c, vcpu1_main, 42, stack1 + sizeof(stack1));
    c.ctrlreg[3] = pfn_to_mfn(virt_to_pfn(stack1)) << 12;
    rc = hyp_vcpu_op(PV_VCPUOP_initialise, 1, &c);
    check(rc == -PV_EINVAL, "initialise with a writable data page as L4 -> %ld", rc);
    rc = hyp_vcpu_op(PV_VCPUOP_initialise, 1, (void *)0xffff830000000000UL);
    check(rc == -PV_EFAULT, "initialise from a hypervisor address -> %ld", rc);
    rc = hyp_vcpu_op(PV_VCPUOP_is_up, 1, 0);
    check(rc == 0, "after the refusals vCPU 1 is still down (is_up -> %ld)", rc);

    kit_vcpu_context(&c, vcpu1_main, 42, stack1 + sizeof(stack1));
    c.user_regs.rflags |= 1UL << 12;    /* IOPL 1: the kernel may use ports */
    rc = hyp_vcpu_op(PV_VCPUOP_initialise, 1, &c);
    check(rc == 0, "initialise vCPU 1 -> %ld", rc);
    rc = hyp_vcpu_op(PV_VCPUOP_initialise, 1, &c);
    check(rc == -PV_EEXIST, "initialise it again -> %ld", rc);
    rc = hyp_vcpu_op(PV_VCPUOP_is_up, 1, 0);
    check(rc == 0, "initialised but not yet up (is_up -> %ld)", rc);
    rc = hyp_vcpu_op(PV_VCPUOP_up, 1, 0);
    check(rc == 0, "up vCPU 1 -> %ld", rc);
    wait_ipis(1);
    check(seen_arg == 42 && seen_rsp_ok, "vCPU 1 ran its entry with RDI 42 on its own stack");
    check(seen_port_read, "with the IOPL 1 of its context: a port read ran");
    wait_down(1);
    check(ipis == 1 && resumed == 0, "vCPU 1 signalled once and went down");

    enable_avx();
    set_ymm0(0xaaaabbbbccccddddUL);
    rc = hyp_vcpu_op(PV_VCPUOP_up, 1, 0);
    check(rc == 0, "up vCPU 1 again -> %ld", rc);
    wait_ipis(2);
    wait_down(1);
    check(vcpu1_ymm_ok == 1, "vCPU 1 kept its own YMM0 across 20 yields");
    check(ymm0_is(0xaaaabbbbccccddddUL), "and vCPU 0 kept its own while vCPU 1 ran");
    check(resumed == 1 && ipis == 2, "it resumed after its down call (resumed %u, IPIs %u)",
          resumed, ipis);
    rc = hyp_vcpu_op(PV_VCPUOP_down, 1, 0);
    check(rc == 0, "down of a vCPU already down -> %ld", rc);

    printf("smp: %d failed\n", checks_failed());
    if ( checks_failed() )
        return 1;
    printf("smp: the last vCPU goes down\n");
    hyp_vcpu_op(PV_VCPUOP_down, 0, 0);
    printf("not ok - down of the last vCPU returned\n");
    return 1;
}
