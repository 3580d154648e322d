/*
 * sierra dumpxml DOMAIN: a running domain's definition as libvirt XML, the
 * way `virsh dumpxml` gives it. `create` keeps the definition it built from
 * in /var/lib/sierra/NAME.xml (`destroy` removes it); dumpxml loads that
 * again, puts in what is live now - the id, the memory limit (mem-set) and
 * the memory held, the credit weight and cap (sched-credit) - and writes it
 * out whole, with absolute paths, so that the output is itself a definition
 * that validates and creates the same domain (tests/boot/sierra-dumpxml.t).
 * Devices Sierra only reports as unsupported (disk, interface) are not
 * kept. Domain-0 was not made from a definition and has none.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../lib/domain-config.h"
#include "hv.h"
#include "sierra.h"

#define STATE_DIR "/var/lib/sierra"

void definition_path(const char *name, char *out, size_t len)
{
    snprintf(out, len, STATE_DIR "/%s.xml", name);
}

void definition_save(const char *name, const char *from)
{
    char path[DOM_PATH_MAX + 64], buf[4096];
    FILE *in = fopen(from, "r"), *out;
    size_t n;

    definition_path(name, path, sizeof(path));
    if ( !strcmp(path, from) )
    {
        fclose(in);
        return;                         /* a restart, from the kept copy itself */
    }
    mkdir("/var", 0755);
    mkdir("/var/lib", 0755);
    mkdir(STATE_DIR, 0755);
    if ( !in || !(out = fopen(path, "w")) )
    {
        fprintf(stderr, "sierra: keeping %s's definition in %s: %s (dumpxml will not know it)\n",
                name, path, strerror(errno));
        if ( in )
            fclose(in);
        return;
    }
    while ( (n = fread(buf, 1, sizeof(buf), in)) )
        fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
}

void definition_forget(const char *name)
{
    char path[DOM_PATH_MAX + 64];

    definition_path(name, path, sizeof(path));
    unlink(path);
}

/* text for an element or attribute, escaped */
static void esc(const char *s)
{
    for ( ; *s; s++ )
        switch ( *s )
        {
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '&': fputs("&amp;", stdout); break;
        case '\'': fputs("&apos;", stdout); break;
        case '"': fputs("&quot;", stdout); break;
        default: putchar(*s);
        }
}

static void element(const char *indent, const char *name, const char *text)
{
    printf("%s<%s>", indent, name);
    esc(text);
    printf("</%s>\n", name);
}

static void write_definition(const struct dom_config *c, unsigned int id)
{
    printf("<domain type='xen' id='%u'>\n", id);
    element("  ", "name", c->name);
    if ( c->has_uuid )
    {
        const uint8_t *u = c->uuid;

        printf("  <uuid>%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x</uuid>\n",
               u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
               u[13], u[14], u[15]);
    }
    if ( c->title[0] )
        element("  ", "title", c->title);
    printf("  <memory unit='KiB'>%llu</memory>\n", (unsigned long long)c->memory_kib);
    printf("  <currentMemory unit='KiB'>%llu</currentMemory>\n", (unsigned long long)c->current_kib);
    printf("  <vcpu placement='%s'", c->placement_auto ? "auto" : "static");
    if ( c->cpuset[0] )
    {
        printf(" cpuset='");
        esc(c->cpuset);
        printf("'");
    }
    if ( c->vcpus_current != c->vcpus )
        printf(" current='%u'", c->vcpus_current);
    printf(">%u</vcpu>\n", c->vcpus);
    printf("  <cputune>\n");
    for ( unsigned int i = 0; i < c->nr_pins; i++ )
    {
        printf("    <vcpupin vcpu='%u' cpuset='", c->pins[i].vcpu);
        esc(c->pins[i].cpuset);
        printf("'/>\n");
    }
    printf("    <shares>%u</shares>\n", c->weight ? c->weight : 256);
    if ( c->cap )
        printf("    <period>100000</period>\n    <quota>%u</quota>\n", c->cap * 1000);
    printf("  </cputune>\n  <os>\n    <type>%s</type>\n", c->os == DOM_OS_PV ? "linux" : "hvm");
    element("    ", "kernel", c->kernel);
    if ( c->initrd[0] )
        element("    ", "initrd", c->initrd);
    if ( c->cmdline[0] )
        element("    ", "cmdline", c->cmdline);
    printf("  </os>\n");
    printf("  <on_poweroff>%s</on_poweroff>\n  <on_reboot>%s</on_reboot>\n  <on_crash>%s</on_crash>\n",
           dom_action_name(c->on_poweroff), dom_action_name(c->on_reboot),
           dom_action_name(c->on_crash));
    printf("  <devices>\n");
    for ( unsigned int i = 0; i < c->nr_consoles; i++ )
        printf("    <console type='pty'>\n      <target type='xen' port='%u'/>\n    </console>\n", i);
    for ( unsigned int i = 0; i < c->nr_hostdevs; i++ )
        printf("    <hostdev mode='subsystem' type='pci' managed='%s'>\n      <source>\n"
               "        <address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%x'/>\n"
               "      </source>\n    </hostdev>\n", c->hostdevs[i].managed ? "yes" : "no",
               c->hostdevs[i].domain, c->hostdevs[i].bus, c->hostdevs[i].slot,
               c->hostdevs[i].function);
    printf("  </devices>\n</domain>\n");
}

int cmd_dumpxml(struct cli *cli, int argc, char **argv)
{
    static struct dom_config c;
    struct sierra_domctl_getdomaininfo d;
    struct sierra_domctl op = { .cmd = SIERRA_DOMCTL_scheduler_op };
    struct dom_load_opts o = { .lenient = true, .diag = cli_diag };
    char path[DOM_PATH_MAX + 64];

    (void)cli;
    if ( argc != 1 )
    {
        fprintf(stderr, "usage: sierra dumpxml DOMAIN\n");
        return EXIT_USAGE;
    }
    if ( hv_find(argv[0], &d) )
        return EXIT_FAILED;
    definition_path(d.name, path, sizeof(path));
    if ( access(path, R_OK) )
    {
        fprintf(stderr, "sierra: dumpxml %s: no definition (it was not made by sierra create)\n",
                d.name);
        return EXIT_FAILED;
    }
    if ( domain_config_load(path, &o, &c) )
        return EXIT_FAILED;
    op.domain = d.domid;
    op.u.scheduler_op.cmd = SIERRA_SCHEDOP_getinfo;
    if ( !hv_domctl(&op) )
    {
        c.weight = op.u.scheduler_op.weight;
        c.cap = op.u.scheduler_op.cap;
    }
    if ( !(d.max_pages >> 40) )
        c.memory_kib = d.max_pages * 4;
    c.current_kib = d.tot_pages * 4 < c.memory_kib ? d.tot_pages * 4 : c.memory_kib;
    write_definition(&c, d.domid);
    return EXIT_OK;
}
