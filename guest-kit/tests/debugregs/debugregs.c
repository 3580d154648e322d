/*
 * debugregs: the debug registers and control registers of a PV kernel, the
 * way XTF-style and Linux kernels use them: natively (`mov %drN`, `mov
 * %crN`, which trap and are emulated) and through set_debugreg /
 * get_debugreg. One line per check with the values seen, so tests/xen-diff
 * compares Xen 4.17 and Sierra value by value:
 *   the reset state; what each register keeps of a write; the refusals
 *   (breakpoints in the hole, GD, reserved bits, I/O breakpoints without
 *   CR4.DE, registers past 7); a write watchpoint that fires at once after
 *   one `mov` to DR7 (no second write, no reschedule needed to latch it), a
 *   read watchpoint, an instruction breakpoint (a fault: RIP at the
 *   instruction), single-step; I/O breakpoints, which are only remembered;
 *   CR0.TS and CR2, CR3 and CR4 (TSD: rdtsc still works in the kernel).
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <sierra/errno.h>
#include <hv/lib.h>

#define DR6_DEFAULT     0xffff0ff0UL
#define DR7_DEFAULT     0x400UL
#define DR7_GE          (1UL << 9)
#define DR7_GD          (1UL << 13)
#define DR7_G(n)        (2UL << ((n) * 2))
#define DR7_RW(n, rw)   ((unsigned long)(rw) << (16 + (n) * 4))
#define DR7_LEN(n, len) ((unsigned long)(len) << (18 + (n) * 4))
#define RW_EXEC         0
#define RW_WRITE        1
#define RW_IO           2
#define RW_RDWR         3
#define LEN_4           3
#define LEN_8           2
#define CR4_TSD         (1UL << 2)
#define CR4_DE          (1UL << 3)
#define CR0_TS          (1UL << 3)
#define EFLAGS_TF       (1UL << 8)
#define HOLE            0xffff830000000000UL
#define UNMAPPED        0xffffffff80c00000UL

static struct kit_trap_frame seen;
static volatile unsigned int traps;
static bool stop_dr7;                   /* the handler clears DR7 (instruction breakpoints) */
static unsigned long skip;              /* bytes to step over a faulting instruction */

static void on_trap(struct kit_trap_frame *f)
{
    seen = *f;
    traps++;
    f->rflags &= ~EFLAGS_TF;
    f->rip += skip;
    if ( stop_dr7 )
        hyp_set_debugreg(7, 0);
}

#define READ_DR(n) ({ unsigned long v_; asm volatile("mov %%db" #n ", %0" : "=r"(v_)); v_; })
#define WRITE_DR(n, v) asm volatile("mov %0, %%db" #n :: "r"((unsigned long)(v)) : "memory")
#define READ_CR(n) ({ unsigned long v_; asm volatile("mov %%cr" #n ", %0" : "=r"(v_)); v_; })
#define WRITE_CR(n, v) asm volatile("mov %0, %%cr" #n :: "r"((unsigned long)(v)) : "memory")

/* a trap expected or not: "none", or the vector and error code seen */
static const char *trap_seen(unsigned int before)
{
    static char buf[48];

    if ( traps == before )
        return "none";
    snprintf(buf, sizeof(buf), "vector %lu error %#lx", (unsigned long)seen.vector,
             (unsigned long)seen.error_code);
    return buf;
}

static void reset_state(void)
{
    static const unsigned long dr6 = DR6_DEFAULT;

    check(READ_DR(0) == 0 && READ_DR(1) == 0 && READ_DR(2) == 0 && READ_DR(3) == 0,
          "mov %%dr0-3 at start: all 0");
    check(READ_DR(6) == dr6, "mov %%dr6 at start: %#lx", READ_DR(6));
    check(READ_DR(7) == DR7_DEFAULT, "mov %%dr7 at start: %#lx", READ_DR(7));
    for ( int r = 0; r <= 7; r++ )
        check(hyp_get_debugreg(r) == (r == 4 || r == 6 ? (long)dr6 : r == 5 || r == 7 ? 0x400 : 0),
              "get_debugreg(%d) at start: %#lx", r, (unsigned long)hyp_get_debugreg(r));
    check(hyp_get_debugreg(8) == -PV_ENODEV, "get_debugreg(8): %ld", hyp_get_debugreg(8));
    check(hyp_get_debugreg(-1) == -PV_ENODEV, "get_debugreg(-1): %ld", hyp_get_debugreg(-1));
}

