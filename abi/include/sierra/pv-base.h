/*
 * Base types of the guest ABI. Sierra's guest ABI is Xen's x86 PV ABI
 * (interface 0x00040e00); every name here is Sierra's own, formed from Xen's by
 * one rule so code ported from Xen maps over mechanically:
 *   __HYPERVISOR_x -> PV_HYPERCALL_x,  XEN_x -> PV_x,  other constants X -> PV_X,
 *   struct x / x_t -> struct pv_x / pv_x_t,  member names unchanged.
 * Layouts depend on the guest's word size exactly as Xen's do: compile for
 * x86_64 (64-bit PV guests, the hypervisor) or i386 (32-bit PAE PV guests).
 * abi/check/conformance.c proves every size and offset equal to Xen's.
 */
#ifndef SIERRA_ABI_PV_BASE_H
#define SIERRA_ABI_PV_BASE_H

#if !defined(__x86_64__) && !defined(__i386__)
#error "the Sierra guest ABI is defined for x86_64 and i386 only"
#endif

#define PV_INTERFACE_VERSION    0x00040e00  /* Xen 4.17's latest interface */

#ifndef __ASSEMBLY__
#include <stdint.h>

typedef unsigned long pv_ulong_t;       /* a guest word: 8 bytes on x86_64, 4 on i386 */
typedef unsigned long pv_pfn_t;         /* a frame number (guest or machine) */
typedef uint16_t pv_domid_t;

/*
 * A guest handle is a guest-virtual pointer the hypervisor copies through
 * (never dereferences directly). Wrapping it in a struct keeps handles of
 * different types from mixing silently.
 */
#define PV_DEFINE_HANDLE(name, type) \
    typedef struct { type *p; } pv_handle_##name##_t
#define PV_HANDLE(name)         pv_handle_##name##_t
#define pv_set_handle(h, ptr)   do { (h).p = (ptr); } while ( 0 )

PV_DEFINE_HANDLE(void, void);
PV_DEFINE_HANDLE(const_void, const void);
PV_DEFINE_HANDLE(char, char);
PV_DEFINE_HANDLE(uint8, uint8_t);
PV_DEFINE_HANDLE(uint32, uint32_t);
PV_DEFINE_HANDLE(uint64, uint64_t);
PV_DEFINE_HANDLE(int, int);
PV_DEFINE_HANDLE(ulong, pv_ulong_t);
PV_DEFINE_HANDLE(pfn, pv_pfn_t);
#endif

#endif
