/*
 * sierra console DOMAIN: the domain's console output, from the ring the
 * builder gave it (found again through domctl get_rings), mapped here with
 * IOCTL_PRIVCMD_MMAPBATCH_V2 and read every 20 ms until the domain shuts
 * down or goes away - what it wrote before is shown first. Output only for
 * now: input to the guest, and the ^] escape, come with the console relay.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <sierra/console.h>
#include "hv.h"
#include "sierra.h"

static void drain(struct pv_xencons_interface *r)
{
    PV_XENCONS_RING_IDX cons = r->out_cons, prod = __atomic_load_n(&r->out_prod, __ATOMIC_ACQUIRE);

    if ( prod - cons > sizeof(r->out) )
        cons = prod - sizeof(r->out);       /* a bad index from the guest: the last ring's worth */
    for ( ; cons != prod; cons++ )
        putchar(r->out[PV_MASK_XENCONS_IDX(cons, r->out)]);
    __atomic_store_n(&r->out_cons, cons, __ATOMIC_RELEASE);
    fflush(stdout);
}

int console_attach(const char *name)
{
    struct sierra_domctl_getdomaininfo d;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_get_rings };
    struct pv_xencons_interface *ring;
    int fd;

    if ( hv_find(name, &d) )
        return EXIT_FAILED;
    op.domain = d.domid;
    if ( hv_domctl(&op) < 0 || !op.u.rings.console_gfn )
    {
        fprintf(stderr, "sierra: console %s: the domain has no console ring\n", name);
        return EXIT_FAILED;
    }
    if ( (fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC)) < 0 )
        return EXIT_FAILED;
    ring = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if ( ring == MAP_FAILED || hv_map_foreign(fd, ring, d.domid, op.u.rings.console_gfn) )
    {
        fprintf(stderr, "sierra: console %s: cannot map its console ring\n", name);
        close(fd);
        return EXIT_FAILED;
    }
    for ( ;; )
    {
        struct sierra_domctl_getdomaininfo now;
        bool gone = hv_find_quiet(d.domid, &now) || (now.flags & SIERRA_DOMINF_shutdown);

        drain(ring);
        if ( gone )
            break;
        nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
    }
    munmap(ring, 4096);
    close(fd);
    return EXIT_OK;
}

int cmd_console(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    if ( argc != 1 )
    {
        fprintf(stderr, "usage: sierra console DOMAIN\n");
        return EXIT_USAGE;
    }
    return console_attach(argv[0]);
}
