/*
 * The pre-virtualization runtime's internals: the register image a call
 * site hands to C (entry.S), the virtual CPU state the rewritten
 * instructions read and write, and the mechanisms, one per file:
 *   emulate.c      the dispatcher; interrupt flag, flags, hlt, CRs, MSRs
 *   descriptors.c  lgdt/lidt/lldt/ltr and friends, segment loads
 *   paging.c       the kernel's own page tables, translated on mov %cr3
 *   pool.c         frames the runtime owns (never mapped; written by mmu_update)
 *   io.c           port I/O: the serial port, the exit port, the rest
 *   pic.c          a virtual 8259 over event channels; the event callback
 *   pit.c          the 8254 timer's channel 0 over the one-shot PV timer
 */
#ifndef PVRT_INTERNAL_H
#define PVRT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <sierra-guest/pvrt.h>

struct pvrt_regs {
    uint64_t gpr[16];           /* RAX, RCX, RDX, RBX, (RSP), RBP, RSI, RDI, R8-R15 */
    uint64_t rflags;
    uint64_t ret;
    uint64_t code;
    uint64_t addr;              /* if PVRT_F_ADDR */
};

enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI };

#define X86_EFLAGS_IF   0x200UL
#define X86_EFLAGS_DF   0x400UL
#define X86_CR0_TS      0x8UL
#define FLAT_KERNEL_CS  0xe033
#define FLAT_KERNEL_SS  0xe02b

void __attribute__((noreturn, format(printf, 1, 2))) pvrt_fatal(const char *fmt, ...);
void pvrt_force_events(void);           /* deliver what is pending, if IF is on */
bool pvrt_if(void);                     /* the virtual interrupt flag */

/* descriptors.c */
void pvrt_lgdt(uint64_t addr);
void pvrt_lidt(uint64_t addr);
void pvrt_sgdt(uint64_t addr);
void pvrt_sidt(uint64_t addr);
void pvrt_lldt(uint16_t sel);
void pvrt_ltr(uint16_t sel);
uint16_t pvrt_sldt(void);
uint16_t pvrt_str(void);
void pvrt_load_sreg(unsigned int sreg, uint16_t sel);
extern uint64_t pvrt_idt_handler[256];

/* paging.c */
void pvrt_paging_init(void);
void pvrt_write_cr3(uint64_t cr3);
uint64_t pvrt_read_cr3(void);
void pvrt_invlpg(uint64_t va);

/* pool.c */
#define PVRT_POOL_FRAMES 48
void pvrt_pool_init(void);
unsigned long pvrt_frame_alloc(void);                    /* an MFN */
void pvrt_frame_free(unsigned long mfn);
void pvrt_frame_write(unsigned long mfn, const uint64_t *entries);     /* all 512 */
bool pvrt_pfn_is_runtime(unsigned long pfn);             /* never mapped writable */
void *pvrt_scratch_map(unsigned long pfn);               /* one page, read-only */

/* io.c */
uint32_t pvrt_port_in(uint16_t port, unsigned int size);
void pvrt_port_out(uint16_t port, unsigned int size, uint32_t value);
void pvrt_console_flush(void);

/* pic.c */
void pvrt_pic_init(unsigned int timer_port);
void pvrt_pic_raise(unsigned int line);
uint8_t pvrt_pic_in(uint16_t port);
void pvrt_pic_out(uint16_t port, uint8_t value);
uint64_t pvrt_irq_pick(void);

/* pit.c */
void pvrt_pit_event(void);
void pvrt_pit_out(uint16_t port, uint8_t value);
uint8_t pvrt_pit_in(uint16_t port);

#endif
