/*
 * The control-domain kernel's system calls, checked the same way on a Linux
 * host and inside dom0 (tests/boot/dom0-kernel.t compares the two): each
 * call's success path and the errno Linux gives for bad input - EBADF,
 * EFAULT for bad pointers, ENOENT, ENOTDIR, EISDIR, EINVAL, ERANGE,
 * ENOSYS - and writing to the tree (ROOT/tmp must be an empty directory). One line per check; nothing printed depends on the machine.
 * usage: syscalls ROOT  (ROOT holds etc/motd, as the test initramfs does)
 * Built with musl-gcc -static; the same binary runs in both places.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define BAD ((void *)0x10)              /* never mapped */
#define MOTD "Sierra control domain\n"

static char root[512];

/* a raw system call's result: the value, or -errno */
static long sys(long nr, long a, long b, long c, long d)
{
    long r = syscall(nr, a, b, c, d);

    return r == -1 ? -errno : r;
}

static const char *path(const char *rel)
{
    static char buf[4][600];
    static int i;

    snprintf(buf[i & 3], sizeof(buf[0]), "%s/%s", root, rel);
    return buf[i++ & 3];
}

static void files(void)
{
    char buf[64];
    struct stat st;
    int fd = open(path("etc/motd"), O_RDONLY);

    check(fd >= 3, "open an existing file: a descriptor above stdio");
    check(read(fd, buf, sizeof(buf)) == (long)strlen(MOTD) && !memcmp(buf, MOTD, strlen(MOTD)),
          "read gives the file's bytes");
    check(read(fd, buf, sizeof(buf)) == 0, "read at the end: 0");
    check(lseek(fd, 7, SEEK_SET) == 7 && read(fd, buf, 7) == 7 && !memcmp(buf, "control", 7),
          "lseek SEEK_SET then read");
    check(lseek(fd, -6, SEEK_END) == (long)strlen(MOTD) - 6, "lseek SEEK_END");
    check(lseek(fd, 2, SEEK_CUR) == (long)strlen(MOTD) - 4, "lseek SEEK_CUR");
    check(sys(SYS_lseek, fd, -100, SEEK_SET, 0) == -EINVAL, "lseek before the start: EINVAL");
    check(sys(SYS_lseek, fd, 0, 9, 0) == -EINVAL, "lseek with a bad whence: EINVAL");
    check(pread(fd, buf, 6, 0) == 6 && !memcmp(buf, "Sierra", 6), "pread at offset 0");
    check(sys(SYS_pread64, fd, (long)buf, 4, -1) == -EINVAL, "pread at a negative offset: EINVAL");
    check(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == (long)strlen(MOTD),
          "fstat: a regular file of the right size");
    check(sys(SYS_read, fd, (long)BAD, 8, 0) == -EFAULT, "read into a bad pointer: EFAULT");
    check(sys(SYS_fstat, fd, (long)BAD, 0, 0) == -EFAULT, "fstat to a bad pointer: EFAULT");
    check(sys(SYS_write, fd, (long)"x", 1, 0) == -EBADF, "write to a read-only descriptor: EBADF");
    check(close(fd) == 0 && sys(SYS_close, fd, 0, 0, 0) == -EBADF, "close, then close again: EBADF");

    check(sys(SYS_open, (long)path("etc/none"), O_RDONLY, 0, 0) == -ENOENT, "open a missing file: ENOENT");
    check(sys(SYS_open, (long)path("etc/motd/x"), O_RDONLY, 0, 0) == -ENOTDIR,
          "open through a file: ENOTDIR");
    check(sys(SYS_open, (long)path("etc"), O_WRONLY, 0, 0) == -EISDIR, "open a directory to write: EISDIR");
    check(sys(SYS_open, (long)path("etc/motd"), O_RDONLY | O_DIRECTORY, 0, 0) == -ENOTDIR,
          "O_DIRECTORY on a file: ENOTDIR");
    check(sys(SYS_open, (long)BAD, O_RDONLY, 0, 0) == -EFAULT, "open a bad path pointer: EFAULT");
    check(sys(SYS_openat, AT_FDCWD, (long)path("etc/motd"), O_RDONLY, 0) >= 3, "openat(AT_FDCWD)");
    check(stat(path("etc"), &st) == 0 && S_ISDIR(st.st_mode), "stat a directory: S_IFDIR");
    check(sys(SYS_stat, (long)path("etc/none"), (long)&st, 0, 0) == -ENOENT, "stat a missing file: ENOENT");
    check(sys(SYS_fstat, 99, (long)&st, 0, 0) == -EBADF, "fstat a closed descriptor: EBADF");
    check(fstatat(AT_FDCWD, path("etc/motd"), &st, 0) == 0 && S_ISREG(st.st_mode), "newfstatat");
    check(access(path("etc/motd"), R_OK) == 0, "access R_OK on a readable file");
    check(sys(SYS_access, (long)path("etc/none"), R_OK, 0, 0) == -ENOENT, "access a missing file: ENOENT");
    check(sys(SYS_access, (long)path("etc/motd"), 99, 0, 0) == -EINVAL, "access with a bad mode: EINVAL");
    check(sys(SYS_readlink, (long)path("etc/motd"), (long)buf, sizeof(buf), 0) == -EINVAL,
          "readlink of a file that is not a link: EINVAL");
    check(sys(SYS_ioctl, 3 + 100, 0x5413, (long)buf, 0) == -EBADF, "ioctl on a closed descriptor: EBADF");
    fd = open(path("etc/motd"), O_RDONLY);
    check(sys(SYS_ioctl, fd, 0x5413, (long)buf, 0) == -ENOTTY, "TIOCGWINSZ on a file: ENOTTY");
    close(fd);
}

