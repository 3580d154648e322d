/*
 * /dev/xen/evtchn with Linux's interface (include/uapi/xen/evtchn.h), so
 * the tools wait for events as on a Linux control domain. Each open file
 * owns the ports it binds (IOCTL_EVTCHN_BIND_VIRQ, _BIND_INTERDOMAIN,
 * _BIND_UNBOUND_PORT; the ioctl returns the local port), can _NOTIFY and
 * _UNBIND them, and _RESET its queue. When one of its ports fires, the
 * kernel's event handler masks the port and queues its number; read()
 * returns the queued numbers (uint32 each; it sleeps when there are none,
 * EAGAIN when non-blocking, EFBIG once the queue overflowed), and write()
 * of port numbers unmasks them again. poll() says POLLIN when the queue
 * is not empty. Closing the file closes its ports.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <hv/lib.h>
#include "kernel.h"

#define IOCTL_EVTCHN_BIND_VIRQ          0x00044500
#define IOCTL_EVTCHN_BIND_INTERDOMAIN   0x00084501
#define IOCTL_EVTCHN_BIND_UNBOUND_PORT  0x00044502
#define IOCTL_EVTCHN_UNBIND             0x00044503
#define IOCTL_EVTCHN_NOTIFY             0x00044504
#define IOCTL_EVTCHN_RESET              0x00004505
#define IOCTL_EVTCHN_RESTRICT_DOMID     0x00024506
#define MAX_USERS       16
#define MAX_PORTS       1024            /* the kit's handler table */
#define RING            1024
#define DOMID_SELF      0x7ff0
#define ENOTCONN        107

struct evtchn_user {
    bool used, overflow;
    uint32_t ring[RING];
    unsigned int prod, cons;
    int restrict_dom;                   /* -1: any */
};

static struct evtchn_user users[MAX_USERS];
static struct evtchn_user *owner[MAX_PORTS];

static void on_port(unsigned int port)
{
    struct evtchn_user *u = owner[port];

    if ( !u )
        return;
    __atomic_fetch_or(&kit_shared_info->evtchn_mask[port / 64], 1UL << (port % 64), __ATOMIC_SEQ_CST);
    if ( u->prod - u->cons == RING )
        u->overflow = true;
    else
        u->ring[u->prod++ % RING] = port;
    sched_wake_all();
}

long evtchn_open(struct file *f)
{
    for ( unsigned int i = 0; i < MAX_USERS; i++ )
        if ( !users[i].used )
        {
            users[i] = (struct evtchn_user){ .used = true, .restrict_dom = -1 };
            f->priv = &users[i];
            return 0;
        }
    return -ENFILE;
}

static void unbind(unsigned int port)
{
    struct pv_evtchn_close c = { port };

    kit_bind_handler(port, NULL);
    owner[port] = NULL;
    hyp_event_channel_op(PV_EVTCHNOP_close, &c);
}

void evtchn_release(struct file *f)
{
    struct evtchn_user *u = f->priv;

    for ( unsigned int port = 0; port < MAX_PORTS; port++ )
        if ( owner[port] == u )
            unbind(port);
    u->used = false;
}

static long bound(struct evtchn_user *u, long port)
{
    struct pv_evtchn_unmask m = { (uint32_t)port };

    if ( port < 0 )
        return port;
    if ( port >= MAX_PORTS )
    {
        struct pv_evtchn_close c = { (uint32_t)port };

        hyp_event_channel_op(PV_EVTCHNOP_close, &c);
        return -ENOSPC;
    }
    owner[port] = u;
    kit_bind_handler((unsigned int)port, on_port);
    hyp_event_channel_op(PV_EVTCHNOP_unmask, &m);
    return port;
}

