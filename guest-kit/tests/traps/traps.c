/*
 * traps: exceptions and system calls bounced to a PV kernel, and ring
 * compression (kernel and user both in ring 3, separate page tables). Every
 * line prints what the guest saw - vector, error code, where RIP pointed, the
 * CS and event mask in the frame, CR2 - so tests/xen-diff compares Xen's and
 * Sierra's frames field by field. Last, user mode the way XTF runs it: the
 * kernel's own L4 as the user page tables too, and SYSCALL from 32-bit user
 * code (CSTAR: once an unset MSR that sent ring 0 to address 0).
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra-guest/traps.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <hv/lib.h>
#include <sierra/shared-info.h>

#define UNMAPPED 0xffffffff80c00000UL

static struct kit_trap_frame seen;
static unsigned long skip;

static void record(struct kit_trap_frame *f)
{
    seen = *f;
    f->rip += skip;
}

extern const char ud2_at[], int3_after[], pf_at[], wp_at[], gp_at[], int80_at[],
                  de_at[], user_main[], user_syscall_after[], user_shared[];

static void show(const char *what, const char *at)
{
    check(1, "%s: vector %lu, error %#lx, rip %s%ld, cs %#lx (mask %lu), IF %lu", what,
          (unsigned long)seen.vector, (unsigned long)seen.error_code,
          (long)(seen.rip - (unsigned long)at) >= 0 ? "+" : "", (long)(seen.rip - (unsigned long)at),
          (unsigned long)(seen.cs & 0xffff), (unsigned long)(seen.cs >> 32),
          (unsigned long)((seen.rflags >> 9) & 1));
}

/* the shared-info page, mapped once over a spare page */
static struct pv_shared_info *shared_info(void)
{
    static struct pv_shared_info *si;

    if ( !si )
    {
        si = kit_spare_page(8);
        hyp_update_va_mapping((unsigned long)si, start_info->shared_info | 0x67, PV_UVMF_INVLPG);
    }
    return si;
}

static void exceptions(void)
{
    unsigned long x = UNMAPPED, zero = 0;

    kit_trap_handler = record;
    /* (no `int $n` through a DPL-3 entry here: under QEMU TCG, Xen itself
     * misreads the vector of such an `int`, so there is no reference) */
    check(kit_install_traps(0) == 0, "set_trap_table: vectors 0-31");

    skip = 2;
    asm volatile(".globl ud2_at\nud2_at: ud2");
    show("ud2", ud2_at);
    skip = 0;
    asm volatile("int3\n.globl int3_after\nint3_after:");
    show("int3", int3_after);
    skip = 3;
    asm volatile(".globl pf_at\npf_at: mov (%0), %0" : "+r"(x) :: "memory");
    show("read of an unmapped page", pf_at);
    check(shared_info()->vcpu_info[0].arch.cr2 == UNMAPPED, "vcpu_info.arch.cr2 holds the address");
    skip = 3;
    asm volatile(".globl wp_at\nwp_at: mov %0, (%1)" :: "r"(0UL), "r"(start_info->pt_base) : "memory");
    show("write to a page table (mapped read-only)", wp_at);
    skip = 2;
    asm volatile(".globl gp_at\ngp_at: rdmsr" :: "c"(0xdeadbeef) : "rax", "rdx");
    show("rdmsr of an unknown MSR", gp_at);
    skip = 2;
    asm volatile(".globl int80_at\nint80_at: int $0x80");
    show("int $0x80 with no handler", int80_at);
    skip = 3;
    asm volatile(".globl de_at\nde_at: div %%rcx" :: "a"(1UL), "d"(0UL), "c"(zero));
    show("divide by zero", de_at);
}

static void user_mode(void)
{
    char *ustack = kit_spare_page(1);
    long rc;

    /* user mode sees the kernel image (a test guest) */
    rc = kit_make_user_tables(0);
    check(rc == 0, "user L4 (read-only) as MMUEXT_NEW_USER_BASEPTR -> %ld", rc);
    check(kit_register_syscall() == 0, "callback_op: register the syscall callback");
    rc = hyp_stack_switch(0xe02b, (unsigned long)kit_spare_page(2) + 4096);
    check(rc == 0, "stack_switch: kernel stack for traps from user mode -> %ld", rc);
    kit_enter_user((unsigned long)user_main, (unsigned long)(ustack + 4096));
    check(kit_syscall_rax == 42, "syscall from user mode reached the kernel with rax %lu",
          (unsigned long)kit_syscall_rax);
    check(kit_syscall_rip == (unsigned long)user_syscall_after,
          "syscall frame: RIP is after the syscall instruction");
    check(kit_syscall_cs == 0xe033, "syscall frame: CS %#lx (user)", (unsigned long)kit_syscall_cs);
}