static void writes_and_refusals(void)
{
    unsigned long x = 0;
    long rc;

    check(hyp_set_debugreg(0, (unsigned long)&x) == 0 &&
          hyp_get_debugreg(0) == (long)&x && READ_DR(0) == (unsigned long)&x,
          "set_debugreg(0, a kernel address): kept, mov %%dr0 agrees");
    WRITE_DR(1, 0x1000);
    check(hyp_get_debugreg(1) == 0x1000, "mov to %%dr1: get_debugreg(1) = %#lx",
          (unsigned long)hyp_get_debugreg(1));
    check(hyp_set_debugreg(2, HOLE) == -PV_EPERM, "set_debugreg(2, in the hole): %ld",
          hyp_set_debugreg(2, HOLE));
    check(hyp_set_debugreg(3, 0x0000800000000000UL) == -PV_EPERM,
          "set_debugreg(3, non-canonical): %ld", hyp_set_debugreg(3, 0x0000800000000000UL));
    rc = hyp_set_debugreg(6, 0);
    check(rc == 0 && hyp_get_debugreg(6) == (long)DR6_DEFAULT,
          "set_debugreg(6, 0): %ld, reads %#lx (reserved bits stay 1)", rc,
          (unsigned long)hyp_get_debugreg(6));
    check(hyp_set_debugreg(6, 1UL << 32) == -PV_EINVAL, "set_debugreg(6, bit 32): %ld",
          hyp_set_debugreg(6, 1UL << 32));
    check(hyp_set_debugreg(7, 1UL << 32) == -PV_EINVAL, "set_debugreg(7, bit 32): %ld",
          hyp_set_debugreg(7, 1UL << 32));
    check(hyp_set_debugreg(7, DR7_GD) == -PV_EPERM, "set_debugreg(7, GD): %ld",
          hyp_set_debugreg(7, DR7_GD));
    rc = hyp_set_debugreg(7, 0xd800);
    check(rc == 0 && hyp_get_debugreg(7) == (long)DR7_DEFAULT,
          "set_debugreg(7, bits 11, 12, 14, 15): %ld, reads %#lx", rc,
          (unsigned long)hyp_get_debugreg(7));
    check(hyp_set_debugreg(7, DR7_G(0) | DR7_RW(0, RW_IO)) == -PV_EPERM,
          "set_debugreg(7, an I/O breakpoint without CR4.DE): %ld",
          hyp_set_debugreg(7, DR7_G(0) | DR7_RW(0, RW_IO)));
    rc = hyp_set_debugreg(4, 0x1);
    check(rc == 0 && hyp_get_debugreg(6) == (long)(DR6_DEFAULT | 1),
          "set_debugreg(4, 1) writes DR6 (CR4.DE clear): %ld, DR6 %#lx", rc,
          (unsigned long)hyp_get_debugreg(6));
    check(hyp_set_debugreg(8, 0) == -PV_ENODEV, "set_debugreg(8): %ld", hyp_set_debugreg(8, 0));
    hyp_set_debugreg(0, 0);
    hyp_set_debugreg(1, 0);
    hyp_set_debugreg(6, DR6_DEFAULT);
    hyp_set_debugreg(7, 0);
}

static volatile unsigned int target;
extern const char wp_after[], rp_after[], bp_at[], ss_after[];

