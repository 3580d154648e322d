/*
 * The commands about vCPUs, scheduling and memory limits, shaped like xl's:
 *   vcpu-list [DOMAIN]        Name, ID, VCPU, CPU, State, Time(s), Affinity
 *   vcpu-pin DOMAIN VCPU|all CPUS   hard affinity (CPUS: all, N, N-M, N,M)
 *   sched-credit [-d DOMAIN [-w WEIGHT] [-c CAP]]   credit weight and cap
 *   mem-set DOMAIN SIZE       the domain's memory limit (SIZE: 512M, 1G...)
 * All through domctl (getvcpuinfo, set/getvcpuaffinity, scheduler_op,
 * max_mem; abi/ABI.md). --json gives vcpu-list's and sched-credit's data.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../lib/units.h"
#include "cpuset.h"
#include "hv.h"
#include "sierra.h"

#define MAX_DOMAINS 256

static long vcpu_info(unsigned int domid, unsigned int vcpu, struct sierra_domctl_getvcpuinfo *out)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_getvcpuinfo, .domain = (uint16_t)domid };
    long rc;

    op.u.getvcpuinfo.vcpu = vcpu;
    rc = hv_domctl(&op);
    if ( !rc )
        *out = op.u.getvcpuinfo;
    return rc;
}

static long affinity(unsigned int domid, unsigned int vcpu, uint64_t *mask, bool set)
{
    struct sierra_domctl op = { .domain = (uint16_t)domid };

    op.cmd = set ? SIERRA_DOMCTL_setvcpuaffinity : SIERRA_DOMCTL_getvcpuaffinity;
    op.u.vcpuaffinity.vcpu = vcpu;
    op.u.vcpuaffinity.nr_bits = CPUSET_BITS;
    op.u.vcpuaffinity.bitmap = (uint64_t)mask;
    return hv_domctl(&op);
}

static uint64_t host_cpus_mask(void)
{
    struct sierra_sysctl op = { .cmd = SIERRA_SYSCTL_physinfo };
    unsigned int n = hv_sysctl(&op) ? 1 : op.u.physinfo.nr_cpus;

    return n >= CPUSET_BITS ? ~0ULL : (1ULL << n) - 1;
}

static int list_vcpus(struct cli *cli, const struct sierra_domctl_getdomaininfo *d, bool *first,
                      uint64_t all)
{
    for ( unsigned int v = 0; v <= d->max_vcpu_id; v++ )
    {
        struct sierra_domctl_getvcpuinfo i;
        uint64_t mask = 0;
        char state[4], aff[160];
        long rc = vcpu_info(d->domid, v, &i);

        if ( !rc )
            rc = affinity(d->domid, v, &mask, false);
        if ( rc )
        {
            fprintf(stderr, "sierra: vcpu-list %s: %s\n", d->name, strerror((int)-rc));
            return EXIT_FAILED;
        }
        snprintf(state, sizeof(state), "%c%c%c", i.running ? 'r' : '-', i.blocked ? 'b' : '-',
                 !i.online || (d->flags & SIERRA_DOMINF_paused) ? 'p' : '-');
        cpuset_format(mask, all, aff, sizeof(aff));
        if ( cli->json )
        {
            printf("%s\n  {\"name\": ", *first ? "" : ",");
            cli_json_string(d->name);
            printf(", \"id\": %u, \"vcpu\": %u, \"cpu\": %d, \"state\": \"%s\", \"online\": %s, "
                   "\"cpu_time_s\": %.3f, \"affinity\": \"%s\"}", d->domid, v,
                   i.online ? (int)i.cpu : -1, state, i.online ? "true" : "false",
                   i.cpu_time_ns / 1e9, aff);
        }
        else if ( i.online )
            printf("%-32.*s %5u %5u %5u   %-3s %9.1f  %s / all\n", (int)sizeof(d->name), d->name,
                   d->domid, v, i.cpu, state, i.cpu_time_ns / 1e9, aff);
        else
            printf("%-32.*s %5u %5u %5s   %-3s %9.1f  %s / all\n", (int)sizeof(d->name), d->name,
                   d->domid, v, "-", state, i.cpu_time_ns / 1e9, aff);
        *first = false;
    }
    return EXIT_OK;
}

int cmd_vcpu_list(struct cli *cli, int argc, char **argv)
{
    static struct sierra_domctl_getdomaininfo d[MAX_DOMAINS];
    bool first = true;
    long n;
    uint64_t all;
    int rc = EXIT_OK;

    if ( argc > 1 )
    {
        fprintf(stderr, "usage: sierra vcpu-list [DOMAIN]\n");
        return EXIT_USAGE;
    }
    if ( argc == 1 ? hv_find(argv[0], &d[0]) : (n = hv_domains(d, MAX_DOMAINS)) < 0 )
        return EXIT_FAILED;
    if ( argc == 1 )
        n = 1;
    all = host_cpus_mask();
    if ( cli->json )
        printf("[");
    else
        printf("%-32s %5s %5s %5s   %-3s %9s  %s\n", "Name", "ID", "VCPU", "CPU", "State", "Time(s)",
               "Affinity (Hard / Soft)");
    for ( long i = 0; i < n && rc == EXIT_OK; i++ )
        rc = list_vcpus(cli, &d[i], &first, all);
    if ( cli->json )
        printf("\n]\n");
    return rc;
}

int cmd_vcpu_pin(struct cli *cli, int argc, char **argv)
{
    struct sierra_domctl_getdomaininfo d;
    uint64_t mask;
    unsigned long first = 0, last;
    char *end;

    (void)cli;
    if ( argc != 3 || cpuset_parse(argv[2], &mask) )
    {
        fprintf(stderr, "usage: sierra vcpu-pin DOMAIN VCPU|all CPUS (CPUS: all, N, N-M, N,M...)\n");
        return EXIT_USAGE;
    }
    if ( hv_find(argv[0], &d) )
        return EXIT_FAILED;
    last = d.max_vcpu_id;
    if ( strcmp(argv[1], "all") )
    {
        first = last = strtoul(argv[1], &end, 10);
        if ( !*argv[1] || *end || first > d.max_vcpu_id )
        {
            fprintf(stderr, "sierra: vcpu-pin %s: no vCPU '%s' (it has %u)\n", argv[0], argv[1],
                    d.max_vcpu_id + 1);
            return EXIT_USAGE;
        }
    }
    for ( unsigned long v = first; v <= last; v++ )
    {
        long rc = affinity(d.domid, (unsigned int)v, &mask, true);

        if ( rc )
        {
            fprintf(stderr, "sierra: vcpu-pin %s %lu %s: %s\n", argv[0], v, argv[2],
                    rc == -EINVAL ? "no CPU of this host in that set" : strerror((int)-rc));
            return EXIT_FAILED;
        }
    }
    return EXIT_OK;
}

static long sched_op(unsigned int domid, struct sierra_domctl_scheduler_op *s)
{
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_scheduler_op, .domain = (uint16_t)domid };
    long rc;

    op.u.scheduler_op = *s;
    rc = hv_domctl(&op);
    if ( !rc )
        *s = op.u.scheduler_op;
    return rc;
}

static bool number(const char *s, unsigned long max, unsigned long *out)
{
    char *end;

    *out = strtoul(s, &end, 10);
    return *s && !*end && *out <= max;
}

static void print_credit(struct cli *cli, const struct sierra_domctl_getdomaininfo *d,
                         const struct sierra_domctl_scheduler_op *s, bool first)
{
    if ( cli->json )
    {
        printf("%s\n  {\"name\": ", first ? "" : ",");
        cli_json_string(d->name);
        printf(", \"id\": %u, \"weight\": %u, \"cap\": %u}", d->domid, s->weight, s->cap);
    }
    else
        printf("%-32.*s %5u %6u %4u\n", (int)sizeof(d->name), d->name, d->domid, s->weight, s->cap);
}

int cmd_sched_credit(struct cli *cli, int argc, char **argv)
{
    static struct sierra_domctl_getdomaininfo d[MAX_DOMAINS];
    const char *dom = NULL;
    unsigned long weight = 0, cap = 0;
    bool set_w = false, set_c = false;
    long n, rc;

    for ( int i = 0; i < argc; i++ )
    {
        bool has = i + 1 < argc;

        if ( !strcmp(argv[i], "-d") && has )
            dom = argv[++i];
        else if ( !strcmp(argv[i], "-w") && has && number(argv[i + 1], 65535, &weight) && weight )
            set_w = true, i++;
        else if ( !strcmp(argv[i], "-c") && has && number(argv[i + 1], 65535, &cap) )
            set_c = true, i++;
        else
        {
            fprintf(stderr, "usage: sierra sched-credit [-d DOMAIN [-w WEIGHT (1-65535)] "
                            "[-c CAP (%% of a CPU, 0 = none)]]\n");
            return EXIT_USAGE;
        }
    }
    if ( (set_w || set_c) && !dom )
    {
        fprintf(stderr, "sierra: sched-credit: -w and -c need -d DOMAIN\n");
        return EXIT_USAGE;
    }
    if ( dom ? hv_find(dom, &d[0]) : (n = hv_domains(d, MAX_DOMAINS)) < 0 )
        return EXIT_FAILED;
    if ( dom )
        n = 1;
    if ( set_w || set_c )
    {
        struct sierra_domctl_scheduler_op s = { .cmd = SIERRA_SCHEDOP_getinfo };

        rc = sched_op(d[0].domid, &s);
        s.cmd = SIERRA_SCHEDOP_putinfo;
        if ( set_w )
            s.weight = (uint16_t)weight;
        if ( set_c )
            s.cap = (uint16_t)cap;
        if ( !rc )
            rc = sched_op(d[0].domid, &s);
        if ( rc )
        {
            fprintf(stderr, "sierra: sched-credit %s: %s\n", dom,
                    rc == -EINVAL ? "the cap is more than 100% per vCPU" : strerror((int)-rc));
            return EXIT_FAILED;
        }
        return EXIT_OK;
    }
    if ( cli->json )
        printf("[");
    else
        printf("%-32s %5s %6s %4s\n", "Name", "ID", "Weight", "Cap");
    for ( long i = 0; i < n; i++ )
    {
        struct sierra_domctl_scheduler_op s = { .cmd = SIERRA_SCHEDOP_getinfo };

        if ( (rc = sched_op(d[i].domid, &s)) )
        {
            fprintf(stderr, "sierra: sched-credit %s: %s\n", d[i].name, strerror((int)-rc));
            return EXIT_FAILED;
        }
        print_credit(cli, &d[i], &s, i == 0);
    }
    if ( cli->json )
        printf("\n]\n");
    return EXIT_OK;
}

int cmd_mem_set(struct cli *cli, int argc, char **argv)
{
    struct sierra_domctl_getdomaininfo d;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_max_mem };
    char value[32], *unit;
    uint64_t kib;
    int bad_unit;
    long rc;

    (void)cli;
    if ( argc != 2 || strlen(argv[1]) >= sizeof(value) )
    {
        fprintf(stderr, "usage: sierra mem-set DOMAIN SIZE (512M, 1G, ...; a bare number is MiB)\n");
        return EXIT_USAGE;
    }
    strcpy(value, argv[1]);
    for ( unit = value; *unit >= '0' && *unit <= '9'; unit++ )
        ;
    if ( *unit )
    {
        memmove(unit + 1, unit, strlen(unit) + 1);
        *unit++ = 0;
    }
    if ( parse_scaled_kib(value, unit, "MiB", &kib, &bad_unit) || kib < 4 )
    {
        fprintf(stderr, "sierra: mem-set: '%s' is not a memory size\n", argv[1]);
        return EXIT_USAGE;
    }
    if ( hv_find(argv[0], &d) )
        return EXIT_FAILED;
    op.domain = d.domid;
    op.u.max_mem.max_pages = kib / 4;
    rc = hv_domctl(&op);
    if ( rc == -EINVAL )
        fprintf(stderr, "sierra: mem-set %s: %s is below the %llu MiB it holds (a guest gives "
                        "memory back itself; there is no balloon request yet)\n",
                argv[0], argv[1], (unsigned long long)(d.tot_pages >> 8));
    else if ( rc )
        fprintf(stderr, "sierra: mem-set %s: %s\n", argv[0], strerror((int)-rc));
    return rc ? EXIT_FAILED : EXIT_OK;
}