static int names_in(const char *dir, char *out, size_t len)
{
    char *names[32];
    int count = 0;
    DIR *d = opendir(dir);
    struct dirent *e;

    if ( !d )
        return -1;
    while ( (e = readdir(d)) && count < 32 )
        if ( strcmp(e->d_name, ".") && strcmp(e->d_name, "..") )
            names[count++] = strdup(e->d_name);
    closedir(d);
    for ( int i = 0; i < count; i++ )           /* sorted: directory order is the file system's */
        for ( int j = i + 1; j < count; j++ )
            if ( strcmp(names[j], names[i]) < 0 )
            {
                char *t = names[i];

                names[i] = names[j];
                names[j] = t;
            }
    out[0] = '\0';
    for ( int i = 0; i < count; i++ )
    {
        snprintf(out + strlen(out), len - strlen(out), "%s%s", i ? " " : "", names[i]);
        free(names[i]);
    }
    return count;
}

/* the tree is writable: files that grow and shrink, directories, renames */
static void writing(void)
{
    static char big[1 << 20], back[1 << 20];
    char buf[64], list[256];
    struct stat st;
    int fd, fd2;

    fd = open(path("tmp/a"), O_CREAT | O_EXCL | O_RDWR, 0644);
    check(fd >= 0, "O_CREAT|O_EXCL makes a new file");
    check(write(fd, "hello, ", 7) == 7 && write(fd, "world", 5) == 5, "writes to it");
    check(fstat(fd, &st) == 0 && st.st_size == 12 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0644,
          "fstat: 12 bytes, a regular file, mode 0644");
    check(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, sizeof(buf)) == 12 && !memcmp(buf, "hello, world", 12),
          "reads back what was written");
    check(pread(fd, buf, 5, 7) == 5 && !memcmp(buf, "world", 5), "pread at an offset");
    close(fd);
    check(open(path("tmp/a"), O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST,
          "O_EXCL on an existing file: EEXIST");
    fd = open(path("tmp/a"), O_WRONLY | O_APPEND);
    check(write(fd, "!", 1) == 1 && stat(path("tmp/a"), &st) == 0 && st.st_size == 13,
          "O_APPEND writes at the end");
    close(fd);
    check(truncate(path("tmp/a"), 5) == 0 && stat(path("tmp/a"), &st) == 0 && st.st_size == 5,
          "truncate shrinks");
    fd = open(path("tmp/a"), O_RDWR);
    check(ftruncate(fd, 8) == 0 && read(fd, buf, 8) == 8 && !memcmp(buf, "hello\0\0\0", 8),
          "ftruncate grows with zero bytes");
    close(fd);
    fd = open(path("tmp/a"), O_WRONLY | O_TRUNC);
    check(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0, "O_TRUNC empties it");
    close(fd);
    fd = open(path("etc/motd"), O_RDONLY);
    check(ftruncate(fd, 0) == -1 && errno == EINVAL, "ftruncate of a read-only descriptor: EINVAL");
    close(fd);

    for ( unsigned int i = 0; i < sizeof(big); i++ )
        big[i] = (char)(i * 13 + (i >> 9));
    fd = open(path("tmp/big"), O_CREAT | O_RDWR | O_TRUNC, 0600);
    check(write(fd, big, sizeof(big)) == (long)sizeof(big), "a 1 MiB write");
    check(lseek(fd, 0, SEEK_SET) == 0 && read(fd, back, sizeof(back)) == (long)sizeof(back) &&
          !memcmp(big, back, sizeof(big)), "reads back the same 1 MiB");
    close(fd);

    check(mkdir(path("tmp/d"), 0755) == 0, "mkdir");
    check(stat(path("tmp/d"), &st) == 0 && S_ISDIR(st.st_mode), "it is a directory");
    check(mkdir(path("tmp/d"), 0755) == -1 && errno == EEXIST, "mkdir again: EEXIST");
    check(mkdir(path("tmp/none/x"), 0755) == -1 && errno == ENOENT, "mkdir under a missing directory: ENOENT");
    check(mkdir(path("tmp/a/x"), 0755) == -1 && errno == ENOTDIR, "mkdir under a file: ENOTDIR");
    check(rename(path("tmp/a"), path("tmp/d/b")) == 0, "rename a file into the directory");
    check(stat(path("tmp/a"), &st) == -1 && errno == ENOENT && stat(path("tmp/d/b"), &st) == 0,
          "the old name is gone, the new one is there");
    check(rename(path("tmp/d"), path("tmp/d/e")) == -1 && errno == EINVAL,
          "rename a directory into itself: EINVAL");
    check(rename(path("tmp/big"), path("tmp/d/b")) == 0 && stat(path("tmp/d/b"), &st) == 0 &&
          st.st_size == (long)sizeof(big), "rename over an existing file replaces it");
    check(names_in(path("tmp/d"), list, sizeof(list)) == 1 && !strcmp(list, "b"), "the directory lists: b");
    check(rmdir(path("tmp/d")) == -1 && errno == ENOTEMPTY, "rmdir of a non-empty directory: ENOTEMPTY");
    check(unlink(path("tmp/d")) == -1 && errno == EISDIR, "unlink of a directory: EISDIR");
    check(rmdir(path("tmp/d/b")) == -1 && errno == ENOTDIR, "rmdir of a file: ENOTDIR");
    fd = open(path("tmp/d/b"), O_RDONLY);
    check(unlink(path("tmp/d/b")) == 0 && stat(path("tmp/d/b"), &st) == -1 && errno == ENOENT,
          "unlink removes the name");
    check(read(fd, back, 16) == 16 && !memcmp(back, big, 16), "an open descriptor still reads the file");
    close(fd);
    check(unlink(path("tmp/d/b")) == -1 && errno == ENOENT, "unlink again: ENOENT");
    check(rmdir(path("tmp/d")) == 0 && stat(path("tmp/d"), &st) == -1, "rmdir of the empty directory");
    fd = open(path("tmp"), O_RDONLY | O_DIRECTORY);
    fd2 = openat(fd, "rel", O_CREAT | O_WRONLY, 0600);
    check(fd2 >= 0 && mkdirat(fd, "sub", 0700) == 0 && renameat(fd, "rel", fd, "sub/rel") == 0,
          "openat/mkdirat/renameat relative to a directory descriptor");
    check(unlinkat(fd, "sub/rel", 0) == 0 && unlinkat(fd, "sub", AT_REMOVEDIR) == 0,
          "unlinkat, and with AT_REMOVEDIR");
    close(fd2);
    close(fd);
    check(mkdir(BAD, 0755) == -1 && errno == EFAULT, "mkdir of a bad pointer: EFAULT");
    check(unlink(BAD) == -1 && errno == EFAULT, "unlink of a bad pointer: EFAULT");
    check(rename(BAD, path("tmp/x")) == -1 && errno == EFAULT, "rename from a bad pointer: EFAULT");
    check(open(path("tmp/none/x"), O_CREAT | O_WRONLY, 0600) == -1 && errno == ENOENT,
          "O_CREAT under a missing directory: ENOENT");
    check(mkdir("", 0755) == -1 && errno == ENOENT, "mkdir of an empty path: ENOENT");
    check(names_in(path("tmp"), list, sizeof(list)) == 0, "the scratch directory is empty again");
}

