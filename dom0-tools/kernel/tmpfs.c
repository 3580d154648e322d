/*
 * Writing to the file tree, with tmpfs semantics: every directory takes new
 * files and directories, files grow, shrink and are renamed or removed,
 * and nothing outlives the domain. A regular file's bytes are contiguous
 * in kernel memory - first the initramfs's own, then, once written to or
 * grown, a run of heap pages (kheap.c) that doubles as it grows - so that
 * read, exec and mmap see one array. A removed file stays until its last
 * open descriptor is closed, as on Linux; then its pages and its inode go
 * back. Errors are Linux's: EEXIST, ENOENT, ENOTDIR, EISDIR, ENOTEMPTY,
 * EINVAL (a directory into itself), EBUSY (the root), ENOSPC, EFBIG.
 */
#include <hv/lib.h>
#include "kernel.h"

#define MAX_FILE    (64UL << 20)        /* one file: at most 64 MiB */

static uint64_t pages_of(uint64_t bytes) { return (bytes + PAGE_SIZE - 1) / PAGE_SIZE; }

static void drop_data(struct inode *n)
{
    if ( n->capacity )
        kheap_free(n->data, pages_of(n->capacity));
    n->data = NULL;
    n->size = n->capacity = 0;
}

/* room for `size` bytes in heap pages, the old bytes kept, the rest zero */
static long reserve(struct inode *n, uint64_t size)
{
    uint64_t cap = n->capacity;
    uint8_t *data;

    if ( size > MAX_FILE )
        return -EFBIG;
    if ( cap && size <= cap )
        return 0;
    cap = cap ? cap : PAGE_SIZE;
    while ( cap < size )
        cap *= 2;
    if ( !(data = kheap_alloc(pages_of(cap))) )
        return -ENOSPC;
    if ( n->size )
        memcpy(data, n->data, n->size);
    if ( n->capacity )
        kheap_free(n->data, pages_of(n->capacity));
    n->data = data;
    n->capacity = cap;
    return 0;
}

long tmpfs_truncate(struct inode *n, uint64_t size)
{
    long rc;

    if ( (n->mode & S_IFMT) == S_IFDIR )
        return -EISDIR;
    if ( (n->mode & S_IFMT) != S_IFREG )
        return -EINVAL;
    if ( size > n->size && (rc = reserve(n, size)) )
        return rc;
    if ( size < n->size && n->capacity )
        memset(n->data + size, 0, n->size - size);
    n->size = size;
    if ( !size )
        drop_data(n);
    return 0;
}

long tmpfs_write(struct inode *n, uint64_t pos, uint64_t ubuf, uint64_t len)
{
    long rc;

    if ( pos + len < pos )
        return -EFBIG;
    if ( (rc = reserve(n, pos + len > n->size ? pos + len : n->size)) )
        return rc;
    memcpy(n->data + pos, (const void *)ubuf, len);
    if ( pos + len > n->size )
        n->size = pos + len;
    return (long)len;
}

/* split "a/b/c/" into the directory a/b and the name c */
long tmpfs_parent(const struct inode *cwd, const char *path, struct inode **dir, char *name)
{
    char buf[PATH_MAX_LEN];
    size_t len = strlen(path), start;
    long rc;

    if ( !len )
        return -ENOENT;
    memcpy(buf, path, len + 1);
    while ( len > 1 && buf[len - 1] == '/' )
        buf[--len] = '\0';
    for ( start = len; start && buf[start - 1] != '/'; start-- )
        ;
    if ( len - start > NAME_MAX_LEN )
        return -ENAMETOOLONG;
    memcpy(name, buf + start, len - start + 1);
    if ( start == 0 )
        rc = fs_lookup(cwd, ".", dir);
    else
    {
        buf[start] = '\0';
        rc = fs_lookup(cwd, buf, dir);
    }
    if ( rc )
        return rc;
    if ( ((*dir)->mode & S_IFMT) != S_IFDIR )
        return -ENOTDIR;
    return 0;
}

static bool is_dot(const char *name)
{
    return !strcmp(name, ".") || !strcmp(name, "..") || !*name;
}

long tmpfs_create(struct inode *dir, const char *name, uint32_t mode, struct inode **out)
{
    struct inode *n;

    if ( is_dot(name) || fs_child(dir, name, strlen(name)) )
        return -EEXIST;
    if ( !(n = fs_new_inode(dir, name, strlen(name), mode)) )
        return -ENOSPC;
    *out = n;
    return 0;
}

static void detach(struct inode *n)
{
    struct inode **link = &n->parent->child;

    while ( *link && *link != n )
        link = &(*link)->next;
    if ( *link )
        *link = n->next;
    n->next = NULL;
}

/* a removed inode goes back once nothing has it open */
void tmpfs_release(struct inode *n)
{
    if ( !n->unlinked || n->opens )
        return;
    drop_data(n);
    n->mode = 0;
}

long tmpfs_unlink(struct inode *dir, const char *name, bool rmdir)
{
    struct inode *n;

    if ( rmdir && (!strcmp(name, ".") || !*name) )
        return -EINVAL;
    if ( rmdir && !strcmp(name, "..") )
        return -ENOTEMPTY;
    if ( !(n = fs_child(dir, name, strlen(name))) )
        return is_dot(name) ? (rmdir ? -EBUSY : -EISDIR) : -ENOENT;
    if ( rmdir && (n->mode & S_IFMT) != S_IFDIR )
        return -ENOTDIR;
    if ( !rmdir && (n->mode & S_IFMT) == S_IFDIR )
        return -EISDIR;
    if ( rmdir && n->child )
        return -ENOTEMPTY;
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( proc_slot(i)->state != P_FREE && proc_slot(i)->cwd == n )
            return -EBUSY;              /* a working directory: kept, simply */
    detach(n);
    n->unlinked = true;
    tmpfs_release(n);
    return 0;
}

long tmpfs_rename(struct inode *odir, const char *oname, struct inode *ndir, const char *nname)
{
    struct inode *n, *old;

    if ( is_dot(oname) || is_dot(nname) )
        return -EINVAL;
    if ( !(n = fs_child(odir, oname, strlen(oname))) )
        return -ENOENT;
    for ( struct inode *d = ndir; ; d = d->parent )
    {
        if ( d == n )
            return -EINVAL;             /* a directory into itself */
        if ( d == fs_root() )
            break;
    }
    if ( (old = fs_child(ndir, nname, strlen(nname))) )
    {
        long rc;

        if ( old == n )
            return 0;
        if ( (n->mode & S_IFMT) == S_IFDIR && (old->mode & S_IFMT) != S_IFDIR )
            return -ENOTDIR;
        if ( (n->mode & S_IFMT) != S_IFDIR && (old->mode & S_IFMT) == S_IFDIR )
            return -EISDIR;
        if ( (rc = tmpfs_unlink(ndir, nname, (old->mode & S_IFMT) == S_IFDIR)) )
            return rc;
    }
    detach(n);
    memcpy(n->name, nname, strlen(nname) + 1);
    n->parent = ndir;
    n->next = ndir->child;
    ndir->child = n;
    return 0;
}
