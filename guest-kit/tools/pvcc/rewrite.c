/*
 * The rewrite rules (rewrite.h). Most sensitive instructions become a
 * runtime call site (sierra-guest/pvrt.h), which saves and restores every
 * register and the flags itself, so the only state a site changes is the
 * state the instruction would have changed. The control transfers that leave
 * the kernel's own context (iretq, sysretq, lretq) are inline sequences,
 * since they do not come back. Anything pvscan reports that no rule covers
 * is refused, never passed through silently.
 */
#include <stdio.h>
#include <string.h>
#include <sierra-guest/pvrt.h>
#include "../pvscan/classify.h"
#include "rewrite.h"

#define FLAT_KERNEL_SS  "0xe02b"
#define FLAT_USER_CS    "0xe033"
#define VGCF_IN_SYSCALL "0x100"

static int gpr_index(ZydisRegister reg)
{
    ZydisRegister full = ZydisRegisterGetLargestEnclosing(ZYDIS_MACHINE_MODE_LONG_64, reg);

    return full >= ZYDIS_REGISTER_RAX && full <= ZYDIS_REGISTER_R15 ? (int)(full - ZYDIS_REGISTER_RAX)
                                                                    : -1;
}

static unsigned int reg_bytes(ZydisRegister reg)
{
    return ZydisRegisterGetWidth(ZYDIS_MACHINE_MODE_LONG_64, reg) / 8;
}

static void refuse(struct rewrite *r, const char *why)
{
    r->kind = REWRITE_REFUSE;
    r->why = why;
}

static void inline_seq(struct rewrite *r, const char *text)
{
    r->kind = REWRITE_REPLACE;
    snprintf(r->out, sizeof(r->out), "%s", text);
}

/*
 * A call site. mem: the memory operand whose address the runtime needs (its
 * text, and the decoded operand to check); stack: what the instruction itself
 * does to RSP (the runtime writes a pushed value below the site's RSP).
 */
static void site(struct rewrite *r, unsigned int code, const char *mem, const ZydisDecodedOperand *m,
                 const ZydisDecodedInstruction *insn, int stack)
{
    char addr[256] = "";

    if ( mem )
    {
        if ( insn->attributes & (ZYDIS_ATTRIB_HAS_SEGMENT_FS | ZYDIS_ATTRIB_HAS_SEGMENT_GS) )
            return refuse(r, "memory operand with an FS/GS override");
        if ( insn->address_width != 64 )
            return refuse(r, "32-bit address size");
        if ( m->mem.base == ZYDIS_REGISTER_RIP && m->mem.index != ZYDIS_REGISTER_NONE )
            return refuse(r, "unexpected RIP-relative form");
        /* at the lea, RSP is 136 below the site's: correct an RSP-based address */
        snprintf(addr, sizeof(addr), "push %%rax; lea %s%s,%%rax; xchg %%rax,(%%rsp); ",
                 m->mem.base == ZYDIS_REGISTER_RSP ? (mem[0] == '(' ? "136" : "136+") : "", mem);
        code |= PVRT_F_ADDR;
    }
    r->kind = REWRITE_REPLACE;
    snprintf(r->out, sizeof(r->out),
             "lea -%d(%%rsp),%%rsp; %spushq $%#x; call __pvrt_emulate; lea %d(%%rsp),%%rsp",
             PVRT_RED_ZONE, addr, code, PVRT_RED_ZONE + 8 + (mem ? 8 : 0) + stack);
}

static void simple(struct rewrite *r, enum pvrt_op op, const ZydisDecodedInstruction *insn)
{
    site(r, PVRT_CODE(op, 0, 0, 0, 0), NULL, NULL, insn, 0);
}

/* an instruction with one operand, a register or memory (lldt, ltr, smsw, ...) */
static void reg_or_mem(struct rewrite *r, enum pvrt_op op, const ZydisDecodedInstruction *insn,
                       const ZydisDecodedOperand *ops, const char *operands)
{
    const ZydisDecodedOperand *o = &ops[0];

    if ( o->type == ZYDIS_OPERAND_TYPE_REGISTER && gpr_index(o->reg.value) >= 0 )
        return site(r, PVRT_CODE(op, gpr_index(o->reg.value), reg_bytes(o->reg.value), 0, 0),
                    NULL, NULL, insn, 0);
    if ( o->type == ZYDIS_OPERAND_TYPE_MEMORY )
        return site(r, PVRT_CODE(op, 0, o->size / 8, 0, 0), operands, o, insn, 0);
    refuse(r, "unexpected operand");
}

