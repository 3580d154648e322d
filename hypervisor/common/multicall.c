/*
 * multicall: a batch of hypercalls in one entry. Each entry's result is
 * written back as it completes; an entry that cannot be read or written back
 * ends the batch with -EFAULT (as on Xen, the count itself is not limited: a
 * batch longer than the readable array ends there). Multicalls do not nest,
 * and an iret entry ends the batch (what follows it would run in a context
 * that no longer exists). Until vCPUs are preemptible, a long batch holds the
 * CPU: acceptable with one domain, to be bounded with continuations when
 * domUs share the machine.
 */
#include <asm/guest-access.h>
#include <hv/hypercall.h>
#include <sierra/hypercall.h>

long do_multicall(u64 calls, u64 count, u64 a3, u64 a4, u64 a5)
{
    static bool in_multicall;
    long rc = 0;

    (void)a3; (void)a4; (void)a5;
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
