/*
 * Signals, as Linux delivers them on x86-64. Sending sets a pending bit and
 * wakes the process, unless the signal would be ignored anyway (SIG_IGN, or
 * a default action of "ignore"; init, pid 1, ignores every signal it has no
 * handler for, SIGKILL included, as Linux's init does). Delivery happens on
 * the way back to user mode - after a system call or an interrupted user
 * instruction - for the lowest pending signal not blocked:
 *   - default action: terminate (the wait status carries the signal), or
 *     nothing for SIGCHLD, SIGURG, SIGWINCH, SIGCONT and - no job control
 *     here - the stop signals;
 *   - a handler: Linux's rt_sigframe is built on the user stack under the
 *     red zone (return address = sa_restorer, then ucontext with the saved
 *     registers in sigcontext order, the old mask and a pointer to the
 *     FXSAVE image, then siginfo), and the handler runs with RDI = signal,
 *     RSI = &siginfo, RDX = &ucontext and the signal (unless SA_NODEFER) and
 *     sa_mask blocked. rt_sigreturn restores all of it.
 * A system call a signal interrupted (-ERESTARTSYS) is restarted when no
 * handler runs or the handler has SA_RESTART, and fails with EINTR
 * otherwise. A frame that cannot be written ends the process as SIGSEGV.
 */
#include <sierra-guest/kit.h>
#include <hv/lib.h>
#include "kernel.h"

#define SIGKILL         9
#define SIGSEGV         11
#define SIGSTOP         19
#define SA_RESTORER     0x04000000UL
#define SA_RESTART      0x10000000UL
#define SA_NODEFER      0x40000000UL
#define SA_RESETHAND    0x80000000UL
#define SIG_DFL         0
#define SIG_IGN         1
#define BIT(sig)        (1UL << ((sig) - 1))
#define UNBLOCKABLE     (BIT(SIGKILL) | BIT(SIGSTOP))
#define FLAT_USER_CS    0xe033
#define FLAT_USER_SS    0xe02b
#define USER_FLAGS      0x50dd5UL       /* CF PF AF ZF SF TF DF OF RF AC: what a frame may set */

enum { R8, R9, R10, R11, R12, R13, R14, R15, RDI, RSI, RBP, RBX, RDX, RAX, RCX, RSP, RIP, EFL,
       CSGSFS, ERR, TRAPNO, OLDMASK, CR2, NGREG };

struct ucontext_k {
    uint64_t flags, link;
    uint64_t ss_sp;
    uint32_t ss_flags, pad;
    uint64_t ss_size;
    uint64_t gregs[NGREG];
    uint64_t fpstate;
    uint64_t reserved[8];
    uint64_t sigmask;
};

struct siginfo_k {
    int32_t signo, err, code, pad;
    int32_t pid, uid;                   /* SI_USER; the fault address for faults */
    uint8_t rest[104];
};

struct rt_sigframe {
    uint64_t pretcode;
    struct ucontext_k uc;
    struct siginfo_k info;
};
_Static_assert(sizeof(struct ucontext_k) == 304 && sizeof(struct siginfo_k) == 128, "Linux's layout");

static bool default_ignores(int sig)
{
    return sig == 17 || sig == 18 || sig == 23 || sig == 28 || (sig >= 19 && sig <= 22);
}

static bool is_fault(int sig) { return sig == 4 || sig == 7 || sig == 8 || sig == 11; }

static bool ignored(const struct proc *p, int sig)
{
    uint64_t h = p->sigaction[sig].handler;

    if ( h == SIG_IGN )
        return true;
    return h == SIG_DFL && (default_ignores(sig) || p->pid == 1);
}

void signal_send(struct proc *p, int sig)
{
    if ( !p || sig < 1 || sig > NSIG || p->state == P_FREE || p->state == P_NEW ||
         p->state == P_ZOMBIE || ignored(p, sig) )
        return;
    p->sigpending |= BIT(sig);
    if ( p->state == P_SLEEPING )
        p->state = P_RUNNABLE;
}

void signal_send_group(int pgid, int sig)
{
    for ( unsigned int i = 0; i < MAX_PROCS; i++ )
        if ( proc_slot(i)->pgid == pgid )
            signal_send(proc_slot(i), sig);
}

bool signal_force(int sig)
{
    struct sigaction_k *act = &current->sigaction[sig];

    if ( act->handler == SIG_IGN || (current->sigmask & BIT(sig)) )
        act->handler = SIG_DFL;         /* a fault's signal cannot be ignored or blocked */
    current->sigmask &= ~BIT(sig);
    current->sigpending |= BIT(sig);
    return act->handler != SIG_DFL;
}

bool signal_pending(const struct proc *p)
{
    return (p->sigpending & ~(p->sigmask & ~UNBLOCKABLE)) != 0;
}

void signal_exec_reset(struct proc *p)
{
    for ( int sig = 1; sig <= NSIG; sig++ )
        if ( p->sigaction[sig].handler != SIG_IGN )
            p->sigaction[sig] = (struct sigaction_k){ 0 };
}

