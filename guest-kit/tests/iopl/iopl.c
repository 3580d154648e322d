/*
 * iopl: VMASST_TYPE_architectural_iopl, the mode in which a PV kernel's
 * virtual IOPL behaves like EFLAGS.IOPL: the hypervisor shows it in the
 * RFLAGS of every exception frame it builds, takes it from the RFLAGS the
 * kernel gives HYPERVISOR_iret, and counts the kernel as ring 0, so any IOPL
 * lets it use ports. Outside that mode the frames show IOPL 0 and the kernel
 * needs IOPL 1 (physdev set_iopl). Also: which vm_assist types a 64-bit PV
 * guest may enable.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <sierra/mmu.h>
#include <sierra/physdev.h>
#include <hv/lib.h>

static volatile unsigned int uds, gps;
static volatile unsigned long seen_iopl, set_iopl_to = ~0UL;

static void on_trap(struct kit_trap_frame *f)
{
    if ( f->vector == 6 )
    {
        uds++;
        seen_iopl = (f->rflags >> 12) & 3;
        if ( set_iopl_to != ~0UL )
            f->rflags = (f->rflags & ~0x3000UL) | (set_iopl_to << 12);
        f->rip += 2;                    /* ud2 */
        return;
    }
    if ( f->vector == 13 )
    {
        gps++;
        f->rip += 2;                    /* inb $0x61, %al */
        return;
    }
    printf("not ok - vector %lu\n", (unsigned long)f->vector);
    shutdown(3);
}

static unsigned long frame_iopl(void)
{
    asm volatile("ud2");
    return seen_iopl;
}

static bool port_read_runs(void)
{
    unsigned int before = gps;

    asm volatile("inb $0x61, %%al" ::: "rax");
    return gps == before;
}


static long set_iopl(unsigned int iopl)
{
    struct pv_physdev_set_iopl op = { .iopl = iopl };

    return hyp_physdev_op(PV_PHYSDEVOP_set_iopl, &op);
}

int main(void)
{
    static const unsigned int types[] = { 0, 1, 2, 3, 5, 6, 7, 31, 32, 33, 63, 64 };
    unsigned long got;

    printf("iopl: start\n");
    kit_trap_handler = on_trap;
    kit_install_traps(0);
    for ( unsigned int i = 0; i < sizeof(types) / sizeof(types[0]); i++ )
        check(1, "vm_assist enable type %u -> %ld", types[i], hyp_vm_assist(PV_VMASST_CMD_enable, types[i]));
    check(1, "vm_assist command 2 -> %ld", hyp_vm_assist(2, PV_VMASST_TYPE_writable_pagetables));

    check(set_iopl(3) == 0, "set_iopl 3");
    got = frame_iopl();
    check(got == 0, "plain mode: a frame shows IOPL 0 (%lu)", got);
    check(set_iopl(0) == 0, "set_iopl 0");
    check(!port_read_runs(), "plain mode, IOPL 0: the kernel's port read is #GP");
    check(set_iopl(1) == 0 && port_read_runs(), "plain mode, IOPL 1: it runs");

    check(hyp_vm_assist(PV_VMASST_CMD_enable, PV_VMASST_TYPE_architectural_iopl) == 0,
          "architectural IOPL enabled");
    got = frame_iopl();
    check(got == 1, "a frame now shows the virtual IOPL (%lu)", got);
    set_iopl(0);
    got = frame_iopl();
    check(got == 0, "set_iopl 0 shows as 0 (%lu)", got);
    check(port_read_runs(), "the kernel counts as ring 0: IOPL 0 lets it read a port");
    set_iopl_to = 2;
    frame_iopl();                       /* the handler's iret carries IOPL 2 */
    set_iopl_to = ~0UL;
    got = frame_iopl();
    check(got == 2, "HYPERVISOR_iret with IOPL 2 set it (%lu)", got);
    set_iopl_to = 0;
    frame_iopl();
    set_iopl_to = ~0UL;
    got = frame_iopl();
    check(got == 0, "and with IOPL 0 cleared it (%lu)", got);
    check(hyp_vm_assist(PV_VMASST_CMD_disable, PV_VMASST_TYPE_architectural_iopl) == 0,
          "architectural IOPL disabled");
    set_iopl(3);
    got = frame_iopl();
    check(got == 0, "frames show IOPL 0 again, whatever set_iopl says (%lu)", got);
    check(uds == 8 && gps == 1, "%u #UD and %u #GP in all", uds, gps);
    printf("iopl: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
