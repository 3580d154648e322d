/*
 * privcmd calls (hv.h): IOCTL_PRIVCMD_HYPERCALL with the hypercall number
 * and arguments; the control ABI's structures are stamped with this
 * release's interface versions here, once.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <sierra/hypercall.h>
#include "hv.h"

#define PRIVCMD                 "/dev/xen/privcmd"
#define IOCTL_PRIVCMD_HYPERCALL 0x305000
#define IOCTL_PRIVCMD_MMAPBATCH_V2 0x205004

static int fd = -1;

int hv_open(void)
{
    if ( fd >= 0 )
        return 0;
    fd = open(PRIVCMD, O_RDWR | O_CLOEXEC);
    if ( fd < 0 )
    {
        int e = errno;

        fprintf(stderr, "sierra: %s: %s (hypervisor commands run in the control domain)\n",
                PRIVCMD, strerror(e));
        return -e;
    }
    return 0;
}

long hv_hypercall(unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3,
                  unsigned long a4)
{
    unsigned long h[6] = { op, a1, a2, a3, a4, 0 };
    long r;

    if ( hv_open() )
        return -ENODEV;
    r = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, h);
    return r < 0 ? -errno : r;
}

long hv_domctl(struct sierra_domctl *op)
{
    op->interface_version = SIERRA_DOMCTL_INTERFACE_VERSION;
    return hv_hypercall(PV_HYPERCALL_domctl, (unsigned long)op, 0, 0, 0);
}

long hv_sysctl(struct sierra_sysctl *op)
{
    op->interface_version = SIERRA_SYSCTL_INTERFACE_VERSION;
    return hv_hypercall(PV_HYPERCALL_sysctl, (unsigned long)op, 0, 0, 0);
}

long hv_domains(struct sierra_domctl_getdomaininfo *out, unsigned int max)
{
    struct sierra_sysctl op = { .cmd = SIERRA_SYSCTL_getdomaininfolist };
    long rc;

    op.u.getdomaininfolist.first_domain = 0;
    op.u.getdomaininfolist.max_domains = max;
    op.u.getdomaininfolist.buffer = (unsigned long)out;
    rc = hv_sysctl(&op);
    return rc < 0 ? rc : (long)op.u.getdomaininfolist.nr_domains;
}

long hv_find(const char *name_or_id, struct sierra_domctl_getdomaininfo *out)
{
    static struct sierra_domctl_getdomaininfo all[256];
    long n = hv_domains(all, 256);
    char *end;
    unsigned long id = strtoul(name_or_id, &end, 10);
    bool numeric = *name_or_id && !*end;

    if ( n < 0 )
    {
        if ( n != -ENODEV )
            fprintf(stderr, "sierra: listing domains: %s\n", strerror((int)-n));
        return n;
    }
    for ( long i = 0; i < n; i++ )
        if ( numeric ? all[i].domid == id : !strncmp(all[i].name, name_or_id, sizeof(all[i].name)) )
        {
            *out = all[i];
            return 0;
        }
    fprintf(stderr, "sierra: no domain '%s'\n", name_or_id);
    return -ESRCH;
}

long hv_find_quiet(unsigned int domid, struct sierra_domctl_getdomaininfo *out)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_getdomaininfo, .domain = (uint16_t)domid };
    long rc = hv_domctl(&op);

    if ( rc < 0 || op.u.getdomaininfo.domid != domid )
        return -ESRCH;              /* getdomaininfo gives the next one up */
    *out = op.u.getdomaininfo;
    return 0;
}

int hv_map_foreign(int privcmd_fd, void *va, uint16_t domid, uint64_t mfn)
{
    struct {
        uint32_t num;
        uint16_t dom, pad;
        uint64_t addr, arr, err;
    } b = { .num = 1, .dom = domid, .addr = (uint64_t)va, .arr = (uint64_t)&mfn };
    int err = 0;

    b.err = (uint64_t)&err;
    if ( ioctl(privcmd_fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &b) )
        return -errno;
    return err;
}
