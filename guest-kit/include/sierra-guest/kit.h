/*
 * The guest kit's runtime: what a kit guest gets before main() runs (the
 * start_info page, a stack, the hypercall page) and the services it uses
 * after (console output and input, shutdown). main() returns 0 for a clean power-off;
 * anything else shuts the domain down as crashed.
 */
#ifndef SIERRA_GUEST_KIT_H
#define SIERRA_GUEST_KIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sierra/arch-x86.h>
#include <sierra/start-info.h>

extern struct pv_start_info *start_info;

int main(void);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void console_write(const char *s, size_t len);
size_t kit_console_read(char *buf, size_t len);        /* what was typed; 0 if nothing */
void __attribute__((noreturn)) shutdown(unsigned int reason);

/* Measuring: the TSC (under QEMU -icount it counts instructions), and the
 * median of n figures (sorts them in place). */
static inline uint64_t kit_rdtsc(void)
{
    uint32_t lo, hi;

    asm volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) :: "memory");
    return ((uint64_t)hi << 32) | lo;
}
unsigned long kit_median(unsigned long *v, unsigned int n);

/* Test verdicts, one line each: "ok N - what" / "not ok N - what". */
int check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int checks_failed(void);

/* The initial mapping: pseudo-physical frame n is at KIT_VIRT_BASE + n * 4096. */
static inline unsigned long virt_to_pfn(const void *va)
{
    return ((unsigned long)va - KIT_VIRT_BASE) >> 12;
}
static inline void *pfn_to_virt(unsigned long pfn)
{
    return (void *)(KIT_VIRT_BASE + (pfn << 12));
}
static inline unsigned long pfn_to_mfn(unsigned long pfn)
{
    return ((const unsigned long *)start_info->mfn_list)[pfn];
}
static inline unsigned long virt_to_mfn(const void *va)
{
    return pfn_to_mfn(virt_to_pfn(va));
}
/* Spare page n of the initial mapping: the builder maps at least 512 KiB
 * past the boot stack (Xen's layout), free for the guest's own use. */
static inline void *kit_spare_page(unsigned int n)
{
    return pfn_to_virt(virt_to_pfn((void *)start_info->pt_base) + start_info->nr_pt_frames + 4 + n);
}

/* The read-only machine-to-physical table the hypervisor maps for guests. */
static inline unsigned long mfn_to_pfn(unsigned long mfn)
{
    return ((const unsigned long *)PV_MACH2PHYS_VIRT_START)[mfn];
}

#endif
