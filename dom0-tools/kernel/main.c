/*
 * The control-domain kernel's start (docs/dom0-kernel.md): events and the
 * console, the trap table and the syscall callback, the initramfs (the
 * domain's module, a newc cpio), then /init - or init=PATH from the command
 * line, with the words after "--" as its arguments - as pid 1 with the
 * console on descriptors 0, 1 and 2; the boot context then becomes the idle
 * loop (sched.c). When init exits, the kernel ends every other process,
 * checks that every frame they used is back, says how init ended, and shuts
 * the domain down: powered off for status 0, crashed otherwise.
 *
 * The trap handler is where user mode is interrupted: an event (the timer
 * may end the running process's slice: it is preempted there), or a fault
 * (its signal). Either way, pending signals are delivered before the return.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra-guest/traps.h>
#include <hv/lib.h>
#include "kernel.h"

#define MAX_INIT_ARGS   32
#define FLAT_USER_CS    0xe033
#define FLAT_USER_SS    0xe02b      /* also the kernel's: ring 3 either way */

extern const char __syscall_entry[];
static bool timer_fired;

static void on_timer(unsigned int port) { (void)port; timer_fired = true; }

/* back to user mode from a trap: preemption, then signals, on struct uregs */
static void user_return(struct kit_trap_frame *f)
{
    struct uregs r = {
        .r15 = f->r15, .r14 = f->r14, .r13 = f->r13, .r12 = f->r12, .rbp = f->rbp,
        .rbx = f->rbx, .r11 = f->r11, .r10 = f->r10, .r9 = f->r9, .r8 = f->r8, .rax = f->rax,
        .rcx = f->rcx, .rdx = f->rdx, .rsi = f->rsi, .rdi = f->rdi, .rip = f->rip,
        .cs = f->cs, .rflags = f->rflags, .rsp = f->rsp, .ss = f->ss,
    };

    events_mask();
    sched_preempt();
    signal_deliver(&r, NULL);
    f->r15 = r.r15; f->r14 = r.r14; f->r13 = r.r13; f->r12 = r.r12; f->rbp = r.rbp;
    f->rbx = r.rbx; f->r11 = r.r11; f->r10 = r.r10; f->r9 = r.r9; f->r8 = r.r8;
    f->rax = r.rax; f->rcx = r.rcx; f->rdx = r.rdx; f->rsi = r.rsi; f->rdi = r.rdi;
    f->rip = r.rip; f->rflags = r.rflags; f->rsp = r.rsp;
}

static void on_trap(struct kit_trap_frame *f)
{
    bool user = (f->cs & 3) == 3 && current && current->mm;

    if ( f->vector == KIT_EVENT_VECTOR )
    {
        kit_events_dispatch();
        sched_event(timer_fired);
        timer_fired = false;
        if ( user )
            user_return(f);
        return;
    }
    if ( user )
    {
        user_fault((unsigned int)f->vector, f->error_code, f->rip, kit_vcpu_info->arch.cr2);
        return user_return(f);
    }
    printf("dom0: kernel trap %lu at %#lx, error %#lx, cr2 %#lx\n", (unsigned long)f->vector,
           (unsigned long)f->rip, (unsigned long)f->error_code, (unsigned long)kit_vcpu_info->arch.cr2);
    shutdown(PV_SHUTDOWN_crash);
}

/* the next space-separated word of *p, NUL-terminated in place */
static char *next_word(char **p)
{
    char *w = *p;

    while ( *w == ' ' )
        w++;
    if ( !*w )
        return NULL;
    *p = w;
    while ( **p && **p != ' ' )
        (*p)++;
    if ( **p )
        *(*p)++ = '\0';
    return w;
}

/* "init=PATH ... -- ARGS": the program and its arguments (argv[0] = PATH) */
static const char *parse_cmdline(char *line, char **argv)
{
    const char *init = "/init";
    unsigned int argc = 1;
    bool args = false;

    for ( char *w = next_word(&line); w; w = next_word(&line) )
    {
        if ( args && argc < MAX_INIT_ARGS - 1 )
            argv[argc++] = w;
        else if ( strcmp(w, "--") == 0 )
            args = true;
        else if ( strncmp(w, "init=", 5) == 0 )
            init = w + 5;
    }
    argv[0] = (char *)init;
    argv[argc] = NULL;
    return init;
}

int main(void)
{
    static char cmdline[sizeof(start_info->cmd_line) + 1];
    char *argv[MAX_INIT_ARGS], *envp[] = { "HOME=/", "TERM=linux", "PATH=/sbin:/bin", NULL };
    const void *initrd = (const void *)start_info->mod_start;
    struct uregs regs;
    struct file *console;
    struct inode *cons;
    struct proc *init;
    unsigned long free_before;
    const char *init_path;
    long port, rc;

    frames_init();
    if ( kheap_init() )
    {
        printf("dom0: cannot make the kernel heap's page tables\n");
        return 1;
    }
    sched_init();
    kit_events_init(kit_spare_page(0));
    kit_trap_handler = on_trap;
    if ( (port = kit_bind_virq(PV_VIRQ_TIMER)) >= 0 )
        kit_bind_handler((unsigned int)port, on_timer);
    console_init();
    if ( kit_register_syscall_at(__syscall_entry) )
    {
        printf("dom0: cannot register the syscall callback\n");
        return 1;
    }
    if ( start_info->flags & PV_SIF_MOD_START_PFN )
        initrd = pfn_to_virt(start_info->mod_start);
    fs_init(start_info->mod_len ? initrd : NULL, start_info->mod_len);

    memcpy(cmdline, start_info->cmd_line, sizeof(start_info->cmd_line));
    init_path = parse_cmdline(cmdline, argv);
    printf("dom0: Sierra control domain kernel, %lu MiB free, starting %s\n",
           frames_free_count() / 256, init_path);

    free_before = frames_free_count();
    if ( !(init = proc_new(NULL)) || fs_lookup(fs_root(), "/dev/console", &cons) ||
         !(console = file_open(cons, O_RDWR)) )
        return 1;
    init->cwd = fs_root();
    console->refs = 3;
    init->fd[0] = init->fd[1] = init->fd[2] = console;
    if ( (rc = exec_load(init, init_path, argv, envp, &regs)) )
    {
        printf("dom0: cannot run %s: error %ld\n", init_path, -rc);
        return 1;
    }
    regs.cs = FLAT_USER_CS;
    regs.ss = FLAT_USER_SS;
    proc_start(init, &regs);
    sched_idle();                       /* until init has exited */

    proc_kill_all();
    mm_activate(NULL);
    if ( init_status & 0x7f )
        printf("dom0: %s killed by signal %d\n", init_path, init_status & 0x7f);
    else
        printf("dom0: %s exited with status %d\n", init_path, (init_status >> 8) & 0xff);
    printf("dom0: %s frame the process used is back (%lu free)\n",
           frames_free_count() + kheap_in_use() == free_before ? "every" : "NOT every",
           frames_free_count());
    return init_status == 0 ? 0 : 1;
}
