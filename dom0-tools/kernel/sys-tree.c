/*
 * System calls that change the file tree (tmpfs.c does the work): mkdir,
 * mkdirat, unlink, unlinkat (AT_REMOVEDIR), rmdir, rename, renameat,
 * renameat2 (flags 0 or RENAME_NOREPLACE), truncate and ftruncate. Paths
 * are resolved as openat resolves them; every failure is Linux's errno.
 */
#include <hv/lib.h>
#include "syscall.h"

#define AT_REMOVEDIR        0x200
#define RENAME_NOREPLACE    1

static long parent_of(int dirfd, uint64_t upath, struct inode **dir, char *name)
{
    char path[PATH_MAX_LEN];
    long n = strncpy_from_user(path, upath, sizeof(path));

    if ( n < 0 )
        return n;
    return n == 0 ? -ENOENT : parent_at(dirfd, path, dir, name);
}

static long do_mkdir(int dirfd, uint64_t upath, uint32_t mode)
{
    char name[NAME_MAX_LEN + 1];
    struct inode *dir, *n;

    return parent_of(dirfd, upath, &dir, name) ?:
           tmpfs_create(dir, name, S_IFDIR | (mode & 07777 & ~current->umask), &n);
}

SYSCALL(mkdir) { UNUSED_ARGS(); return do_mkdir(AT_FDCWD, a, (uint32_t)b); }
SYSCALL(mkdirat) { UNUSED_ARGS(); return do_mkdir((int)a, b, (uint32_t)c); }

static long do_unlink(int dirfd, uint64_t upath, bool rmdir)
{
    char name[NAME_MAX_LEN + 1];
    struct inode *dir;

    return parent_of(dirfd, upath, &dir, name) ?: tmpfs_unlink(dir, name, rmdir);
}

SYSCALL(unlink) { UNUSED_ARGS(); return do_unlink(AT_FDCWD, a, false); }
SYSCALL(rmdir) { UNUSED_ARGS(); return do_unlink(AT_FDCWD, a, true); }

SYSCALL(unlinkat)
{
    UNUSED_ARGS();
    if ( c & ~(uint64_t)AT_REMOVEDIR )
        return -EINVAL;
    return do_unlink((int)a, b, (c & AT_REMOVEDIR) != 0);
}

static long do_rename(int odirfd, uint64_t uold, int ndirfd, uint64_t unew, uint64_t flags)
{
    char oname[NAME_MAX_LEN + 1], nname[NAME_MAX_LEN + 1];
    struct inode *odir, *ndir;
    long rc;

    if ( flags & ~(uint64_t)RENAME_NOREPLACE )
        return -EINVAL;
    if ( (rc = parent_of(odirfd, uold, &odir, oname)) || (rc = parent_of(ndirfd, unew, &ndir, nname)) )
        return rc;
    if ( (flags & RENAME_NOREPLACE) && fs_child(ndir, nname, strlen(nname)) )
        return -EEXIST;
    return tmpfs_rename(odir, oname, ndir, nname);
}

SYSCALL(rename) { UNUSED_ARGS(); return do_rename(AT_FDCWD, a, AT_FDCWD, b, 0); }
SYSCALL(renameat) { UNUSED_ARGS(); return do_rename((int)a, b, (int)c, d, 0); }
SYSCALL(renameat2) { UNUSED_ARGS(); return do_rename((int)a, b, (int)c, d, e); }

SYSCALL(truncate)
{
    char path[PATH_MAX_LEN];
    struct inode *n;
    long rc = strncpy_from_user(path, a, sizeof(path));

    UNUSED_ARGS();
    if ( rc < 0 )
        return rc;
    if ( rc == 0 )
        return -ENOENT;
    if ( (int64_t)b < 0 )
        return -EINVAL;
    return fs_lookup(current->cwd, path, &n) ?: tmpfs_truncate(n, b);
}

SYSCALL(ftruncate)
{
    struct file *f = fd_get((int)a);

    UNUSED_ARGS();
    if ( !f )
        return -EBADF;
    if ( (int64_t)b < 0 || (f->inode->mode & S_IFMT) != S_IFREG || (f->flags & O_ACCMODE) == O_RDONLY )
        return -EINVAL;
    return tmpfs_truncate(f->inode, b);
}
