/*
 * /dev/xen/privcmd with Linux's ioctl interface, so the tools issue
 * hypercalls from user space exactly as on a Linux control domain:
 * IOCTL_PRIVCMD_HYPERCALL runs hypercall `op` with five arguments and
 * returns its result (a negative Xen errno is the same number as Linux's).
 * Pointers among the arguments are the caller's: user memory is mapped in
 * the kernel's page tables too, where the hypervisor reads and writes it.
 */
#include <sierra-guest/hypercall.h>
#include "kernel.h"

#define IOCTL_PRIVCMD_HYPERCALL 0x305000    /* _IOC(_IOC_NONE, 'P', 0, 48) */
#define NR_HYPERCALLS           64          /* stubs on the hypercall page we offer */

struct privcmd_hypercall {
    uint64_t op, arg[5];
};

long privcmd_ioctl(struct file *f, uint64_t cmd, uint64_t arg)
{
    struct privcmd_hypercall h;

    (void)f;
    if ( cmd != IOCTL_PRIVCMD_HYPERCALL )
        return -ENOTTY;
    if ( copy_from_user(&h, arg, sizeof(h)) )
        return -EFAULT;
    if ( h.op >= NR_HYPERCALLS )
        return -EINVAL;
    return hypercall((unsigned int)h.op, h.arg[0], h.arg[1], h.arg[2], h.arg[3], h.arg[4]);
}
