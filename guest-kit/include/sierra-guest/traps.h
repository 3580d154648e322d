/*
 * Traps for kit guests: install a virtual IDT whose every vector enters
 * kit_trap_handler (set by the guest) with the whole frame; the handler may
 * change RIP (or anything) and the return goes back through the iret
 * hypercall. kit_enter_user runs code in guest user mode until it makes a
 * system call.
 */
#ifndef SIERRA_GUEST_TRAPS_H
#define SIERRA_GUEST_TRAPS_H

#include <stdint.h>

struct kit_trap_frame {
    uint64_t r15, r14, r13, r12, rbp, rbx, r10, r9, r8, rax, rdx, rsi, rdi;
    uint64_t vector;
    uint64_t rcx, r11, error_code;      /* Xen's frame from here */
    uint64_t rip, cs, rflags, rsp, ss;
};

extern void (*kit_trap_handler)(struct kit_trap_frame *f);

/* vectors 0-31 and `int_vector` (if not 0) with ring-3 DPL for 3, 4 and int_vector */
long kit_install_traps(unsigned int int_vector);

void kit_enter_user(uint64_t rip, uint64_t rsp);
long kit_register_syscall(void);

/* the event callback enters kit_trap_handler with this pseudo-vector */
#define KIT_EVENT_VECTOR 255
long kit_register_event_callback(void);
extern uint64_t kit_syscall_rax, kit_syscall_rip, kit_syscall_cs;

/* a syscall callback that only counts and returns to user mode at once;
 * a system call with RAX == KIT_SYSCALL_LEAVE ends kit_enter_user instead */
#define KIT_SYSCALL_LEAVE 42
extern const char kit_syscall_return_entry[];
extern uint64_t kit_syscall_count;
long kit_register_syscall_at(const void *entry);

/* user page tables sharing the kernel image (L4 slot 511) in spare page n,
 * installed with MMUEXT_NEW_USER_BASEPTR */
long kit_make_user_tables(unsigned int spare_page);

#endif
