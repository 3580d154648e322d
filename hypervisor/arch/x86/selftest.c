/*
 * Self-tests the boot tests ask for on the command line (selftest=a,b,...).
 * Each prints one verdict line, "selftest NAME: ok" or "selftest NAME: FAILED
 * (why)", so a test asserts on exact text.
 *   traps    a deliberate #UD, #PF and #GP, each inside an exception-table
 *            entry; each must come back through its fixup with the right vector
 *   heap     allocate blocks of every order up to 10 and write to their first
 *            and last words through the direct map; free them (a double free
 *            must be refused); the free count and a frame-table audit must
 *            come out as before and the free lists must check out
 *   fatal-pf a read of the unmapped guard page under the boot stack with no
 *            fixup: must print the fatal report and stop (does not return)
 */
#include <asm/extable.h>
#include <asm/stacks.h>
#include <asm/traps.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/printk.h>
#include <hv/selftest.h>

/* Run an instruction that faults; the fixup sets EAX to 1. */
#define FAULT_WITH_FIXUP(insn, ...)                                      \
    ({ u32 via_fixup = 0;                                                \
       asm volatile("1: " insn "\n2:\n"                                  \
                    ".pushsection .fixup, \"ax\"\n"                      \
                    "3: mov $1, %0\n jmp 2b\n"                           \
                    ".popsection\n" ASM_EXTABLE(1b, 3b)                  \
                    : "+a"(via_fixup) : __VA_ARGS__ : "rcx", "memory");  \
       via_fixup; })

static int expect_fixup(const char *what, u32 via_fixup, u64 before, u64 vector)
{
    if ( !via_fixup || trap_fixups.count != before + 1 || trap_fixups.last_vector != vector )
    {
        pr_err("selftest traps: %s was not recovered (fixup %u, vector %lu)\n",
               what, via_fixup, (unsigned long)trap_fixups.last_vector);
        return 1;
    }
    pr_info("selftest traps: %s at %p recovered through the exception table\n",
            what, (void *)trap_fixups.last_rip);
    return 0;
}

static int test_traps(void)
{
    const void *unmapped = cpu0_stacks[STACK_NMI].guard;
    const void *noncanonical = (const void *)0x8000000000000000UL;
    u64 v, before;
    int bad = 0;

    before = trap_fixups.count;
    bad += expect_fixup("#UD", FAULT_WITH_FIXUP("ud2", "i"(0)), before, X86_EXC_UD);
    before = trap_fixups.count;
    bad += expect_fixup("#PF", FAULT_WITH_FIXUP("mov (%1), %%rcx", "r"(unmapped) ),
                        before, X86_EXC_PF);
    before = trap_fixups.count;
    bad += expect_fixup("#GP", FAULT_WITH_FIXUP("mov (%1), %%rcx", "r"(noncanonical)),
                        before, X86_EXC_GP);
    /* the fault-tolerant copy the hypervisor will use on guest memory */
    if ( copy_from_unsafe(&v, unmapped, sizeof(v)) != sizeof(v) )
    {
        pr_err("selftest traps: copy_from_unsafe of an unmapped page did not fail\n");
        bad++;
    }
    return bad;
}

static int test_heap(void)
{
    u64 free_before = heap.free_frames;
    void *blocks[11];
    struct frame_audit audit;

    for ( unsigned int order = 0; order < ARRAY_SIZE(blocks); order++ )
        if ( !(blocks[order] = alloc_xen_pages(order)) )
        {
            pr_err("selftest heap: allocation of order %u failed\n", order);
            return 1;
        }
        else
        {
            u64 *words = blocks[order];
            u64 last = (PAGE_SIZE << order) / sizeof(*words) - 1;

            words[0] = words[last] = order;
        }
    if ( free_xen_pages(blocks[3], 3) || !free_xen_pages(blocks[3], 3) )
    {
        pr_err("selftest heap: double free not refused\n");
        return 1;
    }
    for ( unsigned int order = 0; order < ARRAY_SIZE(blocks); order++ )
        if ( order != 3 && free_xen_pages(blocks[order], order) )
        {
            pr_err("selftest heap: free of order %u refused\n", order);
            return 1;
        }
    if ( heap.free_frames != free_before || frame_audit(frame_table, nr_frames, &audit) ||
         buddy_check(&heap) )
    {
        pr_err("selftest heap: %lu free frames before, %lu after, %lu audit errors, "
               "%lu free-list errors\n", (unsigned long)free_before,
               (unsigned long)heap.free_frames, (unsigned long)audit.errors,
               (unsigned long)buddy_check(&heap));
        return 1;
    }
    return 0;
}

static int __attribute__((noinline)) selftest_fatal_pagefault(void)
{
    volatile const u64 *guard = (const u64 *)cpu0_stacks[STACK_MAIN].guard;

    pr_info("selftest fatal-pf: reading %p, the boot stack's guard page\n", (void *)guard);
    return (int)*guard;
}

static const struct {
    const char *name;
    int (*run)(void);
} selftests[] = {
    { "traps", test_traps },
    { "heap", test_heap },
    { "fatal-pf", selftest_fatal_pagefault },
};

static unsigned int run_one(const char *name, size_t len)
{
    for ( unsigned int i = 0; i < ARRAY_SIZE(selftests); i++ )
    {
        if ( strlen(selftests[i].name) != len || strncmp(selftests[i].name, name, len) )
            continue;
        if ( selftests[i].run() )
        {
            pr_err("selftest %s: FAILED\n", selftests[i].name);
            return 1;
        }
        pr_info("selftest %s: ok\n", selftests[i].name);
        return 0;
    }
    pr_err("selftest %.*s: FAILED (no such test)\n", (int)len, name);
    return 1;
}

unsigned int run_selftests(const char *list)
{
    unsigned int failed = 0;

    while ( *list )
    {
        size_t len = 0;

        while ( list[len] && list[len] != ',' )
            len++;
        if ( len )
            failed += run_one(list, len);
        list += len + (list[len] == ',');
    }
    return failed;
}
