/*
 * console_io: guests write to the hypervisor's console. dom0's text goes out
 * as it is (it is the machine's console); other domains' lines are prefixed
 * "(dN) " so they cannot pass for the hypervisor's or dom0's output. Reading
 * (dom0 only) returns what was typed on the console since the last read, up
 * to 128 bytes a call (console-input.c), and 0 when nothing was.
 */
#include <asm/guest-access.h>
#include <hv/console.h>
#include <hv/printk.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <sierra/console.h>

#define CHUNK 128

long do_console_io(u64 cmd, u64 count, u64 buffer, u64 a4, u64 a5)
{
    char buf[CHUNK];
    u64 done = 0;
    size_t n;

    (void)a4; (void)a5;
    switch ( cmd )
    {
    case PV_CONSOLEIO_write:
        if ( (s64)(u32)count != (s64)(int)count )
            return -EINVAL;
        while ( done < count )
        {
            u64 n = MIN(count - done, sizeof(buf));

            if ( copy_from_guest(buf, buffer + done, n) )
                return -EFAULT;
            if ( current->domain->id != 0 )
            {
                char prefix[12];
                int len = snprintf(prefix, sizeof(prefix), "(d%u) ", current->domain->id);

                console_write(prefix, (size_t)len);
            }
            console_write(buf, n);
            done += n;
        }
        return 0;
    case PV_CONSOLEIO_read:
        if ( !current->domain->privileged )
            return -EPERM;
        if ( (s64)(u32)count != (s64)(int)count )
            return -EINVAL;
        n = console_input_read(buf, MIN(count, sizeof(buf)));
        if ( n && copy_to_guest(buffer, buf, n) )
            return -EFAULT;
        return (long)n;
    default:
        return -ENOSYS;
    }
}
