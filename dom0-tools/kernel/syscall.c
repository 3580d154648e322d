/*
 * The system-call table and dispatcher. The table is indexed by Linux's
 * x86-64 numbers; a number without a handler returns -ENOSYS and is logged
 * once (by number), so a program that needs more says so. On the way out
 * the process may be preempted, and signals are delivered (restarting the
 * call, or making it EINTR). A fault in user mode becomes its signal: a
 * handler runs, or the process ends as Linux would end it, reported here.
 */
#include <sierra-guest/kit.h>
#include <hv/lib.h>
#include "syscall.h"

#define NR_SYSCALLS 335
#define NR_rt_sigreturn 15
#define VGCF_IN_SYSCALL 0x100
#define SIGSEGV     11
#define SIGILL      4
#define SIGFPE      8
#define SIGBUS      7

static const sys_fn table[NR_SYSCALLS] = {
    [0] = sys_read, [1] = sys_write, [2] = sys_open, [3] = sys_close, [4] = sys_stat,
    [5] = sys_fstat, [6] = sys_lstat, [8] = sys_lseek, [56] = sys_clone, [57] = sys_fork,
    [58] = sys_vfork, [59] = sys_execve, [61] = sys_wait4, [62] = sys_kill, [109] = sys_setpgid,
    [111] = sys_getpgrp, [112] = sys_setsid, [121] = sys_getpgid, [124] = sys_getsid,
    [127] = sys_rt_sigpending, [34] = sys_pause, [273] = sys_set_robust_list, [76] = sys_truncate, [77] = sys_ftruncate,
    [82] = sys_rename, [83] = sys_mkdir, [84] = sys_rmdir, [85] = sys_creat, [87] = sys_unlink,
    [258] = sys_mkdirat, [263] = sys_unlinkat, [264] = sys_renameat, [316] = sys_renameat2, [200] = sys_tkill, [234] = sys_tgkill, [9] = sys_mmap, [10] = sys_mprotect,
    [11] = sys_munmap, [12] = sys_brk, [13] = sys_rt_sigaction, [14] = sys_rt_sigprocmask,
    [7] = sys_poll, [16] = sys_ioctl, [22] = sys_pipe, [17] = sys_pread64, [19] = sys_readv, [20] = sys_writev, [21] = sys_access,
    [24] = sys_sched_yield, [28] = sys_madvise, [32] = sys_dup, [33] = sys_dup2,
    [35] = sys_nanosleep, [39] = sys_getpid, [60] = sys_exit, [63] = sys_uname, [72] = sys_fcntl,
    [79] = sys_getcwd, [80] = sys_chdir, [89] = sys_readlink, [95] = sys_umask,
    [96] = sys_gettimeofday, [99] = sys_sysinfo, [102] = sys_getuid, [104] = sys_getuid,
    [107] = sys_getuid, [108] = sys_getuid, [110] = sys_getppid, [158] = sys_arch_prctl,
    [186] = sys_gettid, [217] = sys_getdents64, [218] = sys_set_tid_address,
    [228] = sys_clock_gettime, [230] = sys_clock_nanosleep, [231] = sys_exit_group,
    [257] = sys_openat, [262] = sys_newfstatat, [267] = sys_readlinkat, [269] = sys_faccessat,
    [271] = sys_ppoll, [292] = sys_dup3, [293] = sys_pipe2, [302] = sys_prlimit64, [318] = sys_getrandom,
};

static uint64_t logged[1024 / 64];       /* numbers above: logged every time */
uint64_t syscall_iret_flags;

static long call(struct uregs *r, uint64_t nr)
{
    if ( nr < NR_SYSCALLS && table[nr] )
        return table[nr](r->rdi, r->rsi, r->rdx, r->r10, r->r8, r->r9);
    if ( nr >= 1024 || !(logged[nr / 64] & (1UL << (nr % 64))) )
    {
        if ( nr < 1024 )
            logged[nr / 64] |= 1UL << (nr % 64);
        printf("dom0: system call %lu is not implemented (-ENOSYS)\n", (unsigned long)nr);
    }
    return -ENOSYS;
}

void syscall_dispatch(struct uregs *r)
{
    long nr = (long)r->rax;
    uint64_t flags = VGCF_IN_SYSCALL;

    current->uregs = r;
    if ( nr == NR_rt_sigreturn )
    {
        r->rax = (uint64_t)signal_return(r);
        flags = 0;                      /* every register as it was, RCX and R11 too */
    }
    else
        r->rax = (uint64_t)call(r, (uint64_t)nr);
    events_mask();
    sched_preempt();
    events_unmask();
    signal_deliver(r, &nr);
    syscall_iret_flags = flags;         /* after any switch: this process's return */
}

void user_fault(unsigned int vector, uint64_t error, uint64_t rip, uint64_t cr2)
{
    int sig = vector == 14 ? SIGSEGV : vector == 6 ? SIGILL : vector == 0 ? SIGFPE
            : vector == 17 ? SIGBUS : SIGSEGV;

    if ( !signal_force(sig) )
        printf("dom0: pid %d: %s at %#lx (vector %u, error %#lx, address %#lx)\n", current->pid,
               sig == SIGSEGV ? "segmentation fault" : sig == SIGILL ? "illegal instruction"
               : "fault", (unsigned long)rip, vector, (unsigned long)error, (unsigned long)cr2);
}
