/*
 * The pre-virtualization runtime's dispatcher: pvrt_emulate() does, through
 * the PV ABI, what the instruction a call site replaced would have done on
 * bare metal, on the register image of the site (struct pvrt_regs). The
 * instructions with a little state of their own live here: the interrupt
 * flag (vcpu_info's event mask: cli/sti/pushf/popf/hlt), the control
 * registers (virtual copies; CR0.TS through fpu_taskswitch, CR2 from
 * vcpu_info, CR3 through paging.c) and the MSRs that have a hypercall.
 *
 * main() is the runtime's: the kit starts it, it sets up the virtual
 * machine (events, the timer, the runtime's frames) with interrupts off, as
 * a bootloader leaves them, and runs the kernel's kernel_main().
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra-guest/traps.h>
#include <sierra/callback.h>
#include <sierra/vcpu.h>
#include <hv/lib.h>
#include "pvrt-internal.h"

#define MSR_FS_BASE         0xc0000100
#define MSR_GS_BASE         0xc0000101
#define MSR_KERNEL_GS_BASE  0xc0000102
#define MSR_LSTAR           0xc0000082
#define FLAGS_POPPED        0x244dd5UL  /* CF PF AF ZF SF TF DF OF AC ID: what popf sets */

void kernel_main(void);
extern uint64_t pvrt_lstar;
extern const char __pvrt_event_entry[], __pvrt_syscall_entry[];

/* bare metal after a bootloader: protected mode, paging, the usual bits */
static uint64_t cr0 = 0x80050033, cr4 = 0x6a0, cr8;

void pvrt_fatal(const char *fmt, ...)
{
    char buf[256];
    va_list ap;

    pvrt_console_flush();
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    printf("pvrt: %s\n", buf);
    shutdown(PV_SHUTDOWN_crash);
}

bool pvrt_if(void)
{
    return !__atomic_load_n(&kit_vcpu_info->evtchn_upcall_mask, __ATOMIC_SEQ_CST);
}

static void set_if(bool on)
{
    __atomic_store_n(&kit_vcpu_info->evtchn_upcall_mask, !on, __ATOMIC_SEQ_CST);
    if ( on )
        pvrt_force_events();
}

void pvrt_force_events(void)
{
    if ( pvrt_if() && __atomic_load_n(&kit_vcpu_info->evtchn_upcall_pending, __ATOMIC_SEQ_CST) )
        hyp_xen_version(PV_XENVER_version, 0);  /* the upcall comes on the way back */
}

/* hlt: wait for an interrupt. With IF on, SCHEDOP_block (it unmasks and sleeps
 * in one step, so sti; hlt loses no wake-up); with IF off, wait for any event
 * without taking it, as a masked CPU would. */
static void halt(bool enable)
{
    if ( enable || pvrt_if() )
        hyp_sched_op(PV_SCHEDOP_block, 0);
    else
    {
        struct pv_sched_poll poll = { .nr_ports = 0, .timeout = 0 };

        hyp_sched_op(PV_SCHEDOP_poll, &poll);
    }
}

static uint64_t cr_read(unsigned int n)
{
    switch ( n )
    {
    case 0: return cr0;
    case 2: return kit_vcpu_info->arch.cr2;
    case 3: return pvrt_read_cr3();
    case 4: return cr4;
    default: return cr8;
    }
}

static void cr_write(unsigned int n, uint64_t v)
{
    switch ( n )
    {
    case 0:
        if ( (v ^ cr0) & X86_CR0_TS )
            hyp_fpu_taskswitch(!!(v & X86_CR0_TS));
        cr0 = v;
        break;
    case 2:
        kit_vcpu_info->arch.cr2 = v;
        break;
    case 3:
        pvrt_write_cr3(v);
        break;
    case 4:
        cr4 = v;
        kit_tlb_flush();        /* a CR4 write (PGE) flushes on hardware */
        break;
    default:
        cr8 = v;
        break;
    }
}

