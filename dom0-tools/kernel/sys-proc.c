/*
 * Process system calls: fork, vfork and clone (processes only: a clone that
 * shares the address space must also be CLONE_VFORK, as posix_spawn's is;
 * threads get EINVAL), execve, wait4, exit/exit_group, the ids and process
 * groups (getpid, getppid, gettid, setpgid, getpgid, getpgrp, setsid,
 * getsid). A fork child gets a copy of every page, descriptors shared; a
 * vfork child runs on its parent's memory while the parent sleeps until the
 * child execs or exits. execve copies its arguments into the kernel before
 * the old program is replaced, so a failed exec returns to the old one.
 */
#include <sierra-guest/hypercall.h>
#include <hv/lib.h>
#include "syscall.h"

#define CSIGNAL                 0xff
#define CLONE_VM                0x00000100
#define CLONE_VFORK             0x00004000
#define CLONE_SETTLS            0x00080000
#define CLONE_PARENT_SETTID     0x00100000
#define CLONE_CHILD_CLEARTID    0x00200000
#define CLONE_CHILD_SETTID      0x01000000
#define CLONE_KNOWN             (CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_SETTLS | \
                                 CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID)
#define SIGCHLD                 17
#define MAX_EXEC_ARGS           256
#define EXEC_STRINGS            (128 * 1024)
#define FLAT_USER_CS            0xe033
#define FLAT_USER_SS            0xe02b

static bool vfork_done(void *arg)
{
    const struct proc *child = arg;

    return child->vfork_parent != current;
}

static long do_clone(uint64_t flags, uint64_t newsp, uint64_t ptid, uint64_t ctid, uint64_t tls)
{
    struct proc *child;
    struct uregs regs = *current->uregs;
    int pid;

    if ( (flags & ~(uint64_t)CLONE_KNOWN) || ((flags & CLONE_VM) && !(flags & CLONE_VFORK)) ||
         ((flags & CSIGNAL) && (flags & CSIGNAL) != SIGCHLD) || (tls >> 47) )
        return -EINVAL;
    if ( (flags & CLONE_PARENT_SETTID) && !mm_check(current->mm, ptid, 4, VMA_WRITE) )
        return -EFAULT;
    if ( (flags & CLONE_CHILD_SETTID) && !mm_check(current->mm, ctid, 4, VMA_WRITE) )
        return -EFAULT;
    if ( !(child = proc_new(current)) )
        return -EAGAIN;
    if ( flags & CLONE_VM )
    {
        child->mm = current->mm;
        child->mm->users++;
    }
    else if ( !(child->mm = mm_fork(current->mm)) )
        return proc_discard(child), -ENOMEM;
    pid = child->pid;
    if ( flags & CLONE_SETTLS )
        child->fs_base = tls;
    if ( flags & CLONE_PARENT_SETTID )
        *(uint32_t *)ptid = (uint32_t)pid;
    if ( flags & CLONE_CHILD_SETTID )
    {
        mm_activate(child->mm);                 /* the child's copy of that word */
        *(uint32_t *)ctid = (uint32_t)pid;
        mm_activate(current->mm);
    }
    if ( flags & CLONE_CHILD_CLEARTID )
        child->tid_address = ctid;
    regs.rax = 0;
    if ( newsp )
        regs.rsp = newsp;
    if ( flags & CLONE_VFORK )
        child->vfork_parent = current;
    proc_start(child, &regs);
    if ( flags & CLONE_VFORK )
        wait_event(vfork_done, child, 0, false);
    return pid;
}

SYSCALL(clone) { UNUSED_ARGS(); return do_clone(a, b, c, d, e); }
SYSCALL(fork) { UNUSED_ARGS(); return do_clone(SIGCHLD, 0, 0, 0, 0); }
SYSCALL(vfork) { UNUSED_ARGS(); return do_clone(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0); }

/* a NULL-terminated array of user strings into the kernel's buffer */
static long copy_strings(uint64_t uarr, char **out, char **buf, char *end)
{
    unsigned int n = 0;

    for ( ; uarr; n++, uarr += 8 )
    {
        uint64_t s;
        long len;

        if ( n == MAX_EXEC_ARGS )
            return -E2BIG;
        if ( copy_from_user(&s, uarr, sizeof(s)) )
            return -EFAULT;
        if ( !s )
            break;
        if ( (len = strncpy_from_user(*buf, s, (size_t)(end - *buf))) < 0 )
            return len == -ENAMETOOLONG ? -E2BIG : len;
        out[n] = *buf;
        *buf += len + 1;
    }
    out[n] = NULL;
    return 0;
}

