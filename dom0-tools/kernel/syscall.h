/*
 * The system-call handlers (sys-*.c), as syscall.c's table calls them: six
 * arguments as Linux passes them, a result or a negative errno.
 */
#ifndef DOM0_SYSCALL_H
#define DOM0_SYSCALL_H

#include "kernel.h"

typedef long (*sys_fn)(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e, uint64_t a6);
#define SYSCALL(name) long sys_##name(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e, uint64_t a6)
#define UNUSED_ARGS(...) (void)a, (void)b, (void)c, (void)d, (void)e, (void)a6

SYSCALL(read); SYSCALL(write); SYSCALL(open); SYSCALL(close); SYSCALL(stat); SYSCALL(fstat);
SYSCALL(lstat); SYSCALL(lseek); SYSCALL(mmap); SYSCALL(mprotect); SYSCALL(munmap); SYSCALL(brk);
SYSCALL(rt_sigaction); SYSCALL(rt_sigprocmask); SYSCALL(ioctl); SYSCALL(pread64); SYSCALL(readv);
SYSCALL(writev); SYSCALL(access); SYSCALL(sched_yield); SYSCALL(madvise); SYSCALL(dup); SYSCALL(dup2);
SYSCALL(nanosleep); SYSCALL(getpid); SYSCALL(exit); SYSCALL(uname); SYSCALL(fcntl); SYSCALL(getcwd);
SYSCALL(chdir); SYSCALL(readlink); SYSCALL(umask); SYSCALL(gettimeofday); SYSCALL(sysinfo);
SYSCALL(getuid); SYSCALL(getppid); SYSCALL(arch_prctl); SYSCALL(gettid); SYSCALL(getdents64);
SYSCALL(set_tid_address); SYSCALL(clock_gettime); SYSCALL(clock_nanosleep); SYSCALL(exit_group);
SYSCALL(openat); SYSCALL(newfstatat); SYSCALL(readlinkat); SYSCALL(faccessat); SYSCALL(dup3);
SYSCALL(prlimit64); SYSCALL(getrandom); SYSCALL(pipe); SYSCALL(pipe2); SYSCALL(poll); SYSCALL(ppoll);
SYSCALL(clone); SYSCALL(fork); SYSCALL(vfork); SYSCALL(execve); SYSCALL(wait4); SYSCALL(kill);
SYSCALL(setpgid); SYSCALL(getpgrp); SYSCALL(setsid); SYSCALL(getpgid); SYSCALL(getsid);
SYSCALL(rt_sigpending); SYSCALL(tkill); SYSCALL(tgkill); SYSCALL(pause); SYSCALL(set_robust_list);
SYSCALL(creat); SYSCALL(mkdir); SYSCALL(mkdirat); SYSCALL(unlink); SYSCALL(rmdir); SYSCALL(unlinkat);
SYSCALL(rename); SYSCALL(renameat); SYSCALL(renameat2); SYSCALL(truncate); SYSCALL(ftruncate);

long parent_at(int dirfd, const char *path, struct inode **dir, char *name);    /* sys-fs.c */

#endif
