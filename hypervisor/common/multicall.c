/*
 * multicall: a batch of hypercalls in one entry. Each entry's result is
 * written back as it completes; an entry that cannot be read or written back
 * ends the batch with -EFAULT. Multicalls do not nest, and an iret entry ends
 * the batch (what follows it would run in a context that no longer exists).
 */
#include <asm/guest-access.h>
#include <hv/hypercall.h>
#include <sierra/hypercall.h>

#define MULTICALL_MAX 4096      /* entries per call; more is refused, not truncated */

long do_multicall(u64 calls, u64 count, u64 a3, u64 a4, u64 a5)
{
    static bool in_multicall;
    long rc = 0;

    (void)a3; (void)a4; (void)a5;
    if ( count > MULTICALL_MAX )
        return -EINVAL;
    if ( in_multicall )
        return -EINVAL;
    in_multicall = true;
    for ( u64 i = 0; i < count; i++ )
    {
        struct pv_multicall_entry e;
        u64 at = calls + i * sizeof(e);

        if ( copy_from_guest(&e, at, sizeof(e)) )
        {
            rc = -EFAULT;
            break;
        }
        e.result = (u64)(e.op == PV_HYPERCALL_multicall ? -EINVAL :
                         hypercall_dispatch(e.op, (const u64 *)e.args));
        if ( copy_to_guest(at + offsetof(struct pv_multicall_entry, result), &e.result,
                           sizeof(e.result)) )
        {
            rc = -EFAULT;
            break;
        }
        if ( e.op == PV_HYPERCALL_iret )
            break;
    }
    in_multicall = false;
    return rc;
}
