/*
 * File system calls: open/openat/close, read/write and their vector and
 * positioned forms, lseek, the stat family, getdents64, access, dup*, fcntl,
 * the terminal ioctls of the console, getcwd/chdir, readlink, umask. Paths
 * and buffers are copied in and out through the checked user copies; every
 * failure is Linux's errno. open creates (O_CREAT, O_EXCL) and truncates
 * (O_TRUNC) through tmpfs.c; writes to regular files go there too.
 */
#include <hv/lib.h>
#include "syscall.h"

#define IO_CHUNK 4096

static long get_path(uint64_t upath, char *buf)
{
    long n = strncpy_from_user(buf, upath, PATH_MAX_LEN);

    if ( n < 0 )
        return n;
    return n == 0 ? -ENOENT : 0;
}

/* where a relative path starts: the working directory, or dirfd's */
static long base_at(int dirfd, const char *path, const struct inode **base)
{
    *base = current->cwd;
    if ( path[0] != '/' && dirfd != AT_FDCWD )
    {
        struct file *d = fd_get(dirfd);

        if ( !d )
            return -EBADF;
        if ( (d->inode->mode & S_IFMT) != S_IFDIR )
            return -ENOTDIR;
        *base = d->inode;
    }
    return 0;
}

static long lookup_at(int dirfd, const char *path, struct inode **out)
{
    const struct inode *base;

    return base_at(dirfd, path, &base) ?: fs_lookup(base, path, out);
}

long parent_at(int dirfd, const char *path, struct inode **dir, char *name)
{
    const struct inode *base;

    return base_at(dirfd, path, &base) ?: tmpfs_parent(base, path, dir, name);
}

