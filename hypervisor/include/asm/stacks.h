/*
 * Per-CPU hypervisor stacks. Each stack has an unmapped guard page below it
 * (paging.c leaves it out of the page tables), so an overflow faults instead
 * of corrupting the neighbour. NMI, #DF and #MC run on their own IST stacks so
 * they work even when the main stack is broken; so does #DB, which a guest
 * can make arrive at the first instruction of the SYSCALL entry, still on
 * the guest's stack (a watchpoint hit by `mov %ss` just before SYSCALL):
 * without a stack switch the CPU would push its frame wherever the guest
 * pointed RSP.
 */
#ifndef ASM_STACKS_H
#define ASM_STACKS_H

#include <hv/types.h>
#include <asm/layout.h>

enum stack_id { STACK_MAIN, STACK_NMI, STACK_DF, STACK_MC, STACK_DB, NR_STACKS };

struct stack_area {
    u8 guard[PAGE_SIZE];
    u8 stack[BOOT_STACK_PAGES * PAGE_SIZE];
} __aligned(PAGE_SIZE);

extern struct stack_area cpu0_stacks[NR_STACKS];

static inline void *stack_top(enum stack_id id)
{
    return cpu0_stacks[id].stack + sizeof(cpu0_stacks[id].stack);
}

#endif
