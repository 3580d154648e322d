/*
 * Descriptor tables for a kernel that loads its own (lgdt, lidt, lldt, ltr).
 * The kernel's tables stay in its memory, as it wrote them; the runtime
 * remembers where they are (for sgdt/sidt and for later lldt/ltr lookups) and
 * hands the hypervisor translated copies:
 *  - the GDT: code and data descriptors moved to DPL 3 (the kernel runs in
 *    ring 3), system descriptors (TSS, LDT, gates) left out - the TSS is the
 *    hypervisor's. The copy is a runtime frame, given to set_gdt; the next
 *    lgdt writes the other of two frames, so the live one is never written.
 *  - the IDT: a trap table whose every entry enters __pvrt_idt_stubs[v],
 *    which jumps to the gate's handler with the hardware frame. Interrupt
 *    gates mask events on entry (IF cleared), trap gates do not; a DPL-3
 *    gate may be raised by `int n` from user mode, any gate from the kernel.
 *  - ltr: the TSS's RSP0 becomes the kernel stack (stack_switch).
 * Segment loads take RPL 3 (a null SS becomes the flat kernel SS).
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include "pvrt-internal.h"

#define GDT_ENTRIES     512             /* one frame: the guest's part starts at 0 */
#define DESC_S          (1UL << 44)     /* code/data, not system */
#define DESC_P          (1UL << 47)
#define DESC_DPL        (3UL << 45)

struct __attribute__((packed)) pseudo_desc {
    uint16_t limit;
    uint64_t base;
};

uint64_t pvrt_idt_handler[256];
extern const char __pvrt_idt_stubs[];
static struct pseudo_desc gdtr, idtr;
static uint16_t ldtr, tr;
static unsigned long gdt_frames[2];
static unsigned int gdt_live;

static uint64_t translate_descriptor(uint64_t d, bool *system16)
{
    *system16 = false;
    if ( !(d & DESC_P) )
        return 0;
    if ( !(d & DESC_S) )
    {
        *system16 = true;   /* TSS, LDT and gates are 16 bytes in long mode */
        return 0;
    }
    return d | DESC_DPL;
}

void pvrt_lgdt(uint64_t addr)
{
    static uint64_t copy[GDT_ENTRIES];
    const uint64_t *gdt;
    unsigned int n;
    long rc;

    gdtr = *(const struct pseudo_desc *)addr;
    gdt = (const uint64_t *)gdtr.base;
    n = ((unsigned int)gdtr.limit + 1) / 8;
    if ( n > GDT_ENTRIES )
        pvrt_fatal("lgdt: %u entries, at most %u", n, GDT_ENTRIES);
    __builtin_memset(copy, 0, sizeof(copy));
    for ( unsigned int i = 0; i < n; i++ )
    {
        bool system16;

        copy[i] = translate_descriptor(gdt[i], &system16);
        if ( system16 )
            i++;            /* the upper half of a 16-byte descriptor */
    }
    if ( !gdt_frames[0] )
    {
        gdt_frames[0] = pvrt_frame_alloc();
        gdt_frames[1] = pvrt_frame_alloc();
    }
    gdt_live ^= 1;
    pvrt_frame_write(gdt_frames[gdt_live], copy);
    rc = hyp_set_gdt(&gdt_frames[gdt_live], n);
    if ( rc )
        pvrt_fatal("lgdt: set_gdt refused the table: %ld", rc);
}

