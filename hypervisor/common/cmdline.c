/*
 * The hypervisor command line: space-separated "name" or "name=value" words,
 * matched against a table of options (see cmdline.h). Anything not in the
 * table, or with a value of the wrong form, is warned about and skipped, so a
 * typo costs a warning, not a boot. Pure logic, unit-tested on the host.
 */
#include <hv/cmdline.h>
#include <hv/lib.h>
#include <hv/printk.h>

#define WORD_MAX 256

/* the decimal number at *p (at least one digit), *p moved past it */
static int parse_decimal(const char **p, u64 *out)
{
    u64 v = 0;

    if ( **p < '0' || **p > '9' )
        return -EINVAL;
    for ( ; **p >= '0' && **p <= '9'; (*p)++ )
    {
        if ( v > (UINT64_MAX - 9) / 10 )
            return -ERANGE;
        v = v * 10 + (u64)(**p - '0');
    }
    *out = v;
    return 0;
}

int parse_size(const char *s, u64 *bytes)
{
    u64 v;
    unsigned int shift = 10;        /* Xen's default unit: KiB */
    const char *p = s;
    int rc = parse_decimal(&p, &v);

    if ( rc )
        return rc;
    switch ( *p )
    {
    case 'T': case 't': shift = 40; p++; break;
    case 'G': case 'g': shift = 30; p++; break;
    case 'M': case 'm': shift = 20; p++; break;
    case 'K': case 'k': shift = 10; p++; break;
    case 'B': case 'b': shift = 0; p++; break;
    case '\0': break;
    default: return -EINVAL;
    }
    if ( *p )
        return -EINVAL;
    if ( v && (v << shift) >> shift != v )
        return -ERANGE;
    *bytes = v << shift;
    return 0;
}

static int parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = { "1", "yes", "on", "true", "enable" };
    static const char *const no[] = { "0", "no", "off", "false", "disable" };

    for ( unsigned int i = 0; i < ARRAY_SIZE(yes); i++ )
    {
        if ( !strcmp(s, yes[i]) )
        {
            *out = true;
            return 0;
        }
        if ( !strcmp(s, no[i]) )
        {
            *out = false;
            return 0;
        }
    }
    return -EINVAL;
}

static int apply(const struct cmdline_option *opt, const char *value)
{
    switch ( opt->type )
    {
    case OPT_BOOL:
        if ( !value )
        {
            *(bool *)opt->value = true;
            return 0;
        }
        return parse_bool(value, opt->value);
    case OPT_SIZE:
        return value ? parse_size(value, opt->value) : -EINVAL;
    case OPT_STRING:
        if ( !value || strlen(value) >= opt->size )
            return -EINVAL;
        memcpy(opt->value, value, strlen(value) + 1);
        return 0;
    case OPT_UINT:
    {
        u64 n;

        if ( !value || parse_decimal(&value, &n) || *value )
            return -EINVAL;
        if ( !n || n > opt->size )
            return -ERANGE;
        *(unsigned int *)opt->value = (unsigned int)n;
        return 0;
    }
    }
    return -EINVAL;
}

static unsigned int parse_word(char *word, const struct cmdline_option *opts,
                               size_t nr_opts)
{
    char *value = NULL;

    for ( char *p = word; *p; p++ )
        if ( *p == '=' )
        {
            *p = '\0';
            value = p + 1;
            break;
        }
    for ( size_t i = 0; i < nr_opts; i++ )
    {
        if ( strcmp(word, opts[i].name) )
            continue;
        if ( apply(&opts[i], value) )
        {
            pr_warn("command line: bad value '%s' for option '%s', ignored\n",
                    value ? value : "", word);
            return 1;
        }
        return 0;
    }
    pr_warn("command line: unknown option '%s', ignored\n", word);
    return 1;
}

unsigned int cmdline_parse(const char *line, const struct cmdline_option *opts,
                           size_t nr_opts)
{
    unsigned int bad = 0;

    while ( *line )
    {
        char word[WORD_MAX];
        size_t len = 0;

        while ( *line == ' ' || *line == '\t' )
            line++;
        while ( line[len] && line[len] != ' ' && line[len] != '\t' )
            len++;
        if ( !len )
            break;
        if ( len >= sizeof(word) )
        {
            pr_warn("command line: option longer than %d characters, ignored\n",
                    WORD_MAX - 1);
            bad++;
        }
        else
        {
            memcpy(word, line, len);
            word[len] = '\0';
            bad += parse_word(word, opts, nr_opts);
        }
        line += len;
    }
    return bad;
}
