/*
 * Guest traps: exceptions from the guest, SYSCALL from the guest, delivery
 * ("bounce") of an exception, system call or event to the guest kernel's
 * handler with Xen's frame, and the checks every exit to a guest passes.
 */
#ifndef ASM_PV_TRAPS_H
#define ASM_PV_TRAPS_H

#include <asm/regs.h>
#include <hv/domain.h>

#define VECTOR_SYSCALL  0x100

struct cpu_regs *guest_regs(void);
void pv_do_exception(struct cpu_regs *regs);
/* the same with RSP at frame (a copy on the main stack); never returns */
void __noreturn pv_do_exception_on_main_stack(struct cpu_regs *frame);
void pv_exit_checks(struct cpu_regs *regs);   /* events, then a safe frame */
struct cpu_regs *pv_do_syscall(struct cpu_regs *regs);
struct cpu_regs *pv_do_syscall32(struct cpu_regs *regs);
void pv_inject(struct cpu_regs *regs, unsigned int vector, bool has_error, u64 error);
void __noreturn pv_return_to_guest(struct cpu_regs *regs);
void __noreturn pv_start_vcpu(struct vcpu *v, u64 rip, u64 rsp, u64 rsi);

/* emulation of what a PV kernel may not run natively (emulate.c) */
bool pv_emulate_forced(struct cpu_regs *regs);      /* ud2 "xen" cpuid */
/* #GP(0) from the guest kernel: mov CR/DR, rdtsc under CR4.TSD (priv-op.c) */
enum pv_emul { PV_EMUL_NONE, PV_EMUL_DONE, PV_EMUL_GP, PV_EMUL_UD };
enum pv_emul pv_emulate_priv_op(struct cpu_regs *regs);
void pv_load_cr4(const struct vcpu *v);             /* the vCPU's TSD and DE */
bool pv_emulate_msr(struct cpu_regs *regs);         /* rdmsr/wrmsr policy (msr.c) */
void pv_cpuid(u32 leaf, u32 subleaf, u32 regs[4]);   /* the PV policy (cpuid.c) */
/* virtual machine-check MSRs (vmce.c): false when msr is not one of them,
 * or (write) the value is one the MSR refuses: the guest's #GP */
struct vcpu;
bool pv_vmce_rdmsr(struct vcpu *v, u32 msr, u64 *val);
bool pv_vmce_wrmsr(struct vcpu *v, u32 msr, u64 val);
/* writable page tables (ptwr.c): true if the #PF was the guest kernel
 * writing its own L1 table and the write has been emulated */
bool pv_ptwr_emulate(struct cpu_regs *regs, u64 cr2);

long pv_do_hypercall(struct cpu_regs *regs);
void pv_write_hypercall_page(void *page);

#endif
