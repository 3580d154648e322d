/*
 * /dev/xen/privcmd as the tools use it, run inside dom0 on Xen 4.17 and on
 * Sierra (tests/boot/dom0-kernel.t compares the two): a hypercall through
 * IOCTL_PRIVCMD_HYPERCALL, its result and the errno values for a bad
 * hypercall number, a bad pointer handed to the hypervisor, an unknown
 * ioctl, and a bad argument block.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "check.h"

#define IOCTL_PRIVCMD_HYPERCALL 0x305000
#define HYPERVISOR_xen_version  17


static long hcall(int fd, unsigned long op, unsigned long a1, unsigned long a2)
{
    unsigned long h[6] = { op, a1, a2, 0, 0, 0 };
    long r = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, h);

    return r < 0 ? -errno : r;
}

int main(void)
{
    int fd = open("/dev/xen/privcmd", O_RDWR);
    char extra[16] = "";
    long v;

    check(fd >= 0, "open /dev/xen/privcmd");
    v = hcall(fd, HYPERVISOR_xen_version, 0, 0);
    check(v == 0x40011, "xen_version(XENVER_version) through privcmd: 4.17");
    check(hcall(fd, HYPERVISOR_xen_version, 1, (unsigned long)extra) == 0 && extra[0] == '.',
          "xen_version(XENVER_extraversion) into a user buffer");
    check(hcall(fd, HYPERVISOR_xen_version, 1, 0x10) == -EFAULT,
          "a bad buffer: the hypervisor's -EFAULT comes back as EFAULT");
    check(hcall(fd, 1000, 0, 0) == -EINVAL, "a hypercall number past the page: EINVAL");
    check(ioctl(fd, 0x12345678, 0) < 0 && errno == ENOTTY, "an unknown ioctl: ENOTTY");
    check(ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, (void *)0x10) < 0 && errno == EFAULT,
          "a bad argument block: EFAULT");
    printf("privcmd: %d of %d failed\n", failed, n);
    return failed ? 1 : 0;
}
