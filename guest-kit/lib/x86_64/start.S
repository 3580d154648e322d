/*
 * Start of day of a 64-bit kit guest. The builder (Xen's or Sierra's) reads
 * the "Xen" notes below, loads the image at VIRT_BASE, fills hypercall_page,
 * and enters _start in kernel mode with RSI = start_info and events masked.
 * We switch to our own stack and call kit_start(start_info) in C.
 */
#include <sierra/elfnote.h>
#include <sierra/xenver.h>

#define ELFNOTE(type, desc...)                  \
        .pushsection .note.Xen, "a", @note;     \
        .balign 4;                              \
        .long 4, 2f - 1f, type;                 \
        .asciz "Xen";                           \
1:      desc;                                   \
2:      .balign 4;                              \
        .popsection

ELFNOTE(PV_ELFNOTE_GUEST_OS, .asciz "sierra-guest-kit")
ELFNOTE(PV_ELFNOTE_XEN_VERSION, .asciz "xen-3.0")
ELFNOTE(PV_ELFNOTE_LOADER, .asciz "generic")
ELFNOTE(PV_ELFNOTE_VIRT_BASE, .quad KIT_VIRT_BASE)
ELFNOTE(PV_ELFNOTE_PADDR_OFFSET, .quad KIT_VIRT_BASE)
ELFNOTE(PV_ELFNOTE_ENTRY, .quad _start)
ELFNOTE(PV_ELFNOTE_HYPERCALL_PAGE, .quad hypercall_page)
ELFNOTE(PV_ELFNOTE_PAE_MODE, .asciz "yes")
ELFNOTE(PV_ELFNOTE_FEATURES, .asciz "")
ELFNOTE(PV_ELFNOTE_SUPPORTED_FEATURES, .long 1 << PV_XENFEAT_dom0)

        .text
        .globl  _start
_start:
        lea     stack_end(%rip), %rsp
        mov     %rsi, %rdi
        call    kit_start
        ud2

        .balign 4096
        .globl  hypercall_page
hypercall_page:
        .fill   4096, 1, 0xc3           /* `ret` until the builder writes the stubs */

        .bss
        .balign 16
stack:  .skip   16384
stack_end:
