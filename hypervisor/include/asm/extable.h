/*
 * The exception table: pairs (faulting instruction, where to continue) that let
 * the hypervisor touch memory that may not be there - guest memory above all -
 * and get an error back instead of a crash. An entry stores both addresses as
 * 32-bit offsets from the entry itself.
 */
#ifndef ASM_EXTABLE_H
#define ASM_EXTABLE_H

#include <hv/types.h>

struct extable_entry {
    s32 insn;
    s32 fixup;
};

#define ASM_EXTABLE(from, to)                   \
    " .pushsection .ex_table, \"a\"\n"          \
    " .balign 4\n"                              \
    " .long (" #from ") - .\n"                  \
    " .long (" #to ") - .\n"                    \
    " .popsection\n"

/* Where to continue after a fault at rip, or 0 when rip is not covered. */
u64 extable_search(u64 rip);

/*
 * Copy n bytes from an address that may fault. Returns how many bytes were NOT
 * copied (0 on success). The fault leaves RCX = bytes left and RIP on the
 * rep movsb, so the fixup is simply the next instruction.
 */
static inline size_t copy_from_unsafe(void *dst, const void *src, size_t n)
{
    asm volatile("1: rep movsb\n2:\n" ASM_EXTABLE(1b, 2b)
                 : "+D"(dst), "+S"(src), "+c"(n) :: "memory");
    return n;
}

static inline size_t copy_to_unsafe(void *dst, const void *src, size_t n)
{
    return copy_from_unsafe(dst, src, n);
}

#endif
