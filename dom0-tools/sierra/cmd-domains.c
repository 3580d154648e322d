/*
 * The commands about the machine and its domains, shaped like xl's:
 * info, list [-l], domid, domname, pause, unpause, destroy, shutdown [-w],
 * reboot. Domains are named by name or ID everywhere. `list` prints xl's
 * columns (Name, ID, Mem, VCPUs, State, Time(s)); --json gives the same data.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sierra/hypercall.h>
#include <sierra/sched.h>
#include <sierra/xenver.h>
#include "hv.h"
#include "sierra.h"

#define MAX_DOMAINS 256

/* xl's state letters: running, blocked, paused, shutdown, crashed, dying */
static void state_of(const struct sierra_domctl_getdomaininfo *d, char s[7])
{
    bool down = d->flags & SIERRA_DOMINF_shutdown;

    snprintf(s, 7, "%c%c%c%c%c%c", (d->flags & SIERRA_DOMINF_running) ? 'r' : '-',
             (d->flags & SIERRA_DOMINF_blocked) ? 'b' : '-', (d->flags & SIERRA_DOMINF_paused) ? 'p' : '-',
             down && d->shutdown_reason != PV_SHUTDOWN_crash ? 's' : '-',
             down && d->shutdown_reason == PV_SHUTDOWN_crash ? 'c' : '-',
             (d->flags & SIERRA_DOMINF_dying) ? 'd' : '-');
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
    static struct sierra_domctl_getdomaininfo d[MAX_DOMAINS];
    bool lng = argc == 1 && strcmp(argv[0], "-l") == 0;
    long n;

    if ( argc > 1 || (argc == 1 && !lng) )
    {
        fprintf(stderr, "usage: sierra list [-l]\n");
        return EXIT_USAGE;
    }
    if ( (n = hv_domains(d, MAX_DOMAINS)) < 0 )
        return EXIT_FAILED;
    if ( cli->json )
        printf("[");
    else
        printf("%-40s %5s %5s %5s     %-6s %9s%s\n", "Name", "ID", "Mem", "VCPUs", "State", "Time(s)",
               lng ? "  MaxMem  Flags" : "");
    for ( long i = 0; i < n; i++ )
    {
        char state[7];

        state_of(&d[i], state);
        if ( cli->json )
        {
            printf("%s\n  {\"name\": ", i ? "," : "");
            cli_json_string(d[i].name);
            printf(", \"id\": %u, \"memory_mib\": %llu, \"max_memory_mib\": %llu, \"vcpus\": %u, "
                   "\"state\": \"%s\", \"cpu_time_s\": %.3f, \"privileged\": %s}", d[i].domid,
                   (unsigned long long)(d[i].tot_pages >> 8), (unsigned long long)(d[i].max_pages >> 8),
                   d[i].nr_online_vcpus, state, d[i].cpu_time_ns / 1e9,
                   (d[i].flags & SIERRA_DOMINF_privileged) ? "true" : "false");
        }
        else
        {
            printf("%-40.*s %5u %5llu %5u     %s %9.1f", (int)sizeof(d[i].name), d[i].name, d[i].domid,
                   (unsigned long long)(d[i].tot_pages >> 8), d[i].nr_online_vcpus, state,
                   d[i].cpu_time_ns / 1e9);
            if ( lng && d[i].max_pages >> 40 )
                printf("  %6s  %#x", "-", d[i].flags);          /* no limit */
            else if ( lng )
                printf("  %6llu  %#x", (unsigned long long)(d[i].max_pages >> 8), d[i].flags);
            printf("\n");
        }
    }
    if ( cli->json )
        printf("\n]\n");
    return EXIT_OK;
}

/* the hypervisor's console log, in chunks from where the last one stopped */
int cmd_dmesg(struct cli *cli, int argc, char **argv)
{
    char buf[4096];
    struct sierra_sysctl op = { .cmd = SIERRA_SYSCTL_readconsole };
    bool clear = argc == 1 && !strcmp(argv[0], "-c");

    (void)cli;
    if ( argc > 1 || (argc == 1 && !clear) )
    {
        fprintf(stderr, "usage: sierra dmesg [-c]\n");
        return EXIT_USAGE;
    }
    for ( ;; )
    {
        op.u.readconsole.buffer = (uint64_t)(uintptr_t)buf;
        op.u.readconsole.size = sizeof(buf);
        op.u.readconsole.clear = 0;
        if ( hv_sysctl(&op) < 0 )
        {
            fprintf(stderr, "sierra: readconsole: %s\n", strerror(errno));
            return EXIT_FAILED;
        }
        if ( !op.u.readconsole.size )
            break;
        fwrite(buf, 1, op.u.readconsole.size, stdout);
    }
    if ( clear )
    {
        op.u.readconsole.size = 0;
        op.u.readconsole.clear = 1;
        if ( hv_sysctl(&op) < 0 )
            return EXIT_FAILED;
    }
    fflush(stdout);
    return EXIT_OK;
}

