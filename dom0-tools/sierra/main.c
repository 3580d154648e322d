/*
 * sierra: the operator's tool (docs/operator-guide.md). The command table
 * below is the whole interface: name, handler, usage, one line of help.
 * Global options come before the command: --json (data as JSON), --lenient
 * (unknown XML elements are warnings). Commands that talk to the hypervisor
 * use /dev/xen/privcmd in the control domain (hv.c); `validate` needs
 * nothing. `shell` runs the same table line by line (cmd-shell.c).
 */
#include <stdio.h>
#include <string.h>
#include "sierra.h"

struct command {
    const char *name;
    int (*run)(struct cli *cli, int argc, char **argv);
    const char *usage, *help;
};

static const struct command commands[] = {
    { "validate", cmd_validate, "FILE.xml...",
      "check domain definitions (libvirt XML): structure, values, files" },
    { "create", cmd_create, "[-c] FILE.xml", "build a domain from its definition and start it (-c: and show its console)" },
    { "console", cmd_console, "DOMAIN", "a domain's console output, until it shuts down" },
    { "info", cmd_info, "", "the host: CPUs, memory, hypervisor version and capabilities" },
    { "dmesg", cmd_dmesg, "[-c]", "the hypervisor's console log (-c: and clear it)" },
    { "list", cmd_list, "[-l]", "the domains: name, id, memory, vCPUs, state, CPU time" },
    { "domid", cmd_domid, "NAME", "a domain's id" },
    { "domname", cmd_domname, "ID", "a domain's name" },
    { "pause", cmd_pause, "DOMAIN", "stop a domain's vCPUs" },
    { "unpause", cmd_unpause, "DOMAIN", "let them run again" },
    { "shutdown", cmd_shutdown, "[-w] DOMAIN", "ask a domain to power off (-w: and wait)" },
    { "reboot", cmd_reboot, "DOMAIN", "ask a domain to reboot" },
    { "destroy", cmd_destroy, "DOMAIN", "end a domain at once and free its memory" },
    { "vcpu-list", cmd_vcpu_list, "[DOMAIN]", "the vCPUs: CPU, state, CPU time, affinity" },
    { "vcpu-pin", cmd_vcpu_pin, "DOM VCPU|all CPUS", "the physical CPUs a vCPU may run on" },
    { "sched-credit", cmd_sched_credit, "[-d DOM [-w N] [-c N]]", "credit weight and cap (% of a CPU)" },
    { "mem-set", cmd_mem_set, "DOMAIN SIZE", "a domain's memory limit (512M, 1G...)" },
    { "dumpxml", cmd_dumpxml, "DOMAIN", "a domain's definition as libvirt XML, with its live values" },
    { "shell", cmd_shell, "[FILE]", "run commands from FILE or the terminal, one a line" },
};

static int usage(FILE *f)
{
    fprintf(f, "usage: sierra [--json] [--lenient] COMMAND [ARGS]\n\ncommands:\n");
    for ( size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++ )
        fprintf(f, "  %-10s %-14s %s\n", commands[i].name, commands[i].usage, commands[i].help);
    fprintf(f, "\nexit status: 0 done, 1 the operation failed, 2 usage or validation error\n");
    return f == stdout ? EXIT_OK : EXIT_USAGE;
}

void cli_diag(const char *severity, const char *file, long line, const char *element,
              const char *msg)
{
    if ( line > 0 )
        fprintf(stderr, "%s:%ld: %s: ", file, line, severity);
    else
        fprintf(stderr, "%s: %s: ", file, severity);
    if ( element )
        fprintf(stderr, "element '%s': ", element);
    fprintf(stderr, "%s\n", msg);
}

void cli_json_string(const char *s)
{
    putchar('"');
    for ( ; *s; s++ )
    {
        if ( *s == '"' || *s == '\\' )
            printf("\\%c", *s);
        else if ( (unsigned char)*s < 0x20 )
            printf("\\u%04x", *s);
        else
            putchar(*s);
    }
    putchar('"');
}

int main(int argc, char **argv)
{
    struct cli cli = { false, false };
    int i = 1;

    for ( ; i < argc && argv[i][0] == '-'; i++ )
    {
        if ( strcmp(argv[i], "--json") == 0 )
            cli.json = true;
        else if ( strcmp(argv[i], "--lenient") == 0 )
            cli.lenient = true;
        else if ( strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 )
            return usage(stdout);
        else
        {
            fprintf(stderr, "sierra: unknown option %s\n", argv[i]);
            return usage(stderr);
        }
    }
    if ( i == argc )
        return usage(stderr);
    return cli_run(&cli, argc - i, argv + i);
}

int cli_run(struct cli *cli, int argc, char **argv)
{
    if ( strcmp(argv[0], "help") == 0 )
        return usage(stdout);
    for ( size_t c = 0; c < sizeof(commands) / sizeof(commands[0]); c++ )
        if ( strcmp(argv[0], commands[c].name) == 0 )
            return commands[c].run(cli, argc - 1, argv + 1);
    fprintf(stderr, "sierra: unknown command '%s'\n", argv[0]);
    return usage(stderr);
}
