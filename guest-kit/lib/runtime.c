/*
 * The kit's C runtime: remember start_info, run main(), shut down with its
 * verdict; console output through console_io (the dom0 console - the only
 * one a kit guest started as dom0 has), formatted by the hypervisor's own
 * vsnprintf (hypervisor/common/vsnprintf.c, compiled into the kit too).
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <hv/lib.h>

struct pv_start_info *start_info;

void console_write(const char *s, size_t len)
{
    hyp_console_io(PV_CONSOLEIO_write, (int)len, s);
}

int printf(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    return n;
}

static int checks_run, checks_bad;

int check(int ok, const char *fmt, ...)
{
    char what[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    checks_run++;
    if ( !ok )
        checks_bad++;
    printf("%s %d - %s\n", ok ? "ok" : "not ok", checks_run, what);
    return ok;
}

int checks_failed(void)
{
    return checks_bad;
}

void shutdown(unsigned int reason)
{
    struct pv_sched_shutdown sd = { .reason = reason };

    for ( ;; )
        hyp_sched_op(PV_SCHEDOP_shutdown, &sd);
}

void __attribute__((noreturn)) kit_start(struct pv_start_info *si);
void kit_start(struct pv_start_info *si)
{
    start_info = si;
    shutdown(main() == 0 ? PV_SHUTDOWN_poweroff : PV_SHUTDOWN_crash);
}

unsigned long kit_median(unsigned long *v, unsigned int n)
{
    for ( unsigned int i = 1; i < n; i++ )      /* insertion sort: a few values */
        for ( unsigned int j = i; j > 0 && v[j - 1] > v[j]; j-- )
        {
            unsigned long x = v[j];

            v[j] = v[j - 1];
            v[j - 1] = x;
        }
    return v[n / 2];
}
