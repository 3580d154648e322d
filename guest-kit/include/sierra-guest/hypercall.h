/*
 * Calling the hypervisor from a 64-bit PV kernel: through the hypercall page
 * the builder filled (PV_ELFNOTE_HYPERCALL_PAGE), entry `nr` at byte nr * 32,
 * arguments in RDI, RSI, RDX, R10, R8, result in RAX. The same binary works
 * on Xen and on Sierra. Typed wrappers for each hypercall follow the raw ones.
 */
#ifndef SIERRA_GUEST_HYPERCALL_H
#define SIERRA_GUEST_HYPERCALL_H

#include <stdint.h>
#include <sierra/hypercall.h>
#include <sierra/mmu.h>
#include <sierra/sched.h>
#include <sierra/console.h>
#include <sierra/xenver.h>
#include <sierra/memory.h>
#include <sierra/callback.h>
#include <sierra/vcpu.h>
#include <sierra/event-channel.h>
#include <sierra/grant-table.h>
#include <sierra/physdev.h>

extern char hypercall_page[4096];

#if defined(__x86_64__)
static inline long hypercall(unsigned int nr, unsigned long a1, unsigned long a2,
                             unsigned long a3, unsigned long a4, unsigned long a5)
{
    register unsigned long r10 asm("r10") = a4;
    register unsigned long r8 asm("r8") = a5;
    long ret;

    asm volatile("call *%[entry]"
                 : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8)
                 : [entry] "r"(hypercall_page + nr * PV_HYPERCALL_STUB_SIZE)
                 : "memory", "rcx", "r11");
    return ret;
}
#else
/* i386: arguments in EBX, ECX, EDX, ESI, EDI; the stub does `int $0x82` */
static inline long hypercall(unsigned int nr, unsigned long a1, unsigned long a2,
                             unsigned long a3, unsigned long a4, unsigned long a5)
{
    char *entry = hypercall_page + nr * PV_HYPERCALL_STUB_SIZE;
    long ret;

    /* every general register but EBP and ESP carries something: call through memory */
    asm volatile("call *%[entry]"
                 : "=a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
                 : [entry] "m"(entry)
                 : "memory");
    return ret;
}
#endif

#define HC(nr, a1, a2, a3, a4, a5) \
    hypercall(nr, (unsigned long)(a1), (unsigned long)(a2), (unsigned long)(a3), \
              (unsigned long)(a4), (unsigned long)(a5))

static inline long hyp_console_io(int cmd, int count, const char *buf)
{ return HC(PV_HYPERCALL_console_io, cmd, count, buf, 0, 0); }
static inline long hyp_xen_version(int cmd, void *arg)
{ return HC(PV_HYPERCALL_xen_version, cmd, arg, 0, 0, 0); }
static inline long hyp_sched_op(int cmd, void *arg)
{ return HC(PV_HYPERCALL_sched_op, cmd, arg, 0, 0, 0); }
static inline long hyp_mmu_update(const struct pv_mmu_update *req, unsigned int count,
                                  unsigned int *done, uint16_t domid)
{ return HC(PV_HYPERCALL_mmu_update, req, count, done, domid, 0); }
static inline long hyp_mmuext_op(const struct pv_mmuext_op *op, unsigned int count,
                                 unsigned int *done, uint16_t domid)
{ return HC(PV_HYPERCALL_mmuext_op, op, count, done, domid, 0); }
static inline long hyp_update_va_mapping(unsigned long va, uint64_t pte, unsigned long flags)
{ return HC(PV_HYPERCALL_update_va_mapping, va, pte, flags, 0, 0); }
static inline long hyp_memory_op(unsigned int cmd, void *arg)
{ return HC(PV_HYPERCALL_memory_op, cmd, arg, 0, 0, 0); }
static inline long hyp_multicall(struct pv_multicall_entry *calls, unsigned int count)
{ return HC(PV_HYPERCALL_multicall, calls, count, 0, 0, 0); }
static inline long hyp_set_debugreg(int reg, unsigned long value)
{ return HC(PV_HYPERCALL_set_debugreg, reg, value, 0, 0, 0); }
static inline long hyp_get_debugreg(int reg)
{ return HC(PV_HYPERCALL_get_debugreg, reg, 0, 0, 0, 0); }
static inline long hyp_set_trap_table(const struct pv_trap_info *table)
{ return HC(PV_HYPERCALL_set_trap_table, table, 0, 0, 0, 0); }
static inline long hyp_callback_op(int cmd, const void *arg)
{ return HC(PV_HYPERCALL_callback_op, cmd, arg, 0, 0, 0); }
static inline long hyp_stack_switch(unsigned long ss, unsigned long sp)
{ return HC(PV_HYPERCALL_stack_switch, ss, sp, 0, 0, 0); }
static inline long hyp_vcpu_op(int cmd, unsigned int vcpu, void *arg)
{ return HC(PV_HYPERCALL_vcpu_op, cmd, vcpu, arg, 0, 0); }
static inline long hyp_event_channel_op(int cmd, void *arg)
{ return HC(PV_HYPERCALL_event_channel_op, cmd, arg, 0, 0, 0); }
static inline long hyp_grant_table_op(unsigned int cmd, void *ops, unsigned int count)
{ return HC(PV_HYPERCALL_grant_table_op, cmd, ops, count, 0, 0); }
static inline long hyp_set_gdt(const unsigned long *frames, unsigned int entries)
{ return HC(PV_HYPERCALL_set_gdt, frames, entries, 0, 0, 0); }
static inline long hyp_update_descriptor(uint64_t maddr, uint64_t desc)
{ return HC(PV_HYPERCALL_update_descriptor, maddr, desc, 0, 0, 0); }
static inline long hyp_physdev_op(int cmd, void *arg)
{ return HC(PV_HYPERCALL_physdev_op, cmd, arg, 0, 0, 0); }
static inline long hyp_vm_assist(unsigned int cmd, unsigned int type)
{ return HC(PV_HYPERCALL_vm_assist, cmd, type, 0, 0, 0); }
static inline long hyp_fpu_taskswitch(int set)
{ return HC(PV_HYPERCALL_fpu_taskswitch, set, 0, 0, 0, 0); }
static inline long hyp_set_segment_base(unsigned int which, unsigned long base)
{ return HC(PV_HYPERCALL_set_segment_base, which, base, 0, 0, 0); }
static inline long hyp_update_va_mapping_otherdomain(unsigned long va, uint64_t pte,
                                                     unsigned long flags, uint16_t domid)
{ return HC(PV_HYPERCALL_update_va_mapping_otherdomain, va, pte, flags, domid, 0); }

#endif
