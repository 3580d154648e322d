/*
 * The x86 part of the guest ABI: the flat segment selectors the hypervisor's
 * GDT provides to guests, where the hypervisor's hole and the read-only M2P
 * table sit in the guest's address space, the register frame, the virtual IDT
 * entry (trap_info), and the full vCPU context used to start a vCPU.
 *
 * Ring compression: a 64-bit guest kernel runs in ring 3 like its user space
 * (both use FLAT_RING3_* selectors; the hypervisor keeps separate kernel and
 * user page tables); a 32-bit PAE guest kernel runs in ring 1 (FLAT_RING1_*).
 */
#ifndef SIERRA_ABI_ARCH_X86_H
#define SIERRA_ABI_ARCH_X86_H

#include <sierra/pv-base.h>

/* GDT entries from this one up belong to the hypervisor (frame 14 of 16). */
#define PV_FIRST_RESERVED_GDT_PAGE   14
#define PV_FIRST_RESERVED_GDT_BYTE   (PV_FIRST_RESERVED_GDT_PAGE * 4096)
#define PV_FIRST_RESERVED_GDT_ENTRY  (PV_FIRST_RESERVED_GDT_BYTE / 8)
#define PV_LEGACY_MAX_VCPUS          32  /* vcpu_info slots in shared_info */

#if defined(__x86_64__)
#define PV_FLAT_RING3_CS32      0xe023  /* GDT entry 260 */
#define PV_FLAT_RING3_CS64      0xe033  /* GDT entry 262 */
#define PV_FLAT_RING3_DS32      0xe02b  /* GDT entry 261 */
#define PV_FLAT_RING3_DS64      0x0000  /* null: flat in long mode */
#define PV_FLAT_RING3_SS32      0xe02b
#define PV_FLAT_RING3_SS64      0xe02b
#define PV_FLAT_KERNEL_CS       PV_FLAT_RING3_CS64
#define PV_FLAT_KERNEL_DS       PV_FLAT_RING3_DS64
#define PV_FLAT_KERNEL_SS       PV_FLAT_RING3_SS64
#define PV_FLAT_USER_CS         PV_FLAT_RING3_CS64
#define PV_FLAT_USER_DS         PV_FLAT_RING3_DS64
#define PV_FLAT_USER_SS         PV_FLAT_RING3_SS64

/* The hole guests cannot map; the read-only M2P table at its start. */
#define PV_HYPERVISOR_VIRT_START 0xffff800000000000UL
#define PV_HYPERVISOR_VIRT_END   0xffff880000000000UL
#define PV_MACH2PHYS_VIRT_START  0xffff800000000000UL
#define PV_MACH2PHYS_VIRT_END    0xffff804000000000UL
#define PV_MACH2PHYS_ENTRY_SIZE  8

/* set_segment_base */
#define PV_SEGBASE_FS           0
#define PV_SEGBASE_GS_USER      1
#define PV_SEGBASE_GS_KERNEL    2
#define PV_SEGBASE_GS_USER_SEL  3   /* load user %gs selector from base[15:0] */

/* iret hypercall flag: return through syscall's rcx/r11 convention */
#define PV_VGCF_in_syscall      (1 << 8)
#else
#define PV_FLAT_RING1_CS        0xe019  /* GDT entry 259 */
#define PV_FLAT_RING1_DS        0xe021  /* GDT entry 260 */
#define PV_FLAT_RING1_SS        0xe021
#define PV_FLAT_RING3_CS        0xe02b  /* GDT entry 261 */
#define PV_FLAT_RING3_DS        0xe033  /* GDT entry 262 */
#define PV_FLAT_RING3_SS        0xe033
#define PV_FLAT_KERNEL_CS       PV_FLAT_RING1_CS
#define PV_FLAT_KERNEL_DS       PV_FLAT_RING1_DS
#define PV_FLAT_KERNEL_SS       PV_FLAT_RING1_SS
#define PV_FLAT_USER_CS         PV_FLAT_RING3_CS
#define PV_FLAT_USER_DS         PV_FLAT_RING3_DS
#define PV_FLAT_USER_SS         PV_FLAT_RING3_SS

/* PAE guests: the top 168 MiB belong to the hypervisor (a guest may be told
 * a lower start through PV_ELFNOTE_HV_START_LOW). */
#define PV_HYPERVISOR_VIRT_START 0xf5800000UL
#define PV_MACH2PHYS_VIRT_START  0xf5800000UL
#define PV_MACH2PHYS_VIRT_END    0xf6800000UL
#define PV_MACH2PHYS_ENTRY_SIZE  4
#endif
#define PV_MACH2PHYS_NR_ENTRIES \
    ((PV_MACH2PHYS_VIRT_END - PV_MACH2PHYS_VIRT_START) / PV_MACH2PHYS_ENTRY_SIZE)

/* trap_info.flags */
#define PV_TI_DPL_MASK          3       /* lowest ring that may raise it with int $n */
#define PV_TI_IF                4       /* deliver with events masked (an interrupt gate) */

/* vcpu_guest_context.flags */
#define PV_VGCF_i387_valid              (1 << 0)
#define PV_VGCF_in_kernel               (1 << 2)
#define PV_VGCF_failsafe_disables_events (1 << 3)
#define PV_VGCF_syscall_disables_events (1 << 4)
#define PV_VGCF_online                  (1 << 5)

