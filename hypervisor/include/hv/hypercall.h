/*
 * Hypercall handlers. Every handler takes the five argument registers as
 * 64-bit values and returns >= 0 or -errno; the table (pv/hypercall.c) maps
 * numbers to handlers, so multicall and the SYSCALL path dispatch the same way.
 */
#ifndef HV_HYPERCALL_H
#define HV_HYPERCALL_H

#include <hv/types.h>

#define HYPERCALL_ARGS u64 a1, u64 a2, u64 a3, u64 a4, u64 a5
typedef long hypercall_fn(HYPERCALL_ARGS);

hypercall_fn do_set_trap_table, do_mmu_update, do_stack_switch, do_set_callbacks,
    do_fpu_taskswitch, do_memory_op, do_multicall, do_update_va_mapping, do_xen_version,
    do_console_io, do_vm_assist, do_iret, do_set_segment_base, do_mmuext_op, do_sched_op,
    do_callback_op, do_vcpu_op, do_event_channel_op, do_set_timer_op, do_grant_table_op,
    do_set_gdt, do_update_descriptor, do_physdev_op, do_domctl, do_sysctl,
    do_update_va_mapping_otherdomain, do_set_debugreg, do_get_debugreg;

long hypercall_dispatch(unsigned long nr, const u64 args[5]);

/* XENFEAT_* bits true of Sierra for a PV guest (xen_version get_features;
 * the dom0 builder refuses kernels requiring others) */
u32 pv_features(bool dom0);

#endif
