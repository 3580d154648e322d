/*
 * The file tree: unpacked at boot from the initramfs, a newc cpio archive
 * (the second Multiboot module), into inodes that point at the archive's
 * own bytes; plus the character devices a program expects in /dev. Paths
 * resolve as on Linux: absolute or from the working directory, ".", "..",
 * symbolic links followed (up to 8), ENOENT and ENOTDIR as Linux gives them.
 * /dev/xen/privcmd is privcmd.c's. Writing to the tree is tmpfs.c's; /tmp is
 * made if the archive has none.
 */
#include <sierra-guest/kit.h>
#include <hv/lib.h>
#include "kernel.h"

#define MAX_INODES  4096
#define MAX_LINKS   8

static struct inode inodes[MAX_INODES];
static unsigned int nr_inodes;
static struct inode *root;

struct inode *fs_new_inode(struct inode *dir, const char *name, size_t len, uint32_t mode)
{
    struct inode *n = NULL;

    if ( len > NAME_MAX_LEN )
        return NULL;
    if ( nr_inodes < MAX_INODES )
        n = &inodes[nr_inodes++];
    else
        for ( unsigned int i = 0; i < MAX_INODES && !n; i++ )
            if ( !inodes[i].mode )
                n = &inodes[i];         /* one the tmpfs gave back */
    if ( !n )
        return NULL;
    memset(n, 0, sizeof(*n));
    memcpy(n->name, name, len);
    n->name[len] = '\0';
    n->mode = mode;
    n->ino = (uint64_t)(n - inodes) + 1;
    n->parent = dir ? dir : n;
    if ( dir )
    {
        n->next = dir->child;
        dir->child = n;
    }
    return n;
}

struct inode *fs_child(const struct inode *dir, const char *name, size_t len)
{
    for ( struct inode *c = dir->child; c; c = c->next )
        if ( strlen(c->name) == len && memcmp(c->name, name, len) == 0 )
            return c;
    return NULL;
}

struct inode *fs_root(void) { return root; }

static int resolve(const struct inode *cwd, const char *path, unsigned int links, struct inode **out)
{
    struct inode *n = (struct inode *)(path[0] == '/' ? root : cwd);

    while ( *path )
    {
        const char *end;
        size_t len;
        struct inode *c;

        while ( *path == '/' )
            path++;
        if ( !*path )
            break;
        for ( end = path; *end && *end != '/'; end++ )
            ;
        len = (size_t)(end - path);
        if ( (n->mode & S_IFMT) != S_IFDIR )
            return -ENOTDIR;
        if ( len > NAME_MAX_LEN )
            return -ENAMETOOLONG;
        if ( len == 1 && path[0] == '.' )
            c = n;
        else if ( len == 2 && path[0] == '.' && path[1] == '.' )
            c = n->parent;
        else if ( !(c = fs_child(n, path, len)) )
            return -ENOENT;
        if ( (c->mode & S_IFMT) == S_IFLNK )
        {
            char target[PATH_MAX_LEN];
            int rc;

            if ( links == MAX_LINKS )
                return -ELOOP;
            if ( c->size >= sizeof(target) )
                return -ENAMETOOLONG;
            memcpy(target, c->data, c->size);
            target[c->size] = '\0';
            if ( (rc = resolve(n, target, links + 1, &c)) )
                return rc;
        }
        n = c;
        path = end;
    }
    *out = n;
    return 0;
}

int fs_lookup(const struct inode *cwd, const char *path, struct inode **out)
{
    if ( !*path )
        return -ENOENT;
    return resolve(cwd, path, 0, out);
}

void fs_path_of(const struct inode *n, char *buf, size_t len)
{
    char tmp[PATH_MAX_LEN];
    size_t at = sizeof(tmp) - 1;

    tmp[at] = '\0';
    for ( ; n != root && at > 1; n = n->parent )
    {
        size_t l = strlen(n->name);

        if ( l + 1 > at )
            break;
        at -= l;
        memcpy(tmp + at, n->name, l);
        tmp[--at] = '/';
    }
    if ( tmp[at] == '\0' )
        tmp[--at] = '/';
    snprintf(buf, len, "%s", tmp + at);
}

/* the directory for "a/b/c" (creating a and b), and c's name */
static struct inode *parent_dir(const char *path, size_t len, const char **name, size_t *name_len)
{
    struct inode *dir = root;
    size_t start = 0;

    for ( size_t i = 0; i < len; i++ )
        if ( path[i] == '/' )
        {
            if ( i > start )
            {
                struct inode *c = fs_child(dir, path + start, i - start);

                dir = c ? c : fs_new_inode(dir, path + start, i - start, S_IFDIR | 0755);
                if ( !dir )
                    return NULL;
            }
            start = i + 1;
        }
    *name = path + start;
    *name_len = len - start;
    return dir;
}

