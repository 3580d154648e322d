/*
 * Command-line parsing driven by a table: each option names its type and where
 * its value goes. Unknown or malformed options are reported and skipped, never
 * fatal, so a command line written for Xen still boots Sierra.
 */
#ifndef HV_CMDLINE_H
#define HV_CMDLINE_H

#include <hv/types.h>

enum opt_type {
    OPT_BOOL,       /* "name" or "name=yes|no|on|off|true|false|1|0" -> bool */
    OPT_SIZE,       /* "name=N[B|K|M|G|T]" (no suffix: KiB, as Xen) -> u64 bytes */
    OPT_STRING,     /* "name=text" -> char[size] */
    OPT_UINT,       /* "name=N", decimal, 1 <= N <= size -> unsigned int */
};

struct cmdline_option {
    const char *name;
    enum opt_type type;
    void *value;
    size_t size;    /* OPT_STRING: buffer size including the NUL; OPT_UINT: maximum */
};

/* Returns how many options were unknown or malformed (each is logged). */
unsigned int cmdline_parse(const char *line, const struct cmdline_option *opts, size_t nr_opts);
int parse_size(const char *s, u64 *bytes);

#endif
