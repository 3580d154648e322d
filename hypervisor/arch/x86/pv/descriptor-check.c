/*
 * Descriptor validation for guest GDT/LDT entries (asm/pv/descriptors.h), as
 * Xen checks them for 64-bit PV guests: DPL fixed up to 3 on code and data
 * segments rather than refused. Pure logic, unit-tested on the host.
 */
#include <asm/pv/descriptors.h>

#define DESC_P          (1UL << 47)
#define DESC_S          (1UL << 44)     /* code/data (1) or system (0) */
#define DESC_DPL_SHIFT  45
#define DESC_DPL        (3UL << DESC_DPL_SHIFT)
#define DESC_TYPE       (0xfUL << 40)

bool pv_check_descriptor(u64 *desc)
{
    u64 d = *desc;

    if ( !(d & DESC_P) )
        return true;                    /* a not-present descriptor always faults */
    if ( d & DESC_S )
    {
        *desc = d | DESC_DPL;           /* code or data: ring 3, whatever it asked */
        return true;
    }
    return (d & DESC_TYPE) == 0;        /* system type 0 is harmless; others are not */
}