static void breakpoints(void)
{
    unsigned int before;
    unsigned long dr6;

    skip = 0;
    WRITE_DR(0, &target);
    before = traps;
    WRITE_DR(7, DR7_GE | DR7_G(0) | DR7_RW(0, RW_WRITE) | DR7_LEN(0, LEN_4));
    asm volatile("movl $1, %0\n.globl wp_after\nwp_after:" : "=m"(target));
    dr6 = READ_DR(6);
    check(traps == before + 1 && seen.vector == 1 && seen.rip == (unsigned long)wp_after,
          "one mov to %%dr7, then a write to the watched word: %s, rip at the next instruction %s",
          trap_seen(before), seen.rip == (unsigned long)wp_after ? "yes" : "no");
    check((dr6 & 0xf) == 1 && (dr6 | 0xf) == (DR6_DEFAULT | 0xf), "%%dr6 after it: %#lx", dr6);
    WRITE_DR(6, DR6_DEFAULT);
    before = traps;
    (void)target;
    check(traps == before, "a read of the write-watched word: %s", trap_seen(before));
    WRITE_DR(7, DR7_GE | DR7_G(0) | DR7_RW(0, RW_RDWR) | DR7_LEN(0, LEN_4));
    before = traps;
    asm volatile("mov %0, %%eax\n.globl rp_after\nrp_after:" :: "m"(target) : "rax");
    check(traps == before + 1 && seen.rip == (unsigned long)rp_after,
          "read/write watch, a read: %s", trap_seen(before));
    WRITE_DR(7, 0);
    before = traps;
    target = 2;
    check(traps == before, "%%dr7 = 0, then a write: %s", trap_seen(before));
    check(READ_DR(7) == DR7_DEFAULT, "%%dr7 reads %#lx", READ_DR(7));

    WRITE_DR(6, DR6_DEFAULT);
    WRITE_DR(0, bp_at);
    stop_dr7 = true;
    before = traps;
    WRITE_DR(7, DR7_G(0) | DR7_RW(0, RW_EXEC));
    asm volatile(".globl bp_at\nbp_at: nop");
    stop_dr7 = false;
    check(traps == before + 1 && seen.rip == (unsigned long)bp_at,
          "instruction breakpoint: %s, rip at the instruction %s", trap_seen(before),
          seen.rip == (unsigned long)bp_at ? "yes" : "no");
    check((READ_DR(6) & 0xf) == 1, "%%dr6 after it: %#lx", READ_DR(6));
    WRITE_DR(0, 0);
    WRITE_DR(6, DR6_DEFAULT);

    /* a watchpoint on the SS slot of the frame the hypervisor writes for an
     * int3 here (16-byte aligned below RSP, SS highest): hit in the
     * hypervisor, which drops it; the guest sees only its int3 (its handler
     * only reads that slot) */
    {
        unsigned long sp;

        asm volatile("mov %%rsp, %0" : "=r"(sp));
        WRITE_DR(0, (sp & ~0xfUL) - 8);
        WRITE_DR(7, DR7_GE | DR7_G(0) | DR7_RW(0, RW_WRITE) | DR7_LEN(0, LEN_8));
    }
    before = traps;
    asm volatile("int3");
    WRITE_DR(7, 0);
    check(traps == before + 1 && seen.vector == 3,
          "a watchpoint on the stack the int3 frame is written to: %s (the hypervisor hit it)",
          trap_seen(before));
    WRITE_DR(0, 0);
    WRITE_DR(6, DR6_DEFAULT);

    before = traps;
    asm volatile("pushf; orq $0x100, (%%rsp); popf; nop\n.globl ss_after\nss_after:" ::: "cc");
    check(traps == before + 1 && seen.vector == 1, "single step (TF): %s", trap_seen(before));
    check(READ_DR(6) == (DR6_DEFAULT | (1UL << 14)), "%%dr6 after it: %#lx (BS)", READ_DR(6));
    WRITE_DR(6, DR6_DEFAULT);
}

