/*
 * GDT, TSS and IDT for the boot CPU. The IDT sends every vector to its stub in
 * entry.S. NMI, #DF and #MC switch to their own IST stacks (asm/stacks.h): a
 * double fault caused by a blown stack must not need that stack to report it.
 */
#include <asm/descriptors.h>
#include <asm/stacks.h>
#include <asm/x86.h>
#include <hv/lib.h>

struct tss64 {
    u32 reserved0;
    u64 rsp[3];
    u64 reserved1;
    u64 ist[7];
    u64 reserved2;
    u16 reserved3;
    u16 iomap_base;
} __packed;

struct idt_gate {
    u16 offset_lo, selector;
    u8 ist, type_attr;
    u16 offset_mid;
    u32 offset_hi, reserved;
} __packed;

struct desc_ptr {
    u16 limit;
    u64 base;
} __packed;

struct stack_area cpu0_stacks[NR_STACKS] __section(".bss.stacks");
static struct tss64 tss __aligned(64);
static struct idt_gate idt[256] __aligned(16);
/* the whole 64 KiB GDT: guest frames 0-13 (empty until set_gdt), ours in 14 */
static u64 gdt[GDT_PAGES * PAGE_SIZE / 8] __aligned(PAGE_SIZE);

/* where a guest LDT's frames are mapped (pv/descriptor-tables.c) */
static u64 ldt[LDT_PAGES * PAGE_SIZE / 8] __aligned(PAGE_SIZE);

static void set_desc(unsigned int sel, u64 desc)
{
    gdt[sel / 8] = desc;
}

extern const u8 trap_stubs[];
#define TRAP_STUB_SIZE 16

static void set_gate(unsigned int vec, unsigned int ist)
{
    u64 addr = (u64)(trap_stubs + vec * TRAP_STUB_SIZE);

    idt[vec] = (struct idt_gate){
        .offset_lo = addr & 0xffff, .selector = HV_CS, .ist = ist,
        .type_attr = 0x8e,  /* present, DPL 0, 64-bit interrupt gate */
        .offset_mid = (addr >> 16) & 0xffff, .offset_hi = addr >> 32,
    };
}

void descriptors_init(void)
{
    u64 base = (u64)&tss, limit = sizeof(tss) - 1;
    struct desc_ptr gdtr = { sizeof(gdt) - 1, (u64)gdt };

    set_desc(HV_CS, 0x00af9a000000ffff);        /* 64-bit code, DPL 0 */
    set_desc(HV_DS, 0x00cf92000000ffff);        /* data, DPL 0 */
    set_desc(GUEST_CS32, 0x00cffa000000ffff);   /* 32-bit code, DPL 3 */
    set_desc(GUEST_DS, 0x00cff2000000ffff);     /* data, DPL 3 */
    set_desc(GUEST_CS64, 0x00affa000000ffff);   /* 64-bit code, DPL 3 */
    struct desc_ptr idtr = { sizeof(idt) - 1, (u64)idt };

    tss.rsp[0] = (u64)stack_top(STACK_MAIN);
    tss.ist[IST_NMI - 1] = (u64)stack_top(STACK_NMI);
    tss.ist[IST_DF - 1] = (u64)stack_top(STACK_DF);
    tss.ist[IST_MC - 1] = (u64)stack_top(STACK_MC);
    tss.ist[IST_DB - 1] = (u64)stack_top(STACK_DB);
    tss.iomap_base = sizeof(tss);   /* no I/O bitmap */

    gdt[HV_TSS / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                      (0x89UL << 40) |  /* present, available 64-bit TSS */
                      ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
    gdt[HV_TSS / 8 + 1] = base >> 32;

    for ( unsigned int v = 0; v < 256; v++ )
        set_gate(v, v == 1 ? IST_DB : v == 2 ? IST_NMI : v == 8 ? IST_DF : v == 18 ? IST_MC : 0);
    idt[3].type_attr = idt[4].type_attr = 0xee;    /* int3, into: reachable from ring 3 */

    asm volatile("lgdt %0" :: "m"(gdtr));
    asm volatile("pushq %0; lea 1f(%%rip), %%rax; pushq %%rax; lretq; 1:"
                 :: "i"(HV_CS) : "rax", "memory");
    asm volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%ss" :: "r"(HV_DS));
    asm volatile("ltr %w0" :: "r"(HV_TSS));
    asm volatile("lidt %0" :: "m"(idtr));
}

void *gdt_page(unsigned int i)
{
    return (u8 *)gdt + i * PAGE_SIZE;
}

void *ldt_page(unsigned int i)
{
    return (u8 *)ldt + i * PAGE_SIZE;
}

void ldt_load(unsigned int entries)
{
    u64 base = (u64)ldt, limit = (u64)entries * 8 - 1;

    if ( !entries )
    {
        asm volatile("lldt %w0" :: "r"(0));
        return;
    }
    gdt[HV_LDT / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                      (0x82UL << 40) |  /* present, LDT, DPL 0 */
                      ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
    gdt[HV_LDT / 8 + 1] = base >> 32;
    asm volatile("lldt %w0" :: "r"(HV_LDT));
}

/* The stack the CPU switches to on an exception or interrupt from a guest. */
void tss_set_kernel_stack(u64 rsp0)
{
    tss.rsp[0] = rsp0;
}

/*
 * SYSCALL: guests enter at pv_syscall_entry (64-bit code) or
 * pv_syscall32_entry (32-bit code: without CSTAR set, a SYSCALL there would
 * run ring 0 at address 0 on the guest's stack) on HV_CS with interrupts,
 * traps, direction and alignment checks off. SYSRET would return to
 * GUEST_CS64 / GUEST_DS (STAR[63:48] + 16 / + 8), though Sierra always
 * returns by IRET.
 */
void syscall_init(void)
{
    extern const char pv_syscall_entry[], pv_syscall32_entry[];

    wrmsr(MSR_STAR, ((u64)GUEST_CS32 << 48) | ((u64)HV_CS << 32));
    wrmsr(MSR_LSTAR, (u64)pv_syscall_entry);
    wrmsr(MSR_CSTAR, (u64)pv_syscall32_entry);
    wrmsr(MSR_SFMASK, X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_AC |
                      X86_EFLAGS_NT);
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