/* XTF's way: one address space, the kernel's L4 as the user baseptr too;
 * every guest mapping is user-accessible on 64-bit PV, so user code writes
 * kernel data */
unsigned long user_wrote;

static void shared_user_mode(void)
{
    char *ustack = kit_spare_page(3);
    unsigned long cr3;
    long rc;

    asm volatile("mov %%cr3, %0" : "=r"(cr3));
    rc = kit_new_user_baseptr(cr3 >> 12);
    check(rc == 0, "MMUEXT_NEW_USER_BASEPTR of the kernel's own L4 -> %ld", rc);
    kit_syscall_rax = 0;
    kit_enter_user((unsigned long)user_shared, (unsigned long)(ustack + 4096));
    check(kit_syscall_rax == 42 && user_wrote == 0x5a5a,
          "user mode on the kernel's tables wrote kernel data (%#lx) and came back",
          user_wrote);
}

asm(".text\n.globl user_shared\nuser_shared:\n"
    "  movq $0x5a5a, user_wrote(%rip)\n  mov $42, %eax\n  syscall\n  ud2\n");

asm(".text\n.globl user_main\nuser_main:\n"
    "  mov $42, %eax\n  syscall\n.globl user_syscall_after\nuser_syscall_after:\n  ud2\n");

/* SYSCALL from 32-bit user code (CS 0xe023, code mapped at 1 GiB): no
 * hypercall; with no syscall32 callback it reaches the syscall callback */
static uint64_t cl3[512] __attribute__((aligned(4096))), cl2[512] __attribute__((aligned(4096))),
                cl1[512] __attribute__((aligned(4096)));
extern const char compat_code[], to_compat[];

asm(".text\n.balign 4096\n.globl compat_code\ncompat_code:\n"
    ".code32\n  mov $42, %eax\n  syscall\n  ud2\n.code64\n"
    ".globl to_compat\nto_compat:\n"
    "  pushq $0xe023\n  pushq $0x40000000\n  lretq\n");

static unsigned long pte_of(const void *va, unsigned long flags)
{
    return (virt_to_mfn(va) << 12) | flags;
}

static void compat_syscall(void)
{
    uint64_t *l4 = (uint64_t *)start_info->pt_base;
    struct pv_mmu_update mu;
    long rc = 0;

    cl1[0] = pte_of(compat_code, 0x65);
    cl2[0] = pte_of(cl1, 0x67);
    cl3[1] = pte_of(cl2, 0x67);
    rc |= hyp_update_va_mapping((unsigned long)cl1, pte_of(cl1, 0x65), PV_UVMF_INVLPG);
    rc |= hyp_update_va_mapping((unsigned long)cl2, pte_of(cl2, 0x65), PV_UVMF_INVLPG);
    rc |= hyp_update_va_mapping((unsigned long)cl3, pte_of(cl3, 0x65), PV_UVMF_INVLPG);
    mu = (struct pv_mmu_update){ .ptr = virt_to_mfn(l4) << 12, .val = pte_of(cl3, 0x67) };
    rc |= hyp_mmu_update(&mu, 1, NULL, PV_DOMID_SELF);
    check(rc == 0, "32-bit user code mapped at 1 GiB -> %ld", rc);
    kit_syscall_rax = 0;
    kit_enter_user((unsigned long)to_compat, (unsigned long)kit_spare_page(3) + 4096);
    /* (the frame's CS is not compared: Xen under TCG reports 0xe033 there) */
    check(kit_syscall_rax == 42 && kit_syscall_rip == 0x40000007UL,
          "SYSCALL from 32-bit user code reached the syscall callback: rax %lu, rip %#lx",
          (unsigned long)kit_syscall_rax, (unsigned long)kit_syscall_rip);
    mu.val = 0;
    hyp_mmu_update(&mu, 1, NULL, PV_DOMID_SELF);
}

int main(void)
{
    printf("traps: start\n");
    exceptions();
    user_mode();
    shared_user_mode();
    compat_syscall();
    printf("traps: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