SYSCALL(execve)
{
    static char strings[EXEC_STRINGS], path[PATH_MAX_LEN];
    static char *argv[MAX_EXEC_ARGS + 1], *envp[MAX_EXEC_ARGS + 1];
    char *buf = strings;
    struct uregs regs;
    long rc;

    UNUSED_ARGS();
    if ( (rc = strncpy_from_user(path, a, sizeof(path))) < 0 )
        return rc;
    if ( rc == 0 )
        return -ENOENT;
    if ( (rc = copy_strings(b, argv, &buf, strings + sizeof(strings))) ||
         (rc = copy_strings(c, envp, &buf, strings + sizeof(strings))) )
        return rc;
    if ( (rc = exec_load(current, path, argv, envp, &regs)) )
        return rc;
    for ( unsigned int fd = 0; fd < MAX_FDS; fd++ )
        if ( current->fd[fd] && current->cloexec[fd] )
            fd_close((int)fd);
    signal_exec_reset(current);
    current->fs_base = 0;
    current->tid_address = 0;
    hyp_set_segment_base(PV_SEGBASE_FS, 0);
    if ( current->vfork_parent )
    {
        current->vfork_parent = NULL;
        sched_wake_all();
    }
    regs.cs = FLAT_USER_CS;
    regs.ss = FLAT_USER_SS;
    *current->uregs = regs;
    return 0;
}

SYSCALL(wait4)
{
    UNUSED_ARGS();
    if ( c & ~(uint64_t)(1 | 2 | 0x40000000 | 0x80000000) )    /* WNOHANG WUNTRACED __WALL __WCLONE */
        return -EINVAL;
    if ( d && copy_to_user(d, (uint8_t[144]){ 0 }, 144) )      /* struct rusage: nothing counted */
        return -EFAULT;
    return proc_wait((int)a, b, (int)c);
}

SYSCALL(exit) { UNUSED_ARGS(); proc_exit((int)((a & 0xff) << 8)); }
SYSCALL(exit_group) { UNUSED_ARGS(); proc_exit((int)((a & 0xff) << 8)); }
SYSCALL(getpid) { UNUSED_ARGS(); return current->pid; }
SYSCALL(gettid) { UNUSED_ARGS(); return current->pid; }
SYSCALL(getppid) { UNUSED_ARGS(); return current->parent ? current->parent->pid : 0; }
SYSCALL(getpgrp) { UNUSED_ARGS(); return current->pgid; }

static struct proc *self_or(int pid)
{
    return pid == 0 ? current : proc_find(pid);
}

SYSCALL(getpgid)
{
    struct proc *p = self_or((int)a);

    UNUSED_ARGS();
    return p ? p->pgid : -ESRCH;
}

SYSCALL(getsid)
{
    struct proc *p = self_or((int)a);

    UNUSED_ARGS();
    return p ? p->sid : -ESRCH;
}

SYSCALL(setpgid)
{
    struct proc *p = self_or((int)a);
    int pgid = (int)b ? (int)b : p ? p->pid : 0;

    UNUSED_ARGS();
    if ( (int)b < 0 )
        return -EINVAL;
    if ( !p || (p != current && p->parent != current) )
        return -ESRCH;
    if ( p->sid == p->pid || p->sid != current->sid )
        return -EPERM;                          /* a session leader; another session */
    if ( pgid != p->pid )
    {
        bool exists = false;

        for ( unsigned int i = 0; i < MAX_PROCS; i++ )
            exists |= proc_slot(i)->state != P_FREE && proc_slot(i)->pgid == pgid &&
                      proc_slot(i)->sid == current->sid;
        if ( !exists )
            return -EPERM;
    }
    p->pgid = pgid;
    return 0;
}

SYSCALL(setsid)
{
    UNUSED_ARGS();
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( proc_slot(i)->state != P_FREE && proc_slot(i)->pgid == current->pid )
            return -EPERM;                      /* already a group leader */
    current->pgid = current->sid = current->pid;
    return current->pid;
}
