/*
 * Pipes: pipe2() gives two descriptors on one 4 KiB buffer, each end an
 * anonymous FIFO inode. Reads take what is there (0 once every writer is
 * gone); a blocking write puts it all in, a non-blocking one what fits. A
 * blocking end with nothing to do sleeps until the other side has done
 * something (a signal interrupts it), a non-blocking one gets EAGAIN;
 * writing with no reader left is EPIPE and SIGPIPE. poll() readiness comes from here too.
 */
#include <hv/lib.h>
#include "syscall.h"

#define MAX_PIPES   16
#define PIPE_BUF    4096
#define SIGPIPE     13

struct pipe {
    char buf[PIPE_BUF];
    uint32_t rd, wr;                    /* indices only grow */
    unsigned int readers, writers;
    struct inode inode;
};

static struct pipe pipes[MAX_PIPES];

bool is_pipe(const struct inode *n) { return (n->mode & S_IFMT) == S_IFIFO; }

static struct pipe *pipe_of(const struct inode *n)
{
    return (struct pipe *)((char *)n - offsetof(struct pipe, inode));
}

void pipe_release(struct file *f)
{
    struct pipe *p = pipe_of(f->inode);

    if ( (f->flags & O_ACCMODE) == O_RDONLY )
        p->readers--;
    else
        p->writers--;
    sched_wake_all();
}

static bool readable(void *arg)
{
    const struct pipe *p = arg;

    return p->rd != p->wr || !p->writers;
}

static bool writable(void *arg)
{
    const struct pipe *p = arg;

    return p->wr - p->rd < PIPE_BUF || !p->readers;
}

long pipe_read(struct file *f, uint64_t ubuf, uint64_t len)
{
    struct pipe *p = pipe_of(f->inode);
    uint64_t n = 0;

    if ( !readable(p) && (f->flags & O_NONBLOCK) )
        return -EAGAIN;
    if ( wait_event(readable, p, 0, true) == -EINTR )
        return -ERESTARTSYS;
    for ( ; n < len && p->rd != p->wr; n++ )
        ((char *)ubuf)[n] = p->buf[p->rd++ % PIPE_BUF];
    sched_wake_all();
    return (long)n;
}

long pipe_write(struct file *f, uint64_t ubuf, uint64_t len)
{
    struct pipe *p = pipe_of(f->inode);
    uint64_t n = 0;

    if ( !writable(p) && (f->flags & O_NONBLOCK) )
        return -EAGAIN;
    while ( n < len )                   /* a blocking write writes it all, as Linux */
    {
        if ( wait_event(writable, p, 0, true) == -EINTR )
            return n ? (long)n : -ERESTARTSYS;
        if ( !p->readers )
        {
            signal_send(current, SIGPIPE);
            return n ? (long)n : -EPIPE;
        }
        for ( ; n < len && p->wr - p->rd < PIPE_BUF; n++ )
            p->buf[p->wr++ % PIPE_BUF] = ((const char *)ubuf)[n];
        sched_wake_all();
        if ( f->flags & O_NONBLOCK )
            break;
    }
    return (long)n;
}

short pipe_poll(const struct file *f)
{
    const struct pipe *p = pipe_of(f->inode);

    if ( (f->flags & O_ACCMODE) == O_RDONLY )
        return (short)((p->rd != p->wr ? POLLIN : 0) | (!p->writers ? POLLHUP : 0));
    return (short)((p->wr - p->rd < PIPE_BUF ? POLLOUT : 0) | (!p->readers ? POLLERR : 0));
}

SYSCALL(pipe2)
{
    struct pipe *p = NULL;
    struct file *r, *w;
    long rfd, wfd;
    int fds[2];

    UNUSED_ARGS();
    if ( b & ~(uint64_t)(O_CLOEXEC | O_NONBLOCK) )
        return -EINVAL;
    if ( !mm_check(current->mm, a, sizeof(fds), VMA_WRITE) )
        return -EFAULT;
    for ( unsigned int i = 0; i < MAX_PIPES && !p; i++ )
        if ( !pipes[i].readers && !pipes[i].writers )
            p = &pipes[i];
    if ( !p )
        return -ENFILE;
    memset(p, 0, sizeof(*p));
    p->inode.mode = S_IFIFO | 0600;
    p->inode.ino = 0x10000 + (uint64_t)(p - pipes);
    p->readers = p->writers = 1;                /* each file_put below gives one back */
    if ( !(r = file_open(&p->inode, O_RDONLY | ((int)b & O_NONBLOCK))) )
        return p->readers = p->writers = 0, -ENFILE;
    if ( !(w = file_open(&p->inode, O_WRONLY | ((int)b & O_NONBLOCK))) )
        return p->writers = 0, file_put(r), -ENFILE;
    if ( (rfd = fd_install(r, 0)) < 0 )
        return file_put(w), file_put(r), rfd;
    if ( (wfd = fd_install(w, 0)) < 0 )
        return fd_close((int)rfd), file_put(w), wfd;
    current->cloexec[rfd] = current->cloexec[wfd] = (b & O_CLOEXEC) != 0;
    fds[0] = (int)rfd;
    fds[1] = (int)wfd;
    return copy_to_user(a, fds, sizeof(fds));
}

SYSCALL(pipe)
{
    UNUSED_ARGS();
    return sys_pipe2(a, 0, 0, 0, 0, 0);
}
