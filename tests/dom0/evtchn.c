/*
 * /dev/xen/evtchn and IOCTL_PRIVCMD_MMAP as the tools use them, run inside
 * dom0 on Xen 4.17 and on Sierra (tests/boot/dom0-kernel.t compares the
 * two). Event channels: a loopback pair (an unbound port, then an
 * interdomain bind to it, which fires at once), notify, the fired port read back, masked until
 * written back, poll, a blocking read woken by a child's notify, and the
 * errors (ENOTCONN, EAGAIN, EEXIST, EFAULT, ENOTTY). privcmd: fresh frames
 * from increase_reservation mapped twice - by MMAPBATCH_V2 and by
 * IOCTL_PRIVCMD_MMAP - show each other's writes, a frame the domain does
 * not own is refused, and the frames go back with decrease_reservation.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define IOCTL_EVTCHN_BIND_VIRQ          0x00044500
#define IOCTL_EVTCHN_BIND_INTERDOMAIN   0x00084501
#define IOCTL_EVTCHN_BIND_UNBOUND_PORT  0x00044502
#define IOCTL_EVTCHN_UNBIND             0x00044503
#define IOCTL_EVTCHN_NOTIFY             0x00044504
#define IOCTL_EVTCHN_RESET              0x00004505
#define IOCTL_EVTCHN_RESTRICT_DOMID     0x00024506
#define IOCTL_PRIVCMD_HYPERCALL         0x305000
#define IOCTL_PRIVCMD_MMAP              0x105002
#define IOCTL_PRIVCMD_MMAPBATCH_V2      0x205004
#define HYPERVISOR_memory_op            12
#define XENMEM_increase_reservation     0
#define XENMEM_decrease_reservation     1
#define DOMID_SELF                      0x7ff0
#define NR                              4


static long xioctl(int fd, unsigned long cmd, void *arg)
{
    long r = ioctl(fd, cmd, arg);

    return r < 0 ? -errno : r;
}

static int poll_in(int fd, int ms)
{
    struct pollfd p = { fd, POLLIN, 0 };

    return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

static void event_channels(void)
{
    int fd = open("/dev/xen/evtchn", O_RDWR);
    uint32_t a, b, got = 0, arg[2];
    long pa, pb;

    check(fd >= 0, "open /dev/xen/evtchn");
    arg[0] = 0;
    pa = xioctl(fd, IOCTL_EVTCHN_BIND_UNBOUND_PORT, arg);
    check(pa > 0, "BIND_UNBOUND_PORT for domain 0: a port");
    arg[0] = 0;
    arg[1] = (uint32_t)pa;
    pb = xioctl(fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, arg);
    check(pb > 0 && pb != pa, "BIND_INTERDOMAIN to it: the other end");
    a = (uint32_t)pa;
    b = (uint32_t)pb;
    check(poll_in(fd, 1000) && read(fd, &got, 4) == 4 && got == b,
          "the bound end fires at once (Xen's fix-up for a lost notification)");
    check(write(fd, &b, 4) == 4 && !poll_in(fd, 0), "written back; nothing more to read");
    check(xioctl(fd, IOCTL_EVTCHN_NOTIFY, &b) == 0, "NOTIFY one end");
    check(poll_in(fd, 1000), "poll: the other end fired");
    check(read(fd, &got, 4) == 4 && got == a, "read gives the port that fired");
    check(xioctl(fd, IOCTL_EVTCHN_NOTIFY, &b) == 0 && !poll_in(fd, 50),
          "while it is masked, a second notify queues nothing");
    check(write(fd, &a, 4) == 4 && poll_in(fd, 1000) && read(fd, &got, 4) == 4 && got == a,
          "written back, it is unmasked and the pending event comes");
    fcntl(fd, F_SETFL, O_NONBLOCK);
    check(read(fd, &got, 4) == -1 && errno == EAGAIN, "non-blocking read with nothing queued: EAGAIN");
    fcntl(fd, F_SETFL, 0);
    check(read(fd, &got, 2) == 0, "a read shorter than a port: 0");
    write(fd, &a, 4);

    pid_t child = fork();
    if ( child == 0 )
    {
        struct timespec ms = { 0, 30000000 };

        nanosleep(&ms, NULL);
        _exit(xioctl(fd, IOCTL_EVTCHN_NOTIFY, &b) == 0 ? 0 : 1);
    }
    check(read(fd, &got, 4) == 4 && got == a, "a blocking read is woken by a child's notify");
    int st;
    check(waitpid(child, &st, 0) == child && WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child's notify worked");

    uint32_t virq = 0;                          /* VIRQ_TIMER: the kernel's own */
    check(xioctl(fd, IOCTL_EVTCHN_BIND_VIRQ, &virq) == -EEXIST, "BIND_VIRQ of a bound VIRQ: EEXIST");
    uint32_t other = 1000;
    check(xioctl(fd, IOCTL_EVTCHN_NOTIFY, &other) == -ENOTCONN, "NOTIFY of a port not ours: ENOTCONN");
    check(xioctl(fd, IOCTL_EVTCHN_NOTIFY, (void *)0x10) == -EFAULT, "a bad argument: EFAULT");
    check(xioctl(fd, 0x4599, &a) == -ENOTTY, "an unknown ioctl: ENOTTY");
    check(xioctl(fd, IOCTL_EVTCHN_RESET, NULL) == 0, "RESET");
    check(xioctl(fd, IOCTL_EVTCHN_UNBIND, &b) == 0 && xioctl(fd, IOCTL_EVTCHN_NOTIFY, &b) == -ENOTCONN,
          "UNBIND, then NOTIFY of it: ENOTCONN");
    check(xioctl(fd, IOCTL_EVTCHN_UNBIND, &b) == -ENOTCONN, "UNBIND again: ENOTCONN");
    check(close(fd) == 0, "close unbinds the rest");

    fd = open("/dev/xen/evtchn", O_RDWR);
    uint16_t dom = 5;
    uint32_t to = 0;
    check(xioctl(fd, IOCTL_EVTCHN_RESTRICT_DOMID, &dom) == 0 && xioctl(fd, IOCTL_EVTCHN_RESTRICT_DOMID, &dom) == -EACCES,
          "RESTRICT_DOMID once; a second time: EACCES");
    check(xioctl(fd, IOCTL_EVTCHN_BIND_VIRQ, &virq) == -EACCES && xioctl(fd, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &to) == -EACCES,
          "restricted to domain 5: a VIRQ or a port for domain 0 is refused (EACCES)");
    close(fd);
}

