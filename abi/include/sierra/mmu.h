/*
 * Page-table updates and MMU operations. Guest page tables are guest frames
 * the hypervisor has validated and typed (L1..L4); a guest changes them only
 * through these calls, which re-validate every entry written:
 *   mmu_update(reqs, count, done, domid)        checked PTE writes, M2P updates
 *   update_va_mapping(va, pte, flags)           one PTE by virtual address
 *   mmuext_op(ops, count, done, domid)          pin/unpin, CR3 switch, TLB flushes
 *   vm_assist(cmd, type)                        optional behaviours
 */
#ifndef SIERRA_ABI_MMU_H
#define SIERRA_ABI_MMU_H

#include <sierra/pv-base.h>

/* mmu_update: the low 2 bits of ptr select the command */
#define PV_MMU_NORMAL_PT_UPDATE         0   /* *ptr = val, ptr a machine address, checked */
#define PV_MMU_MACHPHYS_UPDATE          1   /* M2P[ptr >> 12] = val */
#define PV_MMU_PT_UPDATE_PRESERVE_AD    2   /* as 0, keeping Accessed/Dirty */
#define PV_MMU_PT_UPDATE_NO_TRANSLATE   3   /* as 0, val never translated */

/* mmuext_op.cmd */
#define PV_MMUEXT_PIN_L1_TABLE          0
#define PV_MMUEXT_PIN_L2_TABLE          1
#define PV_MMUEXT_PIN_L3_TABLE          2
#define PV_MMUEXT_PIN_L4_TABLE          3
#define PV_MMUEXT_UNPIN_TABLE           4
#define PV_MMUEXT_NEW_BASEPTR           5   /* load the kernel CR3 */
#define PV_MMUEXT_TLB_FLUSH_LOCAL       6
#define PV_MMUEXT_INVLPG_LOCAL          7
#define PV_MMUEXT_TLB_FLUSH_MULTI       8
#define PV_MMUEXT_INVLPG_MULTI          9
#define PV_MMUEXT_TLB_FLUSH_ALL         10
#define PV_MMUEXT_INVLPG_ALL            11
#define PV_MMUEXT_FLUSH_CACHE           12
#define PV_MMUEXT_SET_LDT               13
#define PV_MMUEXT_NEW_USER_BASEPTR      15  /* x86_64: the user-mode CR3 */
#define PV_MMUEXT_CLEAR_PAGE            16
#define PV_MMUEXT_COPY_PAGE             17
#define PV_MMUEXT_FLUSH_CACHE_GLOBAL    18
#define PV_MMUEXT_MARK_SUPER            19
#define PV_MMUEXT_UNMARK_SUPER          20

/* update_va_mapping flags: flush type in bits 0-1, scope in bit 2 and up */
#define PV_UVMF_NONE                0UL
#define PV_UVMF_TLB_FLUSH           1UL
#define PV_UVMF_INVLPG              2UL
#define PV_UVMF_FLUSHTYPE_MASK      3UL
#define PV_UVMF_MULTI               0UL     /* | (vcpumask pointer) */
#define PV_UVMF_LOCAL               0UL
#define PV_UVMF_ALL                 (1UL << 2)

/* vm_assist */
#define PV_VMASST_CMD_enable                0
#define PV_VMASST_CMD_disable               1
#define PV_VMASST_TYPE_4gb_segments         0
#define PV_VMASST_TYPE_4gb_segments_notify  1
#define PV_VMASST_TYPE_writable_pagetables  2
#define PV_VMASST_TYPE_pae_extended_cr3     3
#define PV_VMASST_TYPE_architectural_iopl   4
#define PV_VMASST_TYPE_runstate_update_flag 5
#define PV_VMASST_TYPE_m2p_strict           32

#ifndef __ASSEMBLY__
struct pv_mmu_update {
    uint64_t ptr;   /* machine address of the entry | PV_MMU_* command */
    uint64_t val;   /* new contents */
};
typedef struct pv_mmu_update pv_mmu_update_t;
PV_DEFINE_HANDLE(mmu_update, pv_mmu_update_t);

struct pv_mmuext_op {
    unsigned int cmd;               /* PV_MMUEXT_* */
    union {
        pv_pfn_t mfn;               /* pin/unpin, NEW_BASEPTR, CLEAR/COPY_PAGE dest */
        unsigned long linear_addr;  /* INVLPG_*, SET_LDT */
    } arg1;
    union {
        unsigned int nr_ents;       /* SET_LDT */
        PV_HANDLE(const_void) vcpumask; /* *_MULTI */
        pv_pfn_t src_mfn;           /* COPY_PAGE */
    } arg2;
};
typedef struct pv_mmuext_op pv_mmuext_op_t;
PV_DEFINE_HANDLE(mmuext_op, pv_mmuext_op_t);
#endif

#endif
