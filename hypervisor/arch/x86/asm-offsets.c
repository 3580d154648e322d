/*
 * Generates build/hypervisor/gen/asm-offsets.h: the structure offsets and sizes
 * that assembly needs, taken from the C definitions so they cannot drift.
 */
#include <asm/regs.h>
#include <asm/stacks.h>

#define DEFINE(sym, val) asm volatile("\n.ascii \"->" #sym " %0\"" :: "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void asm_offsets(void);
void asm_offsets(void)
{
    OFFSET(REGS_r15, cpu_regs, r15);
    OFFSET(REGS_rdi, cpu_regs, rdi);
    OFFSET(REGS_vector, cpu_regs, vector);
    OFFSET(REGS_error_code, cpu_regs, error_code);
    OFFSET(REGS_rip, cpu_regs, rip);
    DEFINE(REGS_SIZE, sizeof(struct cpu_regs));
    DEFINE(STACK_AREA_SIZE, sizeof(struct stack_area));
}
