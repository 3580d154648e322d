/*
 * Processes and signals in the control-domain kernel, checked the same way
 * on a Linux host and as dom0's /init (tests/boot/dom0-kernel.t compares the
 * lines): fork (a copy of memory, shared descriptors), vfork and
 * posix_spawn (memory shared until exec), execve of this same program,
 * wait4 and its statuses, ECHILD/WNOHANG, process groups, preemption (a
 * child spinning in user mode does not stop its parent), kill, handlers
 * with their frame and sigreturn (registers and SSE state survive), masks
 * and pending signals, SIGCHLD, SIGPIPE, EINTR and SA_RESTART, and a fault
 * caught by a SIGSEGV handler. One line per check; nothing printed depends
 * on the machine.
 * usage: procs            (run as `procs child N`, it exits with status N)
 * Built with musl-gcc -static; the same binary runs in both places.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

extern char **environ;
static volatile sig_atomic_t got_usr1, got_usr2, got_chld, last_sig;
static sigjmp_buf segv_jump;
static volatile int *volatile bad_ptr = (volatile int *)16;    /* never mapped */

static void on_usr1(int sig) { got_usr1++; last_sig = sig; }
static void on_usr2(int sig) { got_usr2++; last_sig = sig; }
static void on_chld(int sig) { (void)sig; got_chld++; }
static void on_segv(int sig) { (void)sig; siglongjmp(segv_jump, 1); }

/* a handler that uses SSE registers and every general register it can */
static void on_usr1_busy(int sig)
{
    volatile double x = 1.0;

    for ( int i = 0; i < 100; i++ )
        x = x * 1.5 + (double)sig;
    got_usr1++;
}

static void set_handler(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static int status_of(pid_t pid)
{
    int st = -1;

    return waitpid(pid, &st, 0) == pid ? st : -1;
}

static void forking(void)
{
    static int shared_global = 1;
    int fds[2], st;
    char buf[16] = "";
    pid_t pid, me = getpid();

    pid = fork();
    if ( pid == 0 )
        _exit(getppid() == me ? 7 : 1);
    check(pid > 0, "fork returns the child's pid to the parent");
    st = status_of(pid);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 7, "the child saw its parent's pid; exit status 7 via wait4");

    pid = fork();
    if ( pid == 0 )
    {
        shared_global = 99;
        _exit(shared_global == 99 ? 0 : 1);
    }
    st = status_of(pid);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 0 && shared_global == 1,
          "fork copies memory: the child's write is not the parent's");

    char *big = malloc(1 << 20);
    for ( int i = 0; i < (1 << 20); i++ )
        big[i] = (char)(i * 7);
    pid = fork();
    if ( pid == 0 )
    {
        for ( int i = 0; i < (1 << 20); i++ )
            if ( big[i] != (char)(i * 7) )
                _exit(1);
        _exit(0);
    }
    st = status_of(pid);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a 1 MiB heap arrives intact in the child");
    free(big);

    pipe(fds);
    pid = fork();
    if ( pid == 0 )
    {
        close(fds[0]);
        write(fds[1], "hello", 5);
        _exit(0);
    }
    close(fds[1]);
    check(read(fds[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5),
          "a pipe shared by fork carries the child's bytes to the parent");
    check(read(fds[0], buf, sizeof(buf)) == 0, "end of file once the child has gone");
    close(fds[0]);
    status_of(pid);

    check(waitpid(-1, NULL, 0) == -1 && errno == ECHILD, "wait with no children: ECHILD");
    check(waitpid(12345, NULL, 0) == -1 && errno == ECHILD, "wait for a pid that is no child: ECHILD");

    pipe(fds);
    pid = fork();
    if ( pid == 0 )
    {
        read(fds[0], buf, 1);
        _exit(5);
    }
    check(waitpid(pid, &st, WNOHANG) == 0, "WNOHANG while the child runs: 0");
    check(kill(pid, 0) == 0, "kill 0: the child exists");
    write(fds[1], "x", 1);
    check(waitpid(pid, &st, 0) == pid && WEXITSTATUS(st) == 5, "then its status 5");
    check(kill(pid, 0) == -1 && errno == ESRCH, "a reaped child is gone: ESRCH");
    close(fds[0]);
    close(fds[1]);
}