static void mov_special(struct rewrite *r, const ZydisDecodedInstruction *insn,
                        const ZydisDecodedOperand *ops)
{
    ZydisRegisterClass dst = ZydisRegisterGetClass(ops[0].reg.value);
    ZydisRegisterClass src = ops[1].type == ZYDIS_OPERAND_TYPE_REGISTER
                             ? ZydisRegisterGetClass(ops[1].reg.value) : ZYDIS_REGCLASS_INVALID;
    int gpr;

    if ( dst == ZYDIS_REGCLASS_CONTROL || src == ZYDIS_REGCLASS_CONTROL )
    {
        bool write = dst == ZYDIS_REGCLASS_CONTROL;
        ZydisRegister cr = write ? ops[0].reg.value : ops[1].reg.value;
        unsigned int n = (unsigned int)(cr - ZYDIS_REGISTER_CR0);

        gpr = gpr_index(write ? ops[1].reg.value : ops[0].reg.value);
        if ( n != 0 && n != 2 && n != 3 && n != 4 && n != 8 )
            return refuse(r, "no such control register");
        if ( gpr == 4 )
            return refuse(r, "RSP as the operand of a control-register move");
        return site(r, PVRT_CODE(write ? PVRT_CR_WRITE : PVRT_CR_READ, gpr, 8, n, 0), NULL, NULL,
                    insn, 0);
    }
    if ( dst == ZYDIS_REGCLASS_DEBUG || src == ZYDIS_REGCLASS_DEBUG )
        return refuse(r, "debug registers (use set_debugreg)");
    /* a segment register load */
    if ( ops[1].type != ZYDIS_OPERAND_TYPE_REGISTER )
        return refuse(r, "segment load from memory");
    gpr = gpr_index(ops[1].reg.value);
    if ( gpr < 0 || gpr == 4 )
        return refuse(r, "unexpected source of a segment load");
    site(r, PVRT_CODE(PVRT_SREG_LOAD, gpr, 2, ops[0].reg.value - ZYDIS_REGISTER_ES, 0), NULL, NULL,
         insn, 0);
}

static void port_io(struct rewrite *r, const ZydisDecodedInstruction *insn,
                    const ZydisDecodedOperand *ops, bool out)
{
    const ZydisDecodedOperand *port = &ops[out ? 0 : 1], *data = &ops[out ? 1 : 0];
    unsigned int code = PVRT_CODE(out ? PVRT_OUT : PVRT_IN, 0, reg_bytes(data->reg.value), 0, 0);

    if ( port->type == ZYDIS_OPERAND_TYPE_IMMEDIATE )
        code |= PVRT_CODE(0, 0, 0, port->imm.value.u & 0xff, PVRT_F_IMMPORT);
    site(r, code, NULL, NULL, insn, 0);
}

static void string_io(struct rewrite *r, const ZydisDecodedInstruction *insn, bool out,
                      unsigned int size)
{
    if ( insn->address_width != 64 )
        return refuse(r, "32-bit address size");
    if ( insn->attributes & (ZYDIS_ATTRIB_HAS_SEGMENT_FS | ZYDIS_ATTRIB_HAS_SEGMENT_GS) )
        return refuse(r, "string I/O with an FS/GS override");
    site(r, PVRT_CODE(out ? PVRT_OUTS : PVRT_INS, 0, size, 0,
                      (insn->attributes & ZYDIS_ATTRIB_HAS_REP) ? PVRT_F_REP : 0),
         NULL, NULL, insn, 0);
}

static void memory_op(struct rewrite *r, enum pvrt_op op, const ZydisDecodedInstruction *insn,
                      const ZydisDecodedOperand *ops, const char *operands)
{
    if ( ops[0].type != ZYDIS_OPERAND_TYPE_MEMORY )
        return refuse(r, "expected a memory operand");
    site(r, PVRT_CODE(op, 0, 0, 0, 0), operands, &ops[0], insn, 0);
}

