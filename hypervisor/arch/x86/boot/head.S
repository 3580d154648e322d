/*
 * First instructions. QEMU -kernel (Multiboot 1) and GRUB (Multiboot 2) both
 * enter start32 in 32-bit protected mode with paging off, EAX = loader magic,
 * EBX = physical address of the boot information. We zero .bss, switch to long
 * mode on static boot page tables and call start_sierra(magic, info) in C.
 *
 * The boot page tables map the first GiB of machine memory three times with
 * 2 MiB pages: at 0 (identity, for the jump into long mode), at the image base
 * IMAGE_VIRT_BASE (where the code is linked) and at the direct map. paging.c
 * replaces them with the real tables. Everything here is in physical addresses
 * (symbol - IMAGE_VIRT_BASE) until the jump to start64.
 */
#include <asm/layout.h>
#include <asm-offsets.h>

#define PHYS(sym)       ((sym) - IMAGE_VIRT_BASE)
#define MB1_MAGIC       0x1badb002
#define MB1_FLAGS       0x00010003      /* page-align modules, memory map, address fields */
#define MB2_MAGIC       0xe85250d6
#define COM1            0x3f8

        .section .text.head, "ax"
        .code32
        .globl start32
start32:
        jmp     start32_body

        .balign 4
mb1_header:                             /* Multiboot 1: QEMU -kernel, GRUB legacy */
        .long   MB1_MAGIC
        .long   MB1_FLAGS
        .long   -(MB1_MAGIC + MB1_FLAGS)
        .long   PHYS(mb1_header)        /* header_addr */
        .long   PHYS(_start)            /* load_addr: the flat image starts here */
        .long   PHYS(_edata)            /* load_end_addr */
        .long   PHYS(__bss_end)         /* bss_end_addr */
        .long   PHYS(start32)           /* entry_addr */

        .balign 8
mb2_header:                             /* Multiboot 2: GRUB */
        .long   MB2_MAGIC
        .long   0                       /* architecture: i386 protected mode */
        .long   mb2_header_end - mb2_header
        .long   -(MB2_MAGIC + (mb2_header_end - mb2_header))
        .word   2, 0                    /* address tag */
        .long   24
        .long   PHYS(mb2_header)
        .long   PHYS(_start)
        .long   PHYS(_edata)
        .long   PHYS(__bss_end)
        .word   3, 0                    /* entry address tag */
        .long   12
        .long   PHYS(start32)
        .long   0                       /* pad to 8 */
        .word   6, 0                    /* module alignment tag: page-align modules */
        .long   8
        .word   0, 0                    /* end tag */
        .long   8
mb2_header_end:

start32_body:
        cli
        cld
        mov     %eax, %ebp              /* loader magic, kept for C */
        mov     %ebx, %esi              /* boot info address, kept for C */

        mov     $PHYS(__bss_start), %edi        /* zero .bss (loaders may not) */
        mov     $PHYS(__bss_end), %ecx
        sub     %edi, %ecx
        xor     %eax, %eax
        rep stosb

        mov     $0x80000000, %eax       /* long mode available? */
        cpuid
        cmp     $0x80000001, %eax
        jb      no_long_mode
        mov     $0x80000001, %eax
        cpuid
        bt      $29, %edx
        jnc     no_long_mode
        mov     %edx, %ebx              /* EDX bit 20: NX */

        mov     $PHYS(boot_l4), %eax
        mov     %eax, %cr3
        mov     %cr4, %eax
        or      $0x20, %eax             /* CR4.PAE */
        mov     %eax, %cr4
        mov     $0xc0000080, %ecx       /* EFER.LME, and EFER.NXE when present */
        rdmsr
        or      $0x100, %eax
        bt      $20, %ebx
        jnc     1f
        or      $0x800, %eax
1:      wrmsr
        mov     %cr0, %eax
        or      $0x80010001, %eax       /* CR0.PG | CR0.WP | CR0.PE */
        mov     %eax, %cr0
        lgdt    PHYS(boot_gdt_desc)
        ljmp    $0x08, $PHYS(start64_low)

no_long_mode:                           /* print a reason on COM1, then stop */
        mov     $PHYS(no_long_mode_msg), %esi
1:      mov     $COM1 + 5, %dx
2:      inb     %dx, %al
        test    $0x20, %al
        jz      2b
        lodsb
        test    %al, %al
        jz      3f
        mov     $COM1, %dx
        outb    %al, %dx
        jmp     1b
3:      hlt
        jmp     3b

        .code64
start64_low:                            /* long mode, still on the identity map */
        movabs  $start64, %rax
        jmp     *%rax
start64:                                /* now at the linked address */
        mov     $0x10, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %eax, %ss
        xor     %eax, %eax
        mov     %eax, %fs
        mov     %eax, %gs
        lea     cpu0_stacks + STACK_AREA_SIZE(%rip), %rsp
        mov     %ebp, %edi              /* start_sierra(magic, info_phys) */
        xor     %ebp, %ebp              /* end of the frame-pointer chain */
        call    start_sierra
        ud2

        .section .rodata
no_long_mode_msg:
        .asciz  "Sierra: this CPU has no 64-bit long mode; stopping.\r\n"

        .section .data.page_aligned, "aw"
        .balign 4096
boot_l4:
        .quad   PHYS(boot_l3_low) + 3
        .fill   L4_SLOT_IMAGE - 1, 8, 0
        .quad   PHYS(boot_l3_image) + 3
        .quad   PHYS(boot_l3_directmap) + 3
        .fill   512 - L4_SLOT_DIRECTMAP - 1, 8, 0
boot_l3_low:
        .quad   PHYS(boot_l2) + 3
        .fill   511, 8, 0
boot_l3_directmap:
        .quad   PHYS(boot_l2) + 3
        .fill   511, 8, 0
boot_l3_image:                          /* IMAGE_VIRT_BASE is entry 321 of slot 261 */
        .fill   321, 8, 0
        .quad   PHYS(boot_l2) + 3
        .fill   190, 8, 0
boot_l2:                                /* 512 x 2 MiB: the first GiB */
        .set    i, 0
        .rept   512
        .quad   (i << 21) | 0x83        /* present, writable, 2 MiB */
        .set    i, i + 1
        .endr

        .balign 8
boot_gdt:
        .quad   0
        .quad   0x00af9a000000ffff      /* 0x08: 64-bit code */
        .quad   0x00cf92000000ffff      /* 0x10: data */
boot_gdt_desc:
        .word   boot_gdt_desc - boot_gdt - 1
        .long   PHYS(boot_gdt)