static void io_breakpoints(void)
{
    unsigned long cr4 = READ_CR(4);
    unsigned long io0 = DR7_G(0) | DR7_RW(0, RW_IO) | DR7_LEN(0, LEN_4) | DR7_GE | DR7_DEFAULT;
    unsigned long io1 = DR7_RW(1, RW_IO) | DR7_LEN(1, LEN_4) | DR7_DEFAULT;
    unsigned int before;

    WRITE_CR(4, cr4 | CR4_DE);
    check(READ_CR(4) == (cr4 | CR4_DE), "mov to %%cr4 with DE: reads %#lx", READ_CR(4));
    WRITE_DR(7, io0);
    check(READ_DR(7) == io0, "an I/O breakpoint with CR4.DE: %%dr7 reads %#lx", READ_DR(7));
    WRITE_DR(7, io1);
    check(READ_DR(7) == io1, "an inactive one: %%dr7 reads %#lx (no stale enables)", READ_DR(7));
    WRITE_DR(7, io0);
    skip = 3;
    before = traps;
    asm volatile("mov %%db4, %%rax" ::: "rax");
    check(traps == before + 1 && seen.vector == 6, "mov %%dr4 with CR4.DE: %s", trap_seen(before));
    WRITE_CR(4, cr4);
    before = traps;
    asm volatile("mov %0, %%db7" :: "r"(io0));
    check(traps == before + 1 && seen.vector == 13 && seen.error_code == 0,
          "CR4.DE clear, then an I/O breakpoint: %s", trap_seen(before));
    check(READ_DR(7) == io0, "and %%dr7 still reads %#lx", READ_DR(7));
    WRITE_DR(7, 0);
    check(READ_DR(7) == DR7_DEFAULT, "cleared: %#lx", READ_DR(7));
}

static void control_registers(void)
{
    unsigned long cr0 = READ_CR(0), cr4 = READ_CR(4), cr3 = READ_CR(3), x = UNMAPPED;
    unsigned long t1, t2;
    unsigned int lo, hi, before;

    check(!(cr0 & CR0_TS), "mov %%cr0: TS clear (%#lx)", cr0);
    hyp_fpu_taskswitch(1);
    check(READ_CR(0) == (cr0 | CR0_TS), "after fpu_taskswitch(1): TS set");
    WRITE_CR(0, cr0);
    check(READ_CR(0) == cr0, "mov to %%cr0 clearing TS: done");
    skip = 3;
    before = traps;
    WRITE_CR(0, cr0 & ~(1UL << 16));
    check(traps == before + 1 && seen.vector == 13, "mov to %%cr0 clearing WP: %s",
          trap_seen(before));
    check(!(cr4 & (CR4_TSD | CR4_DE)), "mov %%cr4: %#lx", cr4);
    WRITE_CR(4, cr4 | (1UL << 8) | (1UL << 13));
    check(READ_CR(4) == cr4, "mov to %%cr4 of PCE, VMXE: dropped (%#lx)", READ_CR(4));
    WRITE_CR(4, cr4 | CR4_TSD);
    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
    t1 = ((unsigned long)hi << 32) | lo;
    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
    t2 = ((unsigned long)hi << 32) | lo;
    check(READ_CR(4) == (cr4 | CR4_TSD) && t2 > t1 && t1,
          "CR4.TSD set: the kernel's rdtsc still counts");
    WRITE_CR(4, cr4);
    skip = 3;
    asm volatile("mov (%0), %0" : "+r"(x) :: "memory");
    check(READ_CR(2) == UNMAPPED, "mov %%cr2 after a #PF: the address");
    WRITE_CR(2, 0x1234);
    check(READ_CR(2) == 0x1234, "mov to %%cr2: kept");
    WRITE_CR(3, cr3);
    check(READ_CR(3) == cr3, "mov to %%cr3 of the current L4: done");
    skip = 3;
    before = traps;
    WRITE_CR(3, 0);
    check(traps == before + 1 && seen.vector == 13 && READ_CR(3) == cr3,
          "mov to %%cr3 of a frame not an L4: %s, unchanged", trap_seen(before));
}

int main(void)
{
    kit_trap_handler = on_trap;
    check(kit_install_traps(0) == 0, "set_trap_table: vectors 0-31");
    reset_state();
    writes_and_refusals();
    breakpoints();
    io_breakpoints();
    control_registers();
    printf("debugregs: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
