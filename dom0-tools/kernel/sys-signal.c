/*
 * Signal system calls: rt_sigaction, rt_sigprocmask, rt_sigpending, pause,
 * kill, tkill and tgkill (a thread is its process here). rt_sigreturn is the
 * dispatcher's, since it replaces every register (signal.c). Linux's rules
 * and errno: SIGKILL and SIGSTOP can be neither caught nor blocked, a
 * sigset is 8 bytes, kill(0) is the caller's group, kill(-1) every process
 * but init and the caller, kill(-pgid) a group, signal 0 only asks.
 */
#include <hv/lib.h>
#include "syscall.h"

#define SIGKILL     9
#define SIGSTOP     19
#define UNBLOCKABLE ((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)))

SYSCALL(rt_sigaction)
{
    struct sigaction_k act;

    UNUSED_ARGS();
    if ( a < 1 || a > NSIG || d != 8 || (b && (a == SIGKILL || a == SIGSTOP)) )
        return -EINVAL;
    if ( b && copy_from_user(&act, b, sizeof(act)) )
        return -EFAULT;
    if ( c && copy_to_user(c, &current->sigaction[a], sizeof(act)) )
        return -EFAULT;
    if ( b )
    {
        act.mask &= ~UNBLOCKABLE;
        current->sigaction[a] = act;
        if ( act.handler == 1 )                 /* SIG_IGN drops what is pending */
            current->sigpending &= ~(1UL << (a - 1));
    }
    return 0;
}

SYSCALL(rt_sigprocmask)
{
    uint64_t set, old = current->sigmask;

    UNUSED_ARGS();
    if ( d != 8 )
        return -EINVAL;
    if ( b )
    {
        if ( copy_from_user(&set, b, sizeof(set)) )
            return -EFAULT;
        switch ( a )
        {
        case 0: current->sigmask |= set; break;         /* SIG_BLOCK */
        case 1: current->sigmask &= ~set; break;        /* SIG_UNBLOCK */
        case 2: current->sigmask = set; break;          /* SIG_SETMASK */
        default: return -EINVAL;
        }
        current->sigmask &= ~UNBLOCKABLE;
    }
    return c ? copy_to_user(c, &old, sizeof(old)) : 0;
}

SYSCALL(rt_sigpending)
{
    uint64_t set = current->sigpending & current->sigmask;

    UNUSED_ARGS();
    if ( b != 8 )
        return -EINVAL;
    return copy_to_user(a, &set, sizeof(set));
}

static long kill_one(struct proc *p, int sig)
{
    if ( !p || p->state == P_ZOMBIE )
        return p ? 0 : -ESRCH;                  /* a zombie: delivered to nobody */
    if ( sig )
        signal_send(p, sig);
    return 0;
}

SYSCALL(kill)
{
    int pid = (int)a, sig = (int)b;
    bool found = false;

    UNUSED_ARGS();
    if ( sig < 0 || sig > NSIG )
        return -EINVAL;
    if ( pid > 0 )
        return kill_one(proc_find(pid), sig);
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
    {
        struct proc *p = proc_slot(i);

        if ( p->state == P_FREE || p->state == P_NEW )
            continue;
        if ( pid == -1 ? (p->pid != 1 && p != current)
                       : p->pgid == (pid == 0 ? current->pgid : -pid) )
        {
            found = true;
            kill_one(p, sig);
        }
    }
    return found ? 0 : -ESRCH;
}

SYSCALL(tkill)
{
    UNUSED_ARGS();
    if ( (int)b < 0 || (int)b > NSIG || (int)a <= 0 )
        return -EINVAL;
    return kill_one(proc_find((int)a), (int)b);
}

SYSCALL(tgkill)
{
    UNUSED_ARGS();
    if ( (int)c < 0 || (int)c > NSIG || (int)a <= 0 || (int)b <= 0 )
        return -EINVAL;
    if ( a != b )
        return -ESRCH;                          /* one thread per process */
    return kill_one(proc_find((int)b), (int)c);
}

SYSCALL(pause)
{
    UNUSED_ARGS();
    wait_event(NULL, NULL, 0, true);            /* only a signal to handle ends it */
    return -EINTR;
}