struct reservation {
    uint64_t extent_start, nr_extents;
    uint32_t extent_order, mem_flags;
    uint16_t domid;
};

struct mmap_entry { uint64_t va, mfn, npages; };
struct privcmd_mmap { int32_t num; uint16_t dom, pad; uint64_t entry; };
struct mmapbatch_v2 { uint32_t num; uint16_t dom, pad; uint64_t addr, arr, err; };

static long memory_op(int pc, unsigned long cmd, uint64_t *mfns)
{
    struct reservation r = { (uint64_t)(uintptr_t)mfns, NR, 0, 0, DOMID_SELF };
    unsigned long h[6] = { HYPERVISOR_memory_op, cmd, (unsigned long)&r, 0, 0, 0 };

    return xioctl(pc, IOCTL_PRIVCMD_HYPERCALL, h);
}

static void privcmd_mmap(void)
{
    int pc = open("/dev/xen/privcmd", O_RDWR);
    uint64_t mfns[NR] = { 0 };
    int err[NR] = { 0 };
    volatile uint64_t *one, *two;
    struct mmap_entry e;
    struct privcmd_mmap m;
    struct mmapbatch_v2 b;
    int same = 1;

    check(memory_op(pc, XENMEM_increase_reservation, mfns) == NR, "increase_reservation: 4 fresh frames");
    one = mmap(NULL, NR * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, pc, 0);
    two = mmap(NULL, NR * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, pc, 0);
    check(one != MAP_FAILED && two != MAP_FAILED, "two areas mmap'ed from privcmd");
    b = (struct mmapbatch_v2){ NR, DOMID_SELF, 0, (uint64_t)(uintptr_t)one, (uint64_t)(uintptr_t)mfns,
                               (uint64_t)(uintptr_t)err };
    check(xioctl(pc, IOCTL_PRIVCMD_MMAPBATCH_V2, &b) == 0, "MMAPBATCH_V2 maps them in the first");
    e = (struct mmap_entry){ (uint64_t)(uintptr_t)two, mfns[0], 1 };
    m = (struct privcmd_mmap){ 1, DOMID_SELF, 0, (uint64_t)(uintptr_t)&e };
    long rc = xioctl(pc, IOCTL_PRIVCMD_MMAP, &m);
    for ( int i = 1; i < NR && rc == 0; i++ )
    {
        e = (struct mmap_entry){ (uint64_t)(uintptr_t)two + 4096UL * i, mfns[i], 1 };
        rc = xioctl(pc, IOCTL_PRIVCMD_MMAP, &m);
    }
    check(rc == 0, "IOCTL_PRIVCMD_MMAP maps them in the second");
    for ( int i = 0; i < NR; i++ )
        one[i * 512] = 0x5151000000000000ULL + i;
    for ( int i = 0; i < NR; i++ )
        same &= two[i * 512] == 0x5151000000000000ULL + i;
    check(same, "what one mapping writes, the other reads: the same frames");
    e = (struct mmap_entry){ (uint64_t)(uintptr_t)two, mfns[0], NR + 1 };
    check(xioctl(pc, IOCTL_PRIVCMD_MMAP, &m) == -EINVAL, "an entry longer than its area: EINVAL");
    e = (struct mmap_entry){ (uint64_t)(uintptr_t)&e, mfns[0], 1 };
    check(xioctl(pc, IOCTL_PRIVCMD_MMAP, &m) == -EINVAL, "an entry outside a privcmd area: EINVAL");
    m.num = 0;
    check(xioctl(pc, IOCTL_PRIVCMD_MMAP, &m) == -EINVAL, "no entries: EINVAL");
    {
        uint64_t pair[2] = { mfns[0], 0xfffffffffUL };          /* the second: no such frame */
        int perr[2] = { 1, 0 };
        struct mmapbatch_v2 bad = { 2, DOMID_SELF, 0, (uint64_t)(uintptr_t)one, (uint64_t)(uintptr_t)pair,
                                    (uint64_t)(uintptr_t)perr };

        check(xioctl(pc, IOCTL_PRIVCMD_MMAPBATCH_V2, &bad) == -ENOENT && perr[0] == 0 && perr[1] < 0,
              "MMAPBATCH_V2 with a bad frame: ENOENT, and the error on that frame only");
    }
    check(munmap((void *)one, NR * 4096) == 0 && munmap((void *)two, NR * 4096) == 0, "both unmapped");
    check(memory_op(pc, XENMEM_decrease_reservation, mfns) == NR, "decrease_reservation gives them back");
    close(pc);
}

int main(void)
{
    event_channels();
    privcmd_mmap();
    printf("evtchn: %d of %d failed\n", failed, n);
    return failed ? 1 : 0;
}
