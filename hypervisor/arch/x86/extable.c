/*
 * Exception-table lookup. The linker gathers every ASM_EXTABLE entry into
 * [__start_ex_table, __stop_ex_table); do_trap() asks here whether a faulting
 * instruction has a fixup. The table is small and faults through it are rare,
 * so a linear search is enough.
 */
#include <asm/extable.h>

extern const struct extable_entry __start_ex_table[], __stop_ex_table[];

u64 extable_search(u64 rip)
{
    for ( const struct extable_entry *e = __start_ex_table; e < __stop_ex_table; e++ )
        if ( (u64)&e->insn + (s64)e->insn == rip )
            return (u64)&e->fixup + (s64)e->fixup;
    return 0;
}
