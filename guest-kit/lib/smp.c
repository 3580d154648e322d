/*
 * Bringing up secondary vCPUs (sierra-guest/smp.h). The context is the one a
 * PV kernel hands Xen for a new CPU: kernel mode, the current kernel page
 * tables (read with the emulated `mov %cr3`), the flat kernel selectors, IF
 * set, the boot stack given, and the entry function's argument in RDI.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/smp.h>
#include <sierra/vcpu.h>
#include <hv/lib.h>

static unsigned long read_cr3(void)
{
    unsigned long cr3;

    asm volatile("mov %%cr3, %0" : "=r"(cr3));      /* emulated: the L4's machine address */
    return cr3;
}

void kit_vcpu_context(struct pv_vcpu_guest_context *c, void (*fn)(unsigned long),
                      unsigned long arg, void *stack_top)
{
    memset(c, 0, sizeof(*c));
    c->flags = PV_VGCF_in_kernel;
    c->user_regs.rip = (unsigned long)fn;
    c->user_regs.rsp = ((unsigned long)stack_top & ~15UL) - 8;  /* as after a call */
    c->user_regs.rdi = arg;
    c->user_regs.cs = PV_FLAT_KERNEL_CS;
    c->user_regs.ss = PV_FLAT_KERNEL_SS;
    c->user_regs.rflags = 0x202;
    c->kernel_ss = PV_FLAT_KERNEL_SS;
    c->kernel_sp = c->user_regs.rsp;
    c->ctrlreg[3] = read_cr3();
}

long kit_vcpu_start(unsigned int vcpu, void (*fn)(unsigned long), unsigned long arg,
                    void *stack_top)
{
    static struct pv_vcpu_guest_context c;
    long rc;

    kit_vcpu_context(&c, fn, arg, stack_top);
    rc = hyp_vcpu_op(PV_VCPUOP_initialise, vcpu, &c);
    return rc ? rc : hyp_vcpu_op(PV_VCPUOP_up, vcpu, 0);
}

void kit_vcpu_stop(unsigned int vcpu)
{
    hyp_vcpu_op(PV_VCPUOP_down, vcpu, 0);
}
