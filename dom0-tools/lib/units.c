/*
 * Scaled integers (units.h): the number is checked digit by digit (no sign,
 * no spaces, no overflow), the unit is looked up, and the product is
 * computed in bytes with overflow checks before rounding up to KiB.
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include "units.h"

static int unit_scale(const char *u, uint64_t *scale)
{
    static const char letters[] = "kmgtpe";
    const char *p;
    uint64_t base;

    if ( strcmp(u, "b") == 0 || strcmp(u, "B") == 0 || strcmp(u, "bytes") == 0 )
        return *scale = 1, 0;
    p = strchr(letters, tolower((unsigned char)u[0]));
    if ( !u[0] || !p )
        return -EINVAL;
    if ( u[1] == '\0' || strcmp(u + 1, "iB") == 0 )
        base = 1024;
    else if ( strcmp(u + 1, "B") == 0 )
        base = 1000;
    else
        return -EINVAL;
    *scale = 1;
    for ( long i = 0; i <= p - letters; i++ )
        *scale *= base;
    return 0;
}

int parse_scaled_kib(const char *value, const char *unit, const char *default_unit,
                     uint64_t *kib, int *bad_unit)
{
    uint64_t n = 0, scale;

    *bad_unit = 0;
    if ( !value || !*value )
        return -EINVAL;
    for ( const char *c = value; *c; c++ )
    {
        if ( !isdigit((unsigned char)*c) )
            return -EINVAL;
        if ( n > (UINT64_MAX - (uint64_t)(*c - '0')) / 10 )
            return -ERANGE;
        n = n * 10 + (uint64_t)(*c - '0');
    }
    if ( unit_scale(unit && *unit ? unit : default_unit, &scale) )
    {
        *bad_unit = 1;
        return -EINVAL;
    }
    if ( scale && n > UINT64_MAX / scale )
        return -ERANGE;
    n *= scale;
    *kib = n / 1024 + (n % 1024 != 0);
    return 0;
}
