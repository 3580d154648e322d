/*
 * poll and ppoll: each descriptor's readiness - the console when a line (or
 * the end of input) is waiting, a pipe end as pipe.c says, a file always -
 * and, when nothing is ready, a sleep until one is or the timeout (ms;
 * negative: none) is over; a signal to handle ends it with EINTR.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/kit.h>
#include <hv/lib.h>
#include "syscall.h"

#define MAX_POLL    256
#define NS          1000000000UL

static short ready(int fd, short events)
{
    struct file *f = fd_get(fd);
    short r;

    if ( fd < 0 )
        return 0;                               /* ignored, as Linux does */
    if ( !f )
        return POLLNVAL;
    if ( is_pipe(f->inode) )
        r = pipe_poll(f);
    else if ( is_evtchn(f->inode) )
        r = evtchn_poll(f);
    else if ( f->inode->dev_read == console_read )
        r = (short)(POLLOUT | (console_readable() ? POLLIN : 0));
    else
        r = POLLIN | POLLOUT;
    return (short)(r & (events | POLLERR | POLLHUP | POLLNVAL));
}

struct poll_set {
    struct linux_pollfd *fds;
    uint64_t nfds;
    long ready;
};

static bool any_ready(void *arg)
{
    struct poll_set *ps = arg;

    ps->ready = 0;
    for ( uint64_t i = 0; i < ps->nfds; i++ )
        ps->ready += (ps->fds[i].revents = ready(ps->fds[i].fd, ps->fds[i].events)) != 0;
    return ps->ready != 0;
}

static long do_poll(uint64_t ufds, uint64_t nfds, int64_t timeout_ns)
{
    struct linux_pollfd fds[MAX_POLL];
    struct poll_set ps = { fds, nfds, 0 };
    uint64_t deadline = timeout_ns > 0 ? kit_system_time_ns() + (uint64_t)timeout_ns : 0;

    if ( nfds > MAX_POLL )
        return -EINVAL;
    if ( copy_from_user(fds, ufds, nfds * sizeof(fds[0])) )
        return -EFAULT;
    if ( !any_ready(&ps) && timeout_ns != 0 && wait_event(any_ready, &ps, deadline, true) == -EINTR )
        return -EINTR;
    return copy_to_user(ufds, fds, nfds * sizeof(fds[0])) ?: ps.ready;
}

SYSCALL(poll)
{
    UNUSED_ARGS();
    return do_poll(a, b, (int)c < 0 ? -1 : (int64_t)(int)c * 1000000);
}

SYSCALL(ppoll)
{
    struct linux_timespec ts;

    UNUSED_ARGS();
    if ( !c )
        return do_poll(a, b, -1);
    if ( copy_from_user(&ts, c, sizeof(ts)) )
        return -EFAULT;
    if ( ts.sec < 0 || ts.nsec < 0 || ts.nsec >= (int64_t)NS )
        return -EINVAL;
    return do_poll(a, b, ts.sec * (int64_t)NS + ts.nsec);
}
