/*
 * From a schema-valid domain document to a checked struct dom_config
 * (domain-config.h): one function per element, each value parsed strictly
 * and range-checked, each problem reported with its element and line. All
 * problems are reported, not only the first; the result is all or nothing.
 */
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "domain-xml.h"
#include "units.h"

#define err(x, node, ...) xml_report(x, true, node, __VA_ARGS__)
#define warn(x, node, ...) xml_report(x, false, node, __VA_ARGS__)

static bool parse_uint(const char *s, unsigned long max, unsigned long *v)
{
    char *end;

    if ( !*s || !isdigit((unsigned char)*s) )
        return false;
    errno = 0;
    *v = strtoul(s, &end, 0);       /* decimal, or 0x... as libvirt's PCI addresses */
    return !errno && !*end && *v <= max;
}

/* libvirt's cpuset syntax: "0-3,^2,8" */
static bool cpuset_ok(const char *s)
{
    unsigned long a, b;
    char *end;

    if ( !*s )
        return false;
    for ( ;; )
    {
        if ( *s == '^' )
            s++;
        if ( !isdigit((unsigned char)*s) )
            return false;
        a = strtoul(s, &end, 10);
        s = end;
        if ( *s == '-' )
        {
            if ( !isdigit((unsigned char)*++s) )
                return false;
            b = strtoul(s, &end, 10);
            s = end;
            if ( b < a )
                return false;
        }
        if ( a > 4095 )
            return false;
        if ( !*s )
            return true;
        if ( *s++ != ',' )
            return false;
    }
}

static void load_name(struct xml_ctx *x, xmlNodePtr root, struct dom_config *c)
{
    xmlNodePtr n = xml_child(root, "name");
    char buf[256];
    bool digits = true;

    xml_text(n, buf, sizeof(buf));
    if ( !buf[0] )
        return err(x, n, "the name is empty");
    if ( strlen(buf) > DOM_NAME_MAX )
        return err(x, n, "the name '%s' is longer than %d characters", buf, DOM_NAME_MAX);
    for ( const char *p = buf; *p; p++ )
    {
        if ( !isalnum((unsigned char)*p) && !strchr("-_.+", *p) )
            return err(x, n, "the name '%s' has a character other than letters, digits and -_.+", buf);
        digits &= isdigit((unsigned char)*p) != 0;
    }
    if ( digits )
        return err(x, n, "the name '%s' is all digits (it would read as a domain ID)", buf);
    if ( buf[0] == '-' )
        return err(x, n, "the name '%s' starts with '-'", buf);
    snprintf(c->name, sizeof(c->name), "%s", buf);
    c->name_line = xmlGetLineNo(n);
}

static void load_uuid(struct xml_ctx *x, xmlNodePtr root, struct dom_config *c)
{
    xmlNodePtr n = xml_child(root, "uuid");
    char buf[64];
    unsigned int k = 0;

    if ( !n )
        return;
    xml_text(n, buf, sizeof(buf));
    for ( const char *p = buf; *p; p++ )
    {
        if ( *p == '-' && (p - buf == 8 || p - buf == 13 || p - buf == 18 || p - buf == 23) )
            continue;
        if ( !isxdigit((unsigned char)p[0]) || !isxdigit((unsigned char)p[1]) || k == 16 )
            return err(x, n, "'%s' is not a UUID (32 hex digits, optionally 8-4-4-4-12)", buf);
        sscanf(p, "%2hhx", &c->uuid[k++]);
        p++;
    }
    if ( k != 16 )
        return err(x, n, "'%s' is not a UUID (32 hex digits, optionally 8-4-4-4-12)", buf);
    c->has_uuid = true;
}

static bool load_size(struct xml_ctx *x, xmlNodePtr n, uint64_t *kib)
{
    char value[64], unit[32];
    int bad_unit, rc;

    xml_text(n, value, sizeof(value));
    rc = parse_scaled_kib(value, xml_attr(n, "unit", unit, sizeof(unit)), "KiB", kib, &bad_unit);
    if ( rc == -ERANGE )
        err(x, n, "'%s %s' is too large", value, xml_attr(n, "unit", unit, sizeof(unit)) ?: "KiB");
    else if ( rc && bad_unit )
        err(x, n, "unknown unit '%s' (b, KiB/k, KB, MiB/M, MB, GiB/G, GB, TiB/T, TB, ...)", unit);
    else if ( rc )
        err(x, n, "'%s' is not a size (a whole number, with a unit attribute)", value);
    return rc == 0;
}

