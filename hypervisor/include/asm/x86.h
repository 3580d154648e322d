/*
 * Thin C wrappers for the x86 instructions the hypervisor uses: port I/O,
 * MSRs, control registers, CPUID, TSC. Each is one instruction.
 */
#ifndef ASM_X86_H
#define ASM_X86_H

#include <hv/types.h>

#define X86_CR0_WP      (1UL << 16)
#define X86_CR0_PG      (1UL << 31)
#define X86_CR4_TSD     (1UL << 2)
#define X86_CR4_DE      (1UL << 3)
#define X86_CR4_PAE     (1UL << 5)
#define X86_CR4_PGE     (1UL << 7)
#define X86_CR0_MP      (1UL << 1)
#define X86_CR0_TS      (1UL << 3)
#define X86_CR0_NE      (1UL << 5)
#define X86_CR0_AM      (1UL << 18)
#define X86_CR4_MCE     (1UL << 6)
#define X86_CR4_OSFXSR  (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define X86_CR4_OSXSAVE (1UL << 18)
#define X86_CR4_SMEP    (1UL << 20)
#define X86_CR4_SMAP    (1UL << 21)
#define X86_EFLAGS_TF   (1UL << 8)
#define X86_EFLAGS_IF   (1UL << 9)
#define X86_EFLAGS_DF   (1UL << 10)
#define X86_EFLAGS_IOPL (3UL << 12)
#define X86_EFLAGS_NT   (1UL << 14)
#define X86_EFLAGS_RF   (1UL << 16)
#define X86_EFLAGS_VM   (1UL << 17)
#define X86_EFLAGS_AC   (1UL << 18)

#define MSR_EFER        0xc0000080
#define EFER_SCE        (1UL << 0)
#define EFER_NXE        (1UL << 11)
#define MSR_STAR        0xc0000081
#define MSR_LSTAR       0xc0000082
#define MSR_CSTAR       0xc0000083
#define MSR_SFMASK      0xc0000084
#define MSR_FS_BASE     0xc0000100
#define MSR_GS_BASE     0xc0000101
#define MSR_SHADOW_GS_BASE 0xc0000102
#define MSR_APIC_BASE   0x1b

static inline void outb(u16 port, u8 v) { asm volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outw(u16 port, u16 v) { asm volatile("outw %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outl(u16 port, u32 v) { asm volatile("outl %0, %1" :: "a"(v), "Nd"(port)); }
static inline u8 inb(u16 port) { u8 v; asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u16 inw(u16 port) { u16 v; asm volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u32 inl(u16 port) { u32 v; asm volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }

/* an access of `bytes` (1, 2 or 4) to a port */
static inline u32 port_read(u16 port, unsigned int bytes)
{
    return bytes == 1 ? inb(port) : bytes == 2 ? inw(port) : inl(port);
}

static inline void port_write(u16 port, unsigned int bytes, u32 v)
{
    if ( bytes == 1 )
        outb(port, (u8)v);
    else if ( bytes == 2 )
        outw(port, (u16)v);
    else
        outl(port, v);
}

static inline u64 rdmsr(u32 msr)
{
    u32 lo, hi;
    asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 v)
{
    asm volatile("wrmsr" :: "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

static inline void cpuid_count(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c, u32 *d)
{
    asm volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(sub));
}

/* an AMD (or Hygon) CPU: what the vendor-specific parts of the PV policies ask */
static inline bool cpu_is_amd(void)
{
    u32 a, b, c, d;

    cpuid_count(0, 0, &a, &b, &c, &d);
    return b == 0x68747541 || b == 0x6f677948;     /* "Auth"enticAMD, "Hygo"nGenuine */
}

static inline bool cpu_has_rdtscp(void)
{
    u32 a, b, c, d;

    cpuid_count(0x80000001, 0, &a, &b, &c, &d);
    return (d >> 27) & 1;
}

static inline u64 rdtsc(void)
{
    u32 lo, hi;
    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((u64)hi << 32) | lo;
}

#define DEFINE_CR(n) \
    static inline u64 read_cr##n(void) { u64 v; asm volatile("mov %%cr" #n ", %0" : "=r"(v)); return v; } \
    static inline void write_cr##n(u64 v) { asm volatile("mov %0, %%cr" #n :: "r"(v) : "memory"); }
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

#define DEFINE_DR(n) \
    static inline u64 read_dr##n(void) { u64 v; asm volatile("mov %%db" #n ", %0" : "=r"(v)); return v; } \
    static inline void write_dr##n(u64 v) { asm volatile("mov %0, %%db" #n :: "r"(v)); }
DEFINE_DR(0)
DEFINE_DR(1)
DEFINE_DR(2)
DEFINE_DR(3)
DEFINE_DR(6)
DEFINE_DR(7)
#undef DEFINE_DR

static inline void clts(void) { asm volatile("clts" ::: "memory"); }
static inline void fxsave(void *area) { asm volatile("fxsave64 %0" : "=m"(*(u8 (*)[512])area)); }
static inline void fxrstor(const void *area) { asm volatile("fxrstor64 %0" :: "m"(*(const u8 (*)[512])area)); }
static inline void cpu_relax(void) { asm volatile("pause" ::: "memory"); }
static inline void irq_disable(void) { asm volatile("cli" ::: "memory"); }
static inline void halt(void) { asm volatile("hlt" ::: "memory"); }
static inline void invlpg(const void *va) { asm volatile("invlpg (%0)" :: "r"(va) : "memory"); }

static inline u64 read_rbp(void)
{
    u64 v;
    asm volatile("mov %%rbp, %0" : "=r"(v));
    return v;
}

#endif
