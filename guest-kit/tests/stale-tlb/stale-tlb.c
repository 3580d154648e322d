/*
 * stale-tlb: a guest may turn a writable mapping read-only without asking
 * for a TLB flush (update_va_mapping with no flush flag, as Linux does before
 * pinning its page tables), so the CPU may still hold the writable
 * translation. If the frame then became a page table with no flush, the
 * guest could write its live page table through the stale entry - here, an
 * L1 entry mapping that L1 itself writable, which validation refuses. The
 * hypervisor must flush when it retypes the frame (Xen's tlbflush_timestamp):
 * then the write faults, is refused as a page-table write (ptwr), and the
 * guest gets its #PF with the table untouched.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra-guest/traps.h>
#include <sierra/mmu.h>

static volatile unsigned int faults;
static volatile unsigned long fault_error;

static void on_trap(struct kit_trap_frame *f)
{
    if ( f->vector != 14 )
    {
        printf("not ok - vector %lu at %#lx\n", (unsigned long)f->vector, (unsigned long)f->rip);
        shutdown(3);
    }
    faults++;
    fault_error = f->error_code;
    f->rip += 3;                        /* mov %rax,(%rdi): 48 89 07 */
}

int main(void)
{
    volatile unsigned long *page;
    unsigned long mfn, self_rw;
    long rc;

    printf("stale-tlb: start\n");
    kit_trap_handler = on_trap;
    kit_install_traps(0);
    page = kit_alloc_page();
    mfn = virt_to_mfn((const void *)page);
    page[5] = 0;                        /* the writable translation is in the TLB */
    check(page[5] == 0, "a fresh page, written through its writable mapping");
    rc = hyp_update_va_mapping((unsigned long)page, (mfn << 12) | KIT_PTE_RO, 0);
    check(rc == 0, "mapped read-only, no flush asked -> %ld", rc);
    rc = kit_pin(1, mfn);
    check(rc == 0, "pinned as an L1 table -> %ld", rc);
    self_rw = (mfn << 12) | KIT_PTE_RWX;
    asm volatile("mov %0, (%1)" :: "a"(self_rw), "D"(&page[5]) : "memory");
    check(faults == 1, "a write of an entry mapping the table writable faults (%u faults)",
          faults);
    check(fault_error & 1, "as a protection fault on a present page (error %#lx)", fault_error);
    check(page[5] == 0, "and the live table is unchanged (%#lx)", page[5]);
    rc = kit_unpin(mfn);
    check(rc == 0, "unpinned -> %ld", rc);
    rc = kit_map((void *)page, mfn, KIT_PTE_RWX);
    check(rc == 0, "writable again -> %ld", rc);
    kit_free_page((void *)page);
    printf("stale-tlb: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
