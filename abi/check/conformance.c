/*
 * ABI conformance: Sierra's guest-ABI headers (abi/include/sierra) against
 * Xen 4.17's public headers (/usr/include/xen, Debian libxen-dev). Every
 * constant both define must be equal, and every structure both define must
 * have the same size and, member by member, the same offset and size. Built
 * for x86_64 and for i386 (-m32) by `make` (abi/build.mk); any drift fails the
 * build with the name of what drifted. This is the only file in Sierra that
 * includes Xen's headers.
 */
#define __XEN_INTERFACE_VERSION__ 0x00040e00
#include <stddef.h>
#include <stdint.h>
#include <xen/xen.h>
#include <xen/callback.h>
#include <xen/elfnote.h>
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/features.h>
#include <xen/grant_table.h>
#include <xen/memory.h>
#include <xen/physdev.h>
#include <xen/sched.h>
#include <xen/vcpu.h>
#include <xen/version.h>
#include <xen/io/console.h>
#include <xen/io/ring.h>
#include <xen/io/xs_wire.h>

#include <sierra/callback.h>
#include <sierra/console.h>
#include <sierra/domid.h>
#include <sierra/elfnote.h>
#include <sierra/errno.h>
#include <sierra/event-channel.h>
#include <sierra/grant-table.h>
#include <sierra/hypercall.h>
#include <sierra/memory.h>
#include <sierra/mmu.h>
#include <sierra/physdev.h>
#include <sierra/ring.h>
#include <sierra/sched.h>
#include <sierra/start-info.h>
#include <sierra/vcpu.h>
#include <sierra/xenstore.h>
#include <sierra/xenver.h>

