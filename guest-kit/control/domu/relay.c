/*
 * The console relay of the domu control guest: what a running domU writes
 * into its console ring (the page and event channel the builder gave it)
 * is printed here, a line at a time, as "[dN] line" - dom0 saying which
 * domain wrote it. The ring is mapped with update_va_mapping_otherdomain;
 * the domU's port is bound to one of ours, whose events drain the ring.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/console.h>
#include <hv/lib.h>
#include "relay.h"

static struct pv_xencons_interface *ring;
static unsigned int domid, local_port;
static char line[256];
static unsigned int line_len;

static void drain(unsigned int port)
{
    PV_XENCONS_RING_IDX cons, prod;

    (void)port;
    if ( !ring )
        return;
    cons = ring->out_cons;
    prod = __atomic_load_n(&ring->out_prod, __ATOMIC_ACQUIRE);
    for ( ; cons != prod; cons++ )
    {
        char c = ring->out[PV_MASK_XENCONS_IDX(cons, ring->out)];

        if ( c != '\n' && line_len < sizeof(line) - 1 )
            line[line_len++] = c;
        if ( c == '\n' || line_len == sizeof(line) - 1 )
        {
            printf("[d%u] %.*s\n", domid, (int)line_len, line);
            line_len = 0;
        }
    }
    __atomic_store_n(&ring->out_cons, cons, __ATOMIC_RELEASE);
}

long relay_start(unsigned int dom, unsigned long console_mfn, unsigned int console_port, void *window)
{
    struct pv_evtchn_bind_interdomain b = { .remote_dom = (uint16_t)dom, .remote_port = console_port };
    long rc;

    if ( (rc = HC(PV_HYPERCALL_update_va_mapping_otherdomain, window, (console_mfn << 12) | 0x67,
                  PV_UVMF_INVLPG, dom, 0)) )
        return rc;
    if ( (rc = hyp_event_channel_op(PV_EVTCHNOP_bind_interdomain, &b)) )
        return rc;
    domid = dom;
    local_port = b.local_port;
    line_len = 0;
    ring = window;
    kit_bind_handler(local_port, drain);
    return 0;
}

void relay_stop(void)
{
    struct pv_evtchn_close c = { .port = local_port };
    void *window = ring;

    drain(0);
    if ( line_len )
        printf("[d%u] %.*s\n", domid, (int)line_len, line);
    ring = NULL;
    kit_bind_handler(local_port, NULL);
    hyp_event_channel_op(PV_EVTCHNOP_close, &c);
    hyp_update_va_mapping((unsigned long)window, 0, PV_UVMF_INVLPG);
}
