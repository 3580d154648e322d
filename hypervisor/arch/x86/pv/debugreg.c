/*
 * Debug registers for PV guests, with Xen 4.17's rules. A guest sets them by
 * set_debugreg (hypercall 8) or by `mov %reg, %drN`, which traps and is
 * emulated (pv/priv-op.c); it reads them by get_debugreg (9) or `mov %drN`.
 *   DR0-3: breakpoint addresses, only canonical guest addresses outside the
 *     hypervisor hole (-EPERM), so no breakpoint can fire on the hypervisor's
 *     own code or data.
 *   DR6, DR7: the upper 32 bits must be zero (-EINVAL); reserved bits are
 *     forced to their fixed values (DR6 ones, DR7 bit 10 one, bits 11,
 *     12, 14, 15 zero on a CPU without RTM). DR7.GD is refused (-EPERM). An I/O
 *     breakpoint (R/W = 10) needs the guest's virtual CR4.DE (-EPERM without
 *     it, nothing changed); its enables are kept aside (dr7_emul), shown in
 *     reads of DR7 and never loaded, as Xen keeps them.
 *   DR4/DR5 alias DR6/DR7 unless CR4.DE is set, then they are #UD
 *     (-ENODEV), as are registers above 7.
 * The CPU holds a vCPU's registers only while it runs and its DR7 enables a
 * breakpoint; otherwise hardware DR7 is 0. A #DB from the guest merges the
 * CPU's DR6 into the virtual one before it is bounced; a #DB in the
 * hypervisor (a guest data breakpoint hit while the hypervisor copies guest
 * memory) is noted and dropped, as Xen drops it.
 */
#include <asm/guest-access.h>
#include <asm/pv/debugreg.h>
#include <asm/x86.h>
#include <hv/lib.h>
#include <hv/printk.h>

#define DR7_ACTIVE      0xffUL          /* L0-3, G0-3 */
#define DR7_GD          (1UL << 13)
#define DR7_ZEROS       0xd800UL        /* bits 11, 12, 14, 15 (no RTM) */
#define DR7_RW_IO       2
#define DR6_TRAPS       0xfUL           /* B0-3 */
#define WARN_MAX        4

void pv_debugreg_init(struct vcpu *v)
{
    memset(v->dr, 0, sizeof(v->dr));
    v->dr6 = DR6_DEFAULT;
    v->dr7 = DR7_DEFAULT;
    v->dr7_emul = 0;
}

static void load(const struct vcpu *v)
{
    write_dr0(v->dr[0]);
    write_dr1(v->dr[1]);
    write_dr2(v->dr[2]);
    write_dr3(v->dr[3]);
    write_dr6(v->dr6);
    write_dr7(v->dr7);
}

static bool active(const struct vcpu *v)
{
    return v->dr7 & DR7_ACTIVE;
}

/* the L/G enables of DR7's active I/O breakpoints */
static u32 io_enables(u64 dr7)
{
    u32 io = 0;

    if ( dr7 & DR7_ACTIVE )
        for ( unsigned int bp = 0; bp < 4; bp++ )
            if ( ((dr7 >> (16 + bp * 4)) & 3) == DR7_RW_IO )
                io |= (u32)(dr7 & (3UL << (bp * 2)));
    return io;
}

static long set_dr7(struct vcpu *v, u64 value)
{
    u32 io;

    value = (value & ~DR7_ZEROS) | DR7_DEFAULT;
    io = io_enables(value);
    if ( (value & DR7_GD) || (io && !(v->cr4 & X86_CR4_DE)) )
        return -EPERM;
    v->dr7_emul = io;
    v->dr7 = value & ~(u64)io;
    if ( v == current )
    {
        if ( active(v) )
            load(v);
        else
            write_dr7(0);
    }
    return 0;
}