static void directories(void)
{
    DIR *d = opendir(path("etc"));
    struct dirent *e;
    int motd = 0, dot = 0;
    char cwd[600];

    while ( d && (e = readdir(d)) )
    {
        motd |= strcmp(e->d_name, "motd") == 0 && e->d_type == DT_REG;
        dot |= strcmp(e->d_name, ".") == 0;
    }
    check(d && motd && dot, "getdents64 lists . and motd (a regular file)");
    if ( d )
        closedir(d);
    check(sys(SYS_getdents64, 1000, (long)cwd, sizeof(cwd), 0) == -EBADF, "getdents64 on a bad fd: EBADF");
    check(chdir(path("etc")) == 0 && getcwd(cwd, sizeof(cwd)) &&
          strlen(cwd) >= 4 && !strcmp(cwd + strlen(cwd) - 4, "/etc"), "chdir, then getcwd ends in /etc");
    check(access("motd", R_OK) == 0, "a relative path from the new directory");
    check(sys(SYS_getcwd, (long)cwd, 1, 0, 0) == -ERANGE, "getcwd into 1 byte: ERANGE");
    check(sys(SYS_chdir, (long)path("etc/none"), 0, 0, 0) == -ENOENT, "chdir to a missing directory: ENOENT");
    check(sys(SYS_chdir, (long)path("etc/motd"), 0, 0, 0) == -ENOTDIR, "chdir to a file: ENOTDIR");
}

