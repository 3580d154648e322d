/*
 * Direct paging for PV guests: a guest's page tables are its own frames, used
 * by the MMU as they are, so the hypervisor must know that every entry in a
 * live table is safe. A frame gets a type (L1..L4 table, descriptor page,
 * writable) with a type count; it can only change type when the count is
 * zero, and becoming a table means validating every entry:
 *   - an entry maps only frames the domain owns (each present entry holds a
 *     reference on the frame it maps);
 *   - a writable L1 entry holds a "writable" type reference, so a frame that
 *     is mapped writable anywhere cannot become a table, and a table cannot be
 *     mapped writable (-EBUSY, as Xen);
 *   - an Ln entry (n > 1) holds an L(n-1) type reference on the table below;
 *     no superpages, no reserved bits; a linear page table only as an
 *     L2-L4 entry naming its own table, read-only, holding no reference
 *     (Xen's rule; one table's self-map cannot reach another's);
 *   - L4 slots of the hypervisor hole are the hypervisor's, written by it;
 *   - an L1 entry may map I/O memory (a frame that is not RAM) if the
 *     hypervisor permits it to that domain (read-only ones lose RW); such an
 *     entry counts nothing.
 * When the last type reference goes, the table's entries release what they
 * held. A frame that changes type may still be reachable through TLB entries
 * made under its old type (a writable mapping just replaced by a read-only
 * one without a flush, which the guest asks for as it likes): the first
 * retyping since its type count went to 0 flushes the TLBs unless one has
 * been flushed since (a clock, as Xen's tlbflush_timestamp), so a page table
 * is never writable through a stale entry. Pure logic over the frame table; frame contents are reached through
 * frame_to_virt(), so it is unit-tested on the host.
 */
#ifndef ASM_PV_PAGE_TYPES_H
#define ASM_PV_PAGE_TYPES_H

#include <hv/frame.h>
#include <asm/page.h>

/* Entry bits a guest may set in an L1 entry (plus the frame number). Bits
 * 52-62 are ignored by the MMU (protection keys are off) and Xen accepts them
 * (measured with guest-kit's pv-abi test), so they are allowed too. */
#define PV_L1_ALLOWED   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_PWT | _PAGE_PCD | \
                         _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_PAT | _PAGE_GLOBAL | \
                         (7UL << 9) | (0x3ffUL << 52) | _PAGE_NX)
/* Bit 62 marks a grant mapping: only grant operations make one, so a guest
 * may not set it and validation refuses it; the references such an entry
 * holds belong to the grant code (hv/grant-table.h), also when the guest
 * overwrites the entry (allowed, as on Xen: the grant stays mapped in the
 * books until unmapped or the domain dies). */
#define PV_PTE_GRANT    (1UL << 62)
/* ... and in an L2/L3/L4 entry (no PSE, no global; Dirty is ignored by the
 * MMU in a non-leaf entry and Xen accepts it) */
#define PV_LN_ALLOWED   (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_PWT | _PAGE_PCD | \
                         _PAGE_ACCESSED | _PAGE_DIRTY | (7UL << 9) | _PAGE_NX)

#define PV_L4_HV_FIRST  256     /* slots 256-271: the hypervisor hole */
#define PV_L4_HV_LAST   271

/* What a domain may do with an I/O frame */
enum iomem_access { IOMEM_NONE, IOMEM_RO, IOMEM_RW };

/* The context validation runs in: the frame table and the hypervisor's hooks. */
struct pt_env {
    struct frame *table;
    u64 nr_frames;
    void *(*frame_to_virt)(pfn_t pfn);
    void (*install_hv_slots)(pte_t *l4);    /* write slots 256-271 of a new L4 */
    void (*release_frame)(pfn_t pfn);       /* a dying frame lost its last reference */
    enum iomem_access (*iomem_access)(domid_t d, pfn_t mfn);   /* NULL: none */
    void (*flush_tlbs)(void);               /* every TLB entry of guest mappings */
};

int pt_get_page(const struct pt_env *env, pfn_t pfn, domid_t owner);
void pt_put_page(const struct pt_env *env, pfn_t pfn);
int pt_get_type(const struct pt_env *env, pfn_t pfn, u64 type, domid_t owner);
void pt_put_type(const struct pt_env *env, pfn_t pfn);

/* Replace entry idx of the level-`level` table pfn (in use as a table, owned
 * by owner) with new_e, validated: the old entry's references are released
 * after. An L1 entry may map a frame of pg_owner (a privileged domain's
 * foreign mapping, e.g. a builder's); tables above L1 only owner's. */
int pt_mod_entry(const struct pt_env *env, pfn_t table, unsigned int level,
                 unsigned int idx, pte_t new_e, domid_t owner, domid_t pg_owner);

/* The level of a page-table type, or 0 */
static inline unsigned int pt_type_level(u64 type)
{
    u64 t = type & PGT_TYPE_MASK;

    return t >= PGT_l1_page_table && t <= PGT_l4_page_table ?
           (unsigned int)(t >> PGT_TYPE_SHIFT) : 0;
}

#endif