static void bad_pointers(const char *self)
{
    void *bad = (void *)16;
    pid_t pid = fork();

    if ( pid == 0 )
        _exit(0);
    check(syscall(SYS_wait4, pid, bad, 0, NULL) == -1 && errno == EFAULT,
          "wait4 with a bad status pointer: EFAULT");
    check(waitpid(pid, NULL, 0) == -1 && errno == ECHILD, "the child was reaped all the same");
    check(syscall(SYS_execve, bad, NULL, NULL) == -1 && errno == EFAULT, "execve of a bad path: EFAULT");
    char *bad_argv[] = { "x", bad, NULL };
    check(syscall(SYS_execve, self, bad_argv, NULL) == -1 && errno == EFAULT,
          "execve with a bad argument string: EFAULT");
    check(syscall(SYS_rt_sigaction, SIGUSR1, bad, NULL, 8) == -1 && errno == EFAULT,
          "rt_sigaction from a bad pointer: EFAULT");
    check(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4) == -1 && errno == EINVAL,
          "rt_sigaction with a 4-byte sigset: EINVAL");
    check(syscall(SYS_rt_sigprocmask, SIG_BLOCK, bad, NULL, 8) == -1 && errno == EFAULT,
          "rt_sigprocmask from a bad pointer: EFAULT");
    check(syscall(SYS_rt_sigprocmask, 7, NULL, NULL, 8) == 0, "rt_sigprocmask with no set ignores how");
    check(setpgid(99999, 0) == -1 && errno == ESRCH, "setpgid of no such process: ESRCH");
    check(getpgid(99999) == -1 && errno == ESRCH, "getpgid of no such process: ESRCH");
}

static void vforking(const char *self)
{
    volatile int seen = 0;
    int st;
    pid_t pid, child;
    char *args[] = { (char *)self, "child", "42", NULL };

    pid = vfork();
    if ( pid == 0 )
    {
        seen = 1;                       /* the parent's memory, while it waits */
        _exit(3);
    }
    st = status_of(pid);
    check(seen == 1 && WIFEXITED(st) && WEXITSTATUS(st) == 3,
          "vfork: the child ran on the parent's memory, then exit status 3");

    check(posix_spawn(&child, self, NULL, NULL, args, environ) == 0, "posix_spawn of this program");
    st = status_of(child);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 42, "the spawned program ran with its arguments: status 42");

    pid = fork();
    if ( pid == 0 )
    {
        char *a2[] = { (char *)self, "child", "9", NULL };

        execve("/no/such/program", a2, environ);
        if ( errno != ENOENT )
            _exit(1);
        execve(self, a2, environ);
        _exit(2);
    }
    st = status_of(pid);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 9, "a failed execve returns ENOENT; the next one runs");

    pid = fork();
    if ( pid == 0 )
    {
        setpgid(0, 0);
        _exit(getpgrp() == getpid() ? 0 : 1);
    }
    st = status_of(pid);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "setpgid(0, 0) makes a new process group");
    check(getpgid(0) == getpgrp(), "getpgid(0) is getpgrp()");
}

static void preemption_and_kill(void)
{
    struct timespec ten_ms = { 0, 10000000 };
    int st;
    pid_t pid = fork();

    if ( pid == 0 )
        for ( ;; )
            ;                           /* spins in user mode, never calls the kernel */
    nanosleep(&ten_ms, NULL);
    check(1, "the parent wakes while its child spins (preemption)");
    kill(pid, SIGKILL);
    st = status_of(pid);
    check(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "SIGKILL ends the spinning child");

    pid = fork();
    if ( pid == 0 )
    {
        pause();
        _exit(0);
    }
    nanosleep(&ten_ms, NULL);
    kill(pid, SIGTERM);
    st = status_of(pid);
    check(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "SIGTERM's default action ends a sleeping child");

    pid = fork();
    if ( pid == 0 )
    {
        setpgid(0, 0);
        pause();
        _exit(0);
    }
    setpgid(pid, pid);
    nanosleep(&ten_ms, NULL);
    check(kill(-pid, SIGUSR1) == 0, "kill(-pgid) reaches the group");
    st = status_of(pid);
    check(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1, "SIGUSR1's default: terminate");
    check(kill(-31999, SIGUSR1) == -1 && errno == ESRCH, "kill of an empty group: ESRCH");
    check(kill(getpid(), 65) == -1 && errno == EINVAL, "signal 65: EINVAL");
}