static bool build_frame(struct uregs *r, int sig, const struct sigaction_k *act)
{
    uint8_t fx[512 + 16];
    uint8_t *fxa = (uint8_t *)(((uint64_t)fx + 15) & ~15UL);
    uint64_t fp = ((r->rsp - 128 - sizeof(fx)) & ~63UL);
    uint64_t sp = ((fp - sizeof(struct rt_sigframe)) & ~15UL) - 8;
    struct rt_sigframe f = { .pretcode = act->restorer };
    uint64_t *g = f.uc.gregs;

    if ( !(act->flags & SA_RESTORER) )
        return false;
    __asm__ volatile ( "fxsave %0" : "=m" (*(uint8_t (*)[512])fxa) );
    g[R8] = r->r8; g[R9] = r->r9; g[R10] = r->r10; g[R11] = r->r11; g[R12] = r->r12;
    g[R13] = r->r13; g[R14] = r->r14; g[R15] = r->r15; g[RDI] = r->rdi; g[RSI] = r->rsi;
    g[RBP] = r->rbp; g[RBX] = r->rbx; g[RDX] = r->rdx; g[RAX] = r->rax; g[RCX] = r->rcx;
    g[RSP] = r->rsp; g[RIP] = r->rip; g[EFL] = r->rflags;
    g[CSGSFS] = (r->cs & 0xffff) | ((r->ss & 0xffffUL) << 48);
    f.uc.fpstate = fp;
    f.uc.sigmask = current->sigmask;
    f.info.signo = sig;
    if ( copy_to_user(fp, fxa, 512) || copy_to_user(sp, &f, sizeof(f)) )
        return false;
    r->rdi = (uint64_t)sig;
    r->rsi = sp + offsetof(struct rt_sigframe, info);
    r->rdx = sp + offsetof(struct rt_sigframe, uc);
    r->rax = 0;
    r->rsp = sp;
    r->rip = act->handler;
    r->rflags &= ~0x40500UL;            /* TF, DF, AC clear in the handler */
    current->sigmask |= act->mask | ((act->flags & SA_NODEFER) ? 0 : BIT(sig));
    current->sigmask &= ~UNBLOCKABLE;
    return true;
}

void signal_deliver(struct uregs *r, long *restart_rax)
{
    struct proc *p = current;

    for ( ;; )
    {
        uint64_t ready = p->sigpending & ~(p->sigmask & ~UNBLOCKABLE);
        struct sigaction_k *act;
        int sig;

        if ( !ready )
            break;
        sig = __builtin_ctzl(ready) + 1;
        p->sigpending &= ~BIT(sig);
        act = &p->sigaction[sig];
        if ( sig != SIGKILL && ignored(p, sig) && !(p->pid == 1 && act->handler == SIG_DFL &&
                                                    is_fault(sig)) )
            continue;
        if ( sig == SIGKILL || act->handler == SIG_DFL )
            proc_exit(sig);
        if ( restart_rax && (long)r->rax == -ERESTARTSYS )
        {
            if ( act->flags & SA_RESTART )
            {
                r->rax = (uint64_t)*restart_rax;
                r->rip -= 2;
            }
            else
                r->rax = (uint64_t)-EINTR;
        }
        restart_rax = NULL;
        if ( !build_frame(r, sig, act) )
            proc_exit(SIGSEGV);
        if ( act->flags & SA_RESETHAND )
            act->handler = SIG_DFL;
        break;                          /* one handler at a time */
    }
    if ( restart_rax && (long)r->rax == -ERESTARTSYS )
    {
        r->rax = (uint64_t)*restart_rax;        /* nothing to handle: the call again */
        r->rip -= 2;
    }
}

long signal_return(struct uregs *r)
{
    struct ucontext_k uc;
    uint8_t fx[512 + 16];
    uint8_t *fxa = (uint8_t *)(((uint64_t)fx + 15) & ~15UL);
    const uint64_t *g = uc.gregs;

    if ( copy_from_user(&uc, r->rsp, sizeof(uc)) ||
         (uc.fpstate && copy_from_user(fxa, uc.fpstate, 512)) || (uc.gregs[RIP] >> 47) )
        proc_exit(SIGSEGV);
    if ( uc.fpstate )
    {
        uint32_t *mxcsr = (uint32_t *)(fxa + 24);

        *mxcsr &= 0xffbf;               /* reserved bits would fault FXRSTOR */
        __asm__ volatile ( "fxrstor %0" :: "m" (*(uint8_t (*)[512])fxa) );
    }
    r->r8 = g[R8]; r->r9 = g[R9]; r->r10 = g[R10]; r->r11 = g[R11]; r->r12 = g[R12];
    r->r13 = g[R13]; r->r14 = g[R14]; r->r15 = g[R15]; r->rdi = g[RDI]; r->rsi = g[RSI];
    r->rbp = g[RBP]; r->rbx = g[RBX]; r->rdx = g[RDX]; r->rcx = g[RCX];
    r->rsp = g[RSP]; r->rip = g[RIP];
    r->rflags = (g[EFL] & USER_FLAGS) | 0x202;
    r->cs = FLAT_USER_CS;
    r->ss = FLAT_USER_SS;
    current->sigmask = uc.sigmask & ~UNBLOCKABLE;
    return (long)g[RAX];
}
