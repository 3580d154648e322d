/*
 * The console relay and the lifecycle actions, run inside the long-lived
 * `sierra shell` (between commands, and while it waits for input) and by
 * `sierra console` while it shows a console; dom0 needs no separate daemon.
 * relay_poll() visits every domU:
 *   - its console ring (found through domctl get_rings, mapped once through
 *     privcmd) is drained into /var/log/sierra/console/NAME.log, which
 *     `create` starts afresh for each new domain and `console` shows and
 *     follows;
 *   - once it has shut down, what its definition says for that reason is
 *     done, as xl does: on_poweroff / on_reboot / on_crash = destroy (the
 *     default for poweroff and crash), restart (the default for reboot:
 *     destroyed and created again from the kept definition) or preserve
 *     (left as it is, for inspection). Suspend and domains with no kept
 *     definition are left alone.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sierra/console.h>
#include <sierra/sched.h>
#include "../lib/domain-config.h"
#include "hv.h"
#include "sierra.h"

#define MAX_DOMAINS 256
#define SLOTS       16

struct watched {
    bool used, seen, acted;
    uint16_t domid;
    char name[SIERRA_DOMAIN_NAME_LEN];
    struct pv_xencons_interface *ring;      /* NULL: none (yet) */
};

static struct watched slots[SLOTS];
static int privcmd = -1;

void relay_log_path(const char *name, char *out, size_t len)
{
    snprintf(out, len, RELAY_LOG_DIR "/%s.log", name);
}

void relay_new_log(const char *name)
{
    char path[128];
    FILE *f;

    mkdir("/var", 0755);
    mkdir("/var/log", 0755);
    mkdir("/var/log/sierra", 0755);
    mkdir(RELAY_LOG_DIR, 0755);
    relay_log_path(name, path, sizeof(path));
    if ( (f = fopen(path, "w")) )
        fclose(f);
}

static struct watched *slot_for(const struct sierra_domctl_getdomaininfo *d)
{
    struct watched *free_slot = NULL;

    for ( unsigned int i = 0; i < SLOTS; i++ )
    {
        if ( slots[i].used && slots[i].domid == d->domid && !strcmp(slots[i].name, d->name) )
            return &slots[i];
        if ( !slots[i].used && !free_slot )
            free_slot = &slots[i];
    }
    if ( free_slot )
    {
        memset(free_slot, 0, sizeof(*free_slot));
        free_slot->used = true;
        free_slot->domid = d->domid;
        memcpy(free_slot->name, d->name, sizeof(free_slot->name));
    }
    return free_slot;
}

static void map_ring(struct watched *w)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_get_rings, .domain = w->domid };
    void *p;

    if ( hv_domctl(&op) < 0 || !op.u.rings.console_gfn )
        return;
    p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, privcmd, 0);
    if ( p == MAP_FAILED )
        return;
    if ( hv_map_foreign(privcmd, p, w->domid, op.u.rings.console_gfn) )
        munmap(p, 4096);
    else
        w->ring = p;
}

static void drain(struct watched *w)
{
    struct pv_xencons_interface *r = w->ring;
    PV_XENCONS_RING_IDX cons = r->out_cons, prod = __atomic_load_n(&r->out_prod, __ATOMIC_ACQUIRE);
    char path[128];
    FILE *log;

    if ( cons == prod )
        return;
    if ( prod - cons > sizeof(r->out) )
        cons = prod - sizeof(r->out);       /* a bad index from the guest: the last ring's worth */
    relay_log_path(w->name, path, sizeof(path));
    if ( !(log = fopen(path, "a")) )
        return;
    for ( ; cons != prod; cons++ )
        fputc(r->out[PV_MASK_XENCONS_IDX(cons, r->out)], log);
    fclose(log);
    __atomic_store_n(&r->out_cons, cons, __ATOMIC_RELEASE);
}

static void act(struct watched *w, const struct sierra_domctl_getdomaininfo *d)
{
    static const char *const reasons[] = { "powered off", "rebooted", "suspended", "crashed",
                                           "stopped by its watchdog", "soft-reset" };
    static struct dom_config c;
    struct dom_load_opts o = { .lenient = true, .diag = cli_diag };
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_destroydomain, .domain = d->domid };
    char def[128], *argv[1] = { def };
    enum dom_action a;
    const char *rule;

    w->acted = true;
    definition_path(d->name, def, sizeof(def));
    if ( d->shutdown_reason == PV_SHUTDOWN_suspend || access(def, R_OK) ||
         domain_config_load(def, &o, &c) )
        return;
    a = d->shutdown_reason == PV_SHUTDOWN_reboot ? c.on_reboot :
        d->shutdown_reason == PV_SHUTDOWN_poweroff ? c.on_poweroff : c.on_crash;
    rule = d->shutdown_reason == PV_SHUTDOWN_reboot ? "on_reboot" :
           d->shutdown_reason == PV_SHUTDOWN_poweroff ? "on_poweroff" : "on_crash";
    printf("sierra: %s %s: %s (%s)\n", d->name,
           d->shutdown_reason <= PV_SHUTDOWN_MAX ? reasons[d->shutdown_reason] : "shut down",
           a == DOM_ACT_PRESERVE ? "preserved" : a == DOM_ACT_RESTART ? "restarting" : "destroyed",
           rule);
    fflush(stdout);
    if ( a == DOM_ACT_PRESERVE )
        return;
    relay_forget(d->domid);
    if ( hv_domctl(&op) < 0 )
        return;
    if ( a == DOM_ACT_RESTART )
        cmd_create(&(struct cli){ 0 }, 1, argv);
    else
        definition_forget(d->name);
}

void relay_poll(void)
{
    static struct sierra_domctl_getdomaininfo d[MAX_DOMAINS];
    long n;

    if ( privcmd < 0 && (privcmd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC)) < 0 )
        return;
    if ( (n = hv_domains(d, MAX_DOMAINS)) < 0 )
        return;
    for ( unsigned int i = 0; i < SLOTS; i++ )
        slots[i].seen = false;
    for ( long i = 0; i < n; i++ )
    {
        struct watched *w;

        if ( !d[i].domid || !(w = slot_for(&d[i])) )
            continue;
        w->seen = true;
        if ( !w->ring )
            map_ring(w);
        if ( w->ring )
            drain(w);
        if ( (d[i].flags & SIERRA_DOMINF_shutdown) && !w->acted )
            act(w, &d[i]);
    }
    for ( unsigned int i = 0; i < SLOTS; i++ )
        if ( slots[i].used && !slots[i].seen )
        {
            if ( slots[i].ring )
                munmap(slots[i].ring, 4096);
            slots[i].used = false;
        }
}

/* before a destroy: the last output to the log, and the ring unmapped, so
 * that every frame of the domain goes back at once */
void relay_forget(uint16_t domid)
{
    for ( unsigned int i = 0; i < SLOTS; i++ )
        if ( slots[i].used && slots[i].domid == domid )
        {
            if ( slots[i].ring )
            {
                drain(&slots[i]);
                munmap(slots[i].ring, 4096);
            }
            slots[i].used = false;
        }
}

/* the console's ring, mapped by the relay: for input; NULL if none */
struct pv_xencons_interface *relay_ring(uint16_t domid)
{
    for ( unsigned int i = 0; i < SLOTS; i++ )
        if ( slots[i].used && slots[i].domid == domid )
            return slots[i].ring;
    return NULL;
}
