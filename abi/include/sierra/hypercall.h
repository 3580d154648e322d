/*
 * Hypercall numbers and the calling convention.
 *
 * A guest calls the hypervisor through the hypercall page (PV_ELFNOTE_
 * HYPERCALL_PAGE): the hypervisor fills that page with one 32-byte stub per
 * hypercall, and the guest calls page + 32 * number.
 *   x86_64 guest (ring 3): stub = `mov $nr, %eax; syscall`. Arguments in
 *     rdi, rsi, rdx, r10, r8 (r10, not rcx: syscall clobbers rcx and r11).
 *   i386 PAE guest (ring 1): stub = `mov $nr, %eax; int $0x82`. Arguments in
 *     ebx, ecx, edx, esi, edi.
 * The result comes back in rax/eax: >= 0 success, -PV_E* on failure. Argument
 * registers are preserved except where a hypercall documents otherwise
 * (multicall and continuations rewrite them). PV_HYPERCALL_iret is special:
 * its stub pushes rax and jumps (the guest never returns from it).
 * Numbers 0-63 are defined; the status of each on Sierra is in abi/ABI.md.
 */
#ifndef SIERRA_ABI_HYPERCALL_H
#define SIERRA_ABI_HYPERCALL_H

#include <sierra/pv-base.h>

#define PV_HYPERCALL_set_trap_table         0
#define PV_HYPERCALL_mmu_update             1
#define PV_HYPERCALL_set_gdt                2
#define PV_HYPERCALL_stack_switch           3
#define PV_HYPERCALL_set_callbacks          4
#define PV_HYPERCALL_fpu_taskswitch         5
#define PV_HYPERCALL_sched_op_compat        6   /* pre-3.0.2 sched_op */
#define PV_HYPERCALL_platform_op            7
#define PV_HYPERCALL_set_debugreg           8
#define PV_HYPERCALL_get_debugreg           9
#define PV_HYPERCALL_update_descriptor      10
                                            /* 11: unused */
#define PV_HYPERCALL_memory_op              12
#define PV_HYPERCALL_multicall              13
#define PV_HYPERCALL_update_va_mapping      14
#define PV_HYPERCALL_set_timer_op           15
#define PV_HYPERCALL_event_channel_op_compat 16 /* pre-3.2 event_channel_op */
#define PV_HYPERCALL_xen_version            17
#define PV_HYPERCALL_console_io             18
#define PV_HYPERCALL_physdev_op_compat      19  /* pre-3.2 physdev_op */
#define PV_HYPERCALL_grant_table_op         20
#define PV_HYPERCALL_vm_assist              21
#define PV_HYPERCALL_update_va_mapping_otherdomain 22
#define PV_HYPERCALL_iret                   23
#define PV_HYPERCALL_vcpu_op                24
#define PV_HYPERCALL_set_segment_base       25  /* x86_64 guests only */
#define PV_HYPERCALL_mmuext_op              26
#define PV_HYPERCALL_xsm_op                 27
#define PV_HYPERCALL_nmi_op                 28
#define PV_HYPERCALL_sched_op               29
#define PV_HYPERCALL_callback_op            30
#define PV_HYPERCALL_xenoprof_op            31
#define PV_HYPERCALL_event_channel_op       32
#define PV_HYPERCALL_physdev_op             33
#define PV_HYPERCALL_hvm_op                 34
#define PV_HYPERCALL_sysctl                 35  /* Sierra's own control ABI: sierra/sysctl.h */
#define PV_HYPERCALL_domctl                 36  /* Sierra's own control ABI: sierra/domctl.h */
#define PV_HYPERCALL_kexec_op               37
#define PV_HYPERCALL_tmem_op                38
#define PV_HYPERCALL_argo_op                39
#define PV_HYPERCALL_xenpmu_op              40
#define PV_HYPERCALL_dm_op                  41
#define PV_HYPERCALL_hypfs_op               42
                                            /* 43-47: unused */
#define PV_HYPERCALL_arch_0                 48  /* 48-55: architecture-specific */
#define PV_HYPERCALL_arch_1                 49  /* x86: machine-check (mca) */
#define PV_HYPERCALL_arch_7                 55
                                            /* 56-63: unused */
#define PV_NR_HYPERCALLS                    64

#define PV_HYPERCALL_STUB_SIZE              32  /* bytes per hypercall-page stub */

/* multicall: a batch of hypercalls, each entry's result written back. */
#ifndef __ASSEMBLY__
struct pv_multicall_entry {
    pv_ulong_t op;          /* hypercall number */
    pv_ulong_t result;      /* OUT: its return value */
    pv_ulong_t args[6];
};
typedef struct pv_multicall_entry pv_multicall_entry_t;
PV_DEFINE_HANDLE(multicall_entry, pv_multicall_entry_t);
#endif

#endif
