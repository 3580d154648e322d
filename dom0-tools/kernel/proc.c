/*
 * The process table. A process is a slot: its address space (shared with
 * its parent while it is a vfork child), descriptors, working directory,
 * signal state, the FPU state and the kernel stack it runs its system calls
 * on. A new process (boot's init, or fork's child) starts on a kernel stack
 * made to look as if it had called switch_context from ret_to_user, with
 * its user registers above: the first switch to it enters user mode.
 *
 * Exit gives back at once what a zombie does not need - descriptors, the
 * address space - hands its children to init, tells the parent (SIGCHLD,
 * or nothing and no zombie when the parent ignores SIGCHLD, as Linux does)
 * and switches away for good; the slot stays a zombie until wait4 reaps it.
 * When init (pid 1) exits, the kernel's boot context ends the others and
 * shuts the domain down.
 */
#include <hv/lib.h>
#include "kernel.h"

#define SIGCHLD         17
#define SA_NOCLDWAIT    2
#define WNOHANG         1
#define PID_MAX         32768

struct proc *current;
static struct proc procs[MAX_PROCS];
static int last_pid;
int init_status;

struct proc *proc_slot(unsigned int i) { return &procs[i]; }

struct proc *proc_find(int pid)
{
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( procs[i].state != P_FREE && procs[i].state != P_NEW && procs[i].pid == pid )
            return &procs[i];
    return NULL;
}

unsigned int proc_count(void)
{
    unsigned int n = 0;

    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        n += procs[i].state != P_FREE;
    return n;
}

static bool pid_used(int pid)
{
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( procs[i].state != P_FREE && (procs[i].pid == pid || procs[i].pgid == pid) )
            return true;
    return false;
}

struct proc *proc_new(struct proc *parent)
{
    struct proc *p = NULL;

    for ( unsigned int i = 0; i < MAX_PROCS && !p; i++ )
        if ( procs[i].state == P_FREE )
            p = &procs[i];
    if ( !p )
        return NULL;
    memset(p, 0, offsetof(struct proc, kstack));
    do
        last_pid = last_pid % PID_MAX + 1;
    while ( pid_used(last_pid) );
    p->pid = last_pid;
    p->state = P_NEW;
    p->umask = 022;
    __asm__ volatile ( "fxsave %0" : "=m" (p->fpu) );  /* the caller's, as fork gives it */
    if ( parent )
    {
        p->parent = parent;
        p->pgid = parent->pgid;
        p->sid = parent->sid;
        p->cwd = parent->cwd;
        p->umask = parent->umask;
        p->fs_base = parent->fs_base;
        p->sigmask = parent->sigmask;
        memcpy(p->sigaction, parent->sigaction, sizeof(p->sigaction));
        for ( unsigned int fd = 0; fd < MAX_FDS; fd++ )
            if ( (p->fd[fd] = parent->fd[fd]) )
            {
                p->fd[fd]->refs++;
                p->cloexec[fd] = parent->cloexec[fd];
            }
    }
    else
        p->pgid = p->sid = p->pid;
    return p;
}

void proc_start(struct proc *p, const struct uregs *regs)
{
    uint64_t top = (uint64_t)p->kstack + KSTACK_SIZE - 64;
    struct uregs *u = (struct uregs *)((top - sizeof(*u)) & ~15UL);
    uint64_t *frame = (uint64_t *)u - 7;        /* r15 ... rbx, then the return address */

    *u = *regs;
    memset(frame, 0, 6 * sizeof(uint64_t));
    frame[6] = (uint64_t)ret_to_user;
    p->uregs = u;
    p->ksp = (uint64_t)frame;
    p->state = P_RUNNABLE;
}

/* what a zombie keeps is its slot and status: the rest goes back now */
static void release(struct proc *p)
{
    for ( unsigned int fd = 0; fd < MAX_FDS; fd++ )
        if ( p->fd[fd] )
        {
            file_put(p->fd[fd]);
            p->fd[fd] = NULL;
        }
    if ( p->mm )
        mm_put(p->mm);
    p->mm = NULL;
}

void proc_discard(struct proc *p)
{
    release(p);
    p->state = P_FREE;
}

void proc_exit(int wait_status)
{
    struct proc *p = current, *init = proc_find(1);
    struct sigaction_k *chld;

    if ( p->tid_address && mm_check(p->mm, p->tid_address, 4, VMA_WRITE) )
        *(volatile uint32_t *)p->tid_address = 0;       /* CLONE_CHILD_CLEARTID */
    release(p);
    p->vfork_parent = NULL;
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( procs[i].state != P_FREE && procs[i].parent == p )
        {
            procs[i].parent = init != p ? init : NULL;
            if ( procs[i].state == P_ZOMBIE && init && init != p )
                signal_send(init, SIGCHLD);
        }
    p->exit_status = wait_status;
    p->state = P_ZOMBIE;
    if ( p->pid == 1 )
    {
        init_status = wait_status;
        init_exited = true;
    }
    else if ( p->parent )
    {
        chld = &p->parent->sigaction[SIGCHLD];
        if ( chld->handler == 1 || (chld->flags & SA_NOCLDWAIT) )
            p->state = P_FREE;          /* nobody will wait: no zombie, as Linux */
        else
            signal_send(p->parent, SIGCHLD);
    }
    else
        p->state = P_FREE;
    sched_wake_all();
    events_mask();
    schedule();                         /* never comes back: not runnable */
    __builtin_unreachable();
}

static bool matches(const struct proc *c, int pid)
{
    return c->parent == current && c->state != P_NEW &&
           (pid == -1 || (pid > 0 && c->pid == pid) || (pid == 0 && c->pgid == current->pgid) ||
            (pid < -1 && c->pgid == -pid));
}

struct wait_for { int pid; };

static bool child_done(void *arg)
{
    const struct wait_for *w = arg;
    bool any = false;

    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( procs[i].state != P_FREE && matches(&procs[i], w->pid) )
        {
            if ( procs[i].state == P_ZOMBIE )
                return true;
            any = true;
        }
    return !any;                        /* none left to wait for: look again, ECHILD */
}

long proc_wait(int pid, uint64_t ustatus, int options)
{
    struct wait_for w = { pid };

    for ( ;; )
    {
        bool any = false;

        for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        {
            struct proc *c = &procs[i];

            if ( c->state == P_FREE || !matches(c, pid) )
                continue;
            any = true;
            if ( c->state == P_ZOMBIE )
            {
                int got = c->pid;

                c->state = P_FREE;      /* reaped even if the status cannot be stored, as Linux */
                if ( ustatus && copy_to_user(ustatus, &c->exit_status, sizeof(int)) )
                    return -EFAULT;
                return got;
            }
        }
        if ( !any )
            return -ECHILD;
        if ( options & WNOHANG )
            return 0;
        if ( wait_event(child_done, &w, 0, true) == -EINTR )
            return -ERESTARTSYS;
    }
}

void proc_kill_all(void)
{
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( procs[i].state != P_FREE )
            proc_discard(&procs[i]);
}