static void load_memory(struct xml_ctx *x, xmlNodePtr root, struct dom_config *c)
{
    xmlNodePtr mem = xml_child(root, "memory"), cur = xml_child(root, "currentMemory");
    xmlNodePtr max = xml_child(root, "maxMemory");
    uint64_t kib;

    if ( load_size(x, mem, &c->memory_kib) )
    {
        if ( c->memory_kib == 0 )
            err(x, mem, "the memory size is 0");
        else if ( x->o->host_memory_kib && c->memory_kib > x->o->host_memory_kib )
            err(x, mem, "%llu KiB is more than the host has (%llu KiB)",
                (unsigned long long)c->memory_kib, (unsigned long long)x->o->host_memory_kib);
    }
    c->current_kib = c->memory_kib;
    if ( cur && load_size(x, cur, &c->current_kib) )
    {
        if ( c->current_kib == 0 )
            err(x, cur, "the current memory size is 0");
        else if ( c->current_kib > c->memory_kib )
            err(x, cur, "%llu KiB is more than <memory> (%llu KiB)",
                (unsigned long long)c->current_kib, (unsigned long long)c->memory_kib);
    }
    if ( max && load_size(x, max, &kib) && kib < c->memory_kib )
        err(x, max, "%llu KiB is less than <memory>", (unsigned long long)kib);
}

static void load_vcpu(struct xml_ctx *x, xmlNodePtr root, struct dom_config *c)
{
    xmlNodePtr n = xml_child(root, "vcpu");
    char buf[64];
    unsigned long v;

    c->vcpus = c->vcpus_current = 1;        /* libvirt's default */
    if ( !n )
        return;
    xml_text(n, buf, sizeof(buf));
    if ( !parse_uint(buf, ~0UL, &v) || v == 0 || v > DOM_MAX_VCPUS )
        return err(x, n, "'%s' vCPUs: a domain has 1 to %d", buf, DOM_MAX_VCPUS);
    c->vcpus = c->vcpus_current = (unsigned int)v;
    if ( xml_attr(n, "current", buf, sizeof(buf)) )
    {
        if ( !parse_uint(buf, c->vcpus, &v) || v == 0 )
            err(x, n, "current='%s': from 1 to the %u vCPUs of the domain", buf, c->vcpus);
        else
            c->vcpus_current = (unsigned int)v;
    }
    if ( xml_attr(n, "placement", buf, sizeof(buf)) )
    {
        if ( strcmp(buf, "auto") != 0 && strcmp(buf, "static") != 0 )
            err(x, n, "placement='%s': 'static' or 'auto'", buf);
        c->placement_auto = strcmp(buf, "auto") == 0;
    }
    if ( xml_attr(n, "cpuset", buf, sizeof(buf)) )
    {
        if ( !cpuset_ok(buf) )
            err(x, n, "cpuset='%s' is not a CPU list (like 0-3,^2,8)", buf);
        snprintf(c->cpuset, sizeof(c->cpuset), "%s", buf);
    }
}

static void load_cputune(struct xml_ctx *x, xmlNodePtr root, struct dom_config *c)
{
    xmlNodePtr t = xml_child(root, "cputune"), n;
    char buf[64];
    unsigned long v, period = 100000;
    long quota = -1;

    c->weight = 256;
    if ( !t )
        return;
    for ( n = t->children; n; n = n->next )
    {
        const char *what = (const char *)n->name;

        if ( n->type != XML_ELEMENT_NODE )
            continue;
        if ( strcmp(what, "vcpupin") == 0 )
        {
            struct dom_vcpupin *p = &c->pins[c->nr_pins];

            if ( c->nr_pins == DOM_MAX_PINS )
                return err(x, n, "more than %d vcpupin elements", DOM_MAX_PINS);
            if ( !parse_uint(xml_attr(n, "vcpu", buf, sizeof(buf)), c->vcpus - 1, &v) )
                err(x, n, "vcpu='%s': the domain's vCPUs are 0 to %u", buf, c->vcpus - 1);
            p->vcpu = (unsigned int)v;
            if ( !cpuset_ok(xml_attr(n, "cpuset", p->cpuset, sizeof(p->cpuset))) )
                err(x, n, "cpuset='%s' is not a CPU list (like 0-3,^2,8)", p->cpuset);
            c->nr_pins++;
        }
        else if ( strcmp(what, "shares") == 0 || strcmp(what, "weight") == 0 )
        {
            if ( !parse_uint(xml_text(n, buf, sizeof(buf)), 65535, &v) || v == 0 )
                err(x, n, "'%s': a scheduler weight is 1 to 65535", buf);
            c->weight = (unsigned int)v;
        }
        else if ( strcmp(what, "period") == 0 )
        {
            if ( !parse_uint(xml_text(n, buf, sizeof(buf)), 1000000, &period) || period < 1000 )
                err(x, n, "'%s': a period is 1000 to 1000000 microseconds", buf);
        }
        else if ( strcmp(what, "quota") == 0 )
        {
            xml_text(n, buf, sizeof(buf));
            if ( strcmp(buf, "-1") == 0 )
                quota = -1;
            else if ( parse_uint(buf, ~0UL >> 1, &v) && v >= 1000 )
                quota = (long)v;
            else
                err(x, n, "'%s': a quota is -1 (none) or at least 1000 microseconds", buf);
        }
        else if ( strcmp(what, "cap") == 0 )
        {
            if ( !parse_uint(xml_text(n, buf, sizeof(buf)), 100UL * c->vcpus, &v) )
                err(x, n, "'%s': a cap is 0 (none) to %u percent", buf, 100 * c->vcpus);
            c->cap = (unsigned int)v;
        }
    }
    if ( quota > 0 && period >= 1000 )
        c->cap = (unsigned int)((unsigned long)quota * 100 / period);
}

