/*
 * sierra validate FILE...: load each domain definition as `create` would
 * (domain-config.c) and say whether it is valid; across the files, every
 * name must be unique, as it must be among running domains. On a Linux host
 * the memory limit is the host's RAM.
 */
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>
#include "../lib/domain-config.h"
#include "sierra.h"

static void print_json(const struct dom_config *c, bool first)
{
    printf("%s\n  {\"file\": ", first ? "" : ",");
    cli_json_string(c->file);
    printf(", \"name\": ");
    cli_json_string(c->name);
    printf(", \"os\": \"%s\", \"memory_kib\": %llu, \"current_memory_kib\": %llu, "
           "\"vcpus\": %u, \"vcpus_current\": %u, \"weight\": %u, \"cap\": %u, \"kernel\": ",
           c->os == DOM_OS_PV ? "pv" : "hvm", (unsigned long long)c->memory_kib,
           (unsigned long long)c->current_kib, c->vcpus, c->vcpus_current, c->weight, c->cap);
    cli_json_string(c->kernel);
    printf(", \"initrd\": ");
    cli_json_string(c->initrd);
    printf(", \"cmdline\": ");
    cli_json_string(c->cmdline);
    printf(", \"on_poweroff\": \"%s\", \"on_reboot\": \"%s\", \"on_crash\": \"%s\", "
           "\"consoles\": %u, \"pci\": [", dom_action_name(c->on_poweroff),
           dom_action_name(c->on_reboot), dom_action_name(c->on_crash), c->nr_consoles);
    for ( unsigned int i = 0; i < c->nr_hostdevs; i++ )
        printf("%s\"%04x:%02x:%02x.%u\"", i ? ", " : "", c->hostdevs[i].domain, c->hostdevs[i].bus,
               c->hostdevs[i].slot, c->hostdevs[i].function);
    printf("], \"unsupported_devices\": %u}", c->nr_unsupported);
}

int cmd_validate(struct cli *cli, int argc, char **argv)
{
    static struct dom_config configs[64];
    struct sysinfo si;
    struct dom_load_opts o = { .lenient = cli->lenient, .check_files = true, .diag = cli_diag };
    int status = EXIT_OK, nr = 0;

    if ( argc == 0 || argc > 64 )
    {
        fprintf(stderr, "usage: sierra validate FILE.xml... (1 to 64 files)\n");
        return EXIT_USAGE;
    }
    if ( sysinfo(&si) == 0 )
        o.host_memory_kib = (unsigned long long)si.totalram * si.mem_unit / 1024;
    if ( cli->json )
        printf("[");
    for ( int i = 0; i < argc; i++ )
    {
        struct dom_config *c = &configs[nr];
        bool dup = false;

        if ( domain_config_load(argv[i], &o, c) )
        {
            status = EXIT_USAGE;
            continue;
        }
        for ( int j = 0; j < nr; j++ )
            if ( strcmp(configs[j].name, c->name) == 0 )
            {
                char msg[2200];

                snprintf(msg, sizeof(msg), "the name '%s' is already used by %s", c->name,
                         configs[j].file);
                cli_diag("error", c->file, c->name_line, "name", msg);
                dup = true;
            }
        if ( dup )
        {
            status = EXIT_USAGE;
            continue;
        }
        if ( cli->json )
            print_json(c, nr == 0);
        else
            printf("%s: domain '%s' is valid (%s, %llu MiB, %u vCPU%s)\n", c->file, c->name,
                   c->os == DOM_OS_PV ? "PV" : "HVM", (unsigned long long)(c->memory_kib / 1024),
                   c->vcpus, c->vcpus == 1 ? "" : "s");
        nr++;
    }
    if ( cli->json )
        printf("\n]\n");
    return status;
}
