/*
 * The hypervisor side of PV memory management: the page-type environment
 * over the real frame table, walking a guest's page tables, the per-vCPU
 * page-table bases (kernel and user L4), switching between them, and giving
 * every type and reference back when a domain goes away.
 */
#ifndef ASM_PV_MM_H
#define ASM_PV_MM_H

#include <asm/pv/page-types.h>
#include <hv/domain.h>

extern struct pt_env pv_pt_env;
void pv_mm_init(void);             /* once the frame table exists */
void flush_guest_tlbs(void);       /* every TLB entry of guest mappings */
void pv_give_back_frame(pfn_t pfn); /* drop the owner's allocation reference */
/* what domain id may do with I/O frame mfn (pv/iomem.c) */
enum iomem_access pv_iomem_access(domid_t id, pfn_t mfn);
/* a page and writable-type reference on a frame of owner's (-EINVAL if it is
 * not owner's or is typed otherwise, a page table say), and dropping both */
long pv_get_writable(pfn_t mfn, domid_t owner);
void pv_put_writable(pfn_t mfn);

/* The L1 table (machine frame) and index that map va in the tables rooted at
 * l4_mfn; -EINVAL when some level is not present or is a superpage. */
int pv_find_l1(pfn_t l4_mfn, u64 va, pfn_t *l1_mfn, unsigned int *idx);

/* MMUEXT_PIN_Ln_TABLE of owner's frame mfn (level 1-4): 0 or -errno */
long pv_pin_table(pfn_t mfn, unsigned int level, domid_t owner);

/* Take page + type references on a new base table; drop them from the old. */
int pv_set_baseptr(struct vcpu *v, pfn_t mfn, bool user);
void pv_load_cr3(struct vcpu *v);       /* the tables of v's current mode */
void pv_toggle_mode(struct vcpu *v);    /* kernel <-> user: CR3, GS bases */

void pv_vcpu_release_tables(struct vcpu *v);
void pv_vcpu_release_gdt(struct vcpu *v);     /* pv/descriptor-tables.c */
long pv_register_vcpu_info(struct vcpu *v, u64 mfn, u32 offset);
void pv_vcpu_release_vcpu_info(struct vcpu *v);
void pv_domain_release_types(struct domain *d);

/* read-only M2P table for guests, at PV_MACH2PHYS_VIRT_START */
int m2p_init(u64 max_mfn);
void m2p_set(pfn_t mfn, u64 pfn);
bool m2p_valid(pfn_t mfn);
u64 m2p_extents(pfn_t *first);     /* 2 MiB extents; the first one's frame */

#endif