/* a file the definition names: absolute, or relative to the definition's directory */
static void load_path(struct xml_ctx *x, xmlNodePtr n, char *out, size_t len)
{
    char buf[DOM_PATH_MAX], dir[DOM_PATH_MAX];

    xml_text(n, buf, sizeof(buf));
    if ( !buf[0] )
        return err(x, n, "the path is empty");
    snprintf(dir, sizeof(dir), "%s", x->file);
    if ( buf[0] == '/' || snprintf(out, len, "%s/%s", dirname(dir), buf) >= (int)len )
        snprintf(out, len, "%s", buf);
    if ( x->o->check_files && access(out, R_OK) != 0 )
        err(x, n, "'%s': %s", buf, strerror(errno));
}

static void load_os(struct xml_ctx *x, xmlNodePtr root, struct dom_config *c)
{
    xmlNodePtr os = xml_child(root, "os"), t = xml_child(os, "type"), n;
    char buf[1100];

    xml_text(t, buf, sizeof(buf));
    if ( strcmp(buf, "linux") == 0 || strcmp(buf, "xen") == 0 )
        c->os = DOM_OS_PV;
    else if ( strcmp(buf, "hvm") == 0 )
    {
        c->os = DOM_OS_HVM;
        return err(x, t, "HVM domains are not supported yet (only PV: type 'linux' or 'xen')");
    }
    else
        return err(x, t, "unknown OS type '%s' ('linux' or 'xen' for PV, 'hvm')", buf);
    if ( xml_attr(t, "arch", buf, sizeof(buf)) && strcmp(buf, "x86_64") != 0 )
        err(x, t, "arch='%s': only x86_64 PV domains are supported", buf);
    if ( (n = xml_child(root, "bootloader")) )
        err(x, n, "bootloaders (pygrub) are not supported: give <os><kernel>");
    if ( !(n = xml_child(os, "kernel")) )
        return err(x, os, "a PV domain needs <kernel>");
    load_path(x, n, c->kernel, sizeof(c->kernel));
    if ( (n = xml_child(os, "initrd")) )
        load_path(x, n, c->initrd, sizeof(c->initrd));
    if ( (n = xml_child(os, "cmdline")) )
    {
        size_t len = strlen(xml_text(n, buf, sizeof(buf)));

        if ( len >= sizeof(c->cmdline) )
            err(x, n, "the command line is longer than %zu bytes", sizeof(c->cmdline) - 1);
        else
            memcpy(c->cmdline, buf, len + 1);
    }
}

const char *dom_action_name(enum dom_action a)
{
    return a == DOM_ACT_RESTART ? "restart" : a == DOM_ACT_PRESERVE ? "preserve" : "destroy";
}

static void load_action(struct xml_ctx *x, xmlNodePtr root, const char *name, enum dom_action dflt,
                        enum dom_action *out)
{
    xmlNodePtr n = xml_child(root, name);
    char buf[64];

    *out = dflt;
    if ( !n )
        return;
    xml_text(n, buf, sizeof(buf));
    if ( strcmp(buf, "destroy") == 0 )
        *out = DOM_ACT_DESTROY;
    else if ( strcmp(buf, "restart") == 0 )
        *out = DOM_ACT_RESTART;
    else if ( strcmp(buf, "preserve") == 0 )
        *out = DOM_ACT_PRESERVE;
    else if ( strcmp(buf, "rename-restart") == 0 || strncmp(buf, "coredump-", 9) == 0 )
        err(x, n, "'%s' is not supported (destroy, restart or preserve)", buf);
    else
        err(x, n, "unknown action '%s' (destroy, restart or preserve)", buf);
}

