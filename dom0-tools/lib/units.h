/*
 * libvirt's scaled integers (<memory unit='MiB'>512</memory>): a decimal
 * count and a unit - b or bytes; k, KiB (1024) or KB (1000); likewise M, G,
 * T, P, E - the first letter in either case. Results are in KiB, rounded up
 * as libvirt rounds them. Pure; used by the XML parser and unit-tested.
 */
#ifndef DOM0_UNITS_H
#define DOM0_UNITS_H

#include <stdint.h>

/* 0, -EINVAL (not a number, or an unknown unit: *bad_unit says which) or
 * -ERANGE; unit NULL or "" means default_unit ("KiB" for memory) */
int parse_scaled_kib(const char *value, const char *unit, const char *default_unit,
                     uint64_t *kib, int *bad_unit);

#endif
