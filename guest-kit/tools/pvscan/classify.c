/*
 * Instruction classification for pvscan (classify.h): a table keyed by
 * mnemonic, plus the cases a mnemonic alone does not decide (MOV to or from
 * CR/DR/segment registers, PUSH/POP of segment registers, far branches).
 * The replacements are the porting guide's (guest-kit/docs/porting.md).
 */
#include <stddef.h>
#include "classify.h"

struct rule {
    ZydisMnemonic mnemonic;
    enum pv_class cls;
    const char *replacement;
};

static const struct rule rules[] = {
    { ZYDIS_MNEMONIC_HLT, PV_CLASS_PRIVILEGED, "sched_op(SCHEDOP_block)" },
    { ZYDIS_MNEMONIC_LGDT, PV_CLASS_PRIVILEGED, "set_gdt" },
    { ZYDIS_MNEMONIC_LIDT, PV_CLASS_PRIVILEGED, "set_trap_table" },
    { ZYDIS_MNEMONIC_LLDT, PV_CLASS_PRIVILEGED, "mmuext_op(MMUEXT_SET_LDT)" },
    { ZYDIS_MNEMONIC_LTR, PV_CLASS_PRIVILEGED, "stack_switch (no TSS)" },
    { ZYDIS_MNEMONIC_INVLPG, PV_CLASS_PRIVILEGED, "mmuext_op(MMUEXT_INVLPG_LOCAL)" },
    { ZYDIS_MNEMONIC_INVPCID, PV_CLASS_PRIVILEGED, "mmuext_op TLB flushes" },
    { ZYDIS_MNEMONIC_WBINVD, PV_CLASS_PRIVILEGED, "mmuext_op(MMUEXT_FLUSH_CACHE)" },
    { ZYDIS_MNEMONIC_INVD, PV_CLASS_PRIVILEGED, "mmuext_op(MMUEXT_FLUSH_CACHE)" },
    { ZYDIS_MNEMONIC_SWAPGS, PV_CLASS_PRIVILEGED, "set_segment_base (the hypervisor swaps GS)" },
    { ZYDIS_MNEMONIC_SYSRET, PV_CLASS_PRIVILEGED, "iret hypercall with VGCF_in_syscall" },
    { ZYDIS_MNEMONIC_SYSEXIT, PV_CLASS_PRIVILEGED, "iret hypercall" },
    { ZYDIS_MNEMONIC_IRET, PV_CLASS_SEGMENT, "iret hypercall" },
    { ZYDIS_MNEMONIC_IRETD, PV_CLASS_SEGMENT, "iret hypercall" },
    { ZYDIS_MNEMONIC_IRETQ, PV_CLASS_SEGMENT, "iret hypercall" },
    { ZYDIS_MNEMONIC_INT, PV_CLASS_PRIVILEGED, "trap-table entry with DPL 3" },
    { ZYDIS_MNEMONIC_MONITOR, PV_CLASS_PRIVILEGED, "sched_op(SCHEDOP_block)" },
    { ZYDIS_MNEMONIC_MWAIT, PV_CLASS_PRIVILEGED, "sched_op(SCHEDOP_block)" },
    { ZYDIS_MNEMONIC_XSETBV, PV_CLASS_PRIVILEGED, "none: the hypervisor owns XCR0" },
    { ZYDIS_MNEMONIC_STAC, PV_CLASS_PRIVILEGED, "none (SMAP is the hypervisor's)" },
    { ZYDIS_MNEMONIC_CLAC, PV_CLASS_PRIVILEGED, "none (SMAP is the hypervisor's)" },
    { ZYDIS_MNEMONIC_SGDT, PV_CLASS_SILENT, "keep the GDT frames you gave set_gdt" },
    { ZYDIS_MNEMONIC_SIDT, PV_CLASS_SILENT, "keep the table you gave set_trap_table" },
    { ZYDIS_MNEMONIC_SLDT, PV_CLASS_SILENT, "keep your LDT's address" },
    { ZYDIS_MNEMONIC_STR, PV_CLASS_SILENT, "none: there is no guest TSS" },
    { ZYDIS_MNEMONIC_SMSW, PV_CLASS_SILENT, "keep your own CR0 copy" },
    { ZYDIS_MNEMONIC_LAR, PV_CLASS_SILENT, "your own descriptor table" },
    { ZYDIS_MNEMONIC_LSL, PV_CLASS_SILENT, "your own descriptor table" },
    { ZYDIS_MNEMONIC_VERR, PV_CLASS_SILENT, "your own descriptor table" },
    { ZYDIS_MNEMONIC_VERW, PV_CLASS_SILENT, "your own descriptor table" },
    { ZYDIS_MNEMONIC_CPUID, PV_CLASS_SILENT, "forced-emulation prefix: ud2; .ascii \"xen\"; cpuid" },
    { ZYDIS_MNEMONIC_LDS, PV_CLASS_SEGMENT, "flat selectors (0xe02b)" },
    { ZYDIS_MNEMONIC_LES, PV_CLASS_SEGMENT, "flat selectors (0xe02b)" },
    { ZYDIS_MNEMONIC_LFS, PV_CLASS_SEGMENT, "set_segment_base(SEGBASE_FS)" },
    { ZYDIS_MNEMONIC_LGS, PV_CLASS_SEGMENT, "set_segment_base(SEGBASE_GS_USER_SEL)" },
    { ZYDIS_MNEMONIC_LSS, PV_CLASS_SEGMENT, "flat selectors (0xe02b)" },
    { ZYDIS_MNEMONIC_IN, PV_CLASS_IO, "physdev_op(set_iopl) and emulated IN, or a PV device" },
    { ZYDIS_MNEMONIC_OUT, PV_CLASS_IO, "physdev_op(set_iopl) and emulated OUT, or console_io" },
    { ZYDIS_MNEMONIC_INSB, PV_CLASS_IO, "a PV device (string I/O is not emulated)" },
    { ZYDIS_MNEMONIC_INSW, PV_CLASS_IO, "a PV device (string I/O is not emulated)" },
    { ZYDIS_MNEMONIC_INSD, PV_CLASS_IO, "a PV device (string I/O is not emulated)" },
    { ZYDIS_MNEMONIC_OUTSB, PV_CLASS_IO, "a PV device (string I/O is not emulated)" },
    { ZYDIS_MNEMONIC_OUTSW, PV_CLASS_IO, "a PV device (string I/O is not emulated)" },
    { ZYDIS_MNEMONIC_OUTSD, PV_CLASS_IO, "a PV device (string I/O is not emulated)" },
    { ZYDIS_MNEMONIC_RDMSR, PV_CLASS_MSR, "set_segment_base for FS/GS; others are not the guest's" },
    { ZYDIS_MNEMONIC_WRMSR, PV_CLASS_MSR, "set_segment_base for FS/GS; others are not the guest's" },
    { ZYDIS_MNEMONIC_RDPMC, PV_CLASS_MSR, "none (performance counters are the hypervisor's)" },
    { ZYDIS_MNEMONIC_CLTS, PV_CLASS_CONTROL, "fpu_taskswitch(0)" },
    { ZYDIS_MNEMONIC_LMSW, PV_CLASS_CONTROL, "fpu_taskswitch for TS; nothing else is the guest's" },
    { ZYDIS_MNEMONIC_CLI, PV_CLASS_IF, "vcpu_info.evtchn_upcall_mask = 1" },
    { ZYDIS_MNEMONIC_STI, PV_CLASS_IF, "upcall_mask = 0, then a hypercall if upcall_pending" },
    { ZYDIS_MNEMONIC_PUSHF, PV_CLASS_IF, "virtual IF from evtchn_upcall_mask" },
    { ZYDIS_MNEMONIC_PUSHFD, PV_CLASS_IF, "virtual IF from evtchn_upcall_mask" },
    { ZYDIS_MNEMONIC_PUSHFQ, PV_CLASS_IF, "virtual IF from evtchn_upcall_mask" },
    { ZYDIS_MNEMONIC_POPF, PV_CLASS_IF, "set evtchn_upcall_mask from the popped IF" },
    { ZYDIS_MNEMONIC_POPFD, PV_CLASS_IF, "set evtchn_upcall_mask from the popped IF" },
    { ZYDIS_MNEMONIC_POPFQ, PV_CLASS_IF, "set evtchn_upcall_mask from the popped IF" },
};

static const char *const class_names[PV_NR_CLASSES] = {
    [PV_CLASS_NONE] = "none", [PV_CLASS_PRIVILEGED] = "privileged-traps",
    [PV_CLASS_SILENT] = "sensitive-silent", [PV_CLASS_SEGMENT] = "segment",
    [PV_CLASS_IO] = "io", [PV_CLASS_MSR] = "msr", [PV_CLASS_CONTROL] = "control-register",
    [PV_CLASS_IF] = "interrupt-flag",
};

const char *pv_class_name(enum pv_class cls)
{
    return cls < PV_NR_CLASSES ? class_names[cls] : "?";
}

static ZydisRegisterClass reg_class(const ZydisDecodedOperand *op)
{
    return op->type == ZYDIS_OPERAND_TYPE_REGISTER ? ZydisRegisterGetClass(op->reg.value)
                                                   : ZYDIS_REGCLASS_INVALID;
}

struct pv_verdict pv_classify(const ZydisDecodedInstruction *insn,
                              const ZydisDecodedOperand *ops)
{
    struct pv_verdict none = { PV_CLASS_NONE, NULL };

    switch ( insn->mnemonic )
    {
    case ZYDIS_MNEMONIC_MOV:
        for ( unsigned int i = 0; i < insn->operand_count_visible; i++ )
        {
            ZydisRegisterClass c = reg_class(&ops[i]);

            if ( c == ZYDIS_REGCLASS_CONTROL )
                return (struct pv_verdict){ PV_CLASS_CONTROL,
                    "CR3: mmuext_op NEW_BASEPTR (reads are emulated); CR0.TS: fpu_taskswitch" };
            if ( c == ZYDIS_REGCLASS_DEBUG )
                return (struct pv_verdict){ PV_CLASS_CONTROL, "set_debugreg / get_debugreg" };
            if ( c == ZYDIS_REGCLASS_SEGMENT && i == 0 )
                return (struct pv_verdict){ PV_CLASS_SEGMENT,
                    "flat selectors 0xe02b/0xe033, or a DPL-3 descriptor of your GDT" };
        }
        return none;
    case ZYDIS_MNEMONIC_PUSH:
    case ZYDIS_MNEMONIC_POP:
        if ( reg_class(&ops[0]) == ZYDIS_REGCLASS_SEGMENT )
            return (struct pv_verdict){ PV_CLASS_SEGMENT, "flat selectors (0xe02b)" };
        return none;
    case ZYDIS_MNEMONIC_CALL:
    case ZYDIS_MNEMONIC_JMP:
    case ZYDIS_MNEMONIC_RET:
        if ( insn->meta.branch_type == ZYDIS_BRANCH_TYPE_FAR )
            return (struct pv_verdict){ PV_CLASS_SEGMENT, "near transfers (no call gates)" };
        return none;
    default:
        break;
    }
    for ( size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++ )
        if ( rules[i].mnemonic == insn->mnemonic )
            return (struct pv_verdict){ rules[i].cls, rules[i].replacement };
    return none;
}

bool pv_is_emulation_prefix(const ZydisDecodedInstruction *insn, const unsigned char *after,
                            size_t left)
{
    return insn->mnemonic == ZYDIS_MNEMONIC_UD2 && left >= PV_EMULATION_MARK_LEN &&
           memcmp(after, "xen", PV_EMULATION_MARK_LEN) == 0;
}
