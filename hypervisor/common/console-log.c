/*
 * The hypervisor's console log (what `sierra dmesg` reads): every line
 * printk writes, "(sierra) " prefix included, is also kept in a 64 KiB
 * ring. Positions are absolute byte counts since boot, so a reader says
 * where it stopped and comes back for the rest; when the ring has wrapped,
 * a position older than what is kept starts at the oldest kept byte.
 * sysctl readconsole copies from a position into a guest buffer and may
 * clear the log (what is kept then starts at the newest byte).
 */
#include <asm/guest-access.h>
#include <hv/console-log.h>
#include <hv/lib.h>

#define LOG_SIZE (64 * 1024)

static char ring[LOG_SIZE];
static u64 prod, oldest;

void console_log_put(const char *s, size_t len)
{
    for ( size_t i = 0; i < len; i++ )
        ring[prod++ % LOG_SIZE] = s[i];
    if ( prod - oldest > LOG_SIZE )
        oldest = prod - LOG_SIZE;
}

long console_log_read(struct sierra_sysctl_readconsole *r)
{
    u64 from = r->index < oldest ? oldest : r->index > prod ? prod : r->index;
    u64 n = prod - from < r->size ? prod - from : r->size;

    for ( u64 done = 0; done < n; )
    {
        u64 at = (from + done) % LOG_SIZE, part = LOG_SIZE - at < n - done ? LOG_SIZE - at : n - done;

        if ( copy_to_guest(r->buffer + done, ring + at, part) )
            return -EFAULT;
        done += part;
    }
    r->size = (u32)n;
    r->index = from + n;
    if ( r->clear )
        oldest = prod;
    return 0;
}