void rewrite_insn(const ZydisDecodedInstruction *insn, const ZydisDecodedOperand *ops,
                  const char *operands, bool then_hlt, struct rewrite *r)
{
    memset(r, 0, sizeof(*r));
    if ( pv_classify(insn, ops).cls == PV_CLASS_NONE )
        return;                                 /* REWRITE_NONE */
    switch ( insn->mnemonic )
    {
    case ZYDIS_MNEMONIC_CLI: return simple(r, PVRT_CLI, insn);
    case ZYDIS_MNEMONIC_STI: return simple(r, then_hlt ? PVRT_STI_HLT : PVRT_STI, insn);
    case ZYDIS_MNEMONIC_HLT: return simple(r, PVRT_HLT, insn);
    case ZYDIS_MNEMONIC_PUSHFQ:
        return site(r, PVRT_CODE(PVRT_PUSHF, 0, 0, 0, 0), NULL, NULL, insn, -8);
    case ZYDIS_MNEMONIC_POPFQ:
        return site(r, PVRT_CODE(PVRT_POPF, 0, 0, 0, 0), NULL, NULL, insn, 8);
    case ZYDIS_MNEMONIC_PUSHF:
    case ZYDIS_MNEMONIC_POPF:
        return refuse(r, "16-bit flags push/pop");
    case ZYDIS_MNEMONIC_MOV: return mov_special(r, insn, ops);
    case ZYDIS_MNEMONIC_LGDT: return memory_op(r, PVRT_LGDT, insn, ops, operands);
    case ZYDIS_MNEMONIC_LIDT: return memory_op(r, PVRT_LIDT, insn, ops, operands);
    case ZYDIS_MNEMONIC_SGDT: return memory_op(r, PVRT_SGDT, insn, ops, operands);
    case ZYDIS_MNEMONIC_SIDT: return memory_op(r, PVRT_SIDT, insn, ops, operands);
    case ZYDIS_MNEMONIC_INVLPG: return memory_op(r, PVRT_INVLPG, insn, ops, operands);
    case ZYDIS_MNEMONIC_LLDT: return reg_or_mem(r, PVRT_LLDT, insn, ops, operands);
    case ZYDIS_MNEMONIC_LTR: return reg_or_mem(r, PVRT_LTR, insn, ops, operands);
    case ZYDIS_MNEMONIC_SLDT: return reg_or_mem(r, PVRT_SLDT, insn, ops, operands);
    case ZYDIS_MNEMONIC_STR: return reg_or_mem(r, PVRT_STR, insn, ops, operands);
    case ZYDIS_MNEMONIC_SMSW: return reg_or_mem(r, PVRT_SMSW, insn, ops, operands);
    case ZYDIS_MNEMONIC_CLTS: return simple(r, PVRT_CLTS, insn);
    case ZYDIS_MNEMONIC_WBINVD:
    case ZYDIS_MNEMONIC_INVD: return simple(r, PVRT_WBINVD, insn);
    case ZYDIS_MNEMONIC_IN: return port_io(r, insn, ops, false);
    case ZYDIS_MNEMONIC_OUT: return port_io(r, insn, ops, true);
    case ZYDIS_MNEMONIC_INSB: return string_io(r, insn, false, 1);
    case ZYDIS_MNEMONIC_INSW: return string_io(r, insn, false, 2);
    case ZYDIS_MNEMONIC_INSD: return string_io(r, insn, false, 4);
    case ZYDIS_MNEMONIC_OUTSB: return string_io(r, insn, true, 1);
    case ZYDIS_MNEMONIC_OUTSW: return string_io(r, insn, true, 2);
    case ZYDIS_MNEMONIC_OUTSD: return string_io(r, insn, true, 4);
    case ZYDIS_MNEMONIC_RDMSR: return simple(r, PVRT_RDMSR, insn);
    case ZYDIS_MNEMONIC_WRMSR: return simple(r, PVRT_WRMSR, insn);
    case ZYDIS_MNEMONIC_CPUID:      /* Xen's forced-emulation prefix: the CPUID policy applies */
        return inline_seq(r, "ud2; .ascii \"xen\"; cpuid");
    case ZYDIS_MNEMONIC_SWAPGS:     /* the hypervisor switches GS between kernel and user */
    case ZYDIS_MNEMONIC_CLAC:       /* AC/SMAP are the hypervisor's */
    case ZYDIS_MNEMONIC_STAC:
        return inline_seq(r, "");
    case ZYDIS_MNEMONIC_IRETQ:      /* the iret hypercall takes the frame as it is */
        return inline_seq(r, "pushq $0; jmp __pvrt_iret");
    case ZYDIS_MNEMONIC_SYSRET:
        if ( insn->operand_width != 64 )
            return refuse(r, "sysretl (32-bit user mode)");
        /* the frame sysret implies: SS, RSP, RFLAGS = R11, CS, RIP = RCX */
        return inline_seq(r, "pushq $" FLAT_KERNEL_SS "; pushq %rsp; addq $8,(%rsp); pushq %r11; "
                             "pushq $" FLAT_USER_CS "; pushq %rcx; pushq $" VGCF_IN_SYSCALL "; "
                             "jmp __pvrt_iret");
    case ZYDIS_MNEMONIC_RET:
        /* lretq to a 64-bit kernel code segment: a near return on Xen's flat CS */
        if ( insn->operand_width != 64 || insn->operand_count_visible != 0 )
            return refuse(r, "far return other than a plain lretq");
        return inline_seq(r, "push %rax; mov 8(%rsp),%rax; mov %rax,16(%rsp); pop %rax; ret $8");
    case ZYDIS_MNEMONIC_INT:
        r->kind = REWRITE_KEEP;
        r->why = "delivered through the trap table built from the IDT";
        return;
    case ZYDIS_MNEMONIC_PUSH:
        r->kind = REWRITE_KEEP;
        r->why = "a segment selector read";
        return;
    default:
        return refuse(r, "no runtime equivalent");
    }
}
