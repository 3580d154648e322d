/*
 * Common ground of Sierra's control ABI (domctl, sysctl): the same layout for
 * a 32-bit and a 64-bit caller. Every 64-bit field is 8-byte aligned even on
 * i386 (sierra_u64), every pointer travels as a 64-bit guest address
 * (sierra_addr), and each structure states its size with a static assertion,
 * so a 32-bit control domain and a 64-bit hypervisor cannot disagree.
 */
#ifndef SIERRA_ABI_CTL_BASE_H
#define SIERRA_ABI_CTL_BASE_H

#include <stdint.h>

typedef uint64_t sierra_u64 __attribute__((aligned(8)));
typedef sierra_u64 sierra_addr;     /* a guest-virtual address in the caller */

#define SIERRA_CTL_ASSERT_SIZE(type, size) \
    _Static_assert(sizeof(type) == (size), #type " must be " #size " bytes")

#endif
