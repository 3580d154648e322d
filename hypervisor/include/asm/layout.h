/*
 * The hypervisor's virtual address layout, inside the 16 L4 slots (256-271)
 * that the x86-64 PV ABI reserves for the hypervisor in every page table:
 *
 *   0xffff800000000000  slot 256  read-only M2P table, visible to PV guests
 *   0xffff82d040000000  slot 261  hypervisor image (phys 2 MiB at +2 MiB)
 *   0xffff830000000000  slots 262-271  direct map of all machine memory (5 TiB)
 *
 * Usable from assembly and C.
 */
#ifndef ASM_LAYOUT_H
#define ASM_LAYOUT_H

#ifdef __ASSEMBLY__
#define _UL(x) x
#else
#define _UL(x) x##UL
#endif

#define HYPERVISOR_HOLE_START   _UL(0xffff800000000000)
#define HYPERVISOR_HOLE_END     _UL(0xffff880000000000)
#define RO_M2P_VIRT_START       _UL(0xffff800000000000)
#define IMAGE_VIRT_BASE         _UL(0xffff82d040000000)  /* maps physical 0 */
#define IMAGE_PHYS_START        _UL(0x200000)
#define DIRECTMAP_VIRT_START    _UL(0xffff830000000000)
#define DIRECTMAP_VIRT_END      _UL(0xffff880000000000)

#define L4_SLOT_HOLE_FIRST      256     /* slots 256-271 are the hypervisor's in every L4 */
#define L4_SLOT_HOLE_LAST       271
#define L4_SLOT_IMAGE           261
#define L4_SLOT_DIRECTMAP       262

#define BOOT_STACK_PAGES        4   /* each stack: this many pages plus one guard */

#endif
