/*
 * physdev_op: the guest kernel's access to I/O ports. set_iopl sets its
 * virtual IOPL (0-3; the kernel needs 1 to use ports, user code 3);
 * set_iobitmap names a TSS-style bitmap in guest memory (a clear bit allows
 * the port) consulted when the IOPL does not allow. Ports are emulated in
 * arch/x86/pv/ioport.c. Interrupt routing subops come with device
 * passthrough.
 */
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <sierra/physdev.h>

long do_physdev_op(u64 cmd, u64 arg, u64 a3, u64 a4, u64 a5)
{
    struct vcpu *v = current;

    (void)a3; (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_PHYSDEVOP_set_iopl:
    {
        struct pv_physdev_set_iopl op;

        if ( copy_from_guest(&op, arg, sizeof(op)) )
            return -EFAULT;
        if ( op.iopl > 3 )
            return -EINVAL;
        v->iopl = op.iopl;
        return 0;
    }
    case PV_PHYSDEVOP_set_iobitmap:
    {
        struct pv_physdev_set_iobitmap op;

        if ( copy_from_guest(&op, arg, sizeof(op)) )
            return -EFAULT;
        if ( op.nr_ports > 65536 )
            return -EINVAL;
        v->iobmp = (u64)op.bitmap.p;
        v->iobmp_nr_ports = op.nr_ports;
        return 0;
    }
    default:
        return -ENOSYS;
    }
}
