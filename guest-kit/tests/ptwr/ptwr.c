/*
 * ptwr: writable page tables - a PV kernel writing its own L1 entries with
 * ordinary instructions through its read-only mapping of them, as kernels
 * built for XENFEAT_writable_page_tables do (a plain store, xchg, lock
 * cmpxchg, lock btr, a 4-byte store). The hypervisor must emulate each write
 * after validating the new entry exactly as mmu_update would, and refuse
 * (a #PF to the guest, the entry unchanged) an entry mapping what the guest
 * may not map writable, and writes to tables above L1. Each line shows the
 * outcome and the flags the entry ends with (bits only the guest decides).
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <sierra/shared-info.h>
#include <hv/lib.h>

/* like Linux, this kernel requires writable page tables of the hypervisor
 * (a second FEATURES note; builders OR them together, as Xen's does) */
asm(".pushsection .note.Xen, \"a\", @note\n"
    ".balign 4\n"
    ".long 4, 2f - 1f, 9\n"            /* XEN_ELFNOTE_FEATURES */
    ".asciz \"Xen\"\n"
    "1: .asciz \"!writable_page_tables\"\n"
    "2: .balign 4\n"
    ".popsection");

#define P_RW_A_D    0x63UL
#define ADDR_MASK   0x000ffffffffff000UL
#define GUEST_FLAGS 0x63UL          /* P RW A D: what the guest alone decides */

static struct kit_trap_frame seen;
static volatile struct pv_shared_info *si;
static unsigned long seen_cr2;
static unsigned int faults;
static unsigned long skip;

static void on_trap(struct kit_trap_frame *f)
{
    seen = *f;
    seen_cr2 = si->vcpu_info[0].arch.cr2;
    faults++;
    f->rip += skip;
}

/* the stores, each a single instruction of known length, rdi = the entry */
static void store(unsigned long *e, unsigned long v)
{
    skip = 3;
    asm volatile("movq %1, (%0)" :: "D"(e), "S"(v) : "memory");   /* 48 89 37 */
}

static unsigned long xchg(unsigned long *e, unsigned long v)
{
    skip = 3;
    asm volatile("xchgq %1, (%2)" : "=S"(v) : "0"(v), "D"(e) : "memory");
    return v;
}

static unsigned long cmpxchg(unsigned long *e, unsigned long old, unsigned long v)
{
    skip = 5;
    asm volatile("lock cmpxchgq %2, (%3)" : "=a"(old) : "0"(old), "S"(v), "D"(e) : "memory");
    return old;
}

static void btr_rw(unsigned long *e)
{
    skip = 6;
    asm volatile("lock btrq $1, (%0)" :: "D"(e) : "memory");     /* f0 48 0f ba 37 01 */
}

static void store32(unsigned int *e, unsigned int v)
{
    skip = 2;
    asm volatile("movl %1, (%0)" :: "D"(e), "S"(v) : "memory");   /* 89 37 */
}

static void *table_below(const unsigned long *t, unsigned int idx)
{
    return pfn_to_virt(mfn_to_pfn((t[idx] & ADDR_MASK) >> 12));
}

static void flush(void *va)
{
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_INVLPG_LOCAL, .arg1.linear_addr = (unsigned long)va };

    hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
}

static unsigned long mfn_of(void *va)
{
    return pfn_to_mfn(virt_to_pfn(va));
}

static void outcome(const char *what, unsigned int faults_before, unsigned long *e)
{
    if ( faults != faults_before )
        check(seen.vector == 14 && seen_cr2 == (unsigned long)e,
              "%s: #PF, error %#lx, at the entry", what, (unsigned long)seen.error_code);
    else
        check(1, "%s: done, entry flags %#lx", what, *e & GUEST_FLAGS);
}

int main(void)
{
    unsigned long *x = kit_spare_page(5), *d = kit_spare_page(3), va = (unsigned long)x;
    const unsigned long *l4 = (const unsigned long *)start_info->pt_base;
    const unsigned long *l3 = table_below(l4, (va >> 39) & 511);
    unsigned long *l2 = table_below(l3, (va >> 30) & 511);
    unsigned long *l1 = table_below(l2, (va >> 21) & 511), *e = &l1[(va >> 12) & 511];
    unsigned long own = (mfn_of(x) << 12) | P_RW_A_D, other = (mfn_of(d) << 12) | P_RW_A_D;
    unsigned long old, m2p_l3 = l4[256] & ADDR_MASK;
    unsigned int f;
    long rc;

    printf("ptwr: start\n");
    si = kit_spare_page(6);
    hyp_update_va_mapping((unsigned long)si, start_info->shared_info | 0x67, PV_UVMF_INVLPG);
    kit_trap_handler = on_trap;
    kit_install_traps(0);
    *x = 0x5555;
    *d = 0xdddd;

    f = faults;
    store(e, other);
    flush(x);
    outcome("plain store of a new entry (vm_assist off)", f, e);
    check(*x == 0xdddd || faults != f, "the new mapping is live after a store, or it faulted");

    rc = hyp_vm_assist(PV_VMASST_CMD_enable, PV_VMASST_TYPE_writable_pagetables);
    check(1, "vm_assist enable writable_pagetables -> %ld", rc);
    f = faults;
    store(e, own);
    flush(x);
    outcome("plain store over a present entry", f, e);
    check(*x == (faults == f ? 0x5555UL : *x), "reads through whatever the entry now maps");

    f = faults;
    old = xchg(e, other);
    flush(x);
    outcome("xchg", f, e);
    check(faults != f || ((old & ADDR_MASK) == (own & ADDR_MASK) && *x == 0xdddd),
          "xchg returned the old entry and the new one is live");

    f = faults;
    old = cmpxchg(e, *e, own);
    flush(x);
    outcome("lock cmpxchg", f, e);
    check(faults != f || *x == 0x5555, "after cmpxchg the entry maps the page again");

    f = faults;
    btr_rw(e);
    flush(x);
    outcome("lock btr of the RW bit", f, e);

    f = faults;
    store32((unsigned int *)e, (unsigned int)other);
    flush(x);
    outcome("4-byte store of the low half", f, e);

    f = faults;
    old = *e;
    store(e, m2p_l3 | P_RW_A_D);
    outcome("store mapping a hypervisor page table writable", f, e);
    check(*e == old, "the entry is unchanged");

    f = faults;
    old = *e;
    store(e, (mfn_of(l1) << 12) | P_RW_A_D);
    outcome("store mapping its own L1 writable", f, e);
    check(*e == old, "the entry is unchanged");

    f = faults;
    old = l2[((va >> 21) & 511) + 1];
    store(&l2[((va >> 21) & 511) + 1], old);
    outcome("store into the L2", f, &l2[((va >> 21) & 511) + 1]);

    hyp_update_va_mapping(va, own, PV_UVMF_INVLPG);
    check(*x == 0x5555, "update_va_mapping puts the page back");

    rc = hyp_vm_assist(PV_VMASST_CMD_disable, PV_VMASST_TYPE_writable_pagetables);
    f = faults;
    old = *e;
    store(e, other);
    outcome("vm_assist disable writable_pagetables, then a store", f, e);
    check(rc == 0, "disable -> %ld (the store above is emulated all the same)", rc);
    hyp_vm_assist(PV_VMASST_CMD_enable, PV_VMASST_TYPE_writable_pagetables);
    f = faults;
    store(e, own);
    outcome("enabled again, a store", f, e);
    printf("ptwr: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