static long bind(struct evtchn_user *u, uint64_t cmd, uint64_t arg)
{
    uint32_t a[2];
    long rc;

    if ( copy_from_user(a, arg, cmd == IOCTL_EVTCHN_BIND_INTERDOMAIN ? 8 : 4) )
        return -EFAULT;
    if ( cmd == IOCTL_EVTCHN_BIND_VIRQ )
    {
        struct pv_evtchn_bind_virq b = { .virq = a[0], .vcpu = 0 };

        if ( u->restrict_dom >= 0 )
            return -EACCES;
        rc = hyp_event_channel_op(PV_EVTCHNOP_bind_virq, &b);
        return bound(u, rc ? rc : (long)b.port);
    }
    if ( u->restrict_dom >= 0 && a[0] != (uint32_t)u->restrict_dom )
        return -EACCES;
    if ( cmd == IOCTL_EVTCHN_BIND_INTERDOMAIN )
    {
        struct pv_evtchn_bind_interdomain b = { .remote_dom = (pv_domid_t)a[0], .remote_port = a[1] };

        rc = hyp_event_channel_op(PV_EVTCHNOP_bind_interdomain, &b);
        return bound(u, rc ? rc : (long)b.local_port);
    }
    struct pv_evtchn_alloc_unbound b = { .dom = DOMID_SELF, .remote_dom = (pv_domid_t)a[0] };

    rc = hyp_event_channel_op(PV_EVTCHNOP_alloc_unbound, &b);
    return bound(u, rc ? rc : (long)b.port);
}

long evtchn_ioctl(struct file *f, uint64_t cmd, uint64_t arg)
{
    struct evtchn_user *u = f->priv;
    uint32_t port;
    uint16_t dom;

    switch ( cmd )
    {
    case IOCTL_EVTCHN_BIND_VIRQ:
    case IOCTL_EVTCHN_BIND_INTERDOMAIN:
    case IOCTL_EVTCHN_BIND_UNBOUND_PORT:
        return bind(u, cmd, arg);
    case IOCTL_EVTCHN_UNBIND:
    case IOCTL_EVTCHN_NOTIFY:
        if ( copy_from_user(&port, arg, sizeof(port)) )
            return -EFAULT;
        if ( port >= MAX_PORTS )
            return -EINVAL;
        if ( owner[port] != u )
            return -ENOTCONN;
        if ( cmd == IOCTL_EVTCHN_UNBIND )
            return unbind(port), 0;
        return hyp_event_channel_op(PV_EVTCHNOP_send, &(struct pv_evtchn_send){ port });
    case IOCTL_EVTCHN_RESET:
        u->prod = u->cons = 0;
        u->overflow = false;
        return 0;
    case IOCTL_EVTCHN_RESTRICT_DOMID:
        if ( copy_from_user(&dom, arg, sizeof(dom)) )
            return -EFAULT;
        if ( u->restrict_dom >= 0 )
            return -EACCES;             /* once only, as Linux */
        if ( dom >= DOMID_SELF )
            return -EINVAL;
        u->restrict_dom = dom;
        return 0;
    default:
        return -ENOTTY;
    }
}

static bool queued(void *arg)
{
    const struct evtchn_user *u = arg;

    return u->prod != u->cons || u->overflow;
}

long evtchn_read(struct file *f, uint64_t ubuf, uint64_t len)
{
    struct evtchn_user *u = f->priv;
    uint64_t n = 0;

    len &= ~3UL;
    if ( !len )
        return 0;
    if ( !queued(u) && (f->flags & O_NONBLOCK) )
        return -EAGAIN;
    if ( wait_event(queued, u, 0, true) == -EINTR )
        return -ERESTARTSYS;
    if ( u->overflow )
        return -EFBIG;
    for ( ; n < len && u->cons != u->prod; n += 4 )
        *(uint32_t *)(ubuf + n) = u->ring[u->cons++ % RING];
    return (long)n;
}

long evtchn_write(struct file *f, uint64_t ubuf, uint64_t len)
{
    struct evtchn_user *u = f->priv;

    len &= ~3UL;
    for ( uint64_t i = 0; i < len; i += 4 )
    {
        uint32_t port = *(const uint32_t *)(ubuf + i);

        if ( port < MAX_PORTS && owner[port] == u )
            hyp_event_channel_op(PV_EVTCHNOP_unmask, &(struct pv_evtchn_unmask){ port });
    }
    return (long)len;
}

short evtchn_poll(const struct file *f)
{
    return queued(f->priv) ? POLLIN | POLLOUT : POLLOUT;
}
