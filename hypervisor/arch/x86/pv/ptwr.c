/*
 * Writable page tables (XENFEAT_writable_page_tables): a PV kernel may write
 * an entry of one of its own L1 tables with an ordinary instruction, through
 * the read-only mapping it has of the table. The write faults; if the guest
 * kernel was writing (not fetching, no reserved bit) to a present read-only
 * mapping of a frame of its own that is in use as an L1 table, the
 * instruction is decoded (asm/pv/ptwr-insn.h), its effect on the 8-byte entry
 * computed, and the new entry goes through pt_mod_entry - the very check
 * mmu_update makes - before it is written and RIP moves on. Anything else,
 * including a refused entry or a table above L1 (as Xen), stays the guest's
 * own page fault. Emulation is always on, as Xen 4.17 has it for 64-bit PV
 * guests (measured: vm_assist may enable or disable writable_pagetables,
 * and the writes are emulated either way).
 */
#include <asm/guest-access.h>
#include <asm/page.h>
#include <asm/pv/mm.h>
#include <asm/pv/ptwr-insn.h>
#include <asm/pv/traps.h>
#include <hv/mm.h>

#define PFEC_PRESENT    (1u << 0)
#define PFEC_WRITE      (1u << 1)
#define PFEC_RSVD       (1u << 3)
#define PFEC_FETCH      (1u << 4)

static u64 *gpr(struct cpu_regs *r, unsigned int n)
{
    u64 *order[16] = {
        &r->rax, &r->rcx, &r->rdx, &r->rbx, &r->rsp, &r->rbp, &r->rsi, &r->rdi,
        &r->r8, &r->r9, &r->r10, &r->r11, &r->r12, &r->r13, &r->r14, &r->r15,
    };

    return order[n];
}

/* the instruction bytes at rip, as many of up to 15 as can be read */
static size_t fetch(u64 rip, u8 insn[15])
{
    size_t n = 0;

    while ( n < 15 && !copy_from_guest(&insn[n], rip + n, 1) )
        n++;
    return n;
}

bool pv_ptwr_emulate(struct cpu_regs *regs, u64 cr2)
{
    struct vcpu *v = current;
    struct domain *d = v->domain;
    pfn_t l1, table;
    unsigned int idx;
    struct ptwr_insn insn;
    u8 bytes[15];
    u64 gprs[16], rflags = regs->rflags, old, new;
    pte_t pte;
    int rc;

    if ( !v->kernel_mode ||
         (regs->error_code & (PFEC_PRESENT | PFEC_WRITE | PFEC_RSVD | PFEC_FETCH)) !=
         (PFEC_PRESENT | PFEC_WRITE) )
        return false;
    if ( pv_find_l1(v->guest_table, cr2, &l1, &idx) )
        return false;
    pte = ((const pte_t *)maddr_to_virt(l1 << PAGE_SHIFT))[idx];
    if ( (pte & (_PAGE_PRESENT | _PAGE_RW)) != _PAGE_PRESENT )
        return false;
    table = (pte & PTE_ADDR_MASK) >> PAGE_SHIFT;
    if ( table >= nr_frames || frame_table[table].state != FRAME_ALLOCATED ||
         frame_table[table].owner != d->id ||
         pt_type_level(frame_table[table].type_info) != 1 ||
         !(frame_table[table].type_info & PGT_COUNT_MASK) )
        return false;
    if ( ptwr_decode(bytes, fetch(regs->rip, bytes), &insn) )
        return false;
    for ( unsigned int i = 0; i < 16; i++ )
        gprs[i] = *gpr(regs, i);
    old = ((const u64 *)maddr_to_virt(table << PAGE_SHIFT))[(cr2 & (PAGE_SIZE - 1)) / 8];
    rc = ptwr_execute(&insn, old, cr2 & 7, gprs, &rflags, &new);
    if ( rc < 0 )
        return false;
    if ( rc && pt_mod_entry(&pv_pt_env, table, 1, (unsigned int)((cr2 & (PAGE_SIZE - 1)) / 8), new,
                            d->id, d->id) )
        return false;           /* an entry the guest may not have: its #PF */
    for ( unsigned int i = 0; i < 16; i++ )
        *gpr(regs, i) = gprs[i];
    regs->rflags = rflags;
    regs->rip += insn.len;
    return true;
}