static void descriptors(void)
{
    int fd = dup(1), fd2;
    struct iovec iov[2] = { { "ok-", 3 }, { "writev\n", 7 } };

    check(fd >= 3, "dup gives a new descriptor");
    check(dup2(fd, 20) == 20 && fcntl(20, F_GETFD) == 0, "dup2 to 20, close-on-exec clear");
    fd2 = sys(SYS_dup3, fd, 21, O_CLOEXEC, 0);
    check(fd2 == 21 && fcntl(21, F_GETFD) == FD_CLOEXEC, "dup3 with O_CLOEXEC sets it");
    check(sys(SYS_dup3, fd, fd, 0, 0) == -EINVAL, "dup3 onto itself: EINVAL");
    check(sys(SYS_dup2, 99, 5, 0, 0) == -EBADF, "dup2 of a closed descriptor: EBADF");
    check(fcntl(fd, F_DUPFD, 30) == 30, "F_DUPFD from 30");
    check(writev(fd, iov, 2) == 10, "writev of two pieces through a dup");
    check(sys(SYS_writev, 1, (long)BAD, 1, 0) == -EFAULT, "writev with a bad iovec: EFAULT");
    check(sys(SYS_write, 1, (long)BAD, 4, 0) == -EFAULT, "write from a bad pointer: EFAULT");
    check(sys(SYS_write, 1, 0, 0, 0) == 0, "write of nothing: 0");
    check(sys(SYS_write, -1, (long)"x", 1, 0) == -EBADF, "write to -1: EBADF");
    close(fd); close(20); close(21); close(30);
}

