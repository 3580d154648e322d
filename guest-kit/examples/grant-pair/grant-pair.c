/*
 * grant-pair: two domains sharing a page through a grant, the way split
 * drivers do. The same kernel runs on both sides, told its part on the
 * command line (there is no xenstore to publish through yet):
 *   role=offer peer=D   writes a message into a page, grants domain D
 *                       access to it, allocates an event channel for D,
 *                       then waits for D's event and reads D's reply from
 *                       the page; the grant ends once D has unmapped it.
 *   role=map peer=D     finds the grant D made for it (a map of a reference
 *                       not granted to it fails, so it tries them in turn),
 *                       reads the message, writes its reply, unmaps, then
 *                       finds the port D allocated for it (binding any other
 *                       fails) and sends the event.
 * Both retry for a few seconds, so either may start first (an event
 * channel can only be allocated for a domain that exists). Run by
 * tests/boot/grant-pair.t: `sierra create` in dom0 starts both.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/grant.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <sierra/event-channel.h>
#include <hv/lib.h>

#define FIRST_REF   8                   /* below: reserved by the ABI */
#define LAST_REF    64
#define LAST_PORT   64
#define PATIENCE_NS 5000000000UL

static volatile unsigned int events;
static char *page;

static void on_event(unsigned int port)
{
    (void)port;
    events++;
}

/* where word (key=) starts a word of the command line, or NULL */
static const char *find(const char *word)
{
    const char *line = (const char *)start_info->cmd_line;
    size_t n = strlen(word);

    for ( const char *s = line; *s; s++ )
        if ( (s == line || s[-1] == ' ') && !strncmp(s, word, n) )
            return s + n;
    return NULL;
}

/* the decimal value of key=N, or -1 */
static long arg(const char *key)
{
    const char *s = find(key);
    long v = 0;

    if ( !s || *s < '0' || *s > '9' )
        return -1;
    for ( ; *s >= '0' && *s <= '9'; s++ )
        v = v * 10 + (*s - '0');
    return v;
}

static bool has(const char *word)
{
    const char *s = find(word);

    return s && (!*s || *s == ' ');
}

static bool patient(unsigned long start)
{
    hyp_sched_op(PV_SCHEDOP_yield, 0);
    return kit_system_time_ns() - start < PATIENCE_NS;
}

static int offer(uint16_t peer)
{
    struct pv_evtchn_alloc_unbound a = { .dom = PV_DOMID_SELF, .remote_dom = peer };
    long ref, rc;

    unsigned long start = kit_system_time_ns();

    snprintf(page, 4096, "a page granted to domain %u", peer);
    if ( (ref = kit_grant_access(peer, virt_to_mfn(page), 0)) < 0 )
    {
        printf("grant-pair: cannot grant (%ld)\n", ref);
        return 1;
    }
    /* a port for a domain that does not exist yet: -ESRCH, so wait for it */
    while ( (rc = hyp_event_channel_op(PV_EVTCHNOP_alloc_unbound, &a)) == -PV_ESRCH &&
            patient(start) )
        ;
    if ( rc )
    {
        printf("grant-pair: no event channel for domain %u (%ld)\n", peer, rc);
        return 1;
    }
    kit_bind_handler(a.port, on_event);
    printf("grant-pair: offered ref %ld and an event channel to domain %u\n", ref, peer);
    kit_wait_until(&events, 1);
    printf("grant-pair: domain %u answered: %s\n", peer, page);
    rc = kit_grant_end((uint32_t)ref);
    printf("grant-pair: grant ended: %ld\n", rc);
    return rc ? 1 : 0;
}

static int map(uint16_t peer)
{
    struct pv_evtchn_bind_interdomain b = { .remote_dom = peer };
    struct pv_evtchn_send s;
    unsigned long start = kit_system_time_ns();
    uint32_t ref = 0, handle;
    long rc = -1;

    hyp_update_va_mapping((unsigned long)page, 0, PV_UVMF_INVLPG);     /* room for the map */
    do
        for ( ref = FIRST_REF; ref <= LAST_REF; ref++ )
            if ( (rc = kit_grant_map(peer, ref, page, 0, &handle)) == PV_GNTST_okay )
                break;
    while ( rc != PV_GNTST_okay && patient(start) );
    if ( rc != PV_GNTST_okay )
    {
        printf("grant-pair: no grant from domain %u (%ld)\n", peer, rc);
        return 1;
    }
    printf("grant-pair: mapped ref %u of domain %u: %s\n", ref, peer, page);
    snprintf(page, 4096, "thanks from the mapping side");
    kit_grant_unmap(page, handle);
    do
        for ( b.remote_port = 1; b.remote_port <= LAST_PORT; b.remote_port++ )
            if ( !(rc = hyp_event_channel_op(PV_EVTCHNOP_bind_interdomain, &b)) )
                break;
    while ( rc && patient(start) );
    s.port = b.local_port;
    if ( rc || hyp_event_channel_op(PV_EVTCHNOP_send, &s) )
    {
        printf("grant-pair: no event channel from domain %u (%ld)\n", peer, rc);
        return 1;
    }
    printf("grant-pair: replied and notified domain %u\n", peer);
    return 0;
}

int main(void)
{
    long peer = arg("peer=");

    page = kit_spare_page(2);
    kit_events_init(kit_spare_page(0));
    kit_grant_init(kit_spare_page(1));
    if ( peer < 0 || (!has("role=offer") && !has("role=map")) )
    {
        printf("grant-pair: usage: role=offer|map peer=DOMID\n");
        return 1;
    }
    return has("role=offer") ? offer((uint16_t)peer) : map((uint16_t)peer);
}
