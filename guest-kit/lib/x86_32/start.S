/*
 * Start of day of a 32-bit PAE kit guest (the kernel runs in ring 1). The
 * builder enters _start with ESI = start_info; we switch to our own stack
 * and call kit_start(start_info). The notes mirror the 64-bit ones, with
 * 32-bit addresses and PAE_MODE "yes" (PAE page tables, as every 32-bit PV
 * guest since Xen 3.3 must use).
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
ELFNOTE(PV_ELFNOTE_VIRT_BASE, .long KIT_VIRT_BASE)
ELFNOTE(PV_ELFNOTE_PADDR_OFFSET, .long KIT_VIRT_BASE)
ELFNOTE(PV_ELFNOTE_ENTRY, .long _start)
ELFNOTE(PV_ELFNOTE_HYPERCALL_PAGE, .long hypercall_page)
ELFNOTE(PV_ELFNOTE_PAE_MODE, .asciz "yes")
ELFNOTE(PV_ELFNOTE_FEATURES, .asciz "")
ELFNOTE(PV_ELFNOTE_SUPPORTED_FEATURES, .long 1 << PV_XENFEAT_dom0)

        .text
        .globl  _start
_start:
        lea     stack_end, %esp
        push    %esi
        call    kit_start
        ud2

        .balign 4096
        .globl  hypercall_page
hypercall_page:
        .fill   4096, 1, 0xc3

        .bss
        .balign 16
stack:  .skip   16384
stack_end:
