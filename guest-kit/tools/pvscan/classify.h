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

#endif