void pvrt_lidt(uint64_t addr)
{
    static struct pv_trap_info table[257];
    const uint64_t *idt;
    unsigned int n, k = 0;
    long rc;

    idtr = *(const struct pseudo_desc *)addr;
    idt = (const uint64_t *)idtr.base;
    n = ((unsigned int)idtr.limit + 1) / 16;
    for ( unsigned int v = 0; v < 256; v++ )
    {
        uint64_t lo = v < n ? idt[2 * v] : 0, hi = v < n ? idt[2 * v + 1] : 0;
        unsigned int type = (lo >> 40) & 0xf, dpl = (lo >> 45) & 3;

        pvrt_idt_handler[v] = 0;
        if ( !(lo & DESC_P) || (type != 0xe && type != 0xf) )
            continue;
        pvrt_idt_handler[v] = (lo & 0xffff) | ((lo >> 32) & 0xffff0000UL) | (hi << 32);
        if ( v == 2 || v == 8 || v == 18 )
            continue;       /* NMI, #DF, #MC are not bounced to PV kernels */
        table[k++] = (struct pv_trap_info){
            .vector = (uint8_t)v,
            .flags = (uint8_t)((dpl == 3 ? 3 : 1) | (type == 0xe ? 4 : 0)),
            .cs = FLAT_KERNEL_CS,
            .address = (unsigned long)(__pvrt_idt_stubs + 16 * v),
        };
    }
    table[k].address = 0;
    rc = hyp_set_trap_table(table);
    if ( rc )
        pvrt_fatal("lidt: set_trap_table: %ld", rc);
}

void pvrt_sgdt(uint64_t addr) { *(struct pseudo_desc *)addr = gdtr; }
void pvrt_sidt(uint64_t addr) { *(struct pseudo_desc *)addr = idtr; }
uint16_t pvrt_sldt(void) { return ldtr; }
uint16_t pvrt_str(void) { return tr; }

/* a 16-byte system descriptor of the kernel's GDT: base and limit */
static uint64_t system_base(uint16_t sel, uint32_t *limit, const char *what)
{
    const uint64_t *d = (const uint64_t *)(gdtr.base + (sel & ~7u));

    if ( (sel & ~7u) + 15u > gdtr.limit || !(d[0] & DESC_P) )
        pvrt_fatal("%s %#x: no such descriptor", what, sel);
    *limit = (uint32_t)((d[0] & 0xffff) | ((d[0] >> 32) & 0xf0000));
    return ((d[0] >> 16) & 0xffffff) | ((d[0] >> 32) & 0xff000000UL) | (d[1] << 32);
}

void pvrt_lldt(uint16_t sel)
{
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_SET_LDT };
    uint32_t limit = 0;
    long rc;

    if ( sel & ~3u )
    {
        op.arg1.linear_addr = system_base(sel, &limit, "lldt");
        op.arg2.nr_ents = (limit + 1) / 8;
    }
    rc = hyp_mmuext_op(&op, 1, 0, 0x7ff0);
    if ( rc )
        pvrt_fatal("lldt %#x: the hypervisor refused the LDT: %ld", sel, rc);
    ldtr = sel;
}

void pvrt_ltr(uint16_t sel)
{
    uint32_t limit;
    uint64_t tss = system_base(sel, &limit, "ltr");
    uint64_t rsp0;

    __builtin_memcpy(&rsp0, (const void *)(tss + 4), sizeof(rsp0));
    if ( hyp_stack_switch(FLAT_KERNEL_SS, rsp0) )
        pvrt_fatal("ltr: stack_switch refused");
    tr = sel;
}

void pvrt_load_sreg(unsigned int sreg, uint16_t sel)
{
    if ( sel & ~3u )
        sel |= 3;
    else
        sel = sreg == PVRT_SS ? FLAT_KERNEL_SS : 0;
    switch ( sreg )
    {
    case PVRT_ES: asm volatile("mov %0, %%es" :: "r"(sel)); break;
    case PVRT_SS: asm volatile("mov %0, %%ss" :: "r"(sel)); break;
    case PVRT_DS: asm volatile("mov %0, %%ds" :: "r"(sel)); break;
    case PVRT_FS: asm volatile("mov %0, %%fs" :: "r"(sel)); break;
    case PVRT_GS: asm volatile("mov %0, %%gs" :: "r"(sel)); break;
    default: pvrt_fatal("load of segment register %u", sreg);
    }
}