static void handlers(void)
{
    sigset_t set, old, pend;

    set_handler(SIGUSR1, on_usr1, 0);
    kill(getpid(), SIGUSR1);
    check(got_usr1 == 1 && last_sig == SIGUSR1, "a handler runs before kill returns, with the signal number");

    set_handler(SIGUSR1, on_usr1_busy, 0);
    {
        /* kill(2) by hand, with values in registers the handler is free to
         * use: a system call keeps all but RAX, RCX and R11, handler or not */
        long self = getpid();
        register long rdx __asm__("rdx") = 0x1111, r8 __asm__("r8") = 0x2222;
        register long r9 __asm__("r9") = 0x3333, r10 __asm__("r10") = 0x4444;
        long xmm0 = 0x5555;

        __asm__ volatile ( "movq %[x], %%xmm0\n\t"
                           "syscall\n\t"
                           "movq %%xmm0, %[x]"
                           : [x] "+r" (xmm0), "+r" (rdx), "+r" (r8), "+r" (r9), "+r" (r10)
                           : "a" (62L), "D" (self), "S" ((long)SIGUSR1)
                           : "rcx", "r11", "xmm0", "memory" );
        check(got_usr1 == 2 && rdx == 0x1111 && r8 == 0x2222 && r9 == 0x3333 && r10 == 0x4444 &&
              xmm0 == 0x5555, "after a handler: every register and SSE as they were (sigreturn)");
    }

    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    set_handler(SIGUSR2, on_usr2, 0);
    sigprocmask(SIG_BLOCK, &set, &old);
    kill(getpid(), SIGUSR2);
    sigpending(&pend);
    check(got_usr2 == 0 && sigismember(&pend, SIGUSR2), "a blocked signal waits, pending");
    sigprocmask(SIG_SETMASK, &old, NULL);
    check(got_usr2 == 1, "unblocked, it is delivered");

    signal(SIGUSR2, SIG_IGN);
    kill(getpid(), SIGUSR2);
    check(got_usr2 == 1, "an ignored signal does nothing");
    signal(SIGUSR2, SIG_DFL);

    check(sigaction(SIGKILL, &(struct sigaction){ .sa_handler = on_usr1 }, NULL) == -1 && errno == EINVAL,
          "SIGKILL cannot be caught: EINVAL");

    set_handler(SIGCHLD, on_chld, 0);
    pid_t pid = fork();
    if ( pid == 0 )
        _exit(0);
    status_of(pid);
    check(got_chld == 1, "SIGCHLD reaches the parent's handler");
    signal(SIGCHLD, SIG_DFL);

    set_handler(SIGSEGV, on_segv, 0);
    if ( sigsetjmp(segv_jump, 1) == 0 )
    {
        *bad_ptr = 1;
        check(0, "a fault caught by a SIGSEGV handler");
    }
    else
        check(1, "a fault caught by a SIGSEGV handler");
    signal(SIGSEGV, SIG_DFL);
}

/* a child that, 20 ms apart, sends its parent SIGUSR1 and then writes c */
static pid_t signal_then_write(int fd, char c)
{
    pid_t pid = fork();

    if ( pid == 0 )
    {
        struct timespec ms = { 0, 20000000 };

        nanosleep(&ms, NULL);
        kill(getppid(), SIGUSR1);
        nanosleep(&ms, NULL);
        write(fd, &c, 1);
        _exit(0);
    }
    return pid;
}

static void pipes_and_eintr(void)
{
    int fds[2], st;
    char buf[8];
    struct timespec t = { 5, 0 }, left;
    pid_t pid;

    pipe(fds);
    pid = fork();
    if ( pid == 0 )
    {
        close(fds[0]);
        for ( ;; )
            if ( write(fds[1], "x", 1) < 0 )
                _exit(1);
    }
    close(fds[1]);
    close(fds[0]);
    st = status_of(pid);
    check(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE, "writing to a pipe nobody reads: SIGPIPE");

    signal(SIGPIPE, SIG_IGN);
    pipe(fds);
    close(fds[0]);
    check(write(fds[1], "x", 1) == -1 && errno == EPIPE, "with SIGPIPE ignored: EPIPE");
    close(fds[1]);
    signal(SIGPIPE, SIG_DFL);

    set_handler(SIGUSR1, on_usr1, 0);
    got_usr1 = 0;
    pipe(fds);
    pid = signal_then_write(fds[1], 'y');
    check(read(fds[0], buf, 1) == -1 && errno == EINTR && got_usr1 == 1,
          "a read a handled signal interrupts: EINTR");
    check(read(fds[0], buf, 1) == 1 && buf[0] == 'y', "the next read gets the byte");
    status_of(pid);

    set_handler(SIGUSR1, on_usr1, SA_RESTART);
    got_usr1 = 0;
    pid = signal_then_write(fds[1], 'z');
    check(read(fds[0], buf, 1) == 1 && buf[0] == 'z' && got_usr1 == 1,
          "with SA_RESTART the read goes on after the handler");
    status_of(pid);

    pid = fork();
    if ( pid == 0 )
    {
        struct timespec ms = { 0, 20000000 };

        nanosleep(&ms, NULL);
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    check(nanosleep(&t, &left) == -1 && errno == EINTR && left.tv_sec >= 3,
          "nanosleep cut short by a signal: EINTR and the time left");
    status_of(pid);
    close(fds[0]);
    close(fds[1]);
    signal(SIGUSR1, SIG_DFL);
}

int main(int argc, char **argv)
{
    if ( argc == 3 && !strcmp(argv[1], "child") )
        return atoi(argv[2]);
    forking();
    bad_pointers(argv[0]);
    vforking(argv[0]);
    preemption_and_kill();
    handlers();
    pipes_and_eintr();
    printf("procs: %d of %d failed\n", failed, n);
    return failed ? 1 : 0;
}
