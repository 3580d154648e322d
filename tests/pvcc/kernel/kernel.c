/*
 * A small kernel written the bare-metal way, to test pvcc: it loads its own
 * GDT (with a TSS) and IDT, builds page tables and loads them with mov %cr3,
 * takes a page fault and fixes it with invlpg, uses cli/sti/pushf/popf,
 * programs the PIC and the PIT and waits for timer interrupts with hlt, sets
 * FS through its MSR, and writes to the serial port with out; regs.S checks
 * that none of it changes a register or flag the instruction would not. Built with
 * gcc it runs on a PC (QEMU -kernel, boot-bare.S); built with pvcc and linked
 * with the kit it is a PV kernel. Every line it prints must be the same both
 * ways (tests/pvcc/pvcc.t). Nothing here knows about Xen.
 */
#include <stdarg.h>
#include <stdint.h>

#define KBASE       0xffffffff80000000UL
#define ALIAS       0xffffffffc0000000UL    /* L4 511, L3 511 */
#define PTE_P       0x001UL
#define PTE_RW      0x002UL
#define PTE_FLAGS   (PTE_P | PTE_RW)
#define COM1        0x3f8
#define TICKS       10

extern char _end[], trap_stubs[];
unsigned int check_preserved(void);         /* regs.S */
void kernel_main(void);
struct frame;
void trap(struct frame *f);

static inline void outb(uint16_t port, uint8_t v) { asm volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port)
{
    uint8_t v;

    asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}
static inline uint64_t phys(const void *va) { return (uint64_t)va - KBASE; }
static inline uint64_t read_flags(void)
{
    uint64_t f;

    asm volatile("pushfq; popq %0" : "=r"(f) :: "memory");
    return f;
}

/* ---- output: the 16550 at COM1 ---- */

static void putc_serial(char c)
{
    while ( !(inb(COM1 + 5) & 0x20) )
        ;
    outb(COM1, (uint8_t)c);
}

static void print_num(uint64_t v, unsigned int base)
{
    char buf[24];
    int n = 0;

    do
        buf[n++] = "0123456789abcdef"[v % base];
    while ( (v /= base) );
    while ( n )
        putc_serial(buf[--n]);
}

/* %s, %u, %x (unsigned long), as much printf as this kernel needs */
static void kprintf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    for ( ; *fmt; fmt++ )
    {
        if ( *fmt != '%' )
        {
            putc_serial(*fmt);
            continue;
        }
        switch ( *++fmt )
        {
        case 's': for ( const char *s = va_arg(ap, const char *); *s; s++ ) putc_serial(*s); break;
        case 'u': print_num(va_arg(ap, unsigned long), 10); break;
        case 'x': print_num(va_arg(ap, unsigned long), 16); break;
        default: putc_serial(*fmt); break;
        }
    }
    va_end(ap);
}

/* ---- descriptor tables ---- */

struct __attribute__((packed)) pseudo_desc { uint16_t limit; uint64_t base; };
struct __attribute__((packed)) tss { uint32_t r0; uint64_t rsp[3]; uint64_t r1; uint64_t ist[7];
                                     uint64_t r2; uint16_t r3, iomap; };

static struct tss tss;
static uint8_t kernel_stack[8192] __attribute__((aligned(16)));
static uint64_t gdt[5] = {
    0, 0x00af9a000000ffff /* 0x08: code, 64-bit */, 0x00cf92000000ffff /* 0x10: data */,
};
static uint64_t idt[2 * 33];

static void load_gdt(void)
{
    struct pseudo_desc p = { sizeof(gdt) - 1, (uint64_t)gdt }, back;
    uint64_t base = (uint64_t)&tss;
    uint16_t tr;

    tss.rsp[0] = (uint64_t)kernel_stack + sizeof(kernel_stack);
    gdt[3] = (sizeof(tss) - 1) | ((base & 0xffffff) << 16) | (0x89UL << 40) |
             ((base >> 24) & 0xff) << 56;
    gdt[4] = base >> 32;
    asm volatile("lgdt %0" :: "m"(p));
    asm volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%ss" :: "r"(0x10) : "memory");
    asm volatile("pushq $0x08; leaq 1f(%%rip), %%rax; pushq %%rax; lretq; 1:" ::: "rax", "memory");
    asm volatile("ltr %w0" :: "r"(0x18));
    asm volatile("sgdt %0; str %1" : "=m"(back), "=r"(tr));
    kprintf("pvk: gdt loaded, segments reloaded, sgdt gives it back: %s, tr %x\n",
            back.limit == p.limit && back.base == p.base ? "yes" : "no", (unsigned long)tr);
}

