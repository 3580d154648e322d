/*
 * printk: format a message, drop it if its level is below the threshold, and
 * write it to the console with "(sierra) " at the start of every line so the
 * hypervisor's output stands apart from guests', and into the console log
 * (console-log.c). Lines longer than the buffer are truncated, never overrun.
 */
#include <hv/console-log.h>
#include <hv/lib.h>
#include <hv/printk.h>

static enum log_level threshold = LOG_INFO;
static bool at_line_start = true;

static const char *const level_names[] = {
    [LOG_NONE] = "none", [LOG_ERR] = "error", [LOG_WARN] = "warning",
    [LOG_INFO] = "info", [LOG_DEBUG] = "debug",
};

int log_level_parse(const char *name, enum log_level *out)
{
    if ( !strcmp(name, "all") )
    {
        *out = LOG_DEBUG;
        return 0;
    }
    for ( unsigned int i = 0; i < ARRAY_SIZE(level_names); i++ )
        if ( !strcmp(name, level_names[i]) )
        {
            *out = i;
            return 0;
        }
    return -EINVAL;
}

void log_set_threshold(enum log_level level)
{
    threshold = level;
}

static void emit(const char *s, size_t len)
{
    static const char prefix[] = "(sierra) ";

    while ( len )
    {
        const char *nl = memchr(s, '\n', len);
        size_t chunk = nl ? (size_t)(nl - s) + 1 : len;

        if ( at_line_start )
        {
            console_write(prefix, sizeof(prefix) - 1);
            console_log_put(prefix, sizeof(prefix) - 1);
        }
        console_write(s, chunk);
        console_log_put(s, chunk);
        at_line_start = nl != NULL;
        s += chunk;
        len -= chunk;
    }
}

void vprintk_level(enum log_level level, const char *fmt, va_list ap)
{
    char buf[512];
    int n;

    if ( level > threshold || level == LOG_NONE )
        return;
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    emit(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

void printk_level(enum log_level level, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vprintk_level(level, fmt, ap);
    va_end(ap);
}
