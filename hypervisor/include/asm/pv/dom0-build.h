/*
 * Building dom0 from the first Multiboot module (its kernel) and the second
 * (its initrd), laid out exactly as Xen's dom0 builder lays it out.
 */
#ifndef ASM_PV_DOM0_BUILD_H
#define ASM_PV_DOM0_BUILD_H

#include <asm/bootinfo.h>
#include <hv/domain.h>

struct dom0_layout {
    u64 v_start, v_end;
    u64 vkern_start, vkern_end, vinitrd_start, vinitrd_end;
    u64 vphysmap_start, vphysmap_end, vstartinfo_start, vstartinfo_end;
    u64 vpt_start, vpt_end, vstack_start, vstack_end;
    u64 nr_pt_pages;
};

/* Xen's layout for a kernel at [kstart, kend) from v_start (pure logic). */
int dom0_compute_layout(u64 v_start, u64 kstart, u64 kend, u64 initrd_len, u64 nr_pages,
                        struct dom0_layout *l);

/* Build dom0 with nr_vcpus vCPUs and return vCPU 0 ready to start (the
 * others wait for VCPUOP_initialise/up); 0 or -errno (nothing left behind). */
int dom0_build(const struct boot_module *kernel, const struct boot_module *initrd,
               u64 nr_pages, unsigned int nr_vcpus, struct vcpu **v0, u64 *entry, u64 *rsp,
               u64 *rsi);

#endif