static void load_idt(void)
{
    struct pseudo_desc p = { sizeof(idt) - 1, (uint64_t)idt };

    for ( unsigned int v = 0; v < 33; v++ )
    {
        uint64_t h = (uint64_t)(trap_stubs + 16 * v);
        uint64_t type = v == 3 ? 0xef : 0x8e;   /* int3: a DPL-3 trap gate */

        idt[2 * v] = (h & 0xffff) | (0x08UL << 16) | (type << 40) | ((h >> 16) & 0xffff) << 48;
        idt[2 * v + 1] = h >> 32;
    }
    asm volatile("lidt %0" :: "m"(p));
    kprintf("pvk: idt loaded (33 vectors)\n");
}

/* ---- traps and interrupts ---- */

struct frame {
    uint64_t r11, r10, r9, r8, rdi, rsi, rdx, rcx, rax;
    uint64_t vector, error, rip, cs, rflags, rsp, ss;
};

static volatile unsigned int ticks;
static uint64_t *alias_pt;
static uint8_t fault_page[4096] __attribute__((aligned(4096)));

void trap(struct frame *f)
{
    uint64_t cr2;

    switch ( f->vector )
    {
    case 3:
        kprintf("pvk: int3 -> vector 3, interrupts %s in the handler\n",
                (read_flags() & 0x200) ? "on" : "off");
        return;
    case 6:
        kprintf("pvk: ud2 -> vector 6, skipped\n");
        f->rip += 2;
        return;
    case 14:
        asm volatile("mov %%cr2, %0" : "=r"(cr2));
        kprintf("pvk: page fault at %x, error %x (%s, %s)\n", cr2, f->error & 7,
                (f->error & 2) ? "write" : "read", (f->error & 1) ? "protection" : "not present");
        if ( cr2 >> 12 != (ALIAS >> 12) + 1 )
            break;
        alias_pt[1] = phys(fault_page) | PTE_FLAGS;
        asm volatile("invlpg (%0)" :: "r"(cr2) : "memory");
        return;
    case 32:
        ticks++;
        outb(0x20, 0x20);                       /* EOI */
        return;
    }
    kprintf("pvk: unexpected trap %u at %x\n", f->vector, f->rip);
    outb(0xf4, 3);
}

/* ---- paging ---- */

static uint64_t pml4[512] __attribute__((aligned(4096)));
static uint64_t pdpt[512] __attribute__((aligned(4096)));
static uint64_t pd_image[512] __attribute__((aligned(4096)));
static uint64_t pt_image[512] __attribute__((aligned(4096)));
static uint64_t pd_alias[512] __attribute__((aligned(4096)));
static uint64_t pt_alias[512] __attribute__((aligned(4096)));
static uint8_t shared_page[4096] __attribute__((aligned(4096)));

static void paging(void)
{
    uint64_t cr3, image_pages = ((uint64_t)_end - KBASE + 4095) / 4096;
    volatile uint64_t *alias = (volatile uint64_t *)ALIAS;

    /* the image (the first 2 MiB of KBASE) with 4 KiB pages, and one alias page */
    for ( uint64_t i = 0; i < image_pages && i < 512; i++ )
        pt_image[i] = (i << 12) | PTE_FLAGS;
    pd_image[0] = phys(pt_image) | PTE_FLAGS;
    pdpt[510] = phys(pd_image) | PTE_FLAGS;
    pt_alias[0] = phys(shared_page) | PTE_FLAGS;
    pd_alias[0] = phys(pt_alias) | PTE_FLAGS;
    pdpt[511] = phys(pd_alias) | PTE_FLAGS;
    pml4[511] = phys(pdpt) | PTE_FLAGS;
    alias_pt = pt_alias;
    asm volatile("mov %0, %%cr3" :: "r"(phys(pml4)) : "memory");
    asm volatile("mov %%cr3, %0" : "=r"(cr3));
    kprintf("pvk: own page tables loaded, cr3 reads back: %s\n", cr3 == phys(pml4) ? "yes" : "no");

    alias[0] = 0x5a5a0001;
    kprintf("pvk: written through the alias, read through the image: %x\n",
            *(volatile uint64_t *)shared_page);
    alias[512] = 0x5a5a0002;                    /* the next page: not mapped yet */
    kprintf("pvk: after the fault: %x\n", *(volatile uint64_t *)fault_page);
}