long pv_debugreg_set(struct vcpu *v, unsigned int reg, u64 value)
{
    switch ( reg )
    {
    case 0: case 1: case 2: case 3:
        if ( !guest_address_ok(value) )
            return -EPERM;
        v->dr[reg] = value;
        break;
    case 4: case 6:
        if ( reg == 4 && (v->cr4 & X86_CR4_DE) )
            return -ENODEV;
        if ( value >> 32 )
            return -EINVAL;
        v->dr6 = value | DR6_DEFAULT;
        if ( v == current && active(v) )
            write_dr6(v->dr6);
        return 0;
    case 5: case 7:
        if ( reg == 5 && (v->cr4 & X86_CR4_DE) )
            return -ENODEV;
        if ( value >> 32 )
            return -EINVAL;
        return set_dr7(v, value);
    default:
        return -ENODEV;
    }
    if ( v == current && active(v) )
        load(v);
    return 0;
}

long pv_debugreg_get(const struct vcpu *v, unsigned int reg, u64 *value)
{
    switch ( reg )
    {
    case 0: case 1: case 2: case 3:
        *value = v->dr[reg];
        return 0;
    case 4: case 6:
        if ( reg == 4 && (v->cr4 & X86_CR4_DE) )
            return -ENODEV;
        *value = v->dr6;
        return 0;
    case 5: case 7:
        if ( reg == 5 && (v->cr4 & X86_CR4_DE) )
            return -ENODEV;
        *value = v->dr7 | v->dr7_emul;
        return 0;
    default:
        return -ENODEV;
    }
}

/* A whole context's registers (VCPUOP_initialise, setvcpucontext), for a
 * vCPU that is not running and has CR4.DE clear: all checked first. */
bool pv_debugreg_context_ok(const u64 dr[8])
{
    for ( unsigned int i = 0; i < 4; i++ )
        if ( !guest_address_ok(dr[i]) )
            return false;
    return !(dr[6] >> 32) && !(dr[7] >> 32) && !(dr[7] & DR7_GD) && !io_enables(dr[7]);
}

void pv_debugreg_set_context(struct vcpu *v, const u64 dr[8])
{
    memcpy(v->dr, dr, sizeof(v->dr));
    v->dr6 = dr[6] | DR6_DEFAULT;
    v->dr7 = (dr[7] & ~DR7_ZEROS) | DR7_DEFAULT;
    v->dr7_emul = 0;
}

void pv_debugreg_switch(struct vcpu *prev, struct vcpu *next)
{
    if ( prev && active(prev) && !active(next) )
        write_dr7(0);
    if ( active(next) )
        load(next);
}

void pv_debugreg_trap(struct vcpu *v, bool from_guest)
{
    static unsigned int warned;
    u64 dr6 = read_dr6();

    write_dr6(DR6_DEFAULT);
    if ( from_guest )
    {
        /* the status bits the CPU raised, the rest left as the guest set them */
        v->dr6 |= dr6 & ~DR6_DEFAULT;
        v->dr6 &= dr6 | ~DR6_DEFAULT;
        return;
    }
    /* a guest can make this happen at will: noted a few times, then quietly */
    if ( (dr6 & DR6_TRAPS) && warned < WARN_MAX )
        pr_warn("d%u: guest breakpoint hit in the hypervisor (dr6 %#lx), dropped%s\n",
                v->domain->id, (unsigned long)dr6,
                ++warned == WARN_MAX ? " (further ones are not logged)" : "");
}

long do_set_debugreg(u64 reg, u64 value, u64 a3, u64 a4, u64 a5)
{
    (void)a3; (void)a4; (void)a5;
    return pv_debugreg_set(current, (unsigned int)reg, value);
}

long do_get_debugreg(u64 reg, u64 a2, u64 a3, u64 a4, u64 a5)
{
    u64 value;
    long rc;

    (void)a2; (void)a3; (void)a4; (void)a5;
    rc = pv_debugreg_get(current, (unsigned int)reg, &value);
    return rc ? rc : (long)value;
}
