/*
 * Bare-metal start of the pvcc test kernel (not part of the PV build, and
 * not rewritten): QEMU -kernel loads the flat image at 1 MiB through the
 * Multiboot 1 address fields and enters start32 in 32-bit protected mode.
 * We map the first GiB at 0 and at KBASE with 2 MiB pages, enter long mode
 * and call kernel_main() at its high address; when it returns, the exit port.
 */
#define KBASE           0xffffffff80000000
#define PHYS(s)         ((s) - KBASE)
#define MB1_MAGIC       0x1badb002
#define MB1_FLAGS       0x00010000

        .section .text.boot, "ax"
        .code32
        .globl  start32
start32:
        jmp     1f
        .balign 4
mb_header:
        .long   MB1_MAGIC, MB1_FLAGS, -(MB1_MAGIC + MB1_FLAGS)
        .long   PHYS(mb_header), PHYS(start32), PHYS(_edata), PHYS(_end), PHYS(start32)
1:      mov     $PHYS(pml4), %eax
        mov     %eax, %cr3
        mov     %cr4, %eax
        or      $0x20, %eax             /* PAE */
        mov     %eax, %cr4
        mov     $0xc0000080, %ecx       /* EFER.LME */
        rdmsr
        or      $0x100, %eax
        wrmsr
        mov     %cr0, %eax
        or      $0x80000001, %eax       /* PG, PE */
        mov     %eax, %cr0
        lgdt    PHYS(gdt_ptr)
        ljmp    $8, $PHYS(start64)

        .code64
start64:
        movabs  $high, %rax
        jmp     *%rax
high:   lea     boot_stack_top(%rip), %rsp
        call    kernel_main
        xor     %eax, %eax
        out     %al, $0xf4
2:      hlt
        jmp     2b

        .section .data.boot, "aw"
        .balign 4096
pml4:   .quad   PHYS(pdpt) + 3
        .fill   510, 8, 0
        .quad   PHYS(pdpt) + 3
pdpt:   .quad   PHYS(pd) + 3
        .fill   509, 8, 0
        .quad   PHYS(pd) + 3, 0
pd:     .set    i, 0
        .rept   512
        .quad   (i << 21) | 0x83
        .set    i, i + 1
        .endr
gdt:    .quad   0, 0x00af9a000000ffff
gdt_ptr: .word  15
        .long   PHYS(gdt)

        .bss
        .balign 16
        .skip   16384
boot_stack_top:
