/*
 * Guest descriptor tables. A PV guest gives the hypervisor up to 14 frames
 * of GDT (set_gdt) and edits entries with update_descriptor; the frames are
 * typed "segment descriptor page", so the guest can no longer write them
 * itself, and every descriptor is checked first: code and data segments are
 * forced to DPL 3 (the guest kernel runs in ring 3, so a DPL 0 segment would
 * be a door into ring 0), not-present descriptors and the null system type
 * are harmless, and every other system descriptor (call gates, TSS, LDT,
 * interrupt gates) is refused.
 */
#ifndef ASM_PV_DESCRIPTORS_H
#define ASM_PV_DESCRIPTORS_H

#include <hv/types.h>

#define PV_GDT_MAX_FRAMES   14

/* the descriptor as it may be installed, or false if it may not */
bool pv_check_descriptor(u64 *desc);

struct vcpu;
/* install frames (enough for `entries` descriptors) as v's GDT: each frame
 * typed and checked, the old ones released; -EINVAL with nothing changed */
long pv_set_gdt(struct vcpu *v, const pfn_t *frames, u64 entries);
unsigned int pv_gdt_frames(u64 entries);
/* the LDT of `ents` descriptors at guest address base (checked by the
 * caller: page-aligned, at most 8192, outside the hole); ents 0: none */
long pv_set_ldt(struct vcpu *v, u64 base, u64 ents);
void pv_load_ldt(struct vcpu *v);

#endif
