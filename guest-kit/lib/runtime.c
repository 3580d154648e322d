/*
 * The kit's C runtime: remember start_info, run main(), shut down with its
 * verdict; console output through console_io as dom0 (the machine's
 * console), and as a domU through the console ring and event channel the
 * builder gave it (Xen refuses console_io to domUs), formatted by the
 * hypervisor's own vsnprintf (hypervisor/common/vsnprintf.c, compiled in).
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/console.h>
#include <hv/lib.h>

struct pv_start_info *start_info;

#define RING_WAIT_YIELDS 1000     /* then nobody is reading: the rest is dropped */

/* a domU's console: the ring the builder set up, and its event channel */
static void ring_write(struct pv_xencons_interface *r, const char *s, size_t len)
{
    struct pv_evtchn_send notify = { .port = start_info->console.domU.evtchn };
    unsigned int waited = 0;

    while ( len )
    {
        PV_XENCONS_RING_IDX cons = __atomic_load_n(&r->out_cons, __ATOMIC_ACQUIRE), prod = r->out_prod;
        size_t n = 0;

        while ( n < len && prod - cons < sizeof(r->out) )
            r->out[PV_MASK_XENCONS_IDX(prod++, r->out)] = s[n++];
        __atomic_store_n(&r->out_prod, prod, __ATOMIC_RELEASE);
        hyp_event_channel_op(PV_EVTCHNOP_send, &notify);
        s += n;
        len -= n;
        if ( len && n == 0 )
        {
            if ( ++waited == RING_WAIT_YIELDS )
                return;
            hyp_sched_op(PV_SCHEDOP_yield, 0);
        }
    }
}

void console_write(const char *s, size_t len)
{
    if ( !(start_info->flags & PV_SIF_INITDOMAIN) && start_info->console.domU.mfn )
        ring_write(pfn_to_virt(mfn_to_pfn(start_info->console.domU.mfn)), s, len);
    else
        hyp_console_io(PV_CONSOLEIO_write, (int)len, s);
}

/* what has been typed for us, without waiting: a domU's console ring's
 * input half (then the relay is told there is room again), dom0's
 * CONSOLEIO_read */
size_t kit_console_read(char *buf, size_t len)
{
    struct pv_evtchn_send notify = { .port = start_info->console.domU.evtchn };
    struct pv_xencons_interface *r;
    PV_XENCONS_RING_IDX cons, prod;
    size_t n = 0;
    long got;

    if ( (start_info->flags & PV_SIF_INITDOMAIN) || !start_info->console.domU.mfn )
    {
        got = hyp_console_io(PV_CONSOLEIO_read, (int)len, buf);
        return got > 0 ? (size_t)got : 0;
    }
    r = pfn_to_virt(mfn_to_pfn(start_info->console.domU.mfn));
    cons = r->in_cons;
    prod = __atomic_load_n(&r->in_prod, __ATOMIC_ACQUIRE);
    if ( prod - cons > sizeof(r->in) )
        cons = prod;                    /* a bad index from the other side: drop it all */
    while ( n < len && cons != prod )
        buf[n++] = r->in[PV_MASK_XENCONS_IDX(cons++, r->in)];
    __atomic_store_n(&r->in_cons, cons, __ATOMIC_RELEASE);
    if ( n )
        hyp_event_channel_op(PV_EVTCHNOP_send, &notify);
    return n;
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