static void pipes(void)
{
    int p[2], q[2];
    char buf[16];
    struct pollfd pf[2];

    signal(SIGPIPE, SIG_IGN);
    check(pipe2(p, O_NONBLOCK) == 0 && p[0] >= 3 && p[1] == p[0] + 1, "pipe2: the two lowest descriptors");
    check(read(p[0], buf, sizeof(buf)) == -1 && errno == EAGAIN, "an empty non-blocking pipe: EAGAIN");
    pf[0] = (struct pollfd){ p[0], POLLIN, 0 };
    pf[1] = (struct pollfd){ p[1], POLLOUT, 0 };
    check(poll(pf, 2, 0) == 1 && pf[0].revents == 0 && pf[1].revents == POLLOUT,
          "poll: the write end writable, the read end not readable");
    check(write(p[1], "pipe!", 5) == 5, "write 5 bytes into it");
    check(poll(pf, 1, 0) == 1 && pf[0].revents == POLLIN, "poll: now readable");
    check(read(p[0], buf, 3) == 3 && !memcmp(buf, "pip", 3) && read(p[0], buf, 9) == 2 && !memcmp(buf, "e!", 2),
          "read them back in two pieces, in order");
    check(sys(SYS_lseek, p[0], 0, SEEK_SET, 0) == -ESPIPE, "lseek on a pipe: ESPIPE");
    check(sys(SYS_read, p[1], (long)buf, 1, 0) == -EBADF, "read from the write end: EBADF");
    close(p[1]);
    check(read(p[0], buf, sizeof(buf)) == 0, "every writer gone: end of file");
    pf[0].revents = 0;
    check(poll(pf, 1, 0) == 1 && (pf[0].revents & POLLHUP), "poll: POLLHUP");
    close(p[0]);
    check(pipe(q) == 0 && close(q[0]) == 0 && write(q[1], "x", 1) == -1 && errno == EPIPE,
          "writing with no reader left: EPIPE");
    close(q[1]);
    check(sys(SYS_pipe2, (long)BAD, 0, 0, 0) == -EFAULT, "pipe2 into a bad pointer: EFAULT");
    check(sys(SYS_pipe2, (long)q, 0x1234, 0, 0) == -EINVAL, "pipe2 with bad flags: EINVAL");
    pf[0] = (struct pollfd){ 99, POLLIN, 0 };
    check(poll(pf, 1, 0) == 1 && pf[0].revents == POLLNVAL, "poll on a closed descriptor: POLLNVAL");
    check(poll(NULL, 0, 30) == 0, "poll with nothing, 30 ms: a timeout, 0");
}

static void memory(void)
{
    size_t len = 1 << 20;
    unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    long brk0, brk1;
    int fd;

    check(p != MAP_FAILED && p[0] == 0 && p[len - 1] == 0, "mmap 1 MiB anonymous: zeroed");
    if ( p != MAP_FAILED )
    {
        memset(p, 0xa5, len);
        check(p[12345] == 0xa5, "written and read back");
        check(munmap(p, len) == 0, "munmap");
    }
    check(sys(SYS_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS) == -EINVAL, "mmap of 0 bytes: EINVAL");
    check(sys(SYS_munmap, 4095, 4096, 0, 0) == -EINVAL, "munmap of an unaligned address: EINVAL");
    fd = open(path("etc/motd"), O_RDONLY);
    p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    check(p != MAP_FAILED && !memcmp(p, MOTD, strlen(MOTD)) && p[strlen(MOTD)] == 0,
          "mmap a file privately: its bytes, then zeros");
    if ( p != MAP_FAILED )
        munmap(p, 4096);
    close(fd);
    check(syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == -1 && errno == EBADF,
          "mmap of fd -1 without MAP_ANONYMOUS: EBADF");
    p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(p != MAP_FAILED && mprotect(p, 4096, PROT_READ) == 0 && p[4096] == 0, "mprotect half of a mapping");
    brk0 = sys(SYS_brk, 0, 0, 0, 0);
    brk1 = sys(SYS_brk, brk0 + 65536, 0, 0, 0);
    check(brk1 == brk0 + 65536, "brk grows by 64 KiB");
    if ( brk1 == brk0 + 65536 )
    {
        ((volatile char *)brk0)[65535] = 1;
        check(sys(SYS_brk, brk0, 0, 0, 0) == brk0, "brk shrinks back");
    }
    check(sys(SYS_madvise, 4095, 4096, 0, 0) == -EINVAL, "madvise of an unaligned address: EINVAL");
}

