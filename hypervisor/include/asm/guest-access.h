/*
 * Reading and writing guest memory. The hypervisor runs on the guest's page
 * tables, so a guest virtual address is reached directly - but only through
 * these helpers: the range must not wrap or touch the hypervisor hole, and
 * the copy runs under the exception table, so an unmapped, read-only or
 * non-canonical guest address makes the copy fail with -EFAULT instead of
 * faulting the hypervisor.
 */
#ifndef ASM_GUEST_ACCESS_H
#define ASM_GUEST_ACCESS_H

#include <asm/extable.h>
#include <sierra/arch-x86.h>

static inline bool guest_range_ok(u64 va, u64 len)
{
    u64 end = va + len;

    return end >= va && (end <= PV_HYPERVISOR_VIRT_START || va >= PV_HYPERVISOR_VIRT_END);
}

static inline bool is_canonical(u64 va)
{
    return (u64)((s64)(va << 16) >> 16) == va;
}

/* an address a guest may register (a handler, a stack, a breakpoint):
 * canonical and outside the hole */
static inline bool guest_address_ok(u64 va)
{
    return is_canonical(va) && guest_range_ok(va, 1);
}

static inline int copy_from_guest(void *dst, u64 src, u64 len)
{
    if ( !guest_range_ok(src, len) )
        return -EFAULT;
    return copy_from_unsafe(dst, (const void *)src, len) ? -EFAULT : 0;
}

static inline int copy_to_guest(u64 dst, const void *src, u64 len)
{
    if ( !guest_range_ok(dst, len) )
        return -EFAULT;
    return copy_to_unsafe((void *)dst, src, len) ? -EFAULT : 0;
}

#endif