static void wrmsr(uint32_t msr, uint64_t v)
{
    long rc = 0;

    switch ( msr )
    {
    case MSR_FS_BASE: rc = hyp_set_segment_base(PV_SEGBASE_FS, v); break;
    case MSR_GS_BASE: rc = hyp_set_segment_base(PV_SEGBASE_GS_KERNEL, v); break;
    case MSR_KERNEL_GS_BASE: rc = hyp_set_segment_base(PV_SEGBASE_GS_USER, v); break;
    case MSR_LSTAR:
        pvrt_lstar = v;
        rc = kit_register_syscall_at(__pvrt_syscall_entry);
        break;
    default:    /* the hypervisor's MSR policy decides (it may raise #GP) */
        asm volatile("wrmsr" :: "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
        break;
    }
    if ( rc )
        pvrt_fatal("wrmsr %#x: %ld", msr, rc);
}

/* the value of a register operand of `size` bytes, and writing one back as
 * the CPU does (32-bit writes zero-extend, 8- and 16-bit ones merge) */
static void set_gpr(struct pvrt_regs *r, unsigned int reg, unsigned int size, uint64_t v)
{
    uint64_t *g = &r->gpr[reg];

    switch ( size )
    {
    case 1: *g = (*g & ~0xffUL) | (v & 0xff); break;
    case 2: *g = (*g & ~0xffffUL) | (v & 0xffff); break;
    case 4: *g = (uint32_t)v; break;
    default: *g = v; break;
    }
}

static void string_io(struct pvrt_regs *r, bool out, unsigned int size, bool rep)
{
    uint16_t port = (uint16_t)r->gpr[RDX];
    long step = (r->rflags & X86_EFLAGS_DF) ? -(long)size : (long)size;
    uint64_t count = rep ? r->gpr[RCX] : 1;

    for ( ; count; count-- )
    {
        if ( out )
        {
            uint32_t v = 0;

            __builtin_memcpy(&v, (const void *)r->gpr[RSI], size);
            pvrt_port_out(port, size, v);
            r->gpr[RSI] += step;
        }
        else
        {
            uint32_t v = pvrt_port_in(port, size);

            __builtin_memcpy((void *)r->gpr[RDI], &v, size);
            r->gpr[RDI] += step;
        }
        if ( rep )
            r->gpr[RCX]--;
    }
}

void pvrt_emulate(struct pvrt_regs *r);
void pvrt_emulate(struct pvrt_regs *r)
{
    unsigned int code = (unsigned int)r->code, reg = PVRT_CODE_REG(code);
    unsigned int size = PVRT_CODE_SIZE(code), num = PVRT_CODE_NUM(code);
    uint64_t site_rsp = (uint64_t)&r->code + 8 + ((code & PVRT_F_ADDR) ? 8 : 0) + PVRT_RED_ZONE;
    uint64_t *stack = (uint64_t *)site_rsp;
    uint16_t port = (code & PVRT_F_IMMPORT) ? (uint16_t)num : (uint16_t)r->gpr[RDX];

    switch ( PVRT_CODE_OP(code) )
    {
    case PVRT_CLI: set_if(false); break;
    case PVRT_STI: set_if(true); break;
    case PVRT_STI_HLT: halt(true); break;
    case PVRT_HLT: halt(false); break;
    case PVRT_PUSHF:
        stack[-1] = (r->rflags & ~X86_EFLAGS_IF) | (pvrt_if() ? X86_EFLAGS_IF : 0);
        break;
    case PVRT_POPF:
        r->rflags = (r->rflags & ~FLAGS_POPPED) | (stack[0] & FLAGS_POPPED);
        set_if(stack[0] & X86_EFLAGS_IF);
        break;
    case PVRT_CR_READ: r->gpr[reg] = cr_read(num); break;
    case PVRT_CR_WRITE: cr_write(num, r->gpr[reg]); break;
    case PVRT_SREG_LOAD: pvrt_load_sreg(num, (uint16_t)r->gpr[reg]); break;
    case PVRT_LGDT: pvrt_lgdt(r->addr); break;
    case PVRT_LIDT: pvrt_lidt(r->addr); break;
    case PVRT_SGDT: pvrt_sgdt(r->addr); break;
    case PVRT_SIDT: pvrt_sidt(r->addr); break;
    case PVRT_LLDT:
        pvrt_lldt((code & PVRT_F_ADDR) ? *(const uint16_t *)r->addr : (uint16_t)r->gpr[reg]);
        break;
    case PVRT_LTR:
        pvrt_ltr((code & PVRT_F_ADDR) ? *(const uint16_t *)r->addr : (uint16_t)r->gpr[reg]);
        break;
    case PVRT_SLDT:
    case PVRT_STR:
    case PVRT_SMSW:
    {
        uint16_t v = PVRT_CODE_OP(code) == PVRT_SLDT ? pvrt_sldt()
                   : PVRT_CODE_OP(code) == PVRT_STR ? pvrt_str() : (uint16_t)cr0;

        if ( code & PVRT_F_ADDR )
            *(uint16_t *)r->addr = v;
        else
            set_gpr(r, reg, size, v);
        break;
    }
    case PVRT_CLTS: cr_write(0, cr0 & ~X86_CR0_TS); break;
    case PVRT_INVLPG: pvrt_invlpg(r->addr); break;
    case PVRT_WBINVD:
    {
        struct pv_mmuext_op op = { .cmd = PV_MMUEXT_FLUSH_CACHE };

        hyp_mmuext_op(&op, 1, 0, 0x7ff0);       /* refused without cache rights, as on Xen */
        break;
    }
    case PVRT_IN: set_gpr(r, RAX, size, pvrt_port_in(port, size)); break;
    case PVRT_OUT: pvrt_port_out(port, size, (uint32_t)r->gpr[RAX]); break;
    case PVRT_INS: string_io(r, false, size, code & PVRT_F_REP); break;
    case PVRT_OUTS: string_io(r, true, size, code & PVRT_F_REP); break;
    case PVRT_RDMSR:
    {
        uint32_t lo, hi;

        /* the hypervisor's MSR policy answers (or raises #GP) */
        asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"((uint32_t)r->gpr[RCX]));
        r->gpr[RAX] = lo;
        r->gpr[RDX] = hi;
        break;
    }
    case PVRT_WRMSR:
        wrmsr((uint32_t)r->gpr[RCX], ((uint64_t)(uint32_t)r->gpr[RDX] << 32) | (uint32_t)r->gpr[RAX]);
        break;
    default:
        pvrt_fatal("unknown call site %#x at %#lx", code, (unsigned long)r->ret);
    }
}

int main(void)
{
    struct pv_callback_register cb = {
        .type = PV_CALLBACKTYPE_event, .address = (unsigned long)__pvrt_event_entry,
    };
    void *shared = kit_alloc_page();
    long port;

    if ( !shared || hyp_update_va_mapping((unsigned long)shared, start_info->shared_info | 0x67,
                                          PV_UVMF_INVLPG) )
        pvrt_fatal("cannot map shared_info");
    kit_shared_info = shared;
    kit_vcpu_info = &kit_shared_info->vcpu_info[0];
    kit_vcpu_info->evtchn_upcall_mask = 1;     /* interrupts off, as a bootloader leaves them */
    pvrt_paging_init();         /* before the pool's pages leave the boot tables */
    pvrt_pool_init();
    if ( hyp_callback_op(PV_CALLBACKOP_register, &cb) )
        pvrt_fatal("cannot register the event callback");
    hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);
    port = kit_bind_virq(PV_VIRQ_TIMER);
    if ( port < 0 )
        pvrt_fatal("cannot bind VIRQ_TIMER: %ld", port);
    pvrt_pic_init((unsigned int)port);
    kernel_main();
    pvrt_console_flush();
    return 0;
}
