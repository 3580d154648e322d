/*
 * usermode: a user program making system calls into the guest kernel. The
 * kernel gives user mode its own page tables, registers a syscall callback
 * and enters user mode with the iret hypercall; each `syscall` from user mode
 * bounces to the kernel, which serves it and returns - until the program asks
 * to leave.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra-guest/traps.h>

/* user code: 10 system calls, then the one that ends the visit */
asm(".text\n.globl user_program\nuser_program:\n"
    "  mov $10, %ebx\n"
    "1: mov $1, %eax\n  syscall\n  dec %ebx\n  jnz 1b\n"
    "  mov $42, %eax\n  syscall\n");
extern const char user_program[];

int main(void)
{
    void *ustack = kit_alloc_page();

    kit_install_traps(0);
    if ( kit_make_user_tables(40) || hyp_stack_switch(0xe02b, (unsigned long)kit_alloc_page() + 4096) ||
         kit_register_syscall_at(kit_syscall_return_entry) )
        return 1;
    kit_enter_user((unsigned long)user_program, (unsigned long)ustack + 4096);
    printf("usermode: %lu system calls served, then the program left (rax %lu)\n",
           (unsigned long)kit_syscall_count, (unsigned long)kit_syscall_rax);
    return kit_syscall_count == 10 ? 0 : 1;
}