#define SAME_CONST(ours, theirs) \
    _Static_assert((long long)(ours) == (long long)(theirs), "constant " #ours " differs from Xen's " #theirs)
#define SAME_SIZE(ours, theirs) \
    _Static_assert(sizeof(ours) == sizeof(theirs), "size of " #ours " differs from Xen's " #theirs)
#define SAME_FIELD(ours, theirs, field) \
    _Static_assert(offsetof(ours, field) == offsetof(theirs, field) && \
                   sizeof(((ours *)0)->field) == sizeof(((theirs *)0)->field), \
                   "offset or size of " #ours "." #field " differs from Xen's")
#define SAME_OFFSET(ours, theirs, field) \
    _Static_assert(offsetof(ours, field) == offsetof(theirs, field), \
                   "offset of " #ours "." #field " differs from Xen's")

/* A ring instance on each side, to compare the ring layouts. */
struct ck_req { uint64_t id; uint32_t op; };
struct ck_rsp { uint64_t id; int16_t status; };
DEFINE_RING_TYPES(ck_xen, struct ck_req, struct ck_rsp);
PV_DEFINE_RING_TYPES(ck_pv, struct ck_req, struct ck_rsp);

SAME_CONST(PV_INTERFACE_VERSION, __XEN_LATEST_INTERFACE_VERSION__);

/* hypercall numbers */
SAME_CONST(PV_HYPERCALL_set_trap_table, __HYPERVISOR_set_trap_table);
SAME_CONST(PV_HYPERCALL_mmu_update, __HYPERVISOR_mmu_update);
SAME_CONST(PV_HYPERCALL_set_gdt, __HYPERVISOR_set_gdt);
SAME_CONST(PV_HYPERCALL_stack_switch, __HYPERVISOR_stack_switch);
SAME_CONST(PV_HYPERCALL_set_callbacks, __HYPERVISOR_set_callbacks);
SAME_CONST(PV_HYPERCALL_fpu_taskswitch, __HYPERVISOR_fpu_taskswitch);
SAME_CONST(PV_HYPERCALL_sched_op_compat, __HYPERVISOR_sched_op_compat);
SAME_CONST(PV_HYPERCALL_platform_op, __HYPERVISOR_platform_op);
SAME_CONST(PV_HYPERCALL_set_debugreg, __HYPERVISOR_set_debugreg);
SAME_CONST(PV_HYPERCALL_get_debugreg, __HYPERVISOR_get_debugreg);
SAME_CONST(PV_HYPERCALL_update_descriptor, __HYPERVISOR_update_descriptor);
SAME_CONST(PV_HYPERCALL_memory_op, __HYPERVISOR_memory_op);
SAME_CONST(PV_HYPERCALL_multicall, __HYPERVISOR_multicall);
SAME_CONST(PV_HYPERCALL_update_va_mapping, __HYPERVISOR_update_va_mapping);
SAME_CONST(PV_HYPERCALL_set_timer_op, __HYPERVISOR_set_timer_op);
SAME_CONST(PV_HYPERCALL_event_channel_op_compat, __HYPERVISOR_event_channel_op_compat);
SAME_CONST(PV_HYPERCALL_xen_version, __HYPERVISOR_xen_version);
SAME_CONST(PV_HYPERCALL_console_io, __HYPERVISOR_console_io);
SAME_CONST(PV_HYPERCALL_physdev_op_compat, __HYPERVISOR_physdev_op_compat);
SAME_CONST(PV_HYPERCALL_grant_table_op, __HYPERVISOR_grant_table_op);
SAME_CONST(PV_HYPERCALL_vm_assist, __HYPERVISOR_vm_assist);
SAME_CONST(PV_HYPERCALL_update_va_mapping_otherdomain, __HYPERVISOR_update_va_mapping_otherdomain);
SAME_CONST(PV_HYPERCALL_iret, __HYPERVISOR_iret);
SAME_CONST(PV_HYPERCALL_vcpu_op, __HYPERVISOR_vcpu_op);
SAME_CONST(PV_HYPERCALL_set_segment_base, __HYPERVISOR_set_segment_base);
SAME_CONST(PV_HYPERCALL_mmuext_op, __HYPERVISOR_mmuext_op);
SAME_CONST(PV_HYPERCALL_xsm_op, __HYPERVISOR_xsm_op);
SAME_CONST(PV_HYPERCALL_nmi_op, __HYPERVISOR_nmi_op);
SAME_CONST(PV_HYPERCALL_sched_op, __HYPERVISOR_sched_op);
SAME_CONST(PV_HYPERCALL_callback_op, __HYPERVISOR_callback_op);
SAME_CONST(PV_HYPERCALL_xenoprof_op, __HYPERVISOR_xenoprof_op);
SAME_CONST(PV_HYPERCALL_event_channel_op, __HYPERVISOR_event_channel_op);
SAME_CONST(PV_HYPERCALL_physdev_op, __HYPERVISOR_physdev_op);
SAME_CONST(PV_HYPERCALL_hvm_op, __HYPERVISOR_hvm_op);
SAME_CONST(PV_HYPERCALL_sysctl, __HYPERVISOR_sysctl);
SAME_CONST(PV_HYPERCALL_domctl, __HYPERVISOR_domctl);
SAME_CONST(PV_HYPERCALL_kexec_op, __HYPERVISOR_kexec_op);
SAME_CONST(PV_HYPERCALL_tmem_op, __HYPERVISOR_tmem_op);
SAME_CONST(PV_HYPERCALL_argo_op, __HYPERVISOR_argo_op);
SAME_CONST(PV_HYPERCALL_xenpmu_op, __HYPERVISOR_xenpmu_op);
SAME_CONST(PV_HYPERCALL_dm_op, __HYPERVISOR_dm_op);
SAME_CONST(PV_HYPERCALL_hypfs_op, __HYPERVISOR_hypfs_op);
SAME_CONST(PV_HYPERCALL_arch_0, __HYPERVISOR_arch_0);
SAME_CONST(PV_HYPERCALL_arch_1, __HYPERVISOR_arch_1);
SAME_CONST(PV_HYPERCALL_arch_7, __HYPERVISOR_arch_7);

/* errno values */
#define CHECK_ERRNO_(name, value, text) SAME_CONST(PV_##name, XEN_##name);
PV_ERRNO_LIST(CHECK_ERRNO_)
#define CHECK_XSD_ERROR_(name) SAME_CONST(PV_##name, XEN_##name);
PV_XSD_ERROR_LIST(CHECK_XSD_ERROR_)

/* arch */
SAME_CONST(PV_FIRST_RESERVED_GDT_PAGE, FIRST_RESERVED_GDT_PAGE);
SAME_CONST(PV_FIRST_RESERVED_GDT_BYTE, FIRST_RESERVED_GDT_BYTE);
SAME_CONST(PV_FIRST_RESERVED_GDT_ENTRY, FIRST_RESERVED_GDT_ENTRY);
SAME_CONST(PV_LEGACY_MAX_VCPUS, XEN_LEGACY_MAX_VCPUS);

/* mmu */
SAME_CONST(PV_MMU_NORMAL_PT_UPDATE, MMU_NORMAL_PT_UPDATE);
SAME_CONST(PV_MMU_MACHPHYS_UPDATE, MMU_MACHPHYS_UPDATE);
SAME_CONST(PV_MMU_PT_UPDATE_PRESERVE_AD, MMU_PT_UPDATE_PRESERVE_AD);
SAME_CONST(PV_MMU_PT_UPDATE_NO_TRANSLATE, MMU_PT_UPDATE_NO_TRANSLATE);
SAME_CONST(PV_MMUEXT_PIN_L1_TABLE, MMUEXT_PIN_L1_TABLE);
SAME_CONST(PV_MMUEXT_PIN_L2_TABLE, MMUEXT_PIN_L2_TABLE);
SAME_CONST(PV_MMUEXT_PIN_L3_TABLE, MMUEXT_PIN_L3_TABLE);
SAME_CONST(PV_MMUEXT_PIN_L4_TABLE, MMUEXT_PIN_L4_TABLE);
SAME_CONST(PV_MMUEXT_UNPIN_TABLE, MMUEXT_UNPIN_TABLE);
SAME_CONST(PV_MMUEXT_NEW_BASEPTR, MMUEXT_NEW_BASEPTR);
SAME_CONST(PV_MMUEXT_TLB_FLUSH_LOCAL, MMUEXT_TLB_FLUSH_LOCAL);
SAME_CONST(PV_MMUEXT_INVLPG_LOCAL, MMUEXT_INVLPG_LOCAL);
SAME_CONST(PV_MMUEXT_TLB_FLUSH_MULTI, MMUEXT_TLB_FLUSH_MULTI);
SAME_CONST(PV_MMUEXT_INVLPG_MULTI, MMUEXT_INVLPG_MULTI);
SAME_CONST(PV_MMUEXT_TLB_FLUSH_ALL, MMUEXT_TLB_FLUSH_ALL);
SAME_CONST(PV_MMUEXT_INVLPG_ALL, MMUEXT_INVLPG_ALL);
SAME_CONST(PV_MMUEXT_FLUSH_CACHE, MMUEXT_FLUSH_CACHE);
SAME_CONST(PV_MMUEXT_SET_LDT, MMUEXT_SET_LDT);
SAME_CONST(PV_MMUEXT_NEW_USER_BASEPTR, MMUEXT_NEW_USER_BASEPTR);
SAME_CONST(PV_MMUEXT_CLEAR_PAGE, MMUEXT_CLEAR_PAGE);
SAME_CONST(PV_MMUEXT_COPY_PAGE, MMUEXT_COPY_PAGE);
SAME_CONST(PV_MMUEXT_FLUSH_CACHE_GLOBAL, MMUEXT_FLUSH_CACHE_GLOBAL);
SAME_CONST(PV_MMUEXT_MARK_SUPER, MMUEXT_MARK_SUPER);
SAME_CONST(PV_MMUEXT_UNMARK_SUPER, MMUEXT_UNMARK_SUPER);
SAME_CONST(PV_UVMF_NONE, UVMF_NONE);
SAME_CONST(PV_UVMF_TLB_FLUSH, UVMF_TLB_FLUSH);
SAME_CONST(PV_UVMF_INVLPG, UVMF_INVLPG);
SAME_CONST(PV_UVMF_FLUSHTYPE_MASK, UVMF_FLUSHTYPE_MASK);
SAME_CONST(PV_UVMF_MULTI, UVMF_MULTI);
SAME_CONST(PV_UVMF_LOCAL, UVMF_LOCAL);
SAME_CONST(PV_UVMF_ALL, UVMF_ALL);
SAME_CONST(PV_VMASST_CMD_enable, VMASST_CMD_enable);
SAME_CONST(PV_VMASST_CMD_disable, VMASST_CMD_disable);
SAME_CONST(PV_VMASST_TYPE_4gb_segments, VMASST_TYPE_4gb_segments);
SAME_CONST(PV_VMASST_TYPE_4gb_segments_notify, VMASST_TYPE_4gb_segments_notify);
SAME_CONST(PV_VMASST_TYPE_writable_pagetables, VMASST_TYPE_writable_pagetables);
SAME_CONST(PV_VMASST_TYPE_pae_extended_cr3, VMASST_TYPE_pae_extended_cr3);
SAME_CONST(PV_VMASST_TYPE_architectural_iopl, VMASST_TYPE_architectural_iopl);
SAME_CONST(PV_VMASST_TYPE_runstate_update_flag, VMASST_TYPE_runstate_update_flag);
SAME_CONST(PV_VMASST_TYPE_m2p_strict, VMASST_TYPE_m2p_strict);

/* domid */
SAME_CONST(PV_DOMID_FIRST_RESERVED, DOMID_FIRST_RESERVED);
SAME_CONST(PV_DOMID_SELF, DOMID_SELF);
SAME_CONST(PV_DOMID_IO, DOMID_IO);
SAME_CONST(PV_DOMID_XEN, DOMID_XEN);
SAME_CONST(PV_DOMID_COW, DOMID_COW);
SAME_CONST(PV_DOMID_INVALID, DOMID_INVALID);
SAME_CONST(PV_DOMID_IDLE, DOMID_IDLE);
SAME_CONST(PV_DOMID_MASK, DOMID_MASK);

/* virq */
SAME_CONST(PV_VIRQ_TIMER, VIRQ_TIMER);
SAME_CONST(PV_VIRQ_DEBUG, VIRQ_DEBUG);
SAME_CONST(PV_VIRQ_CONSOLE, VIRQ_CONSOLE);
SAME_CONST(PV_VIRQ_DOM_EXC, VIRQ_DOM_EXC);
SAME_CONST(PV_VIRQ_TBUF, VIRQ_TBUF);
SAME_CONST(PV_VIRQ_DEBUGGER, VIRQ_DEBUGGER);
SAME_CONST(PV_VIRQ_XENOPROF, VIRQ_XENOPROF);
SAME_CONST(PV_VIRQ_CON_RING, VIRQ_CON_RING);
SAME_CONST(PV_VIRQ_PCPU_STATE, VIRQ_PCPU_STATE);
SAME_CONST(PV_VIRQ_MEM_EVENT, VIRQ_MEM_EVENT);
SAME_CONST(PV_VIRQ_ARGO, VIRQ_ARGO);
SAME_CONST(PV_VIRQ_ENOMEM, VIRQ_ENOMEM);
SAME_CONST(PV_VIRQ_XENPMU, VIRQ_XENPMU);
SAME_CONST(PV_VIRQ_ARCH_0, VIRQ_ARCH_0);
SAME_CONST(PV_NR_VIRQS, NR_VIRQS);

/* start */
SAME_CONST(PV_MAX_GUEST_CMDLINE, MAX_GUEST_CMDLINE);
SAME_CONST(PV_SIF_PRIVILEGED, SIF_PRIVILEGED);
SAME_CONST(PV_SIF_INITDOMAIN, SIF_INITDOMAIN);
SAME_CONST(PV_SIF_MULTIBOOT_MOD, SIF_MULTIBOOT_MOD);
SAME_CONST(PV_SIF_MOD_START_PFN, SIF_MOD_START_PFN);
SAME_CONST(PV_SIF_VIRT_P2M_4TOOLS, SIF_VIRT_P2M_4TOOLS);
SAME_CONST(PV_SIF_PM_MASK, SIF_PM_MASK);
SAME_CONST(PV_VGATYPE_TEXT_MODE_3, XEN_VGATYPE_TEXT_MODE_3);
SAME_CONST(PV_VGATYPE_VESA_LFB, XEN_VGATYPE_VESA_LFB);
SAME_CONST(PV_VGATYPE_EFI_LFB, XEN_VGATYPE_EFI_LFB);

/* time */
SAME_CONST(PV_PVCLOCK_TSC_STABLE_BIT, XEN_PVCLOCK_TSC_STABLE_BIT);
SAME_CONST(PV_PVCLOCK_GUEST_STOPPED, XEN_PVCLOCK_GUEST_STOPPED);
SAME_CONST(PV_EVTCHN_2L_NR_CHANNELS, EVTCHN_2L_NR_CHANNELS);

/* vgcf */
SAME_CONST(PV_VGCF_i387_valid, VGCF_i387_valid);
SAME_CONST(PV_VGCF_in_kernel, VGCF_in_kernel);
SAME_CONST(PV_VGCF_failsafe_disables_events, VGCF_failsafe_disables_events);
SAME_CONST(PV_VGCF_syscall_disables_events, VGCF_syscall_disables_events);
SAME_CONST(PV_VGCF_online, VGCF_online);

/* sched */
SAME_CONST(PV_SCHEDOP_yield, SCHEDOP_yield);
SAME_CONST(PV_SCHEDOP_block, SCHEDOP_block);
SAME_CONST(PV_SCHEDOP_shutdown, SCHEDOP_shutdown);
SAME_CONST(PV_SCHEDOP_poll, SCHEDOP_poll);
SAME_CONST(PV_SCHEDOP_remote_shutdown, SCHEDOP_remote_shutdown);
SAME_CONST(PV_SCHEDOP_shutdown_code, SCHEDOP_shutdown_code);
SAME_CONST(PV_SCHEDOP_watchdog, SCHEDOP_watchdog);
SAME_CONST(PV_SCHEDOP_pin_override, SCHEDOP_pin_override);
SAME_CONST(PV_SHUTDOWN_poweroff, SHUTDOWN_poweroff);
SAME_CONST(PV_SHUTDOWN_reboot, SHUTDOWN_reboot);
SAME_CONST(PV_SHUTDOWN_suspend, SHUTDOWN_suspend);
SAME_CONST(PV_SHUTDOWN_crash, SHUTDOWN_crash);
SAME_CONST(PV_SHUTDOWN_watchdog, SHUTDOWN_watchdog);
SAME_CONST(PV_SHUTDOWN_soft_reset, SHUTDOWN_soft_reset);
SAME_CONST(PV_SHUTDOWN_MAX, SHUTDOWN_MAX);

/* evtchn */
SAME_CONST(PV_EVTCHNOP_bind_interdomain, EVTCHNOP_bind_interdomain);
SAME_CONST(PV_EVTCHNOP_bind_virq, EVTCHNOP_bind_virq);
SAME_CONST(PV_EVTCHNOP_bind_pirq, EVTCHNOP_bind_pirq);
SAME_CONST(PV_EVTCHNOP_close, EVTCHNOP_close);
SAME_CONST(PV_EVTCHNOP_send, EVTCHNOP_send);
SAME_CONST(PV_EVTCHNOP_status, EVTCHNOP_status);
SAME_CONST(PV_EVTCHNOP_alloc_unbound, EVTCHNOP_alloc_unbound);
SAME_CONST(PV_EVTCHNOP_bind_ipi, EVTCHNOP_bind_ipi);
SAME_CONST(PV_EVTCHNOP_bind_vcpu, EVTCHNOP_bind_vcpu);
SAME_CONST(PV_EVTCHNOP_unmask, EVTCHNOP_unmask);
SAME_CONST(PV_EVTCHNOP_reset, EVTCHNOP_reset);
SAME_CONST(PV_EVTCHNOP_init_control, EVTCHNOP_init_control);
SAME_CONST(PV_EVTCHNOP_expand_array, EVTCHNOP_expand_array);
SAME_CONST(PV_EVTCHNOP_set_priority, EVTCHNOP_set_priority);
SAME_CONST(PV_EVTCHNSTAT_closed, EVTCHNSTAT_closed);
SAME_CONST(PV_EVTCHNSTAT_unbound, EVTCHNSTAT_unbound);
SAME_CONST(PV_EVTCHNSTAT_interdomain, EVTCHNSTAT_interdomain);
SAME_CONST(PV_EVTCHNSTAT_pirq, EVTCHNSTAT_pirq);
SAME_CONST(PV_EVTCHNSTAT_virq, EVTCHNSTAT_virq);
SAME_CONST(PV_EVTCHNSTAT_ipi, EVTCHNSTAT_ipi);
SAME_CONST(PV_BIND_PIRQ__WILL_SHARE, BIND_PIRQ__WILL_SHARE);

/* gnttab */
SAME_CONST(PV_GNTTABOP_map_grant_ref, GNTTABOP_map_grant_ref);
SAME_CONST(PV_GNTTABOP_unmap_grant_ref, GNTTABOP_unmap_grant_ref);
SAME_CONST(PV_GNTTABOP_setup_table, GNTTABOP_setup_table);
SAME_CONST(PV_GNTTABOP_dump_table, GNTTABOP_dump_table);
SAME_CONST(PV_GNTTABOP_transfer, GNTTABOP_transfer);
SAME_CONST(PV_GNTTABOP_copy, GNTTABOP_copy);
SAME_CONST(PV_GNTTABOP_query_size, GNTTABOP_query_size);
SAME_CONST(PV_GNTTABOP_unmap_and_replace, GNTTABOP_unmap_and_replace);
SAME_CONST(PV_GNTTABOP_set_version, GNTTABOP_set_version);
SAME_CONST(PV_GNTTABOP_get_status_frames, GNTTABOP_get_status_frames);
SAME_CONST(PV_GNTTABOP_get_version, GNTTABOP_get_version);
SAME_CONST(PV_GNTTABOP_swap_grant_ref, GNTTABOP_swap_grant_ref);
SAME_CONST(PV_GNTTABOP_cache_flush, GNTTABOP_cache_flush);
SAME_CONST(PV_GNTTAB_NR_RESERVED_ENTRIES, GNTTAB_NR_RESERVED_ENTRIES);
SAME_CONST(PV_GNTTAB_RESERVED_CONSOLE, GNTTAB_RESERVED_CONSOLE);
SAME_CONST(PV_GNTTAB_RESERVED_XENSTORE, GNTTAB_RESERVED_XENSTORE);
SAME_CONST(PV_GTF_invalid, GTF_invalid);
SAME_CONST(PV_GTF_permit_access, GTF_permit_access);
SAME_CONST(PV_GTF_accept_transfer, GTF_accept_transfer);
SAME_CONST(PV_GTF_transitive, GTF_transitive);
SAME_CONST(PV_GTF_type_mask, GTF_type_mask);
SAME_CONST(PV_GTF_readonly, GTF_readonly);
SAME_CONST(PV_GTF_reading, GTF_reading);
SAME_CONST(PV_GTF_writing, GTF_writing);
SAME_CONST(PV_GTF_PWT, GTF_PWT);
SAME_CONST(PV_GTF_PCD, GTF_PCD);
SAME_CONST(PV_GTF_PAT, GTF_PAT);
SAME_CONST(PV_GTF_sub_page, GTF_sub_page);
SAME_CONST(PV_GTF_transfer_committed, GTF_transfer_committed);
SAME_CONST(PV_GTF_transfer_completed, GTF_transfer_completed);
SAME_CONST(PV_GNTMAP_device_map, GNTMAP_device_map);
SAME_CONST(PV_GNTMAP_host_map, GNTMAP_host_map);
SAME_CONST(PV_GNTMAP_readonly, GNTMAP_readonly);
SAME_CONST(PV_GNTMAP_application_map, GNTMAP_application_map);
SAME_CONST(PV_GNTMAP_contains_pte, GNTMAP_contains_pte);
SAME_CONST(PV__GNTMAP_guest_avail0, _GNTMAP_guest_avail0);
SAME_CONST(PV_GNTMAP_guest_avail_mask, GNTMAP_guest_avail_mask);
SAME_CONST(PV_GNTCOPY_source_gref, GNTCOPY_source_gref);
SAME_CONST(PV_GNTCOPY_dest_gref, GNTCOPY_dest_gref);
SAME_CONST(PV_GNTST_okay, GNTST_okay);
SAME_CONST(PV_GNTST_general_error, GNTST_general_error);
SAME_CONST(PV_GNTST_bad_domain, GNTST_bad_domain);
SAME_CONST(PV_GNTST_bad_gntref, GNTST_bad_gntref);
SAME_CONST(PV_GNTST_bad_handle, GNTST_bad_handle);
SAME_CONST(PV_GNTST_bad_virt_addr, GNTST_bad_virt_addr);
SAME_CONST(PV_GNTST_bad_dev_addr, GNTST_bad_dev_addr);
SAME_CONST(PV_GNTST_no_device_space, GNTST_no_device_space);
SAME_CONST(PV_GNTST_permission_denied, GNTST_permission_denied);
SAME_CONST(PV_GNTST_bad_page, GNTST_bad_page);
SAME_CONST(PV_GNTST_bad_copy_arg, GNTST_bad_copy_arg);
SAME_CONST(PV_GNTST_address_too_big, GNTST_address_too_big);
SAME_CONST(PV_GNTST_eagain, GNTST_eagain);
SAME_CONST(PV_GNTST_no_space, GNTST_no_space);

/* mem */
SAME_CONST(PV_XENMEM_increase_reservation, XENMEM_increase_reservation);
SAME_CONST(PV_XENMEM_decrease_reservation, XENMEM_decrease_reservation);
SAME_CONST(PV_XENMEM_maximum_ram_page, XENMEM_maximum_ram_page);
SAME_CONST(PV_XENMEM_current_reservation, XENMEM_current_reservation);
SAME_CONST(PV_XENMEM_maximum_reservation, XENMEM_maximum_reservation);
SAME_CONST(PV_XENMEM_machphys_mfn_list, XENMEM_machphys_mfn_list);
SAME_CONST(PV_XENMEM_populate_physmap, XENMEM_populate_physmap);
SAME_CONST(PV_XENMEM_add_to_physmap, XENMEM_add_to_physmap);
SAME_CONST(PV_XENMEM_memory_map, XENMEM_memory_map);
SAME_CONST(PV_XENMEM_machine_memory_map, XENMEM_machine_memory_map);
SAME_CONST(PV_XENMEM_exchange, XENMEM_exchange);
SAME_CONST(PV_XENMEM_machphys_mapping, XENMEM_machphys_mapping);
SAME_CONST(PV_XENMEM_set_memory_map, XENMEM_set_memory_map);
SAME_CONST(PV_XENMEM_maximum_gpfn, XENMEM_maximum_gpfn);
SAME_CONST(PV_XENMEM_remove_from_physmap, XENMEM_remove_from_physmap);
SAME_CONST(PV_XENMEM_add_to_physmap_batch, XENMEM_add_to_physmap_batch);
SAME_CONST(PV_XENMEM_machphys_compat_mfn_list, XENMEM_machphys_compat_mfn_list);
SAME_CONST(PV_XENMEM_acquire_resource, XENMEM_acquire_resource);
SAME_CONST(PV_XENMEMF_populate_on_demand, XENMEMF_populate_on_demand);
SAME_CONST(PV_XENMEMF_exact_node_request, XENMEMF_exact_node_request);
SAME_CONST(PV_XENMEMF_vnode, XENMEMF_vnode);
SAME_CONST(PV_XENMEMF_address_bits(32), XENMEMF_address_bits(32));
SAME_CONST(PV_XENMEMF_get_address_bits(0x1234), XENMEMF_get_address_bits(0x1234));
SAME_CONST(PV_XENMEMF_node(3), XENMEMF_node(3));
SAME_CONST(PV_XENMAPSPACE_shared_info, XENMAPSPACE_shared_info);
SAME_CONST(PV_XENMAPSPACE_grant_table, XENMAPSPACE_grant_table);
SAME_CONST(PV_XENMAPSPACE_gmfn, XENMAPSPACE_gmfn);
SAME_CONST(PV_XENMAPSPACE_gmfn_range, XENMAPSPACE_gmfn_range);
SAME_CONST(PV_XENMAPSPACE_gmfn_foreign, XENMAPSPACE_gmfn_foreign);
SAME_CONST(PV_XENMAPSPACE_dev_mmio, XENMAPSPACE_dev_mmio);
SAME_CONST(PV_XENMAPIDX_grant_table_status, XENMAPIDX_grant_table_status);

/* vcpu */
SAME_CONST(PV_VCPUOP_initialise, VCPUOP_initialise);
SAME_CONST(PV_VCPUOP_up, VCPUOP_up);
SAME_CONST(PV_VCPUOP_down, VCPUOP_down);
SAME_CONST(PV_VCPUOP_is_up, VCPUOP_is_up);
SAME_CONST(PV_VCPUOP_get_runstate_info, VCPUOP_get_runstate_info);
SAME_CONST(PV_VCPUOP_register_runstate_memory_area, VCPUOP_register_runstate_memory_area);
SAME_CONST(PV_VCPUOP_set_periodic_timer, VCPUOP_set_periodic_timer);
SAME_CONST(PV_VCPUOP_stop_periodic_timer, VCPUOP_stop_periodic_timer);
SAME_CONST(PV_VCPUOP_set_singleshot_timer, VCPUOP_set_singleshot_timer);
SAME_CONST(PV_VCPUOP_stop_singleshot_timer, VCPUOP_stop_singleshot_timer);
SAME_CONST(PV_VCPUOP_register_vcpu_info, VCPUOP_register_vcpu_info);
SAME_CONST(PV_VCPUOP_send_nmi, VCPUOP_send_nmi);
SAME_CONST(PV_VCPUOP_get_physid, VCPUOP_get_physid);
SAME_CONST(PV_VCPUOP_register_vcpu_time_memory_area, VCPUOP_register_vcpu_time_memory_area);
SAME_CONST(PV_RUNSTATE_running, RUNSTATE_running);
SAME_CONST(PV_RUNSTATE_runnable, RUNSTATE_runnable);
SAME_CONST(PV_RUNSTATE_blocked, RUNSTATE_blocked);
SAME_CONST(PV_RUNSTATE_offline, RUNSTATE_offline);
SAME_CONST(PV_VCPU_SSHOTTMR_future, VCPU_SSHOTTMR_future);

/* ver */
SAME_CONST(PV_XENVER_version, XENVER_version);
SAME_CONST(PV_XENVER_extraversion, XENVER_extraversion);
SAME_CONST(PV_XENVER_compile_info, XENVER_compile_info);
SAME_CONST(PV_XENVER_capabilities, XENVER_capabilities);
SAME_CONST(PV_XENVER_changeset, XENVER_changeset);
SAME_CONST(PV_XENVER_platform_parameters, XENVER_platform_parameters);
SAME_CONST(PV_XENVER_get_features, XENVER_get_features);
SAME_CONST(PV_XENVER_pagesize, XENVER_pagesize);
SAME_CONST(PV_XENVER_guest_handle, XENVER_guest_handle);
SAME_CONST(PV_XENVER_commandline, XENVER_commandline);
SAME_CONST(PV_XENVER_build_id, XENVER_build_id);
SAME_CONST(PV_XENFEAT_writable_page_tables, XENFEAT_writable_page_tables);
SAME_CONST(PV_XENFEAT_writable_descriptor_tables, XENFEAT_writable_descriptor_tables);
SAME_CONST(PV_XENFEAT_auto_translated_physmap, XENFEAT_auto_translated_physmap);
SAME_CONST(PV_XENFEAT_supervisor_mode_kernel, XENFEAT_supervisor_mode_kernel);
SAME_CONST(PV_XENFEAT_pae_pgdir_above_4gb, XENFEAT_pae_pgdir_above_4gb);
SAME_CONST(PV_XENFEAT_mmu_pt_update_preserve_ad, XENFEAT_mmu_pt_update_preserve_ad);
SAME_CONST(PV_XENFEAT_highmem_assist, XENFEAT_highmem_assist);
SAME_CONST(PV_XENFEAT_gnttab_map_avail_bits, XENFEAT_gnttab_map_avail_bits);
SAME_CONST(PV_XENFEAT_hvm_callback_vector, XENFEAT_hvm_callback_vector);
SAME_CONST(PV_XENFEAT_hvm_safe_pvclock, XENFEAT_hvm_safe_pvclock);
SAME_CONST(PV_XENFEAT_hvm_pirqs, XENFEAT_hvm_pirqs);
SAME_CONST(PV_XENFEAT_dom0, XENFEAT_dom0);
SAME_CONST(PV_XENFEAT_memory_op_vnode_supported, XENFEAT_memory_op_vnode_supported);
SAME_CONST(PV_XENFEAT_ARM_SMCCC_supported, XENFEAT_ARM_SMCCC_supported);
SAME_CONST(PV_XENFEAT_linux_rsdp_unrestricted, XENFEAT_linux_rsdp_unrestricted);
SAME_CONST(PV_XENFEAT_not_direct_mapped, XENFEAT_not_direct_mapped);
SAME_CONST(PV_XENFEAT_direct_mapped, XENFEAT_direct_mapped);
SAME_CONST(PV_XENFEAT_NR_SUBMAPS, XENFEAT_NR_SUBMAPS);

/* cb */
SAME_CONST(PV_CALLBACKOP_register, CALLBACKOP_register);
SAME_CONST(PV_CALLBACKOP_unregister, CALLBACKOP_unregister);
SAME_CONST(PV_CALLBACKTYPE_event, CALLBACKTYPE_event);
SAME_CONST(PV_CALLBACKTYPE_failsafe, CALLBACKTYPE_failsafe);
SAME_CONST(PV_CALLBACKTYPE_syscall, CALLBACKTYPE_syscall);
SAME_CONST(PV_CALLBACKTYPE_sysenter_deprecated, CALLBACKTYPE_sysenter_deprecated);
SAME_CONST(PV_CALLBACKTYPE_nmi, CALLBACKTYPE_nmi);
SAME_CONST(PV_CALLBACKTYPE_sysenter, CALLBACKTYPE_sysenter);
SAME_CONST(PV_CALLBACKTYPE_syscall32, CALLBACKTYPE_syscall32);
SAME_CONST(PV_CALLBACKF_mask_events, CALLBACKF_mask_events);

/* phys */
SAME_CONST(PV_PHYSDEVOP_irq_status_query, PHYSDEVOP_irq_status_query);
SAME_CONST(PV_PHYSDEVOP_set_iopl, PHYSDEVOP_set_iopl);
SAME_CONST(PV_PHYSDEVOP_set_iobitmap, PHYSDEVOP_set_iobitmap);
SAME_CONST(PV_PHYSDEVOP_apic_read, PHYSDEVOP_apic_read);
SAME_CONST(PV_PHYSDEVOP_apic_write, PHYSDEVOP_apic_write);
SAME_CONST(PV_PHYSDEVOP_alloc_irq_vector, PHYSDEVOP_alloc_irq_vector);
SAME_CONST(PV_PHYSDEVOP_free_irq_vector, PHYSDEVOP_free_irq_vector);
SAME_CONST(PV_PHYSDEVOP_eoi, PHYSDEVOP_eoi);
SAME_CONST(PV_PHYSDEVOP_map_pirq, PHYSDEVOP_map_pirq);
SAME_CONST(PV_PHYSDEVOP_unmap_pirq, PHYSDEVOP_unmap_pirq);
SAME_CONST(PV_PHYSDEVOP_manage_pci_add, PHYSDEVOP_manage_pci_add);
SAME_CONST(PV_PHYSDEVOP_manage_pci_remove, PHYSDEVOP_manage_pci_remove);
SAME_CONST(PV_PHYSDEVOP_pirq_eoi_gmfn_v1, PHYSDEVOP_pirq_eoi_gmfn_v1);
SAME_CONST(PV_PHYSDEVOP_pirq_eoi_gmfn_v2, PHYSDEVOP_pirq_eoi_gmfn_v2);
SAME_CONST(PV_XENIRQSTAT_needs_eoi, XENIRQSTAT_needs_eoi);
SAME_CONST(PV_XENIRQSTAT_shared, XENIRQSTAT_shared);
SAME_CONST(PV_MAP_PIRQ_TYPE_MSI, MAP_PIRQ_TYPE_MSI);
SAME_CONST(PV_MAP_PIRQ_TYPE_GSI, MAP_PIRQ_TYPE_GSI);
SAME_CONST(PV_MAP_PIRQ_TYPE_UNKNOWN, MAP_PIRQ_TYPE_UNKNOWN);
SAME_CONST(PV_MAP_PIRQ_TYPE_MSI_SEG, MAP_PIRQ_TYPE_MSI_SEG);
SAME_CONST(PV_MAP_PIRQ_TYPE_MULTI_MSI, MAP_PIRQ_TYPE_MULTI_MSI);

/* console */
SAME_CONST(PV_CONSOLEIO_write, CONSOLEIO_write);
SAME_CONST(PV_CONSOLEIO_read, CONSOLEIO_read);

/* store */
SAME_CONST(PV_XENSTORE_RING_SIZE, XENSTORE_RING_SIZE);
SAME_CONST(PV_XENSTORE_PAYLOAD_MAX, XENSTORE_PAYLOAD_MAX);
SAME_CONST(PV_XENSTORE_ABS_PATH_MAX, XENSTORE_ABS_PATH_MAX);
SAME_CONST(PV_XENSTORE_REL_PATH_MAX, XENSTORE_REL_PATH_MAX);
SAME_CONST(PV_XENSTORE_SERVER_FEATURE_RECONNECTION, XENSTORE_SERVER_FEATURE_RECONNECTION);
SAME_CONST(PV_XENSTORE_SERVER_FEATURE_ERROR, XENSTORE_SERVER_FEATURE_ERROR);
SAME_CONST(PV_XENSTORE_CONNECTED, XENSTORE_CONNECTED);
SAME_CONST(PV_XENSTORE_RECONNECT, XENSTORE_RECONNECT);
SAME_CONST(PV_XENSTORE_ERROR_NONE, XENSTORE_ERROR_NONE);
SAME_CONST(PV_XENSTORE_ERROR_COMM, XENSTORE_ERROR_COMM);
SAME_CONST(PV_XENSTORE_ERROR_RINGIDX, XENSTORE_ERROR_RINGIDX);
SAME_CONST(PV_XENSTORE_ERROR_PROTO, XENSTORE_ERROR_PROTO);
SAME_CONST(PV_XS_CONTROL, XS_CONTROL);
SAME_CONST(PV_XS_DIRECTORY, XS_DIRECTORY);
SAME_CONST(PV_XS_READ, XS_READ);
SAME_CONST(PV_XS_GET_PERMS, XS_GET_PERMS);
SAME_CONST(PV_XS_WATCH, XS_WATCH);
SAME_CONST(PV_XS_UNWATCH, XS_UNWATCH);
SAME_CONST(PV_XS_TRANSACTION_START, XS_TRANSACTION_START);
SAME_CONST(PV_XS_TRANSACTION_END, XS_TRANSACTION_END);
SAME_CONST(PV_XS_INTRODUCE, XS_INTRODUCE);
SAME_CONST(PV_XS_RELEASE, XS_RELEASE);
SAME_CONST(PV_XS_GET_DOMAIN_PATH, XS_GET_DOMAIN_PATH);
SAME_CONST(PV_XS_WRITE, XS_WRITE);
SAME_CONST(PV_XS_MKDIR, XS_MKDIR);
SAME_CONST(PV_XS_RM, XS_RM);
SAME_CONST(PV_XS_SET_PERMS, XS_SET_PERMS);
SAME_CONST(PV_XS_WATCH_EVENT, XS_WATCH_EVENT);
SAME_CONST(PV_XS_ERROR, XS_ERROR);
SAME_CONST(PV_XS_IS_DOMAIN_INTRODUCED, XS_IS_DOMAIN_INTRODUCED);
SAME_CONST(PV_XS_RESUME, XS_RESUME);
SAME_CONST(PV_XS_SET_TARGET, XS_SET_TARGET);
SAME_CONST(PV_XS_RESET_WATCHES, XS_RESET_WATCHES);
SAME_CONST(PV_XS_DIRECTORY_PART, XS_DIRECTORY_PART);
SAME_CONST(PV_XS_TYPE_COUNT, XS_TYPE_COUNT);
SAME_CONST(PV_XS_INVALID, XS_INVALID);
SAME_CONST(PV_XS_WATCH_PATH, XS_WATCH_PATH);
SAME_CONST(PV_XS_WATCH_TOKEN, XS_WATCH_TOKEN);

/* elf (Xen spells these XEN_*) */
SAME_CONST(PV_ELFNOTE_INFO, XEN_ELFNOTE_INFO);
SAME_CONST(PV_ELFNOTE_ENTRY, XEN_ELFNOTE_ENTRY);
SAME_CONST(PV_ELFNOTE_HYPERCALL_PAGE, XEN_ELFNOTE_HYPERCALL_PAGE);
SAME_CONST(PV_ELFNOTE_VIRT_BASE, XEN_ELFNOTE_VIRT_BASE);
SAME_CONST(PV_ELFNOTE_PADDR_OFFSET, XEN_ELFNOTE_PADDR_OFFSET);
SAME_CONST(PV_ELFNOTE_XEN_VERSION, XEN_ELFNOTE_XEN_VERSION);
SAME_CONST(PV_ELFNOTE_GUEST_OS, XEN_ELFNOTE_GUEST_OS);
SAME_CONST(PV_ELFNOTE_GUEST_VERSION, XEN_ELFNOTE_GUEST_VERSION);
SAME_CONST(PV_ELFNOTE_LOADER, XEN_ELFNOTE_LOADER);
SAME_CONST(PV_ELFNOTE_PAE_MODE, XEN_ELFNOTE_PAE_MODE);
SAME_CONST(PV_ELFNOTE_FEATURES, XEN_ELFNOTE_FEATURES);
SAME_CONST(PV_ELFNOTE_BSD_SYMTAB, XEN_ELFNOTE_BSD_SYMTAB);
SAME_CONST(PV_ELFNOTE_HV_START_LOW, XEN_ELFNOTE_HV_START_LOW);
SAME_CONST(PV_ELFNOTE_L1_MFN_VALID, XEN_ELFNOTE_L1_MFN_VALID);
SAME_CONST(PV_ELFNOTE_SUSPEND_CANCEL, XEN_ELFNOTE_SUSPEND_CANCEL);
SAME_CONST(PV_ELFNOTE_INIT_P2M, XEN_ELFNOTE_INIT_P2M);
SAME_CONST(PV_ELFNOTE_MOD_START_PFN, XEN_ELFNOTE_MOD_START_PFN);
SAME_CONST(PV_ELFNOTE_SUPPORTED_FEATURES, XEN_ELFNOTE_SUPPORTED_FEATURES);
SAME_CONST(PV_ELFNOTE_PHYS32_ENTRY, XEN_ELFNOTE_PHYS32_ENTRY);
SAME_CONST(PV_ELFNOTE_MAX, XEN_ELFNOTE_MAX);
SAME_CONST(PV_ELFNOTE_CRASH_INFO, XEN_ELFNOTE_CRASH_INFO);
SAME_CONST(PV_ELFNOTE_CRASH_REGS, XEN_ELFNOTE_CRASH_REGS);
SAME_CONST(PV_EXTRAVERSION_LEN, XEN_EXTRAVERSION_LEN);
SAME_CONST(PV_CAPABILITIES_INFO_LEN, XEN_CAPABILITIES_INFO_LEN);
SAME_CONST(PV_CHANGESET_INFO_LEN, XEN_CHANGESET_INFO_LEN);
SAME_CONST(PV_RUNSTATE_UPDATE, XEN_RUNSTATE_UPDATE);

/* x86 layout constants, per guest word size */
#if defined(__x86_64__)
SAME_CONST(PV_FLAT_RING3_CS32, FLAT_RING3_CS32);
SAME_CONST(PV_FLAT_RING3_CS64, FLAT_RING3_CS64);
SAME_CONST(PV_FLAT_RING3_DS32, FLAT_RING3_DS32);
SAME_CONST(PV_FLAT_RING3_DS64, FLAT_RING3_DS64);
SAME_CONST(PV_FLAT_RING3_SS32, FLAT_RING3_SS32);
SAME_CONST(PV_FLAT_RING3_SS64, FLAT_RING3_SS64);
SAME_CONST(PV_FLAT_KERNEL_CS, FLAT_KERNEL_CS);
SAME_CONST(PV_FLAT_KERNEL_DS, FLAT_KERNEL_DS);
SAME_CONST(PV_FLAT_KERNEL_SS, FLAT_KERNEL_SS);
SAME_CONST(PV_FLAT_USER_CS, FLAT_USER_CS);
SAME_CONST(PV_FLAT_USER_DS, FLAT_USER_DS);
SAME_CONST(PV_FLAT_USER_SS, FLAT_USER_SS);
SAME_CONST(PV_HYPERVISOR_VIRT_START, HYPERVISOR_VIRT_START);
SAME_CONST(PV_HYPERVISOR_VIRT_END, HYPERVISOR_VIRT_END);
SAME_CONST(PV_MACH2PHYS_VIRT_START, MACH2PHYS_VIRT_START);
SAME_CONST(PV_MACH2PHYS_VIRT_END, MACH2PHYS_VIRT_END);
SAME_CONST(PV_MACH2PHYS_NR_ENTRIES, MACH2PHYS_NR_ENTRIES);
SAME_CONST(PV_SEGBASE_FS, SEGBASE_FS);
SAME_CONST(PV_SEGBASE_GS_USER, SEGBASE_GS_USER);
SAME_CONST(PV_SEGBASE_GS_KERNEL, SEGBASE_GS_KERNEL);
SAME_CONST(PV_SEGBASE_GS_USER_SEL, SEGBASE_GS_USER_SEL);
SAME_CONST(PV_VGCF_in_syscall, VGCF_in_syscall);
#else
SAME_CONST(PV_FLAT_RING1_CS, FLAT_RING1_CS);
SAME_CONST(PV_FLAT_RING1_DS, FLAT_RING1_DS);
SAME_CONST(PV_FLAT_RING1_SS, FLAT_RING1_SS);
SAME_CONST(PV_FLAT_RING3_CS, FLAT_RING3_CS);
SAME_CONST(PV_FLAT_RING3_DS, FLAT_RING3_DS);
SAME_CONST(PV_FLAT_RING3_SS, FLAT_RING3_SS);
SAME_CONST(PV_FLAT_KERNEL_CS, FLAT_KERNEL_CS);
SAME_CONST(PV_FLAT_KERNEL_DS, FLAT_KERNEL_DS);
SAME_CONST(PV_FLAT_KERNEL_SS, FLAT_KERNEL_SS);
SAME_CONST(PV_FLAT_USER_CS, FLAT_USER_CS);
SAME_CONST(PV_FLAT_USER_DS, FLAT_USER_DS);
SAME_CONST(PV_FLAT_USER_SS, FLAT_USER_SS);
SAME_CONST(PV_HYPERVISOR_VIRT_START, HYPERVISOR_VIRT_START);
SAME_CONST(PV_MACH2PHYS_VIRT_START, MACH2PHYS_VIRT_START);
SAME_CONST(PV_MACH2PHYS_VIRT_END, MACH2PHYS_VIRT_END);
SAME_CONST(PV_MACH2PHYS_NR_ENTRIES, MACH2PHYS_NR_ENTRIES);
#endif

/* structures */
SAME_SIZE(struct pv_multicall_entry, struct multicall_entry);
SAME_FIELD(struct pv_multicall_entry, struct multicall_entry, op);
SAME_FIELD(struct pv_multicall_entry, struct multicall_entry, result);
SAME_FIELD(struct pv_multicall_entry, struct multicall_entry, args);
SAME_SIZE(struct pv_trap_info, struct trap_info);
SAME_FIELD(struct pv_trap_info, struct trap_info, vector);
SAME_FIELD(struct pv_trap_info, struct trap_info, flags);
SAME_FIELD(struct pv_trap_info, struct trap_info, cs);
SAME_FIELD(struct pv_trap_info, struct trap_info, address);
SAME_SIZE(struct pv_arch_vcpu_info, struct arch_vcpu_info);
SAME_FIELD(struct pv_arch_vcpu_info, struct arch_vcpu_info, cr2);
SAME_FIELD(struct pv_arch_vcpu_info, struct arch_vcpu_info, pad);
SAME_SIZE(struct pv_arch_shared_info, struct arch_shared_info);
SAME_FIELD(struct pv_arch_shared_info, struct arch_shared_info, max_pfn);
SAME_FIELD(struct pv_arch_shared_info, struct arch_shared_info, pfn_to_mfn_frame_list_list);
SAME_FIELD(struct pv_arch_shared_info, struct arch_shared_info, nmi_reason);
SAME_FIELD(struct pv_arch_shared_info, struct arch_shared_info, p2m_cr3);
SAME_FIELD(struct pv_arch_shared_info, struct arch_shared_info, p2m_vaddr);
SAME_FIELD(struct pv_arch_shared_info, struct arch_shared_info, p2m_generation);
SAME_SIZE(struct pv_vcpu_time_info, struct vcpu_time_info);
SAME_FIELD(struct pv_vcpu_time_info, struct vcpu_time_info, version);
SAME_FIELD(struct pv_vcpu_time_info, struct vcpu_time_info, pad0);
SAME_FIELD(struct pv_vcpu_time_info, struct vcpu_time_info, tsc_timestamp);
SAME_FIELD(struct pv_vcpu_time_info, struct vcpu_time_info, system_time);
SAME_FIELD(struct pv_vcpu_time_info, struct vcpu_time_info, tsc_to_system_mul);
SAME_FIELD(struct pv_vcpu_time_info, struct vcpu_time_info, tsc_shift);
SAME_FIELD(struct pv_vcpu_time_info, struct vcpu_time_info, flags);
SAME_FIELD(struct pv_vcpu_time_info, struct vcpu_time_info, pad1);
SAME_SIZE(struct pv_vcpu_info, struct vcpu_info);
SAME_FIELD(struct pv_vcpu_info, struct vcpu_info, evtchn_upcall_pending);
SAME_FIELD(struct pv_vcpu_info, struct vcpu_info, evtchn_upcall_mask);

SAME_FIELD(struct pv_vcpu_info, struct vcpu_info, evtchn_pending_sel);
SAME_FIELD(struct pv_vcpu_info, struct vcpu_info, arch);
SAME_FIELD(struct pv_vcpu_info, struct vcpu_info, time);
SAME_SIZE(struct pv_shared_info, struct shared_info);
SAME_FIELD(struct pv_shared_info, struct shared_info, vcpu_info);
SAME_FIELD(struct pv_shared_info, struct shared_info, evtchn_pending);
SAME_FIELD(struct pv_shared_info, struct shared_info, evtchn_mask);
SAME_FIELD(struct pv_shared_info, struct shared_info, wc_version);
SAME_FIELD(struct pv_shared_info, struct shared_info, wc_sec);
SAME_FIELD(struct pv_shared_info, struct shared_info, wc_nsec);
SAME_FIELD(struct pv_shared_info, struct shared_info, arch);
SAME_SIZE(struct pv_start_info, struct start_info);
SAME_FIELD(struct pv_start_info, struct start_info, magic);
SAME_FIELD(struct pv_start_info, struct start_info, nr_pages);
SAME_FIELD(struct pv_start_info, struct start_info, shared_info);
SAME_FIELD(struct pv_start_info, struct start_info, flags);
SAME_FIELD(struct pv_start_info, struct start_info, store_mfn);
SAME_FIELD(struct pv_start_info, struct start_info, store_evtchn);
SAME_FIELD(struct pv_start_info, struct start_info, console);
SAME_FIELD(struct pv_start_info, struct start_info, console.domU.mfn);
SAME_FIELD(struct pv_start_info, struct start_info, console.domU.evtchn);
SAME_FIELD(struct pv_start_info, struct start_info, console.dom0.info_off);
SAME_FIELD(struct pv_start_info, struct start_info, console.dom0.info_size);
SAME_FIELD(struct pv_start_info, struct start_info, pt_base);
SAME_FIELD(struct pv_start_info, struct start_info, nr_pt_frames);
SAME_FIELD(struct pv_start_info, struct start_info, mfn_list);
SAME_FIELD(struct pv_start_info, struct start_info, mod_start);
SAME_FIELD(struct pv_start_info, struct start_info, mod_len);
SAME_FIELD(struct pv_start_info, struct start_info, cmd_line);
SAME_FIELD(struct pv_start_info, struct start_info, first_p2m_pfn);
SAME_FIELD(struct pv_start_info, struct start_info, nr_p2m_frames);
SAME_SIZE(struct pv_multiboot_mod_list, struct xen_multiboot_mod_list);
SAME_FIELD(struct pv_multiboot_mod_list, struct xen_multiboot_mod_list, mod_start);
SAME_FIELD(struct pv_multiboot_mod_list, struct xen_multiboot_mod_list, mod_end);
SAME_FIELD(struct pv_multiboot_mod_list, struct xen_multiboot_mod_list, cmdline);
SAME_FIELD(struct pv_multiboot_mod_list, struct xen_multiboot_mod_list, pad);
SAME_SIZE(struct pv_dom0_vga_console_info, struct dom0_vga_console_info);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, video_type);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.text_mode_3.font_height);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.text_mode_3.cursor_x);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.text_mode_3.cursor_y);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.text_mode_3.rows);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.text_mode_3.columns);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.width);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.height);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.bytes_per_line);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.bits_per_pixel);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.lfb_base);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.lfb_size);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.red_pos);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.red_size);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.green_pos);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.green_size);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.blue_pos);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.blue_size);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.rsvd_pos);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.rsvd_size);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.gbl_caps);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.mode_attrs);
SAME_FIELD(struct pv_dom0_vga_console_info, struct dom0_vga_console_info, u.vesa_lfb.ext_lfb_base);
SAME_SIZE(struct pv_mmu_update, struct mmu_update);
SAME_FIELD(struct pv_mmu_update, struct mmu_update, ptr);
SAME_FIELD(struct pv_mmu_update, struct mmu_update, val);
SAME_SIZE(struct pv_mmuext_op, struct mmuext_op);
SAME_FIELD(struct pv_mmuext_op, struct mmuext_op, cmd);
SAME_FIELD(struct pv_mmuext_op, struct mmuext_op, arg1.mfn);
SAME_FIELD(struct pv_mmuext_op, struct mmuext_op, arg1.linear_addr);
SAME_FIELD(struct pv_mmuext_op, struct mmuext_op, arg2.nr_ents);
SAME_FIELD(struct pv_mmuext_op, struct mmuext_op, arg2.vcpumask);
SAME_FIELD(struct pv_mmuext_op, struct mmuext_op, arg2.src_mfn);
SAME_SIZE(struct pv_cpu_user_regs, struct cpu_user_regs);
#if defined(__x86_64__)
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, r15);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, r14);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, r13);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, r12);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rbp);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rbx);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, r11);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, r10);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, r9);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, r8);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rax);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rcx);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rdx);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rsi);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rdi);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, error_code);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, entry_vector);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rip);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, cs);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, saved_upcall_mask);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rflags);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, rsp);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, ss);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, es);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, ds);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, fs);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, gs);
#else
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, ebx);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, ecx);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, edx);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, esi);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, edi);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, ebp);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, eax);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, error_code);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, entry_vector);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, eip);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, cs);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, saved_upcall_mask);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, eflags);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, esp);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, ss);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, es);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, ds);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, fs);
SAME_FIELD(struct pv_cpu_user_regs, struct cpu_user_regs, gs);
#endif
SAME_SIZE(struct pv_vcpu_guest_context, struct vcpu_guest_context);
#if defined(__x86_64__)
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, fpu_ctxt);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, flags);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, user_regs);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, trap_ctxt);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, ldt_base);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, ldt_ents);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, gdt_frames);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, gdt_ents);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, kernel_ss);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, kernel_sp);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, ctrlreg);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, debugreg);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, event_callback_eip);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, failsafe_callback_eip);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, syscall_callback_eip);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, vm_assist);
#else
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, fpu_ctxt);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, flags);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, user_regs);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, trap_ctxt);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, ldt_base);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, ldt_ents);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, gdt_frames);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, gdt_ents);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, kernel_ss);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, kernel_sp);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, ctrlreg);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, debugreg);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, event_callback_cs);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, event_callback_eip);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, failsafe_callback_cs);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, failsafe_callback_eip);
SAME_FIELD(struct pv_vcpu_guest_context, struct vcpu_guest_context, vm_assist);
#endif
SAME_SIZE(struct pv_callback_register, struct callback_register);
SAME_FIELD(struct pv_callback_register, struct callback_register, type);
SAME_FIELD(struct pv_callback_register, struct callback_register, flags);
SAME_FIELD(struct pv_callback_register, struct callback_register, address);
SAME_SIZE(struct pv_callback_unregister, struct callback_unregister);
SAME_FIELD(struct pv_callback_unregister, struct callback_unregister, type);
SAME_FIELD(struct pv_callback_unregister, struct callback_unregister, _unused);
SAME_SIZE(struct pv_sched_shutdown, struct sched_shutdown);
SAME_FIELD(struct pv_sched_shutdown, struct sched_shutdown, reason);
SAME_SIZE(struct pv_sched_poll, struct sched_poll);
SAME_FIELD(struct pv_sched_poll, struct sched_poll, ports);
SAME_FIELD(struct pv_sched_poll, struct sched_poll, nr_ports);
SAME_FIELD(struct pv_sched_poll, struct sched_poll, timeout);
SAME_SIZE(struct pv_sched_remote_shutdown, struct sched_remote_shutdown);
SAME_FIELD(struct pv_sched_remote_shutdown, struct sched_remote_shutdown, domain_id);
SAME_FIELD(struct pv_sched_remote_shutdown, struct sched_remote_shutdown, reason);
SAME_SIZE(struct pv_sched_watchdog, struct sched_watchdog);
SAME_FIELD(struct pv_sched_watchdog, struct sched_watchdog, id);
SAME_FIELD(struct pv_sched_watchdog, struct sched_watchdog, timeout);
SAME_SIZE(struct pv_sched_pin_override, struct sched_pin_override);
SAME_FIELD(struct pv_sched_pin_override, struct sched_pin_override, pcpu);
SAME_SIZE(struct pv_evtchn_alloc_unbound, struct evtchn_alloc_unbound);
SAME_FIELD(struct pv_evtchn_alloc_unbound, struct evtchn_alloc_unbound, dom);
SAME_FIELD(struct pv_evtchn_alloc_unbound, struct evtchn_alloc_unbound, remote_dom);
SAME_FIELD(struct pv_evtchn_alloc_unbound, struct evtchn_alloc_unbound, port);
SAME_SIZE(struct pv_evtchn_bind_interdomain, struct evtchn_bind_interdomain);
SAME_FIELD(struct pv_evtchn_bind_interdomain, struct evtchn_bind_interdomain, remote_dom);
SAME_FIELD(struct pv_evtchn_bind_interdomain, struct evtchn_bind_interdomain, remote_port);
SAME_FIELD(struct pv_evtchn_bind_interdomain, struct evtchn_bind_interdomain, local_port);
SAME_SIZE(struct pv_evtchn_bind_virq, struct evtchn_bind_virq);
SAME_FIELD(struct pv_evtchn_bind_virq, struct evtchn_bind_virq, virq);
SAME_FIELD(struct pv_evtchn_bind_virq, struct evtchn_bind_virq, vcpu);
SAME_FIELD(struct pv_evtchn_bind_virq, struct evtchn_bind_virq, port);
SAME_SIZE(struct pv_evtchn_bind_pirq, struct evtchn_bind_pirq);
SAME_FIELD(struct pv_evtchn_bind_pirq, struct evtchn_bind_pirq, pirq);
SAME_FIELD(struct pv_evtchn_bind_pirq, struct evtchn_bind_pirq, flags);
SAME_FIELD(struct pv_evtchn_bind_pirq, struct evtchn_bind_pirq, port);
SAME_SIZE(struct pv_evtchn_bind_ipi, struct evtchn_bind_ipi);
SAME_FIELD(struct pv_evtchn_bind_ipi, struct evtchn_bind_ipi, vcpu);
SAME_FIELD(struct pv_evtchn_bind_ipi, struct evtchn_bind_ipi, port);
SAME_SIZE(struct pv_evtchn_close, struct evtchn_close);
SAME_FIELD(struct pv_evtchn_close, struct evtchn_close, port);
SAME_SIZE(struct pv_evtchn_send, struct evtchn_send);
SAME_FIELD(struct pv_evtchn_send, struct evtchn_send, port);
SAME_SIZE(struct pv_evtchn_status, struct evtchn_status);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, dom);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, port);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, status);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, vcpu);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, u.unbound.dom);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, u.interdomain.dom);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, u.interdomain.port);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, u.pirq);
SAME_FIELD(struct pv_evtchn_status, struct evtchn_status, u.virq);
SAME_SIZE(struct pv_evtchn_bind_vcpu, struct evtchn_bind_vcpu);
SAME_FIELD(struct pv_evtchn_bind_vcpu, struct evtchn_bind_vcpu, port);
SAME_FIELD(struct pv_evtchn_bind_vcpu, struct evtchn_bind_vcpu, vcpu);
SAME_SIZE(struct pv_evtchn_unmask, struct evtchn_unmask);
SAME_FIELD(struct pv_evtchn_unmask, struct evtchn_unmask, port);
SAME_SIZE(struct pv_evtchn_reset, struct evtchn_reset);
SAME_FIELD(struct pv_evtchn_reset, struct evtchn_reset, dom);
SAME_SIZE(struct pv_evtchn_init_control, struct evtchn_init_control);
SAME_FIELD(struct pv_evtchn_init_control, struct evtchn_init_control, control_gfn);
SAME_FIELD(struct pv_evtchn_init_control, struct evtchn_init_control, offset);
SAME_FIELD(struct pv_evtchn_init_control, struct evtchn_init_control, vcpu);
SAME_FIELD(struct pv_evtchn_init_control, struct evtchn_init_control, link_bits);
SAME_FIELD(struct pv_evtchn_init_control, struct evtchn_init_control, _pad);
SAME_SIZE(struct pv_evtchn_expand_array, struct evtchn_expand_array);
SAME_CONST(PV_EVTCHN_FIFO_PRIORITY_MAX, EVTCHN_FIFO_PRIORITY_MAX);
SAME_CONST(PV_EVTCHN_FIFO_PRIORITY_DEFAULT, EVTCHN_FIFO_PRIORITY_DEFAULT);
SAME_CONST(PV_EVTCHN_FIFO_PRIORITY_MIN, EVTCHN_FIFO_PRIORITY_MIN);
SAME_CONST(PV_EVTCHN_FIFO_MAX_QUEUES, EVTCHN_FIFO_MAX_QUEUES);
SAME_CONST(PV_EVTCHN_FIFO_PENDING, EVTCHN_FIFO_PENDING);
SAME_CONST(PV_EVTCHN_FIFO_MASKED, EVTCHN_FIFO_MASKED);
SAME_CONST(PV_EVTCHN_FIFO_LINKED, EVTCHN_FIFO_LINKED);
SAME_CONST(PV_EVTCHN_FIFO_BUSY, EVTCHN_FIFO_BUSY);
SAME_CONST(PV_EVTCHN_FIFO_LINK_BITS, EVTCHN_FIFO_LINK_BITS);
SAME_SIZE(struct pv_evtchn_fifo_control_block, struct evtchn_fifo_control_block);
SAME_FIELD(struct pv_evtchn_fifo_control_block, struct evtchn_fifo_control_block, ready);
SAME_FIELD(struct pv_evtchn_fifo_control_block, struct evtchn_fifo_control_block, head);
SAME_SIZE(pv_event_word_t, event_word_t);
SAME_FIELD(struct pv_evtchn_expand_array, struct evtchn_expand_array, array_gfn);
SAME_SIZE(struct pv_evtchn_set_priority, struct evtchn_set_priority);
SAME_FIELD(struct pv_evtchn_set_priority, struct evtchn_set_priority, port);
SAME_FIELD(struct pv_evtchn_set_priority, struct evtchn_set_priority, priority);
SAME_SIZE(struct pv_grant_entry_v1, struct grant_entry_v1);
SAME_FIELD(struct pv_grant_entry_v1, struct grant_entry_v1, flags);
SAME_FIELD(struct pv_grant_entry_v1, struct grant_entry_v1, domid);
SAME_FIELD(struct pv_grant_entry_v1, struct grant_entry_v1, frame);
SAME_SIZE(struct pv_gnttab_map_grant_ref, struct gnttab_map_grant_ref);
SAME_FIELD(struct pv_gnttab_map_grant_ref, struct gnttab_map_grant_ref, host_addr);
SAME_FIELD(struct pv_gnttab_map_grant_ref, struct gnttab_map_grant_ref, flags);
SAME_FIELD(struct pv_gnttab_map_grant_ref, struct gnttab_map_grant_ref, ref);
SAME_FIELD(struct pv_gnttab_map_grant_ref, struct gnttab_map_grant_ref, dom);
SAME_FIELD(struct pv_gnttab_map_grant_ref, struct gnttab_map_grant_ref, status);
SAME_FIELD(struct pv_gnttab_map_grant_ref, struct gnttab_map_grant_ref, handle);
SAME_FIELD(struct pv_gnttab_map_grant_ref, struct gnttab_map_grant_ref, dev_bus_addr);
SAME_SIZE(struct pv_gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref);
SAME_FIELD(struct pv_gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, host_addr);
SAME_FIELD(struct pv_gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, dev_bus_addr);
SAME_FIELD(struct pv_gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, handle);
SAME_FIELD(struct pv_gnttab_unmap_grant_ref, struct gnttab_unmap_grant_ref, status);
SAME_SIZE(struct pv_gnttab_setup_table, struct gnttab_setup_table);
SAME_FIELD(struct pv_gnttab_setup_table, struct gnttab_setup_table, dom);
SAME_FIELD(struct pv_gnttab_setup_table, struct gnttab_setup_table, nr_frames);
SAME_FIELD(struct pv_gnttab_setup_table, struct gnttab_setup_table, status);
SAME_FIELD(struct pv_gnttab_setup_table, struct gnttab_setup_table, frame_list);
SAME_SIZE(struct pv_gnttab_dump_table, struct gnttab_dump_table);
SAME_FIELD(struct pv_gnttab_dump_table, struct gnttab_dump_table, dom);
SAME_FIELD(struct pv_gnttab_dump_table, struct gnttab_dump_table, status);
SAME_SIZE(struct pv_gnttab_transfer, struct gnttab_transfer);
SAME_FIELD(struct pv_gnttab_transfer, struct gnttab_transfer, mfn);
SAME_FIELD(struct pv_gnttab_transfer, struct gnttab_transfer, domid);
SAME_FIELD(struct pv_gnttab_transfer, struct gnttab_transfer, ref);
SAME_FIELD(struct pv_gnttab_transfer, struct gnttab_transfer, status);
SAME_SIZE(struct pv_gnttab_copy, struct gnttab_copy);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, source.u.ref);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, source.u.gmfn);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, source.domid);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, source.offset);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, dest.u.ref);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, dest.u.gmfn);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, dest.domid);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, dest.offset);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, len);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, flags);
SAME_FIELD(struct pv_gnttab_copy, struct gnttab_copy, status);
SAME_SIZE(struct pv_gnttab_query_size, struct gnttab_query_size);
SAME_FIELD(struct pv_gnttab_query_size, struct gnttab_query_size, dom);
SAME_FIELD(struct pv_gnttab_query_size, struct gnttab_query_size, nr_frames);
SAME_FIELD(struct pv_gnttab_query_size, struct gnttab_query_size, max_nr_frames);
SAME_FIELD(struct pv_gnttab_query_size, struct gnttab_query_size, status);
SAME_SIZE(struct pv_gnttab_unmap_and_replace, struct gnttab_unmap_and_replace);
SAME_FIELD(struct pv_gnttab_unmap_and_replace, struct gnttab_unmap_and_replace, host_addr);
SAME_FIELD(struct pv_gnttab_unmap_and_replace, struct gnttab_unmap_and_replace, new_addr);
SAME_FIELD(struct pv_gnttab_unmap_and_replace, struct gnttab_unmap_and_replace, handle);
SAME_FIELD(struct pv_gnttab_unmap_and_replace, struct gnttab_unmap_and_replace, status);
SAME_SIZE(struct pv_gnttab_set_version, struct gnttab_set_version);
SAME_FIELD(struct pv_gnttab_set_version, struct gnttab_set_version, version);
SAME_SIZE(struct pv_gnttab_get_version, struct gnttab_get_version);
SAME_FIELD(struct pv_gnttab_get_version, struct gnttab_get_version, dom);
SAME_FIELD(struct pv_gnttab_get_version, struct gnttab_get_version, pad);
SAME_FIELD(struct pv_gnttab_get_version, struct gnttab_get_version, version);
SAME_SIZE(struct pv_gnttab_get_status_frames, struct gnttab_get_status_frames);
SAME_FIELD(struct pv_gnttab_get_status_frames, struct gnttab_get_status_frames, nr_frames);
SAME_FIELD(struct pv_gnttab_get_status_frames, struct gnttab_get_status_frames, dom);
SAME_FIELD(struct pv_gnttab_get_status_frames, struct gnttab_get_status_frames, status);
SAME_FIELD(struct pv_gnttab_get_status_frames, struct gnttab_get_status_frames, frame_list);
SAME_SIZE(struct pv_gnttab_swap_grant_ref, struct gnttab_swap_grant_ref);
SAME_FIELD(struct pv_gnttab_swap_grant_ref, struct gnttab_swap_grant_ref, ref_a);
SAME_FIELD(struct pv_gnttab_swap_grant_ref, struct gnttab_swap_grant_ref, ref_b);
SAME_FIELD(struct pv_gnttab_swap_grant_ref, struct gnttab_swap_grant_ref, status);
SAME_SIZE(struct pv_memory_reservation, struct xen_memory_reservation);
SAME_FIELD(struct pv_memory_reservation, struct xen_memory_reservation, extent_start);
SAME_FIELD(struct pv_memory_reservation, struct xen_memory_reservation, nr_extents);
SAME_FIELD(struct pv_memory_reservation, struct xen_memory_reservation, extent_order);
SAME_FIELD(struct pv_memory_reservation, struct xen_memory_reservation, mem_flags);
SAME_FIELD(struct pv_memory_reservation, struct xen_memory_reservation, domid);
SAME_SIZE(struct pv_memory_exchange, struct xen_memory_exchange);
SAME_FIELD(struct pv_memory_exchange, struct xen_memory_exchange, in);
SAME_FIELD(struct pv_memory_exchange, struct xen_memory_exchange, out);
SAME_FIELD(struct pv_memory_exchange, struct xen_memory_exchange, nr_exchanged);
SAME_SIZE(struct pv_machphys_mfn_list, struct xen_machphys_mfn_list);
SAME_FIELD(struct pv_machphys_mfn_list, struct xen_machphys_mfn_list, max_extents);
SAME_FIELD(struct pv_machphys_mfn_list, struct xen_machphys_mfn_list, extent_start);
SAME_FIELD(struct pv_machphys_mfn_list, struct xen_machphys_mfn_list, nr_extents);
SAME_SIZE(struct pv_machphys_mapping, struct xen_machphys_mapping);
SAME_FIELD(struct pv_machphys_mapping, struct xen_machphys_mapping, v_start);
SAME_FIELD(struct pv_machphys_mapping, struct xen_machphys_mapping, v_end);
SAME_FIELD(struct pv_machphys_mapping, struct xen_machphys_mapping, max_mfn);
SAME_SIZE(struct pv_add_to_physmap, struct xen_add_to_physmap);
SAME_FIELD(struct pv_add_to_physmap, struct xen_add_to_physmap, domid);
SAME_FIELD(struct pv_add_to_physmap, struct xen_add_to_physmap, size);
SAME_FIELD(struct pv_add_to_physmap, struct xen_add_to_physmap, space);
SAME_FIELD(struct pv_add_to_physmap, struct xen_add_to_physmap, idx);
SAME_FIELD(struct pv_add_to_physmap, struct xen_add_to_physmap, gpfn);
SAME_SIZE(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch);
SAME_FIELD(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch, domid);
SAME_FIELD(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch, space);
SAME_FIELD(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch, size);
SAME_FIELD(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch, u.foreign_domid);
SAME_FIELD(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch, u.res0);
SAME_FIELD(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch, idxs);
SAME_FIELD(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch, gpfns);
SAME_FIELD(struct pv_add_to_physmap_batch, struct xen_add_to_physmap_batch, errs);
SAME_SIZE(struct pv_remove_from_physmap, struct xen_remove_from_physmap);
SAME_FIELD(struct pv_remove_from_physmap, struct xen_remove_from_physmap, domid);
SAME_FIELD(struct pv_remove_from_physmap, struct xen_remove_from_physmap, gpfn);
SAME_SIZE(struct pv_memory_map, struct xen_memory_map);
SAME_FIELD(struct pv_memory_map, struct xen_memory_map, nr_entries);
SAME_FIELD(struct pv_memory_map, struct xen_memory_map, buffer);
SAME_SIZE(struct pv_foreign_memory_map, struct xen_foreign_memory_map);
SAME_FIELD(struct pv_foreign_memory_map, struct xen_foreign_memory_map, domid);
SAME_FIELD(struct pv_foreign_memory_map, struct xen_foreign_memory_map, map);
SAME_SIZE(struct pv_mem_acquire_resource, struct xen_mem_acquire_resource);
SAME_FIELD(struct pv_mem_acquire_resource, struct xen_mem_acquire_resource, domid);
SAME_FIELD(struct pv_mem_acquire_resource, struct xen_mem_acquire_resource, type);
SAME_FIELD(struct pv_mem_acquire_resource, struct xen_mem_acquire_resource, id);
SAME_FIELD(struct pv_mem_acquire_resource, struct xen_mem_acquire_resource, nr_frames);
SAME_FIELD(struct pv_mem_acquire_resource, struct xen_mem_acquire_resource, pad);
SAME_FIELD(struct pv_mem_acquire_resource, struct xen_mem_acquire_resource, frame);
SAME_FIELD(struct pv_mem_acquire_resource, struct xen_mem_acquire_resource, frame_list);
SAME_SIZE(struct pv_vcpu_runstate_info, struct vcpu_runstate_info);
SAME_FIELD(struct pv_vcpu_runstate_info, struct vcpu_runstate_info, state);
SAME_FIELD(struct pv_vcpu_runstate_info, struct vcpu_runstate_info, state_entry_time);
SAME_FIELD(struct pv_vcpu_runstate_info, struct vcpu_runstate_info, time);
SAME_SIZE(struct pv_vcpu_register_runstate_memory_area, struct vcpu_register_runstate_memory_area);
SAME_FIELD(struct pv_vcpu_register_runstate_memory_area, struct vcpu_register_runstate_memory_area, addr.h);
SAME_FIELD(struct pv_vcpu_register_runstate_memory_area, struct vcpu_register_runstate_memory_area, addr.v);
SAME_FIELD(struct pv_vcpu_register_runstate_memory_area, struct vcpu_register_runstate_memory_area, addr.p);
SAME_SIZE(struct pv_vcpu_set_periodic_timer, struct vcpu_set_periodic_timer);
SAME_FIELD(struct pv_vcpu_set_periodic_timer, struct vcpu_set_periodic_timer, period_ns);
SAME_SIZE(struct pv_vcpu_set_singleshot_timer, struct vcpu_set_singleshot_timer);
SAME_FIELD(struct pv_vcpu_set_singleshot_timer, struct vcpu_set_singleshot_timer, timeout_abs_ns);
SAME_FIELD(struct pv_vcpu_set_singleshot_timer, struct vcpu_set_singleshot_timer, flags);
SAME_SIZE(struct pv_vcpu_register_vcpu_info, struct vcpu_register_vcpu_info);
SAME_FIELD(struct pv_vcpu_register_vcpu_info, struct vcpu_register_vcpu_info, mfn);
SAME_FIELD(struct pv_vcpu_register_vcpu_info, struct vcpu_register_vcpu_info, offset);
SAME_FIELD(struct pv_vcpu_register_vcpu_info, struct vcpu_register_vcpu_info, rsvd);
SAME_SIZE(struct pv_vcpu_get_physid, struct vcpu_get_physid);
SAME_FIELD(struct pv_vcpu_get_physid, struct vcpu_get_physid, phys_id);
SAME_SIZE(struct pv_vcpu_register_time_memory_area, struct vcpu_register_time_memory_area);
SAME_FIELD(struct pv_vcpu_register_time_memory_area, struct vcpu_register_time_memory_area, addr.h);
SAME_FIELD(struct pv_vcpu_register_time_memory_area, struct vcpu_register_time_memory_area, addr.v);
SAME_FIELD(struct pv_vcpu_register_time_memory_area, struct vcpu_register_time_memory_area, addr.p);
SAME_SIZE(struct pv_compile_info, struct xen_compile_info);
SAME_FIELD(struct pv_compile_info, struct xen_compile_info, compiler);
SAME_FIELD(struct pv_compile_info, struct xen_compile_info, compile_by);
SAME_FIELD(struct pv_compile_info, struct xen_compile_info, compile_domain);
SAME_FIELD(struct pv_compile_info, struct xen_compile_info, compile_date);
SAME_SIZE(struct pv_platform_parameters, struct xen_platform_parameters);
SAME_FIELD(struct pv_platform_parameters, struct xen_platform_parameters, virt_start);
SAME_SIZE(struct pv_feature_info, struct xen_feature_info);
SAME_FIELD(struct pv_feature_info, struct xen_feature_info, submap_idx);
SAME_FIELD(struct pv_feature_info, struct xen_feature_info, submap);
SAME_SIZE(struct pv_build_id, struct xen_build_id);
SAME_FIELD(struct pv_build_id, struct xen_build_id, len);
SAME_OFFSET(struct pv_build_id, struct xen_build_id, buf);
SAME_SIZE(pv_extraversion_t, xen_extraversion_t);
SAME_SIZE(pv_capabilities_info_t, xen_capabilities_info_t);
SAME_SIZE(pv_changeset_info_t, xen_changeset_info_t);
SAME_SIZE(pv_commandline_t, xen_commandline_t);
SAME_SIZE(struct pv_physdev_eoi, struct physdev_eoi);
SAME_FIELD(struct pv_physdev_eoi, struct physdev_eoi, irq);
SAME_SIZE(struct pv_physdev_pirq_eoi_gmfn, struct physdev_pirq_eoi_gmfn);
SAME_FIELD(struct pv_physdev_pirq_eoi_gmfn, struct physdev_pirq_eoi_gmfn, gmfn);
SAME_SIZE(struct pv_physdev_irq_status_query, struct physdev_irq_status_query);
SAME_FIELD(struct pv_physdev_irq_status_query, struct physdev_irq_status_query, irq);
SAME_FIELD(struct pv_physdev_irq_status_query, struct physdev_irq_status_query, flags);
SAME_SIZE(struct pv_physdev_set_iopl, struct physdev_set_iopl);
SAME_FIELD(struct pv_physdev_set_iopl, struct physdev_set_iopl, iopl);
SAME_SIZE(struct pv_physdev_set_iobitmap, struct physdev_set_iobitmap);
SAME_FIELD(struct pv_physdev_set_iobitmap, struct physdev_set_iobitmap, bitmap);
SAME_FIELD(struct pv_physdev_set_iobitmap, struct physdev_set_iobitmap, nr_ports);
SAME_SIZE(struct pv_physdev_apic, struct physdev_apic);
SAME_FIELD(struct pv_physdev_apic, struct physdev_apic, apic_physbase);
SAME_FIELD(struct pv_physdev_apic, struct physdev_apic, reg);
SAME_FIELD(struct pv_physdev_apic, struct physdev_apic, value);
SAME_SIZE(struct pv_physdev_irq, struct physdev_irq);
SAME_FIELD(struct pv_physdev_irq, struct physdev_irq, irq);
SAME_FIELD(struct pv_physdev_irq, struct physdev_irq, vector);
SAME_SIZE(struct pv_physdev_map_pirq, struct physdev_map_pirq);
SAME_FIELD(struct pv_physdev_map_pirq, struct physdev_map_pirq, domid);
SAME_FIELD(struct pv_physdev_map_pirq, struct physdev_map_pirq, type);
SAME_FIELD(struct pv_physdev_map_pirq, struct physdev_map_pirq, index);
SAME_FIELD(struct pv_physdev_map_pirq, struct physdev_map_pirq, pirq);
SAME_FIELD(struct pv_physdev_map_pirq, struct physdev_map_pirq, bus);
SAME_FIELD(struct pv_physdev_map_pirq, struct physdev_map_pirq, devfn);
SAME_FIELD(struct pv_physdev_map_pirq, struct physdev_map_pirq, entry_nr);
SAME_FIELD(struct pv_physdev_map_pirq, struct physdev_map_pirq, table_base);
SAME_SIZE(struct pv_physdev_unmap_pirq, struct physdev_unmap_pirq);
SAME_FIELD(struct pv_physdev_unmap_pirq, struct physdev_unmap_pirq, domid);
SAME_FIELD(struct pv_physdev_unmap_pirq, struct physdev_unmap_pirq, pirq);
SAME_SIZE(struct pv_physdev_manage_pci, struct physdev_manage_pci);
SAME_FIELD(struct pv_physdev_manage_pci, struct physdev_manage_pci, bus);
SAME_FIELD(struct pv_physdev_manage_pci, struct physdev_manage_pci, devfn);
SAME_SIZE(struct pv_xencons_interface, struct xencons_interface);
SAME_FIELD(struct pv_xencons_interface, struct xencons_interface, in);
SAME_FIELD(struct pv_xencons_interface, struct xencons_interface, out);
SAME_FIELD(struct pv_xencons_interface, struct xencons_interface, in_cons);
SAME_FIELD(struct pv_xencons_interface, struct xencons_interface, in_prod);
SAME_FIELD(struct pv_xencons_interface, struct xencons_interface, out_cons);
SAME_FIELD(struct pv_xencons_interface, struct xencons_interface, out_prod);
SAME_SIZE(struct pv_xsd_sockmsg, struct xsd_sockmsg);
SAME_FIELD(struct pv_xsd_sockmsg, struct xsd_sockmsg, type);
SAME_FIELD(struct pv_xsd_sockmsg, struct xsd_sockmsg, req_id);
SAME_FIELD(struct pv_xsd_sockmsg, struct xsd_sockmsg, tx_id);
SAME_FIELD(struct pv_xsd_sockmsg, struct xsd_sockmsg, len);
SAME_SIZE(struct pv_xenstore_domain_interface, struct xenstore_domain_interface);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, req);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, rsp);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, req_cons);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, req_prod);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, rsp_cons);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, rsp_prod);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, server_features);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, connection);
SAME_FIELD(struct pv_xenstore_domain_interface, struct xenstore_domain_interface, error);
/* Xen declares ring[1], Sierra a flexible array: compare up to the slots */
SAME_FIELD(struct ck_pv_sring, struct ck_xen_sring, req_prod);
SAME_FIELD(struct ck_pv_sring, struct ck_xen_sring, req_event);
SAME_FIELD(struct ck_pv_sring, struct ck_xen_sring, rsp_prod);
SAME_FIELD(struct ck_pv_sring, struct ck_xen_sring, rsp_event);
SAME_FIELD(struct ck_pv_sring, struct ck_xen_sring, pvt);
SAME_OFFSET(struct ck_pv_sring, struct ck_xen_sring, ring);
SAME_FIELD(struct ck_pv_sring, struct ck_xen_sring, ring[0]);
SAME_SIZE(union ck_pv_sring_entry, union ck_xen_sring_entry);
SAME_SIZE(struct ck_pv_front_ring, struct ck_xen_front_ring);
SAME_FIELD(struct ck_pv_front_ring, struct ck_xen_front_ring, req_prod_pvt);
SAME_FIELD(struct ck_pv_front_ring, struct ck_xen_front_ring, rsp_cons);
SAME_FIELD(struct ck_pv_front_ring, struct ck_xen_front_ring, nr_ents);
SAME_FIELD(struct ck_pv_front_ring, struct ck_xen_front_ring, sring);
SAME_SIZE(struct ck_pv_back_ring, struct ck_xen_back_ring);
SAME_FIELD(struct ck_pv_back_ring, struct ck_xen_back_ring, rsp_prod_pvt);
SAME_FIELD(struct ck_pv_back_ring, struct ck_xen_back_ring, req_cons);
SAME_FIELD(struct ck_pv_back_ring, struct ck_xen_back_ring, nr_ents);
SAME_FIELD(struct ck_pv_back_ring, struct ck_xen_back_ring, sring);
#if defined(__x86_64__)
SAME_FIELD(struct pv_iret_context, struct iret_context, rax);
SAME_FIELD(struct pv_iret_context, struct iret_context, r11);
SAME_FIELD(struct pv_iret_context, struct iret_context, rcx);
SAME_FIELD(struct pv_iret_context, struct iret_context, flags);
SAME_FIELD(struct pv_iret_context, struct iret_context, rip);
SAME_FIELD(struct pv_iret_context, struct iret_context, cs);
SAME_FIELD(struct pv_iret_context, struct iret_context, rflags);
SAME_FIELD(struct pv_iret_context, struct iret_context, rsp);
SAME_FIELD(struct pv_iret_context, struct iret_context, ss);
SAME_SIZE(struct pv_iret_context, struct iret_context);
SAME_FIELD(struct pv_shared_info, struct shared_info, wc_sec_hi);
#else
SAME_FIELD(struct pv_arch_shared_info, struct arch_shared_info, wc_sec_hi);
SAME_SIZE(pv_callback_t, xen_callback_t);
SAME_FIELD(pv_callback_t, xen_callback_t, cs);
SAME_FIELD(pv_callback_t, xen_callback_t, eip);
#endif
SAME_SIZE(pv_ulong_t, xen_ulong_t);
SAME_SIZE(pv_pfn_t, xen_pfn_t);
SAME_SIZE(pv_domid_t, domid_t);
SAME_SIZE(pv_evtchn_port_t, evtchn_port_t);
SAME_SIZE(pv_grant_ref_t, grant_ref_t);
SAME_SIZE(pv_grant_handle_t, grant_handle_t);
SAME_SIZE(PV_RING_IDX, RING_IDX);
SAME_SIZE(PV_XENCONS_RING_IDX, XENCONS_RING_IDX);
SAME_SIZE(PV_XENSTORE_RING_IDX, XENSTORE_RING_IDX);

