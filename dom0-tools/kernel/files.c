/*
 * Open files and the process's descriptor table. A file is an inode, a
 * position and the open flags, shared by dup'ed descriptors (reference
 * counted); the lowest free descriptor is used, as POSIX requires.
 */
#include <hv/lib.h>
#include "kernel.h"

#define MAX_FILES 256

static struct file files[MAX_FILES];

struct file *file_open(struct inode *n, int flags)
{
    for ( unsigned int i = 0; i < MAX_FILES; i++ )
        if ( !files[i].refs )
        {
            files[i] = (struct file){ .inode = n, .flags = flags, .refs = 1 };
            n->opens++;
            return &files[i];
        }
    return NULL;
}

void file_put(struct file *f)
{
    if ( !f || !f->refs || --f->refs )
        return;
    if ( is_pipe(f->inode) )
        pipe_release(f);
    if ( is_evtchn(f->inode) )
        evtchn_release(f);
    f->inode->opens--;
    tmpfs_release(f->inode);
}

long fd_install(struct file *f, int min_fd)
{
    for ( int fd = min_fd < 0 ? 0 : min_fd; fd < MAX_FDS; fd++ )
        if ( !current->fd[fd] )
        {
            current->fd[fd] = f;
            current->cloexec[fd] = false;
            return fd;
        }
    return -EMFILE;
}

struct file *fd_get(int fd)
{
    return fd >= 0 && fd < MAX_FDS ? current->fd[fd] : NULL;
}

long fd_close(int fd)
{
    struct file *f = fd_get(fd);

    if ( !f )
        return -EBADF;
    file_put(f);
    current->fd[fd] = NULL;
    return 0;
}
