/*
 * CPU sets as xl and libvirt write them ("all", "0", "0-3", "0-3,^2"), as a
 * bitmap of up to 64 physical CPUs: parsed for vcpu-pin and a definition's
 * cpuset/vcpupin, written back for vcpu-list and dumpxml.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cpuset.h"

/* "all", or the bits as xl writes them: 0, 0-3, 0,2 */
void cpuset_format(uint64_t mask, uint64_t all, char *out, size_t len)
{
    size_t n = 0;

    if ( mask == all )
    {
        snprintf(out, len, "all");
        return;
    }
    out[0] = 0;
    for ( unsigned int b = 0; b < CPUSET_BITS; b++ )
    {
        unsigned int e = b;

        if ( !(mask >> b & 1) )
            continue;
        while ( e + 1 < CPUSET_BITS && (mask >> (e + 1) & 1) )
            e++;
        n += (size_t)snprintf(out + n, n < len ? len - n : 0, n ? ",%u" : "%u", b);
        if ( e > b )
            n += (size_t)snprintf(out + n, n < len ? len - n : 0, "-%u", e);
        b = e;
    }
}

int cpuset_parse(const char *s, uint64_t *mask)
{
    char *end;

    *mask = 0;
    if ( !strcmp(s, "all") )
    {
        *mask = ~0ULL;
        return 0;
    }
    for ( ;; )
    {
        bool exclude = *s == '^';
        unsigned long a, b;

        s += exclude;
        a = b = strtoul(s, &end, 10);
        if ( end == s || a >= CPUSET_BITS )
            return -EINVAL;
        if ( *end == '-' )
        {
            s = end + 1;
            b = strtoul(s, &end, 10);
            if ( end == s || b >= CPUSET_BITS || b < a )
                return -EINVAL;
        }
        for ( unsigned long i = a; i <= b; i++ )
            *mask = exclude ? *mask & ~(1ULL << i) : *mask | 1ULL << i;
        if ( !*end )
            return 0;
        if ( *end != ',' )
            return -EINVAL;
        s = end + 1;
    }
}