static void process_and_time(void)
{
    struct utsname u;
    struct timespec a, b, sl = { 0, 20 * 1000 * 1000 };
    struct sysinfo si;
    unsigned char rnd[16];
    sigset_t set;
    unsigned long fs;
    long el;

    check(getpid() > 0 && getppid() >= 0 && syscall(SYS_gettid) == getpid(), "getpid, getppid, gettid");
    check(uname(&u) == 0 && !strcmp(u.sysname, "Linux") && !strcmp(u.machine, "x86_64"),
          "uname: Linux, x86_64");
    check(sys(SYS_uname, (long)BAD, 0, 0, 0) == -EFAULT, "uname to a bad pointer: EFAULT");
    clock_gettime(CLOCK_MONOTONIC, &a);
    check(nanosleep(&sl, NULL) == 0, "nanosleep 20 ms");
    clock_gettime(CLOCK_MONOTONIC, &b);
    el = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
    check(el >= 20000000L, "at least 20 ms went by on the monotonic clock");
    check(clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec > 1600000000, "the wall clock is after 2020");
    check(sys(SYS_clock_gettime, 12345, (long)&a, 0, 0) == -EINVAL, "clock_gettime of no clock: EINVAL");
    sl.tv_nsec = 2000000000L;
    check(sys(SYS_nanosleep, (long)&sl, 0, 0, 0) == -EINVAL, "nanosleep of 2e9 ns: EINVAL");
    check(sys(SYS_nanosleep, (long)BAD, 0, 0, 0) == -EFAULT, "nanosleep from a bad pointer: EFAULT");
    check(sys(SYS_getrandom, (long)rnd, sizeof(rnd), 0, 0) == 16, "getrandom 16 bytes");
    check(sys(SYS_getrandom, (long)rnd, sizeof(rnd), 0x100, 0) == -EINVAL, "getrandom with bad flags: EINVAL");
    check(sysinfo(&si) == 0 && si.totalram > 0 && si.mem_unit > 0, "sysinfo: some memory");
    check(syscall(SYS_arch_prctl, 0x1003, &fs) == 0 && fs != 0, "arch_prctl ARCH_GET_FS: musl's thread pointer");
    check(sys(SYS_arch_prctl, 0x9999, 0, 0, 0) == -EINVAL, "arch_prctl of no code: EINVAL");
    check(sigprocmask(SIG_BLOCK, NULL, &set) == 0, "rt_sigprocmask reads the mask");
    check(sys(SYS_rt_sigaction, 9, (long)&set, 0, 8) == -EINVAL, "rt_sigaction on SIGKILL: EINVAL");
    umask(077);
    check(umask(022) == 077, "umask returns the previous mask");
    check(sys(1000, 0, 0, 0, 0) == -ENOSYS, "an unknown system call: ENOSYS");
}

int main(int argc, char **argv)
{
    snprintf(root, sizeof(root), "%s", argc > 1 ? argv[1] : "");
    if ( !strcmp(root, "/") )
        root[0] = '\0';
    files();
    directories();
    writing();
    descriptors();
    pipes();
    memory();
    process_and_time();
    printf("syscalls: %d of %d failed\n", failed, n);
    return failed ? 1 : 0;
}