int cmd_info(struct cli *cli, int argc, char **argv)
{
    struct sierra_sysctl op = { .cmd = SIERRA_SYSCTL_physinfo };
    char extra[16] = "", caps[1024] = "";
    long ver;
    const struct sierra_sysctl_physinfo *p = &op.u.physinfo;

    (void)argv;
    if ( argc )
    {
        fprintf(stderr, "usage: sierra info\n");
        return EXIT_USAGE;
    }
    if ( (ver = hv_hypercall(PV_HYPERCALL_xen_version, PV_XENVER_version, 0, 0, 0)) < 0 ||
         hv_hypercall(PV_HYPERCALL_xen_version, PV_XENVER_extraversion, (unsigned long)extra, 0, 0) < 0 ||
         hv_hypercall(PV_HYPERCALL_xen_version, PV_XENVER_capabilities, (unsigned long)caps, 0, 0) < 0 )
        return EXIT_FAILED;
    if ( hv_sysctl(&op) < 0 )
    {
        fprintf(stderr, "sierra: physinfo: not Sierra's control interface (another hypervisor?)\n");
        return EXIT_FAILED;
    }
    extra[sizeof(extra) - 1] = caps[sizeof(caps) - 1] = '\0';
    if ( cli->json )
    {
        printf("{\"nr_cpus\": %u, \"cpu_mhz\": %u, \"total_memory_mib\": %llu, \"free_memory_mib\": %llu, "
               "\"xen_version\": \"%ld.%ld%s\", \"xen_caps\": ", p->nr_cpus, p->cpu_khz / 1000,
               (unsigned long long)(p->total_pages >> 8), (unsigned long long)(p->free_pages >> 8),
               ver >> 16, ver & 0xffff, extra);
        cli_json_string(caps);
        printf(", \"virt_caps\": \"%s%s%s\"}\n", (p->capabilities & SIERRA_PHYSCAP_pv) ? "pv" : "",
               (p->capabilities & SIERRA_PHYSCAP_hvm) ? " hvm" : "",
               (p->capabilities & SIERRA_PHYSCAP_iommu) ? " iommu" : "");
        return EXIT_OK;
    }
    printf("%-24s: %u\n%-24s: %u\n%-24s: %llu\n%-24s: %llu\n%-24s: %ld.%ld%s\n%-24s: %s\n"
           "%-24s: %s%s%s\n", "nr_cpus", p->nr_cpus, "cpu_mhz", p->cpu_khz / 1000,
           "total_memory", (unsigned long long)(p->total_pages >> 8), "free_memory",
           (unsigned long long)(p->free_pages >> 8), "xen_version", ver >> 16, ver & 0xffff, extra,
           "xen_caps", caps, "virt_caps", (p->capabilities & SIERRA_PHYSCAP_pv) ? "pv" : "",
           (p->capabilities & SIERRA_PHYSCAP_hvm) ? " hvm" : "",
           (p->capabilities & SIERRA_PHYSCAP_iommu) ? " iommu" : "");
    return EXIT_OK;
}

static int one_domain(int argc, char **argv, const char *usage, struct sierra_domctl_getdomaininfo *d)
{
    if ( argc != 1 )
    {
        fprintf(stderr, "usage: sierra %s\n", usage);
        return EXIT_USAGE;
    }
    return hv_find(argv[0], d) ? EXIT_FAILED : EXIT_OK;
}

int cmd_domid(struct cli *cli, int argc, char **argv)
{
    struct sierra_domctl_getdomaininfo d;
    int rc = one_domain(argc, argv, "domid NAME", &d);

    (void)cli;
    if ( rc == EXIT_OK )
        printf("%u\n", d.domid);
    return rc;
}

int cmd_domname(struct cli *cli, int argc, char **argv)
{
    struct sierra_domctl_getdomaininfo d;
    int rc = one_domain(argc, argv, "domname ID", &d);

    (void)cli;
    if ( rc == EXIT_OK )
        printf("%.*s\n", (int)sizeof(d.name), d.name);
    return rc;
}

/* a domctl on one domain: pause, unpause, destroy, shutdown */
static int act(int argc, char **argv, const char *usage, uint32_t cmd, uint32_t reason, bool wait)
{
    struct sierra_domctl_getdomaininfo d;
    struct sierra_domctl op = { .cmd = cmd };
    int rc = one_domain(argc, argv, usage, &d);
    long r;

    if ( rc != EXIT_OK )
        return rc;
    op.domain = d.domid;
    op.u.shutdown.reason = reason;
    if ( cmd == SIERRA_DOMCTL_destroydomain )
        relay_forget(d.domid);
    if ( (r = hv_domctl(&op)) < 0 )
    {
        fprintf(stderr, "sierra: %.*s %s: %s\n", (int)strcspn(usage, " "), usage, argv[0],
                strerror((int)-r));
        return EXIT_FAILED;
    }
    if ( cmd == SIERRA_DOMCTL_destroydomain )
        definition_forget(d.name);
    for ( int tries = 0; wait && tries < 600; tries++ )    /* up to a minute */
    {
        struct sierra_domctl_getdomaininfo now;

        if ( hv_find(argv[0], &now) || (now.flags & SIERRA_DOMINF_shutdown) )
            return EXIT_OK;
        nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
    }
    if ( wait )
    {
        fprintf(stderr, "sierra: %s did not shut down within a minute\n", argv[0]);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

int cmd_pause(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    return act(argc, argv, "pause DOMAIN", SIERRA_DOMCTL_pausedomain, 0, false);
}

int cmd_unpause(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    return act(argc, argv, "unpause DOMAIN", SIERRA_DOMCTL_unpausedomain, 0, false);
}

int cmd_destroy(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    return act(argc, argv, "destroy DOMAIN", SIERRA_DOMCTL_destroydomain, 0, false);
}

int cmd_shutdown(struct cli *cli, int argc, char **argv)
{
    bool wait = argc == 2 && strcmp(argv[0], "-w") == 0;

    (void)cli;
    return act(argc - wait, argv + wait, "shutdown [-w] DOMAIN", SIERRA_DOMCTL_shutdown,
               PV_SHUTDOWN_poweroff, wait);
}

int cmd_reboot(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    return act(argc, argv, "reboot DOMAIN", SIERRA_DOMCTL_shutdown, PV_SHUTDOWN_reboot, false);
}