/* ---- the interrupt flag ---- */

static void interrupt_flag(void)
{
    uint64_t off, on, popped, carry;

    asm volatile("cli");
    off = read_flags() & 0x200;
    asm volatile("sti");
    on = read_flags() & 0x200;
    asm volatile("pushq %1; popfq; pushfq; popq %0" : "=r"(popped) : "r"(read_flags() & ~0x200UL)
                 : "memory", "cc");
    asm volatile("pushq $0x1; popfq; setc %b0; movzbq %b0, %0" : "=r"(carry) :: "memory", "cc");
    asm volatile("cli");
    kprintf("pvk: IF after cli %u, after sti %u, after popf of IF=0 %u; popf sets CF %u\n",
            off >> 9, on >> 9, (popped & 0x200) >> 9, carry);
}

/* ---- the timer: PIC and PIT, waited for with hlt ---- */

static void timer(void)
{
    static const uint8_t pic_init[][2] = {
        { 0x20, 0x11 }, { 0x21, 0x20 }, { 0x21, 0x04 }, { 0x21, 0x01 },     /* master: vectors 0x20 */
        { 0xa0, 0x11 }, { 0xa1, 0x28 }, { 0xa1, 0x02 }, { 0xa1, 0x01 },
        { 0x21, 0xfe }, { 0xa1, 0xff },                                     /* only IRQ 0 */
    };
    uint16_t divisor = 11932;                   /* 100 Hz */

    for ( unsigned int i = 0; i < sizeof(pic_init) / sizeof(pic_init[0]); i++ )
        outb(pic_init[i][0], pic_init[i][1]);
    outb(0x43, 0x34);                           /* channel 0, lo/hi, rate generator */
    outb(0x40, divisor & 0xff);
    outb(0x40, divisor >> 8);
    asm volatile("cli");
    while ( ticks < TICKS )
        asm volatile("sti; hlt; cli" ::: "memory");
    asm volatile("sti");
    kprintf("pvk: %u timer interrupts (PIT at 100 Hz, IRQ 0 on vector 0x20), waited for with hlt\n",
            ticks >= TICKS ? TICKS : 0);
    outb(0x21, 0xff);                           /* quiet again */
}

/* ---- FS through its MSR ---- */

static void fs_base(void)
{
    static uint64_t fs_var = 0xf5f5;
    uint64_t base = (uint64_t)&fs_var, read, lo, hi;

    asm volatile("wrmsr" :: "c"(0xc0000100), "a"((uint32_t)base), "d"((uint32_t)(base >> 32)));
    asm volatile("movq %%fs:0, %0" : "=r"(read));
    asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(0xc0000100));
    kprintf("pvk: wrmsr FS_BASE: %%fs:0 reads %x, rdmsr gives it back: %s\n", read,
            ((hi << 32) | lo) == base ? "yes" : "no");
}

void kernel_main(void)
{
    outb(0x21, 0xff);                           /* no interrupt from the firmware's setup */
    outb(0xa1, 0xff);
    kprintf("pvk: hello from a kernel written for bare metal\n");
    load_gdt();
    load_idt();
    asm volatile("int3");
    asm volatile("ud2");
    paging();
    interrupt_flag();
    timer();
    fs_base();
    kprintf("pvk: cli, sti, pushf, popf, out, lidt, invlpg changed %u registers or flags\n",
            check_preserved());
    kprintf("pvk: serial line status %x\n", (unsigned long)(inb(COM1 + 5) & 0x60));
    kprintf("pvk: done\n");
    outb(0xf4, 0);
}
