/*
 * What a PV port must do about one x86 instruction: its class (why it is a
 * problem in a deprivileged kernel) and the ABI replacement. Classes:
 *   privileged-traps   faults in ring 3/1 (hlt, lgdt, invlpg, swapgs, ...)
 *   sensitive-silent   runs, but reveals or ignores privileged state (sgdt, lar, cpuid...)
 *   segment            segment loads, far transfers, iret
 *   io                 port I/O
 *   msr                model-specific registers and counters
 *   control-register   CR/DR access, clts, lmsw
 *   interrupt-flag     cli, sti, pushf, popf
 */
#ifndef PVSCAN_CLASSIFY_H
#define PVSCAN_CLASSIFY_H

#include <stdbool.h>
#include <string.h>
#include <Zydis/Zydis.h>

enum pv_class {
    PV_CLASS_NONE,
    PV_CLASS_PRIVILEGED,
    PV_CLASS_SILENT,
    PV_CLASS_SEGMENT,
    PV_CLASS_IO,
    PV_CLASS_MSR,
    PV_CLASS_CONTROL,
    PV_CLASS_IF,
    PV_NR_CLASSES,
};

struct pv_verdict {
    enum pv_class cls;
    const char *replacement;    /* the ABI way, for the report */
};

struct pv_verdict pv_classify(const ZydisDecodedInstruction *insn,
                              const ZydisDecodedOperand *ops);
const char *pv_class_name(enum pv_class cls);

/* Xen's forced-emulation prefix, `ud2; .ascii "xen"`: insn is a ud2 and the
 * 3 bytes after it (at `after`, `left` of them) spell "xen". The instruction
 * that follows is emulated by the hypervisor under its policy - the ABI way
 * of running it - so scanners skip the 3 bytes and do not report it. */
#define PV_EMULATION_MARK_LEN 3
bool pv_is_emulation_prefix(const ZydisDecodedInstruction *insn, const unsigned char *after,
                            size_t left);

#endif
