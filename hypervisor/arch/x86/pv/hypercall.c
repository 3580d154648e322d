/*
 * The hypercall table and the hypercall page. A 64-bit PV guest enters with
 * SYSCALL from its kernel (pv/traps.c), number in RAX, arguments in RDI, RSI,
 * RDX, R10, R8. Numbers without a handler return -ENOSYS, as Xen does for
 * what it does not implement; abi/ABI.md lists the status of each.
 */
#include <asm/pv/traps.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <sierra/hypercall.h>

static hypercall_fn *const hypercall_table[PV_NR_HYPERCALLS] = {
    [PV_HYPERCALL_set_trap_table]       = do_set_trap_table,
    [PV_HYPERCALL_mmu_update]           = do_mmu_update,
    [PV_HYPERCALL_set_gdt]              = do_set_gdt,
    [PV_HYPERCALL_stack_switch]         = do_stack_switch,
    [PV_HYPERCALL_set_callbacks]        = do_set_callbacks,
    [PV_HYPERCALL_fpu_taskswitch]       = do_fpu_taskswitch,
    [PV_HYPERCALL_set_debugreg]         = do_set_debugreg,
    [PV_HYPERCALL_get_debugreg]         = do_get_debugreg,
    [PV_HYPERCALL_update_descriptor]    = do_update_descriptor,
    [PV_HYPERCALL_memory_op]            = do_memory_op,
    [PV_HYPERCALL_multicall]            = do_multicall,
    [PV_HYPERCALL_update_va_mapping]    = do_update_va_mapping,
    [PV_HYPERCALL_set_timer_op]         = do_set_timer_op,
    [PV_HYPERCALL_xen_version]          = do_xen_version,
    [PV_HYPERCALL_console_io]           = do_console_io,
    [PV_HYPERCALL_grant_table_op]       = do_grant_table_op,
    [PV_HYPERCALL_vm_assist]            = do_vm_assist,
    [PV_HYPERCALL_iret]                 = do_iret,
    [PV_HYPERCALL_vcpu_op]              = do_vcpu_op,
    [PV_HYPERCALL_set_segment_base]     = do_set_segment_base,
    [PV_HYPERCALL_mmuext_op]            = do_mmuext_op,
    [PV_HYPERCALL_sched_op]             = do_sched_op,
    [PV_HYPERCALL_callback_op]          = do_callback_op,
    [PV_HYPERCALL_event_channel_op]     = do_event_channel_op,
    [PV_HYPERCALL_physdev_op]           = do_physdev_op,
    [PV_HYPERCALL_update_va_mapping_otherdomain] = do_update_va_mapping_otherdomain,
    [PV_HYPERCALL_sysctl]               = do_sysctl,
    [PV_HYPERCALL_domctl]               = do_domctl,
};

long hypercall_dispatch(unsigned long nr, const u64 a[5])
{
    if ( nr >= PV_NR_HYPERCALLS || !hypercall_table[nr] )
        return -ENOSYS;
    return hypercall_table[nr](a[0], a[1], a[2], a[3], a[4]);
}

long pv_do_hypercall(struct cpu_regs *regs)
{
    const u64 args[5] = { regs->rdi, regs->rsi, regs->rdx, regs->r10, regs->r8 };

    return hypercall_dispatch(regs->rax, args);
}

/*
 * 32-byte stubs: push %rcx; push %r11; mov $nr, %eax; syscall; pop %r11;
 * pop %rcx; ret (the guest's RCX/R11 survive, as Xen's stubs keep them).
 * iret: push %rcx; push %r11; push %rax; mov $23, %eax; syscall - no return.
 */
void pv_write_hypercall_page(void *page)
{
    static const u8 stub[] = { 0x51, 0x41, 0x53, 0xb8, 0, 0, 0, 0, 0x0f, 0x05,
                               0x41, 0x5b, 0x59, 0xc3 };
    static const u8 iret_stub[] = { 0x51, 0x41, 0x53, 0x50, 0xb8, PV_HYPERCALL_iret, 0, 0, 0,
                                    0x0f, 0x05 };
    u8 *p = page;

    memset(p, 0xcc, PAGE_SIZE);                     /* int3 between stubs */
    for ( unsigned int nr = 0; nr < PAGE_SIZE / PV_HYPERCALL_STUB_SIZE; nr++ )
    {
        u8 *s = p + nr * PV_HYPERCALL_STUB_SIZE;

        if ( nr == PV_HYPERCALL_iret )
        {
            memcpy(s, iret_stub, sizeof(iret_stub));
            continue;
        }
        memcpy(s, stub, sizeof(stub));
        memcpy(s + 4, &nr, sizeof(u32));
    }
}
