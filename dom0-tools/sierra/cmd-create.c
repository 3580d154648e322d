/*
 * sierra create FILE: load and check the definition as `validate` does,
 * read its kernel (and initrd), have the builder lay the domain out through
 * privcmd, and start it. A failed create leaves nothing: the builder
 * destroys the half-built domain, and the free memory is checked to be
 * what it was. -c then shows its console (cmd-console.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../lib/domain-config.h"
#include "builder.h"
#include "hv.h"
#include "sierra.h"

static void *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;

    if ( !f )
        return NULL;
    do
    {
        if ( n == cap && !(buf = realloc(buf, cap = cap ? 2 * cap : 1 << 16)) )
            break;
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while ( got );
    fclose(f);
    *len = n;
    return buf;
}

static unsigned long long free_pages(void)
{
    struct sierra_sysctl op = { .cmd = SIERRA_SYSCTL_physinfo };

    return hv_sysctl(&op) < 0 ? 0 : op.u.physinfo.free_pages;
}

int cmd_create(struct cli *cli, int argc, char **argv)
{
    static struct dom_config c;
    struct sierra_sysctl op = { .cmd = SIERRA_SYSCTL_physinfo };
    struct dom_load_opts o = { .lenient = cli->lenient, .check_files = true, .diag = cli_diag };
    struct sierra_domctl u = { .cmd = SIERRA_DOMCTL_unpausedomain };
    void *kernel, *initrd = NULL;
    size_t kernel_len, initrd_len = 0;
    unsigned long long before;
    bool attach = argc == 2 && strcmp(argv[0], "-c") == 0;
    long id;

    argc -= attach;
    argv += attach;
    if ( argc != 1 )
    {
        fprintf(stderr, "usage: sierra create [-c] FILE.xml\n");
        return EXIT_USAGE;
    }
    if ( hv_sysctl(&op) < 0 )
        return EXIT_FAILED;
    o.host_memory_kib = op.u.physinfo.total_pages * 4;
    if ( domain_config_load(argv[0], &o, &c) )
        return EXIT_USAGE;
    if ( !(kernel = read_file(c.kernel, &kernel_len)) ||
         (c.initrd[0] && !(initrd = read_file(c.initrd, &initrd_len))) )
    {
        fprintf(stderr, "sierra: create %s: reading %s: %s\n", c.name, kernel ? c.initrd : c.kernel,
                strerror(errno));
        free(kernel);
        return EXIT_FAILED;
    }
    before = free_pages();
    id = build_from_config(&c, kernel, kernel_len, initrd, initrd_len);
    free(kernel);
    free(initrd);
    if ( id < 0 )
    {
        unsigned long long after = free_pages();

        fprintf(stderr, "sierra: create %s: %s%s\n", c.name, strerror((int)-id),
                after == before ? "" : " (and memory was not all given back!)");
        return EXIT_FAILED;
    }
    u.domain = (uint16_t)id;
    if ( hv_domctl(&u) < 0 )
    {
        fprintf(stderr, "sierra: create %s: cannot start it\n", c.name);
        return EXIT_FAILED;
    }
    definition_save(c.name, argv[0]);
    relay_new_log(c.name);
    printf("created domain '%s' (id %ld, %llu MiB, %u vCPU%s)\n", c.name, id,
           (unsigned long long)(c.current_kib / 1024), c.vcpus, c.vcpus == 1 ? "" : "s");
    fflush(stdout);
    return attach ? console_attach(c.name) : EXIT_OK;
}
