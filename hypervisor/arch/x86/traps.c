/*
 * Exceptions raised by the hypervisor itself. A fault at an instruction listed
 * in the exception table is recovered: execution continues at its fixup and
 * the caller sees an error. Anything else is a hypervisor bug: print what
 * happened (vector, error code, registers, CR2 for #PF) and a backtrace with
 * symbol names, then stop the machine. Interrupt vectors (32-255) have no
 * users yet and are reported as unexpected.
 */
#include <asm/stacks.h>
#include <asm/traps.h>
#include <asm/pv/debugreg.h>
#include <asm/pv/traps.h>
#include <asm/irq.h>
#include <asm/x86.h>
#include <hv/printk.h>
#include <hv/symbols.h>
#include <hv/power.h>
#include <asm/extable.h>

struct fixup_record trap_fixups;

static const char *const exception_names[32] = {
    "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow",
    "#BR bound range", "#UD invalid opcode", "#NM device not available",
    "#DF double fault", "coprocessor overrun", "#TS invalid TSS",
    "#NP segment not present", "#SS stack fault", "#GP general protection",
    "#PF page fault", "reserved 15", "#MF x87 error", "#AC alignment check",
    "#MC machine check", "#XM SIMD error", "#VE virtualization",
    "#CP control protection",
};

static void print_symbol(const char *prefix, u64 addr)
{
    u64 offset, size;
    const char *name = symbol_lookup(addr, &offset, &size);

    if ( name )
        printk_level(LOG_ERR, "%s[%p] %s+%#lx/%#lx\n", prefix, (void *)addr, name,
                     (unsigned long)offset, (unsigned long)size);
    else
        printk_level(LOG_ERR, "%s[%p] ?\n", prefix, (void *)addr);
}

static bool on_hypervisor_stack(u64 addr)
{
    for ( unsigned int i = 0; i < NR_STACKS; i++ )
    {
        u64 lo = (u64)cpu0_stacks[i].stack, hi = lo + sizeof(cpu0_stacks[i].stack);

        if ( addr >= lo && addr + 16 <= hi )
            return true;
    }
    return false;
}

/* Follow the frame-pointer chain: [rbp] = caller's rbp, [rbp+8] = return address. */
void print_backtrace(u64 rip, u64 rbp)
{
    pr_err("Backtrace:\n");
    print_symbol("  ", rip);
    for ( unsigned int depth = 0; depth < 32; depth++ )
    {
        const u64 *frame = (const u64 *)rbp;

        if ( !rbp || (rbp & 7) || !on_hypervisor_stack(rbp) )
            break;
        if ( !frame[1] )
            break;
        print_symbol("  ", frame[1]);
        if ( frame[0] <= rbp )      /* the chain must go up the stack */
            break;
        rbp = frame[0];
    }
}

static void print_page_fault_detail(u64 error_code)
{
    pr_err("CR2 %p: %s %s access, %s mode%s%s\n", (void *)read_cr2(),
           error_code & 1 ? "protection violation on" : "not-present page on",
           error_code & 16 ? "instruction fetch" : error_code & 2 ? "write" : "read",
           error_code & 4 ? "user" : "supervisor",
           error_code & 8 ? ", reserved bit set" : "",
           error_code & 32 ? ", protection key" : "");
}

static void __noreturn fatal_trap(const struct cpu_regs *regs)
{
    const char *name = regs->vector < 32 ? exception_names[regs->vector] : NULL;

    pr_err("*** Fatal exception %lu (%s), error code %#lx\n",
           (unsigned long)regs->vector, name ? name : "reserved",
           (unsigned long)regs->error_code);
    print_symbol("RIP: ", regs->rip);
    pr_err("CS %04lx RFLAGS %016lx RSP %016lx SS %04lx\n",
           (unsigned long)regs->cs, (unsigned long)regs->rflags,
           (unsigned long)regs->rsp, (unsigned long)regs->ss);
    pr_err("RAX %016lx RBX %016lx RCX %016lx RDX %016lx\n",
           (unsigned long)regs->rax, (unsigned long)regs->rbx,
           (unsigned long)regs->rcx, (unsigned long)regs->rdx);
    pr_err("RSI %016lx RDI %016lx RBP %016lx R8  %016lx\n",
           (unsigned long)regs->rsi, (unsigned long)regs->rdi,
           (unsigned long)regs->rbp, (unsigned long)regs->r8);
    pr_err("R9  %016lx R10 %016lx R11 %016lx R12 %016lx\n",
           (unsigned long)regs->r9, (unsigned long)regs->r10,
           (unsigned long)regs->r11, (unsigned long)regs->r12);
    pr_err("R13 %016lx R14 %016lx R15 %016lx\n",
           (unsigned long)regs->r13, (unsigned long)regs->r14,
           (unsigned long)regs->r15);
    pr_err("CR0 %016lx CR3 %016lx CR4 %016lx CR2 %016lx\n",
           (unsigned long)read_cr0(), (unsigned long)read_cr3(),
           (unsigned long)read_cr4(), (unsigned long)read_cr2());
    if ( regs->vector == X86_EXC_PF )
        print_page_fault_detail(regs->error_code);
    print_backtrace(regs->rip, regs->rbp);
    machine_halt_fatal("fatal exception in the hypervisor");
}

void do_trap(struct cpu_regs *regs)
{
    u64 fixup;
    bool from_guest = (regs->cs & 3) == 3;

    if ( regs->vector >= 32 )
    {
        do_interrupt((unsigned int)regs->vector);
        if ( from_guest )
            pv_exit_checks(regs);   /* the interrupt may have raised an event */
        return;
    }
    if ( from_guest && regs->vector == X86_EXC_DB )
    {
        /* off the IST stack first: delivering it touches guest memory, and
         * a guest watchpoint hit there would reuse that stack */
        *guest_regs() = *regs;
        pv_do_exception_on_main_stack(guest_regs());
    }
    if ( from_guest )
    {
        pv_do_exception(regs);      /* from a guest: the guest's business */
        return;
    }
    if ( regs->vector == X86_EXC_DB && current )
    {
        pv_debugreg_trap(current, false);  /* a guest data breakpoint: dropped */
        return;
    }
    if ( regs->vector == X86_EXC_NMI )
    {
        pr_warn("NMI received at %p, ignored\n", (void *)regs->rip);
        return;
    }
    fixup = regs->vector == X86_EXC_DF || regs->vector == X86_EXC_MC ?
            0 : extable_search(regs->rip);
    if ( fixup )
    {
        trap_fixups.count++;
        trap_fixups.last_vector = regs->vector;
        trap_fixups.last_rip = regs->rip;
        pr_debug("%s at %p recovered through the exception table\n",
                 exception_names[regs->vector], (void *)regs->rip);
        regs->rip = fixup;
        return;
    }
    fatal_trap(regs);
}
