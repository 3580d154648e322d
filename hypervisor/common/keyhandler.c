/*
 * Debug keys on the serial console, in the spirit of Xen's: a table of
 * key -> handler, polled while the hypervisor has nothing else to run. They
 * let an operator (and `make run`) look at memory, audit the frame table and
 * power the machine off.
 */
#include <hv/console.h>
#include <hv/keyhandler.h>
#include <hv/mm.h>
#include <hv/power.h>
#include <hv/printk.h>
#include <asm/x86.h>

static void key_help(void);

void print_memory_summary(void)
{
    struct frame_audit a;

    frame_audit(frame_table, nr_frames, &a);
    pr_info("memory: %lu free frames (%lu MiB), %lu allocated, %lu reserved\n",
            (unsigned long)heap.free_frames, (unsigned long)(heap.free_frames >> 8),
            (unsigned long)a.allocated, (unsigned long)a.reserved);
}

static void key_audit(void)
{
    struct frame_audit a;
    u64 errors = frame_audit(frame_table, nr_frames, &a) + buddy_check(&heap);

    pr_info("frame audit: %lu frames, %lu free, %lu allocated (%lu hypervisor), "
            "%lu reserved, %lu errors\n", (unsigned long)nr_frames, (unsigned long)a.free,
            (unsigned long)a.allocated, (unsigned long)a.owned_by_xen,
            (unsigned long)a.reserved, (unsigned long)errors);
}

static void key_poweroff(void)
{
    machine_poweroff(EXIT_PASS);
}

static const struct {
    char key;
    void (*handler)(void);
    const char *help;
} keys[] = {
    { 'h', key_help, "list the debug keys" },
    { 'm', print_memory_summary, "memory summary" },
    { 'a', key_audit, "audit the frame table" },
    { 'q', key_poweroff, "power off" },
};

static void key_help(void)
{
    for ( unsigned int i = 0; i < ARRAY_SIZE(keys); i++ )
        pr_info("  '%c'  %s\n", keys[i].key, keys[i].help);
}

void debug_key(int c)
{
    for ( unsigned int i = 0; i < ARRAY_SIZE(keys); i++ )
        if ( keys[i].key == c )
            keys[i].handler();
}

void debug_key_loop(void)
{
    pr_info("nothing to run; debug keys active on the console ('h' for help)\n");
    for ( ;; )
    {
        int c = uart_getc();

        if ( c < 0 )
        {
            cpu_relax();
            continue;
        }
        debug_key(c);
    }
}