#ifndef __ASSEMBLY__
#if defined(__x86_64__)
/*
 * The guest register frame. error_code and entry_vector are the hypervisor's;
 * saved_upcall_mask holds the event mask across a bounce to the guest.
 */
struct pv_cpu_user_regs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint32_t error_code;
    uint32_t entry_vector;
    uint64_t rip;
    uint16_t cs, _pad0[1];
    uint8_t  saved_upcall_mask;
    uint8_t  _pad1[3];
    uint64_t rflags;
    uint64_t rsp;
    uint16_t ss, _pad2[3];
    uint16_t es, _pad3[3];
    uint16_t ds, _pad4[3];
    uint16_t fs, _pad5[3];
    uint16_t gs, _pad6[3];
};

/* What the iret hypercall pops from the guest stack (top first). */
struct pv_iret_context {
    uint64_t rax, r11, rcx, flags, rip, cs, rflags, rsp, ss;
};

struct pv_arch_vcpu_info {
    unsigned long cr2;      /* the faulting address of the last #PF bounced */
    unsigned long pad;      /* vcpu_info is 64 bytes */
};

typedef unsigned long pv_callback_t;   /* a callback is a 64-bit address */
#define pv_pfn_to_cr3(pfn)      ((unsigned long)(pfn) << 12)
#define pv_cr3_to_pfn(cr3)      ((unsigned long)(cr3) >> 12)
#else
struct pv_cpu_user_regs {
    uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
    uint16_t error_code;
    uint16_t entry_vector;
    uint32_t eip;
    uint16_t cs;
    uint8_t  saved_upcall_mask;
    uint8_t  _pad0;
    uint32_t eflags;
    uint32_t esp;
    uint16_t ss, _pad1;
    uint16_t es, _pad2;
    uint16_t ds, _pad3;
    uint16_t fs, _pad4;
    uint16_t gs, _pad5;
};

struct pv_arch_vcpu_info {
    unsigned long cr2;
    unsigned long pad[5];   /* vcpu_info is 64 bytes */
};

typedef struct pv_callback {    /* a 32-bit callback is a far pointer */
    unsigned long cs;
    unsigned long eip;
} pv_callback_t;
/* PAE CR3 is 32 bits: the frame number's top 12 bits wrap into the low bits */
#define pv_pfn_to_cr3(pfn)      (((unsigned)(pfn) << 12) | ((unsigned)(pfn) >> 20))
#define pv_cr3_to_pfn(cr3)      (((unsigned)(cr3) >> 12) | ((unsigned)(cr3) << 20))
#endif
typedef struct pv_cpu_user_regs pv_cpu_user_regs_t;

/* One virtual IDT entry (set_trap_table takes an array ended by address 0). */
struct pv_trap_info {
    uint8_t  vector;
    uint8_t  flags;         /* PV_TI_* */
    uint16_t cs;
    unsigned long address;
};
typedef struct pv_trap_info pv_trap_info_t;
PV_DEFINE_HANDLE(trap_info, pv_trap_info_t);

/* A vCPU's whole state: given to VCPUOP_initialise and the domain builder. */
struct pv_vcpu_guest_context {
    struct { char x[512]; } fpu_ctxt;   /* FXSAVE image, 16-byte aligned in practice */
    unsigned long flags;                /* PV_VGCF_* */
    struct pv_cpu_user_regs user_regs;
    struct pv_trap_info trap_ctxt[256]; /* the virtual IDT */
    unsigned long ldt_base, ldt_ents;   /* linear address, entries */
    unsigned long gdt_frames[16], gdt_ents;
    unsigned long kernel_ss, kernel_sp; /* the ring-1/kernel stack for traps */
    unsigned long ctrlreg[8];           /* cr3 = kernel tables; x86_64: ctrlreg[1] = user tables */
    unsigned long debugreg[8];
#if defined(__x86_64__)
    unsigned long event_callback_eip;
    unsigned long failsafe_callback_eip;
    unsigned long syscall_callback_eip;
#else
    unsigned long event_callback_cs;
    unsigned long event_callback_eip;
    unsigned long failsafe_callback_cs;
    unsigned long failsafe_callback_eip;
#endif
    unsigned long vm_assist;            /* bitmap of PV_VMASST_TYPE_* */
#if defined(__x86_64__)
    uint64_t fs_base;
    uint64_t gs_base_kernel;
    uint64_t gs_base_user;
#endif
};
typedef struct pv_vcpu_guest_context pv_vcpu_guest_context_t;
PV_DEFINE_HANDLE(vcpu_guest_context, pv_vcpu_guest_context_t);

/* The architecture part of shared_info: how tools find the guest's P2M. */
struct pv_arch_shared_info {
    unsigned long max_pfn;                  /* highest guest frame + 1 */
    pv_pfn_t pfn_to_mfn_frame_list_list;    /* frame of the 3-level P2M tree root */
    unsigned long nmi_reason;
    unsigned long p2m_cr3;                  /* a virtually mapped P2M: its tables, */
    unsigned long p2m_vaddr;                /* address */
    unsigned long p2m_generation;           /* and change counter */
#if defined(__i386__)
    uint32_t wc_sec_hi;                     /* wallclock seconds, high 32 bits */
#endif
};
#endif /* __ASSEMBLY__ */

#endif
