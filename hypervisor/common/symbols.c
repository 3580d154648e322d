/*
 * Address -> function name, by binary search in the sorted symbol table that
 * the second link pass embeds (see hypervisor/build.mk). A function's size is
 * the distance to the next symbol; addresses past the last text symbol have
 * no name.
 */
#include <hv/symbols.h>

struct symbol_entry {
    u64 addr;
    u64 name_offset;
};

extern const u64 symbols_count;
extern const struct symbol_entry symbols_table[];
extern const char symbols_names[];
extern const char _etext[];

const char *symbol_lookup(u64 addr, u64 *offset, u64 *size)
{
    u64 lo = 0, hi = symbols_count;

    if ( !hi || addr < symbols_table[0].addr || addr >= (u64)_etext )
        return NULL;
    while ( hi - lo > 1 )       /* last entry with entry.addr <= addr */
    {
        u64 mid = lo + (hi - lo) / 2;

        if ( symbols_table[mid].addr <= addr )
            lo = mid;
        else
            hi = mid;
    }
    *offset = addr - symbols_table[lo].addr;
    *size = (lo + 1 < symbols_count ? symbols_table[lo + 1].addr : (u64)_etext) -
            symbols_table[lo].addr;
    return symbols_names + symbols_table[lo].name_offset;
}
