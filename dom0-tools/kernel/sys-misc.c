/*
 * Process, time and system-information calls: exit/exit_group, the ids,
 * uname, arch_prctl (FS through set_segment_base), set_tid_address,
 * set_robust_list (accepted: there are no threads to clean up after),
 * clock_gettime/gettimeofday (system time from vcpu_time_info, wall clock
 * from shared_info), nanosleep (a sleep with a deadline, sched.c),
 * sysinfo, prlimit64, getrandom, sched_yield.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <hv/lib.h>
#include "syscall.h"

#define NS              1000000000UL
#define RLIM_INFINITY   (~0UL)

SYSCALL(getuid) { UNUSED_ARGS(); return 0; }
SYSCALL(sched_yield) { UNUSED_ARGS(); events_mask(); schedule(); events_unmask(); return 0; }

SYSCALL(uname)
{
    struct linux_utsname u = { "Linux", "sierra-dom0", "6.1.0-sierra", "#1 Sierra control domain",
                               "x86_64", "(none)" };

    UNUSED_ARGS();
    return copy_to_user(a, &u, sizeof(u));
}

SYSCALL(arch_prctl)
{
    UNUSED_ARGS();
    switch ( a )
    {
    case ARCH_SET_FS:
        if ( b >> 47 )
            return -EPERM;                      /* not a user address */
        if ( hyp_set_segment_base(PV_SEGBASE_FS, b) )
            return -EPERM;
        current->fs_base = b;
        return 0;
    case ARCH_GET_FS:
        return copy_to_user(b, &current->fs_base, sizeof(uint64_t));
    default:
        return -EINVAL;
    }
}

SYSCALL(set_robust_list)
{
    UNUSED_ARGS();
    return b == 24 ? 0 : -EINVAL;       /* one thread a process: no list to walk at exit */
}

SYSCALL(set_tid_address)
{
    UNUSED_ARGS();
    current->tid_address = a;
    return current->pid;
}

static uint64_t wallclock_ns(void)
{
    const volatile struct pv_shared_info *s = kit_shared_info;
    uint32_t version;
    uint64_t sec, nsec;

    do
    {
        version = s->wc_version;
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        sec = s->wc_sec | ((uint64_t)s->wc_sec_hi << 32);
        nsec = s->wc_nsec;
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    } while ( (version & 1) || version != s->wc_version );
    return sec * NS + nsec + kit_system_time_ns();
}

SYSCALL(clock_gettime)
{
    uint64_t ns;
    struct linux_timespec ts;

    UNUSED_ARGS();
    switch ( a )
    {
    case CLOCK_REALTIME: ns = wallclock_ns(); break;
    case CLOCK_MONOTONIC: case 4: case 7:       /* MONOTONIC, _RAW, BOOTTIME */
    case 2: case 3:                             /* the process and thread CPU clocks */
        ns = kit_system_time_ns(); break;
    default: return -EINVAL;
    }
    ts = (struct linux_timespec){ (int64_t)(ns / NS), (int64_t)(ns % NS) };
    return copy_to_user(b, &ts, sizeof(ts));
}

SYSCALL(gettimeofday)
{
    uint64_t ns = wallclock_ns();
    int64_t tv[2] = { (int64_t)(ns / NS), (int64_t)(ns % NS / 1000) };

    UNUSED_ARGS();
    if ( a && copy_to_user(a, tv, sizeof(tv)) )
        return -EFAULT;
    if ( b && copy_to_user(b, (uint64_t[1]){ 0 }, 8) )
        return -EFAULT;
    return 0;
}

/* a sleep a signal may cut short: EINTR, with what was left in *urem */
static long sleep_until(uint64_t deadline, uint64_t urem)
{
    uint64_t now;
    struct linux_timespec left;

    if ( wait_event(NULL, NULL, deadline, true) != -EINTR )
        return 0;
    now = kit_system_time_ns();
    left = (struct linux_timespec){ 0, 0 };
    if ( deadline > now )
        left = (struct linux_timespec){ (int64_t)((deadline - now) / NS), (int64_t)((deadline - now) % NS) };
    if ( urem && copy_to_user(urem, &left, sizeof(left)) )
        return -EFAULT;
    return -EINTR;
}

static long sleep_for(uint64_t ureq, uint64_t urem)
{
    struct linux_timespec ts;

    if ( copy_from_user(&ts, ureq, sizeof(ts)) )
        return -EFAULT;
    if ( ts.sec < 0 || ts.nsec < 0 || ts.nsec >= (int64_t)NS )
        return -EINVAL;
    if ( !ts.sec && !ts.nsec )
        return 0;
    return sleep_until(kit_system_time_ns() + (uint64_t)ts.sec * NS + (uint64_t)ts.nsec, urem);
}

SYSCALL(nanosleep) { UNUSED_ARGS(); return sleep_for(a, b); }

SYSCALL(clock_nanosleep)
{
    struct linux_timespec ts;

    UNUSED_ARGS();
    if ( a != CLOCK_REALTIME && a != CLOCK_MONOTONIC )
        return -EINVAL;
    if ( !(b & 1) )                             /* relative */
        return sleep_for(c, d);
    if ( copy_from_user(&ts, c, sizeof(ts)) )
        return -EFAULT;
    if ( ts.sec < 0 || ts.nsec < 0 || ts.nsec >= (int64_t)NS )
        return -EINVAL;
    uint64_t t = (uint64_t)ts.sec * NS + (uint64_t)ts.nsec;
    uint64_t now = a == CLOCK_REALTIME ? wallclock_ns() : kit_system_time_ns();

    return t > now ? sleep_until(kit_system_time_ns() + (t - now), 0) : 0;
}

SYSCALL(sysinfo)
{
    struct linux_sysinfo si = {
        .uptime = (int64_t)(kit_system_time_ns() / NS), .totalram = frames_total() * PAGE_SIZE,
        .freeram = frames_free_count() * PAGE_SIZE, .procs = (uint16_t)proc_count(), .mem_unit = 1,
    };

    UNUSED_ARGS();
    return copy_to_user(a, &si, sizeof(si));
}

SYSCALL(prlimit64)
{
    uint64_t lim[2] = { RLIM_INFINITY, RLIM_INFINITY };

    UNUSED_ARGS();
    if ( a && a != (uint64_t)current->pid )
        return -ESRCH;
    if ( b > 15 )
        return -EINVAL;
    if ( b == 3 )                               /* RLIMIT_STACK: what exec gave */
        lim[0] = lim[1] = 1UL << 20;
    else if ( b == 7 )                          /* RLIMIT_NOFILE */
        lim[0] = lim[1] = MAX_FDS;
    return d ? copy_to_user(d, lim, sizeof(lim)) : 0;
}

SYSCALL(getrandom)
{
    uint8_t chunk[256];
    uint64_t done = 0;

    UNUSED_ARGS();
    if ( c & ~7UL )
        return -EINVAL;
    if ( !mm_check(current->mm, a, b, VMA_WRITE) )
        return -EFAULT;
    while ( done < b )
    {
        size_t n = b - done < sizeof(chunk) ? b - done : sizeof(chunk);

        random_bytes(chunk, n);
        memcpy((void *)(a + done), chunk, n);
        done += n;
    }
    return (long)done;
}
