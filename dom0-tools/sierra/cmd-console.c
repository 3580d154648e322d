/*
 * sierra console DOMAIN: the domain's console, as `xl console` gives it.
 * Output comes from the relay (relay.c), which drains the domain's ring
 * into its log: everything the domain wrote since it was created is shown
 * first, then what it writes, until it shuts down or goes away. Input typed
 * here goes into the ring's input half and the domain is notified through
 * its console event channel (bound here with /dev/xen/evtchn); ^] (Ctrl-])
 * leaves the console and gives the prompt back.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <sierra/console.h>
#include "hv.h"
#include "sierra.h"

#define IOCTL_EVTCHN_BIND_INTERDOMAIN   0x00084501
#define IOCTL_EVTCHN_NOTIFY             0x00044504
#define ESCAPE                          0x1d        /* ^] */

/* forward typed bytes into the ring's input half; false at ^] */
static bool forward(uint16_t domid, const char *buf, size_t n, int evtchn, int port)
{
    struct pv_xencons_interface *r = relay_ring(domid);
    PV_XENCONS_RING_IDX prod;

    for ( size_t i = 0; i < n; i++ )
    {
        if ( buf[i] == ESCAPE )
            return false;
        if ( !r || (prod = r->in_prod) - __atomic_load_n(&r->in_cons, __ATOMIC_ACQUIRE) >= sizeof(r->in) )
            continue;                       /* no ring, or full: dropped, as a full tty drops */
        r->in[PV_MASK_XENCONS_IDX(prod, r->in)] = buf[i];
        __atomic_store_n(&r->in_prod, prod + 1, __ATOMIC_RELEASE);
    }
    if ( evtchn >= 0 && port >= 0 )
        ioctl(evtchn, IOCTL_EVTCHN_NOTIFY, &(uint32_t){ (uint32_t)port });
    return true;
}

static int bind_console_port(uint16_t domid, int evtchn)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_get_rings, .domain = domid };
    struct { uint32_t remote_domain, remote_port; } b;

    if ( evtchn < 0 || hv_domctl(&op) < 0 || !op.u.rings.console_gfn )
        return -1;
    b.remote_domain = domid;
    b.remote_port = op.u.rings.console_port;
    return ioctl(evtchn, IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);
}

int console_attach(const char *name)
{
    struct sierra_domctl_getdomaininfo d;
    char path[128], buf[512];
    bool input = true;
    FILE *log;
    int evtchn, port;
    size_t n;

    if ( hv_find(name, &d) )
        return EXIT_FAILED;
    relay_poll();
    relay_log_path(d.name, path, sizeof(path));
    if ( !(log = fopen(path, "r")) )
    {
        fprintf(stderr, "sierra: console %s: no console log (%s): %s\n", name, path, strerror(errno));
        return EXIT_FAILED;
    }
    evtchn = open("/dev/xen/evtchn", O_RDWR | O_CLOEXEC);
    port = bind_console_port(d.domid, evtchn);
    for ( ;; )
    {
        struct sierra_domctl_getdomaininfo now;
        bool gone = hv_find_quiet(d.domid, &now) || (now.flags & SIERRA_DOMINF_shutdown);
        struct pollfd p = { .fd = 0, .events = POLLIN };

        relay_poll();
        clearerr(log);
        while ( (n = fread(buf, 1, sizeof(buf), log)) )
            fwrite(buf, 1, n, stdout);
        fflush(stdout);
        if ( gone )
            break;
        if ( input && poll(&p, 1, 20) > 0 )
        {
            ssize_t got = read(0, buf, sizeof(buf));

            if ( got <= 0 )
                input = false;              /* end of input: output only from here */
            else if ( !forward(d.domid, buf, (size_t)got, evtchn, port) )
                break;
        }
        else if ( !input )
            poll(NULL, 0, 20);
    }
    fclose(log);
    if ( evtchn >= 0 )
        close(evtchn);
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
