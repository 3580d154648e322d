/*
 * I/O port emulation for PV guests (asm/pv/ioport.h): decode IN/OUT (the
 * immediate and DX forms, 8/16/32 bits), check the guest's permission, then
 * do the access on the real port - or not, for the hypervisor's own ports.
 * CLI and STI, which the virtual IOPL also governs, are stepped over as no-
 * ops when it allows them, as Xen 4.17 does (Linux dom0 sets IOPL 1 and may
 * run a native cli early; the virtual IF is the upcall mask, which they do
 * not touch); otherwise #GP.
 */
#include <asm/guest-access.h>
#include <asm/pv/ioport.h>
#include <asm/pv/traps.h>
#include <asm/traps.h>
#include <asm/x86.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <sierra/mmu.h>

struct range {
    u16 first, last;
};

/* ports the hypervisor uses: the PICs (masked for good), the PIT */
static const struct range hypervisor_ports[] = {
    { 0x20, 0x21 }, { 0xa0, 0xa1 }, { 0x40, 0x43 },
};
static struct range uart_ports;

void ioports_init(void)
{
    uart_ports.first = uart_io_base();
    uart_ports.last = uart_ports.first + 7;
}

bool ioport_owned_by_hypervisor(u16 port, unsigned int bytes)
{
    u32 last = (u32)port + bytes - 1;

    if ( port <= uart_ports.last && last >= uart_ports.first )
        return true;
    for ( unsigned int i = 0; i < ARRAY_SIZE(hypervisor_ports); i++ )
        if ( port <= hypervisor_ports[i].last && last >= hypervisor_ports[i].first )
            return true;
    return false;
}

/* the guest's I/O bitmap allows every port of the access */
static bool bitmap_allows(const struct vcpu *v, u16 port, unsigned int bytes)
{
    u16 bits = 0;

    if ( !v->iobmp || (u32)port + bytes > v->iobmp_nr_ports )
        return false;
    if ( copy_from_guest(&bits, v->iobmp + port / 8, (port % 8 + bytes + 7) / 8) )
        return false;
    return !((bits >> (port % 8)) & ((1u << bytes) - 1));
}

/* the guest kernel counts as ring 1 - or ring 0 with VMASST architectural_iopl,
 * where any IOPL allows it, as Xen's */
static bool iopl_ok(const struct vcpu *v)
{
    bool arch = v->domain->vm_assist & (1UL << PV_VMASST_TYPE_architectural_iopl);

    return v->iopl >= (v->kernel_mode ? (arch ? 0 : 1) : 3);
}

static bool guest_may(const struct vcpu *v, u16 port, unsigned int bytes)
{
    return iopl_ok(v) || bitmap_allows(v, port, bytes);
}

/* the hardware, for the control domain and a port that is not the hypervisor's */
static bool reaches_port(const struct domain *d, u16 port, unsigned int bytes)
{
    return d->privileged && !ioport_owned_by_hypervisor(port, bytes);
}

/* the guest's access, as far as it may go: a read of nothing is all ones */
static u32 port_access(u16 port, unsigned int bytes, bool in, u32 v)
{
    if ( pci_cfg_port(port, bytes) )
        return pci_cfg_access(current->domain, port, bytes, in, v);
    if ( !reaches_port(current->domain, port, bytes) )
        return ~0u;
    if ( in )
        return port_read(port, bytes);
    port_write(port, bytes, v);
    return 0;
}

bool pv_emulate_io(struct cpu_regs *regs)
{
    u8 insn[3], *p = insn;
    unsigned int bytes = 4, len;
    bool in, imm;
    u16 port;
    u64 mask;

    if ( copy_from_guest(insn, regs->rip, sizeof(insn)) )
        return false;
    if ( *p == 0x66 )
    {
        bytes = 2;
        p++;
    }
    if ( p == insn && (*p == 0xfa || *p == 0xfb) )
    {
        if ( !iopl_ok(current) )
            return false;               /* the guest's #GP */
        regs->rip += 1;
        return true;
    }
    switch ( *p )
    {
    case 0xe4: case 0xe5: case 0xe6: case 0xe7: imm = true; break;
    case 0xec: case 0xed: case 0xee: case 0xef: imm = false; break;
    default: return false;
    }
    in = !(*p & 2);
    if ( !(*p & 1) )
        bytes = 1;
    port = imm ? p[1] : (u16)regs->rdx;
    len = (unsigned int)(p - insn) + 1 + imm;
    if ( !guest_may(current, port, bytes) )
    {
        pv_inject(regs, X86_EXC_GP, true, 0);
        return true;
    }
    mask = bytes == 4 ? 0xffffffffUL : (1UL << (bytes * 8)) - 1;
    if ( in )
    {
        u64 v = port_access(port, bytes, true, 0) & mask;

        /* a 32-bit result zero-extends; 8 and 16 bits merge into RAX */
        regs->rax = bytes == 4 ? v : (regs->rax & ~mask) | v;
    }
    else
        port_access(port, bytes, false, (u32)(regs->rax & mask));
    regs->rip += len;
    return true;
}