static void load_hostdev(struct xml_ctx *x, xmlNodePtr n, struct dom_config *c)
{
    xmlNodePtr a = xml_child(xml_child(n, "source"), "address");
    struct dom_pci *d = &c->hostdevs[c->nr_hostdevs];
    char buf[32];
    unsigned long v;

    if ( strcmp(xml_attr(n, "mode", buf, sizeof(buf)), "subsystem") != 0 ||
         strcmp(xml_attr(n, "type", buf, sizeof(buf)), "pci") != 0 )
        return err(x, n, "only mode='subsystem' type='pci' host devices are supported");
    if ( c->nr_hostdevs == DOM_MAX_HOSTDEVS )
        return err(x, n, "more than %d host devices", DOM_MAX_HOSTDEVS);
    if ( xml_attr(a, "domain", buf, sizeof(buf)) && !parse_uint(buf, 0xffff, &v) )
        return err(x, a, "domain='%s': a PCI segment is 0x0000 to 0xffff", buf);
    d->domain = xml_attr(a, "domain", buf, sizeof(buf)) ? (unsigned int)v : 0;
    if ( !parse_uint(xml_attr(a, "bus", buf, sizeof(buf)), 0xff, &v) )
        return err(x, a, "bus='%s': a PCI bus is 0x00 to 0xff", buf);
    d->bus = (unsigned int)v;
    if ( !parse_uint(xml_attr(a, "slot", buf, sizeof(buf)), 0x1f, &v) )
        return err(x, a, "slot='%s': a PCI slot is 0x00 to 0x1f", buf);
    d->slot = (unsigned int)v;
    if ( !parse_uint(xml_attr(a, "function", buf, sizeof(buf)), 7, &v) )
        return err(x, a, "function='%s': a PCI function is 0 to 7", buf);
    d->function = (unsigned int)v;
    d->managed = xml_attr(n, "managed", buf, sizeof(buf)) && strcmp(buf, "yes") == 0;
    for ( unsigned int i = 0; i < c->nr_hostdevs; i++ )
        if ( !memcmp(&c->hostdevs[i], d, offsetof(struct dom_pci, managed)) )
            return err(x, n, "%04x:%02x:%02x.%u is given twice", d->domain, d->bus, d->slot,
                       d->function);
    c->nr_hostdevs++;
}

static void load_devices(struct xml_ctx *x, xmlNodePtr root, struct dom_config *c)
{
    xmlNodePtr devs = xml_child(root, "devices");

    for ( xmlNodePtr n = devs ? devs->children : NULL; n; n = n->next )
    {
        const char *what = (const char *)n->name;

        if ( n->type != XML_ELEMENT_NODE || strcmp(what, "emulator") == 0 )
            continue;
        if ( strcmp(what, "console") == 0 || strcmp(what, "serial") == 0 )
            c->nr_consoles++;
        else if ( strcmp(what, "hostdev") == 0 )
            load_hostdev(x, n, c);
        else
        {
            warn(x, n, "<%s> devices are not supported yet, ignored", what);
            c->nr_unsupported++;
        }
    }
}

int domain_config_load(const char *path, const struct dom_load_opts *o, struct dom_config *c)
{
    struct xml_ctx x = { .file = path, .o = o };
    xmlDocPtr doc;
    xmlNodePtr root;
    char buf[64];

    memset(c, 0, sizeof(*c));
    doc = domain_xml_read(&x);
    if ( !doc )
        return -EINVAL;
    root = xmlDocGetRootElement(doc);
    if ( !xml_attr(root, "type", buf, sizeof(buf)) )
        err(&x, root, "no type attribute: Sierra runs domains of type 'xen'");
    else if ( strcmp(buf, "xen") != 0 )
        err(&x, root, "type='%s': Sierra runs domains of type 'xen'", buf);
    load_name(&x, root, c);
    load_uuid(&x, root, c);
    xml_text(xml_child(root, "title"), c->title, sizeof(c->title));
    load_memory(&x, root, c);
    load_vcpu(&x, root, c);
    load_cputune(&x, root, c);
    load_os(&x, root, c);
    load_action(&x, root, "on_poweroff", DOM_ACT_DESTROY, &c->on_poweroff);
    load_action(&x, root, "on_reboot", DOM_ACT_RESTART, &c->on_reboot);
    load_action(&x, root, "on_crash", DOM_ACT_DESTROY, &c->on_crash);
    load_devices(&x, root, c);
    xmlFreeDoc(doc);
    if ( x.errors )
    {
        memset(c, 0, sizeof(*c));
        return -EINVAL;
    }
    snprintf(c->file, sizeof(c->file), "%s", path);
    return 0;
}