static unsigned long hex8(const char *p)
{
    unsigned long v = 0;

    for ( int i = 0; i < 8; i++ )
        v = v * 16 + (unsigned long)(p[i] <= '9' ? p[i] - '0' : (p[i] | 0x20) - 'a' + 10);
    return v;
}

static int dev_null_read(void *buf, size_t len) { (void)buf; (void)len; return 0; }
static int dev_null_write(const void *buf, size_t len) { (void)buf; return (int)len; }
static int dev_zero_read(void *buf, size_t len) { memset(buf, 0, len); return (int)len; }
int random_bytes(void *buf, size_t len)
{
    static uint64_t state;

    if ( !state )
        state = kit_rdtsc() | 1;
    for ( size_t i = 0; i < len; i++ )
    {
        state ^= state << 13;           /* xorshift64: not for cryptography */
        state ^= state >> 7;
        state ^= state << 17;
        ((uint8_t *)buf)[i] = (uint8_t)(state >> 24);
    }
    return (int)len;
}

static void add_device(struct inode *dev, const char *name, uint64_t rdev,
                       int (*rd)(void *, size_t), int (*wr)(const void *, size_t))
{
    struct inode *n = fs_child(dev, name, strlen(name));

    if ( !n )
        n = fs_new_inode(dev, name, strlen(name), S_IFCHR | 0666);
    if ( !n )
        return;
    n->mode = S_IFCHR | 0666;
    n->rdev = rdev;
    n->dev_read = rd;
    n->dev_write = wr;
}

void fs_init(const void *cpio, size_t len)
{
    const char *p = cpio, *end = (const char *)cpio + len;
    struct inode *dev, *n;

    root = fs_new_inode(NULL, "", 0, S_IFDIR | 0755);
    while ( p + 110 <= end && memcmp(p, "070701", 6) == 0 )
    {
        unsigned long mode = hex8(p + 14), size = hex8(p + 54), namesize = hex8(p + 94);
        const char *name = p + 110, *data = name + ((110 + namesize + 3) & ~3UL) - 110, *base;
        size_t nlen = namesize ? namesize - 1 : 0, blen;
        struct inode *dir, *n;

        if ( data + size > end || strncmp(name, "TRAILER!!!", 10) == 0 )
            break;
        while ( nlen >= 2 && name[0] == '.' && name[1] == '/' )
            name += 2, nlen -= 2;               /* "./a" and "/a" are "a"; "." is the root */
        while ( nlen && name[0] == '/' )
            name++, nlen--;
        if ( nlen == 1 && name[0] == '.' )
            nlen = 0;
        dir = nlen ? parent_dir(name, nlen, &base, &blen) : NULL;
        if ( dir && blen )
        {
            n = fs_child(dir, base, blen);
            if ( !n )
                n = fs_new_inode(dir, base, blen, (uint32_t)mode);
            if ( n )
            {
                n->mode = (uint32_t)mode;
                n->data = (uint8_t *)data;
                n->size = size;
            }
        }
        p = data + ((size + 3) & ~3UL);
    }
    if ( !fs_child(root, "tmp", 3) )
        fs_new_inode(root, "tmp", 3, S_IFDIR | 01777);
    if ( fs_lookup(root, "dev", &dev) )
        dev = fs_new_inode(root, "dev", 3, S_IFDIR | 0755);
    if ( dev )
    {
        add_device(dev, "console", (5 << 8) | 1, console_read, console_write_dev);
        add_device(dev, "tty", (5 << 8) | 0, console_read, console_write_dev);
        add_device(dev, "null", (1 << 8) | 3, dev_null_read, dev_null_write);
        add_device(dev, "zero", (1 << 8) | 5, dev_zero_read, dev_null_write);
        add_device(dev, "urandom", (1 << 8) | 9, random_bytes, dev_null_write);
        add_device(dev, "random", (1 << 8) | 8, random_bytes, dev_null_write);
        struct inode *xen = fs_child(dev, "xen", 3) ?: fs_new_inode(dev, "xen", 3, S_IFDIR | 0755);

        if ( xen )
        {
            add_device(xen, "privcmd", (10 << 8) | 62, dev_null_read, dev_null_write);
            add_device(xen, "evtchn", (10 << 8) | 61, dev_null_read, dev_null_write);
            if ( (n = fs_child(xen, "privcmd", 7)) )
                n->dev_ioctl = privcmd_ioctl;
            if ( (n = fs_child(xen, "evtchn", 6)) )
                n->dev_ioctl = evtchn_ioctl;
        }
    }
}
