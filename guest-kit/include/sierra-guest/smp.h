/*
 * Secondary vCPUs for kit guests, brought up as a PV kernel does on Xen:
 * VCPUOP_initialise with a whole context (the current kernel page tables,
 * kernel mode, a stack, an entry point), then VCPUOP_up. The new vCPU runs
 * fn(arg) in guest kernel mode with events masked and no trap table of its
 * own; fn must not return (kit_vcpu_stop takes the vCPU down).
 */
#ifndef SIERRA_GUEST_SMP_H
#define SIERRA_GUEST_SMP_H

#include <sierra/arch-x86.h>

/* fill c for vcpu to enter fn(arg) on the stack ending at stack_top */
void kit_vcpu_context(struct pv_vcpu_guest_context *c, void (*fn)(unsigned long),
                      unsigned long arg, void *stack_top);
/* initialise and up: 0 or the first -errno */
long kit_vcpu_start(unsigned int vcpu, void (*fn)(unsigned long), unsigned long arg,
                    void *stack_top);
/* VCPUOP_down on the calling vCPU; returns if someone brings it up again */
void kit_vcpu_stop(unsigned int vcpu);

#endif