static long do_open(int dirfd, uint64_t upath, int flags, uint32_t mode)
{
    char path[PATH_MAX_LEN], name[NAME_MAX_LEN + 1];
    struct inode *n, *dir;
    struct file *f;
    long rc, fd;

    if ( (rc = get_path(upath, path)) )
        return rc;
    rc = lookup_at(dirfd, path, &n);
    if ( rc == -ENOENT && (flags & O_CREAT) )
    {
        if ( (rc = parent_at(dirfd, path, &dir, name)) ||
             (rc = tmpfs_create(dir, name, S_IFREG | (mode & 07777 & ~current->umask), &n)) )
            return rc;
    }
    else if ( rc )
        return rc;
    else if ( (flags & O_CREAT) && (flags & O_EXCL) )
        return -EEXIST;
    if ( (flags & O_DIRECTORY) && (n->mode & S_IFMT) != S_IFDIR )
        return -ENOTDIR;
    if ( (n->mode & S_IFMT) == S_IFDIR && ((flags & O_ACCMODE) != O_RDONLY || (flags & O_CREAT)) )
        return -EISDIR;
    if ( (n->mode & S_IFMT) == S_IFREG && (flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY &&
         (rc = tmpfs_truncate(n, 0)) )
        return rc;
    if ( !(f = file_open(n, flags)) )
        return -ENFILE;
    if ( is_evtchn(n) && (rc = evtchn_open(f)) )
    {
        n->opens--;
        f->refs = 0;
        return rc;
    }
    if ( (fd = fd_install(f, 0)) < 0 )
        file_put(f);
    else
        current->cloexec[fd] = (flags & O_CLOEXEC) != 0;
    return fd;
}

SYSCALL(open) { UNUSED_ARGS(); return do_open(AT_FDCWD, a, (int)b, (uint32_t)c); }
SYSCALL(openat) { UNUSED_ARGS(); return do_open((int)a, b, (int)c, (uint32_t)d); }
SYSCALL(creat) { UNUSED_ARGS(); return do_open(AT_FDCWD, a, O_CREAT | O_WRONLY | O_TRUNC, (uint32_t)b); }
SYSCALL(close) { UNUSED_ARGS(); return fd_close((int)a); }

static long file_read(struct file *f, uint64_t ubuf, uint64_t len, uint64_t *pos)
{
    struct inode *n = f->inode;
    uint8_t chunk[IO_CHUNK];

    if ( (f->flags & O_ACCMODE) == O_WRONLY )
        return -EBADF;
    if ( (n->mode & S_IFMT) == S_IFDIR )
        return -EISDIR;
    if ( !mm_check(current->mm, ubuf, len, VMA_WRITE) )
        return -EFAULT;
    if ( is_pipe(n) )
        return pipe_read(f, ubuf, len);
    if ( is_evtchn(n) )
        return evtchn_read(f, ubuf, len);
    if ( (n->mode & S_IFMT) == S_IFCHR )
    {
        int got = n->dev_read(chunk, len < IO_CHUNK ? len : IO_CHUNK);

        return got <= 0 ? got : copy_to_user(ubuf, chunk, (size_t)got) ?: got;
    }
    if ( *pos >= n->size )
        return 0;
    if ( len > n->size - *pos )
        len = n->size - *pos;
    memcpy((void *)ubuf, n->data + *pos, len);
    *pos += len;
    return (long)len;
}

static long file_write(struct file *f, uint64_t ubuf, uint64_t len)
{
    struct inode *n = f->inode;
    uint8_t chunk[IO_CHUNK];
    uint64_t done = 0;

    if ( (f->flags & O_ACCMODE) == O_RDONLY )
        return -EBADF;
    if ( !mm_check(current->mm, ubuf, len, VMA_READ) )
        return -EFAULT;
    if ( is_pipe(n) )
        return pipe_write(f, ubuf, len);
    if ( is_evtchn(n) )
        return evtchn_write(f, ubuf, len);
    if ( (n->mode & S_IFMT) == S_IFREG )
    {
        long rc;

        if ( f->flags & O_APPEND )
            f->pos = n->size;
        if ( (rc = tmpfs_write(n, f->pos, ubuf, len)) > 0 )
            f->pos += (uint64_t)rc;
        return rc;
    }
    if ( (n->mode & S_IFMT) != S_IFCHR )
        return -EINVAL;
    while ( done < len )
    {
        size_t part = len - done < IO_CHUNK ? len - done : IO_CHUNK;
        int put;

        memcpy(chunk, (const void *)(ubuf + done), part);
        if ( (put = n->dev_write(chunk, part)) < 0 )
            return done ? (long)done : put;
        done += (uint64_t)put;
        if ( (size_t)put < part )
            break;
    }
    return (long)done;
}

SYSCALL(read)
{
    struct file *f = fd_get((int)a);

    UNUSED_ARGS();
    return f ? file_read(f, b, c, &f->pos) : -EBADF;
}

SYSCALL(pread64)
{
    struct file *f = fd_get((int)a);
    uint64_t pos = d;

    UNUSED_ARGS();
    if ( !f )
        return -EBADF;
    if ( (f->inode->mode & S_IFMT) == S_IFCHR || is_pipe(f->inode) )
        return -ESPIPE;
    if ( (int64_t)d < 0 )
        return -EINVAL;
    return file_read(f, b, c, &pos);
}

SYSCALL(write)
{
    struct file *f = fd_get((int)a);

    UNUSED_ARGS();
    return f ? file_write(f, b, c) : -EBADF;
}

static long vector_io(int fd, uint64_t uiov, uint64_t count, bool write)
{
    struct file *f = fd_get(fd);
    long total = 0;

    if ( !f )
        return -EBADF;
    if ( count > 1024 )
        return -EINVAL;
    for ( uint64_t i = 0; i < count; i++ )
    {
        struct linux_iovec v;
        long rc;

        if ( copy_from_user(&v, uiov + i * sizeof(v), sizeof(v)) )
            return total ? total : -EFAULT;
        if ( !v.len )
            continue;
        rc = write ? file_write(f, v.base, v.len) : file_read(f, v.base, v.len, &f->pos);
        if ( rc < 0 )
            return total ? total : rc;
        total += rc;
        if ( (uint64_t)rc < v.len )
            break;
    }
    return total;
}

SYSCALL(readv) { UNUSED_ARGS(); return vector_io((int)a, b, c, false); }
SYSCALL(writev) { UNUSED_ARGS(); return vector_io((int)a, b, c, true); }

SYSCALL(lseek)
{
    struct file *f = fd_get((int)a);
    int64_t base, off = (int64_t)b;

    UNUSED_ARGS();
    if ( !f )
        return -EBADF;
    if ( (f->inode->mode & S_IFMT) == S_IFCHR || is_pipe(f->inode) )
        return -ESPIPE;
    switch ( c )
    {
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = (int64_t)f->pos; break;
    case SEEK_END: base = (int64_t)f->inode->size; break;
    default: return -EINVAL;
    }
    if ( base + off < 0 )
        return -EINVAL;
    f->pos = (uint64_t)(base + off);
    return (long)f->pos;
}

static long fill_stat(const struct inode *n, uint64_t ubuf)
{
    struct linux_stat st = {
        .st_dev = 1, .st_ino = n->ino, .st_nlink = (n->mode & S_IFMT) == S_IFDIR ? 2 : 1,
        .st_mode = n->mode, .st_rdev = n->rdev, .st_size = (int64_t)n->size, .st_blksize = 4096,
        .st_blocks = (int64_t)((n->size + 511) / 512),
    };

    return copy_to_user(ubuf, &st, sizeof(st));
}

static long stat_at(int dirfd, uint64_t upath, uint64_t ubuf, int flags)
{
    char path[PATH_MAX_LEN];
    struct inode *n;
    long rc = strncpy_from_user(path, upath, sizeof(path));

    if ( rc < 0 )
        return rc;
    if ( rc == 0 )
    {
        struct file *f;

        if ( !(flags & AT_EMPTY_PATH) )
            return -ENOENT;
        if ( dirfd == AT_FDCWD )
            return fill_stat(current->cwd, ubuf);
        if ( !(f = fd_get(dirfd)) )
            return -EBADF;
        return fill_stat(f->inode, ubuf);
    }
    if ( (rc = lookup_at(dirfd, path, &n)) )
        return rc;
    return fill_stat(n, ubuf);
}

SYSCALL(stat) { UNUSED_ARGS(); return stat_at(AT_FDCWD, a, b, 0); }
SYSCALL(lstat) { UNUSED_ARGS(); return stat_at(AT_FDCWD, a, b, AT_SYMLINK_NOFOLLOW); }
SYSCALL(newfstatat) { UNUSED_ARGS(); return stat_at((int)a, b, c, (int)d); }

SYSCALL(fstat)
{
    struct file *f = fd_get((int)a);

    UNUSED_ARGS();
    return f ? fill_stat(f->inode, b) : -EBADF;
}

static long access_at(int dirfd, uint64_t upath, int mode)
{
    char path[PATH_MAX_LEN];
    struct inode *n;
    long rc;

    if ( mode & ~7 )
        return -EINVAL;
    if ( (rc = get_path(upath, path)) || (rc = lookup_at(dirfd, path, &n)) )
        return rc;
    if ( (mode & 1) && !(n->mode & 0111) )
        return -EACCES;
    return 0;
}

SYSCALL(access) { UNUSED_ARGS(); return access_at(AT_FDCWD, a, (int)b); }
SYSCALL(faccessat) { UNUSED_ARGS(); return access_at((int)a, b, (int)c); }

SYSCALL(getdents64)
{
    struct file *f = fd_get((int)a);
    uint64_t ubuf = b, left = c, written = 0;
    const struct inode *dir;

    UNUSED_ARGS();
    if ( !f )
        return -EBADF;
    dir = f->inode;
    if ( (dir->mode & S_IFMT) != S_IFDIR )
        return -ENOTDIR;
    for ( ;; )
    {
        uint8_t rec[sizeof(struct linux_dirent64) + NAME_MAX_LEN + 8];
        struct linux_dirent64 *d = (void *)rec;
        const struct inode *n = dir;
        const char *name = ".";
        uint64_t i = f->dir_pos;
        size_t len;

        if ( i == 1 )
            n = dir->parent, name = "..";
        else if ( i > 1 )
        {
            n = dir->child;
            for ( uint64_t k = 2; n && k < i; k++ )
                n = n->next;
            if ( !n )
                break;
            name = n->name;
        }
        len = (sizeof(*d) + strlen(name) + 1 + 7) & ~7UL;
        if ( len > left )
        {
            if ( !written )
                return -EINVAL;
            break;
        }
        memset(rec, 0, len);
        d->ino = n->ino;
        d->off = (int64_t)(i + 1);
        d->reclen = (uint16_t)len;
        d->type = (n->mode & S_IFMT) == S_IFDIR ? DT_DIR : (n->mode & S_IFMT) == S_IFCHR ? DT_CHR : DT_REG;
        memcpy(d->name, name, strlen(name) + 1);
        if ( copy_to_user(ubuf + written, rec, len) )
            return -EFAULT;
        written += len;
        left -= len;
        f->dir_pos++;
    }
    return (long)written;
}

static long dup_to(int oldfd, int newfd, bool cloexec)
{
    struct file *f = fd_get(oldfd);

    if ( !f )
        return -EBADF;
    if ( newfd < 0 || newfd >= MAX_FDS )
        return -EBADF;
    if ( newfd == oldfd )
        return newfd;
    if ( current->fd[newfd] )
        fd_close(newfd);
    f->refs++;
    current->fd[newfd] = f;
    current->cloexec[newfd] = cloexec;
    return newfd;
}

SYSCALL(dup)
{
    struct file *f = fd_get((int)a);
    long fd;

    UNUSED_ARGS();
    if ( !f )
        return -EBADF;
    if ( (fd = fd_install(f, 0)) >= 0 )
        f->refs++;
    return fd;
}

SYSCALL(dup2)
{
    UNUSED_ARGS();
    if ( !fd_get((int)a) )
        return -EBADF;
    return dup_to((int)a, (int)b, false);
}

SYSCALL(dup3)
{
    UNUSED_ARGS();
    if ( a == b || (c & ~(uint64_t)O_CLOEXEC) )
        return -EINVAL;
    return dup_to((int)a, (int)b, c & O_CLOEXEC);
}

SYSCALL(fcntl)
{
    struct file *f = fd_get((int)a);
    long fd;

    UNUSED_ARGS();
    if ( !f )
        return -EBADF;
    switch ( b )
    {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        if ( (fd = fd_install(f, (int)c)) >= 0 )
        {
            f->refs++;
            current->cloexec[fd] = b == F_DUPFD_CLOEXEC;
        }
        return fd;
    case F_GETFD: return current->cloexec[a] ? FD_CLOEXEC : 0;
    case F_SETFD: current->cloexec[a] = c & FD_CLOEXEC; return 0;
    case F_GETFL: return f->flags & ~O_CLOEXEC;
    case F_SETFL: f->flags = (f->flags & O_ACCMODE) | ((int)c & (O_APPEND | O_NONBLOCK)); return 0;
    default: return -EINVAL;
    }
}

SYSCALL(ioctl)
{
    struct file *f = fd_get((int)a);

    UNUSED_ARGS();
    if ( !f )
        return -EBADF;
    if ( f->inode->dev_ioctl )
        return f->inode->dev_ioctl(f, b, c);
    if ( (f->inode->mode & S_IFMT) != S_IFCHR || f->inode->dev_read != console_read )
        return -ENOTTY;
    if ( b == TIOCGWINSZ )
    {
        struct linux_winsize ws = { .row = 24, .col = 80 };

        return copy_to_user(c, &ws, sizeof(ws));
    }
    if ( b == TIOCGPGRP )
        return copy_to_user(c, &console_pgrp, sizeof(int));
    if ( b == TIOCSPGRP )
    {
        int pgrp;
        bool exists = false;

        if ( copy_from_user(&pgrp, c, sizeof(pgrp)) )
            return -EFAULT;
        for ( unsigned int i = 0; i < MAX_PROCS; i++ )
            exists |= proc_slot(i)->state != P_FREE && proc_slot(i)->pgid == pgrp;
        if ( pgrp <= 0 )
            return -EINVAL;
        if ( !exists )
            return -EPERM;
        console_pgrp = pgrp;
        return 0;
    }
    if ( b == TCGETS )
    {
        /* Linux's struct termios, 36 bytes: c_iflag ICRNL, c_oflag OPOST|ONLCR,
         * c_cflag B38400|CS8|CREAD, c_lflag ISIG|ICANON|ECHO..., c_line, c_cc[19] */
        uint32_t t[9] = { 0x100, 0x5, 0xbf, 0x8a3b };

        return copy_to_user(c, t, 36);
    }
    return -EINVAL;
}

SYSCALL(getcwd)
{
    char path[PATH_MAX_LEN];
    size_t len;

    UNUSED_ARGS();
    fs_path_of(current->cwd, path, sizeof(path));
    len = strlen(path) + 1;
    if ( b < len )
        return -ERANGE;
    return copy_to_user(a, path, len) ?: (long)len;
}

SYSCALL(chdir)
{
    char path[PATH_MAX_LEN];
    struct inode *n;
    long rc;

    UNUSED_ARGS();
    if ( (rc = get_path(a, path)) || (rc = fs_lookup(current->cwd, path, &n)) )
        return rc;
    if ( (n->mode & S_IFMT) != S_IFDIR )
        return -ENOTDIR;
    current->cwd = n;
    return 0;
}

static long readlink_at(int dirfd, uint64_t upath, uint64_t ubuf, uint64_t size)
{
    char path[PATH_MAX_LEN];
    struct inode *n;
    long rc;

    (void)ubuf;
    if ( (int64_t)size <= 0 )
        return -EINVAL;
    if ( (rc = get_path(upath, path)) || (rc = lookup_at(dirfd, path, &n)) )
        return rc;
    /* lookups follow links, so what is found is never one: as Linux for a non-link */
    return -EINVAL;
}

SYSCALL(readlink) { UNUSED_ARGS(); return readlink_at(AT_FDCWD, a, b, c); }
SYSCALL(readlinkat) { UNUSED_ARGS(); return readlink_at((int)a, b, c, d); }

SYSCALL(umask)
{
    uint32_t old = current->umask;

    UNUSED_ARGS();
    current->umask = (uint32_t)a & 0777;
    return old;
}
