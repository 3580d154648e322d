/*
 * The control-domain kernel's start (docs/dom0-kernel.md): events and the
 * console, the trap table and the syscall callback, the initramfs (the
 * domain's module, a newc cpio), then /init - or init=PATH from the command
 * line, with the words after "--" as its arguments - as pid 1 with the
 * console on descriptors 0, 1 and 2. When it exits, the kernel checks that
 * every frame the process used is back, says how it ended, and shuts the
 * domain down: powered off for status 0, crashed otherwise.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra-guest/traps.h>
#include <hv/lib.h>
#include "kernel.h"

#define MAX_INIT_ARGS   32
#define ENTRY_STACK     32768
#define FLAT_USER_CS    0xe033
#define FLAT_USER_SS    0xe02b      /* also the kernel's: ring 3 either way */

extern const char __syscall_entry[];
struct proc *current;
static struct proc init_proc;
static uint8_t entry_stack[ENTRY_STACK] __attribute__((aligned(16)));

static void on_timer(unsigned int port) { (void)port; }

static void on_trap(struct kit_trap_frame *f)
{
    if ( f->vector == KIT_EVENT_VECTOR )
        return kit_events_dispatch();
    if ( (f->cs & 3) == 3 && current )
    {
        struct uregs r = { .rip = f->rip, .rsp = f->rsp };

        user_fault(&r, (unsigned int)f->vector, f->error_code, kit_vcpu_info->arch.cr2);
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
    unsigned long free_before;
    const char *init;
    long port, rc;
    int status;

    frames_init();
    kit_events_init(kit_spare_page(0));
    kit_trap_handler = on_trap;
    if ( (port = kit_bind_virq(PV_VIRQ_TIMER)) >= 0 )
        kit_bind_handler((unsigned int)port, on_timer);
    console_init();
    if ( hyp_stack_switch(FLAT_USER_SS, (unsigned long)entry_stack + ENTRY_STACK) ||
         kit_register_syscall_at(__syscall_entry) )
    {
        printf("dom0: cannot set up the entry stack and the syscall callback\n");
        return 1;
    }
    if ( start_info->flags & PV_SIF_MOD_START_PFN )
        initrd = pfn_to_virt(start_info->mod_start);
    fs_init(start_info->mod_len ? initrd : NULL, start_info->mod_len);

    memcpy(cmdline, start_info->cmd_line, sizeof(start_info->cmd_line));
    init = parse_cmdline(cmdline, argv);
    printf("dom0: Sierra control domain kernel, %lu MiB free, starting %s\n",
           frames_free_count() / 256, init);

    current = &init_proc;
    init_proc = (struct proc){ .pid = 1, .ppid = 0, .cwd = fs_root(), .umask = 022 };
    if ( fs_lookup(fs_root(), "/dev/console", &cons) || !(console = file_open(cons, O_RDWR)) )
        return 1;
    console->refs = 3;
    init_proc.fd[0] = init_proc.fd[1] = init_proc.fd[2] = console;
    free_before = frames_free_count();
    if ( (rc = exec_load(&init_proc, init, argv, envp, &regs)) )
    {
        printf("dom0: cannot run %s: error %ld\n", init, -rc);
        return 1;
    }
    regs.cs = FLAT_USER_CS;
    regs.ss = FLAT_USER_SS;
    status = run_user(&regs);
    mm_destroy(&init_proc.mm);
    if ( status & 0x7f )
        printf("dom0: %s killed by signal %d\n", init, status & 0x7f);
    else
        printf("dom0: %s exited with status %d\n", init, (status >> 8) & 0xff);
    printf("dom0: %s frame the process used is back (%lu free)\n",
           frames_free_count() == free_before ? "every" : "NOT every", frames_free_count());
    return status == 0 ? 0 : 1;
}
