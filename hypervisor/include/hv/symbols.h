/*
 * Symbol names for hypervisor text addresses, from the table the build links
 * into the image (tools/gensyms.sh). Used by backtraces.
 */
#ifndef HV_SYMBOLS_H
#define HV_SYMBOLS_H

#include <hv/types.h>

/* Name of the function containing addr (NULL if none); offset and size out. */
const char *symbol_lookup(u64 addr, u64 *offset, u64 *size);

#endif
