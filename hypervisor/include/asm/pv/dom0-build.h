/*
 * Building dom0 from the first Multiboot module (its kernel) and the second
 * (its initrd), laid out exactly as Xen's dom0 builder lays it out.
 */
#ifndef ASM_PV_DOM0_BUILD_H
#define ASM_PV_DOM0_BUILD_H

#include <asm/bootinfo.h>
#include <hv/domain.h>


/* Build dom0 with nr_vcpus vCPUs and return vCPU 0 ready to start (the
 * others wait for VCPUOP_initialise/up); 0 or -errno (nothing left behind). */
int dom0_build(const struct boot_module *kernel, const struct boot_module *initrd,
               u64 nr_pages, unsigned int nr_vcpus, struct vcpu **v0, u64 *entry, u64 *rsp,
               u64 *rsi);

#endif
