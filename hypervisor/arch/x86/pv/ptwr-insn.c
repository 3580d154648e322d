/*
 * Decoding and executing the page-table write instructions of writable page
 * tables (asm/pv/ptwr-insn.h). The decoder reads only what it needs for the
 * length and the operands - prefixes, opcode, ModRM, SIB, displacement,
 * immediate - and refuses everything it does not know, so an unexpected
 * instruction is the guest's own page fault, never a misread write.
 */
#include <asm/pv/ptwr-insn.h>
#include <hv/errno.h>

#define EFLAGS_CF   (1UL << 0)
#define EFLAGS_PF   (1UL << 2)
#define EFLAGS_ZF   (1UL << 6)
#define EFLAGS_SF   (1UL << 7)
#define EFLAGS_OF   (1UL << 11)
#define EFLAGS_ARITH (EFLAGS_CF | EFLAGS_PF | (1UL << 4) | EFLAGS_ZF | EFLAGS_SF | EFLAGS_OF)

/* bytes of ModRM + SIB + displacement for a memory operand (mod != 3) */
static int modrm_len(const u8 *p, size_t left)
{
    u8 mod, rm;
    int n = 1;

    if ( left < 1 )
        return -EOPNOTSUPP;
    mod = p[0] >> 6;
    rm = p[0] & 7;
    if ( mod == 3 )
        return -EOPNOTSUPP;             /* a register, not memory */
    if ( rm == 4 )
    {
        if ( left < 2 )
            return -EOPNOTSUPP;
        n++;
        if ( mod == 0 && (p[1] & 7) == 5 )
            n += 4;                     /* SIB with no base: disp32 */
    }
    if ( mod == 0 && rm == 5 )
        n += 4;                         /* RIP-relative */
    else if ( mod == 1 )
        n += 1;
    else if ( mod == 2 )
        n += 4;
    return (size_t)n <= left ? n : -EOPNOTSUPP;
}

static u64 read_imm(const u8 *p, unsigned int bytes)
{
    u64 v = 0;

    for ( unsigned int i = 0; i < bytes; i++ )
        v |= (u64)p[i] << (8 * i);
    if ( bytes < 8 && (v >> (8 * bytes - 1)) & 1 )
        v |= ~0UL << (8 * bytes);       /* sign-extend */
    return v;
}

int ptwr_decode(const u8 *insn, size_t len, struct ptwr_insn *out)
{
    const u8 *p = insn, *end = insn + (len > 15 ? 15 : len);
    u8 rex = 0, op, reg_field;
    bool two_byte = false;
    unsigned int imm_bytes = 0;
    int m;

    /* LOCK (the write is atomic anyway), and segment overrides: no effect
     * on where the write goes (that is CR2). A uniprocessor Linux patches
     * its LOCK prefixes into DS overrides, so `ds andb` clears a PTE bit. */
    while ( p < end && (*p == 0xf0 || *p == 0x2e || *p == 0x36 || *p == 0x3e || *p == 0x26 ||
                        *p == 0x64 || *p == 0x65) )
        p++;
    if ( p < end && (*p & 0xf0) == 0x40 )
        rex = *p++;
    if ( p >= end )
        return -EOPNOTSUPP;
    op = *p++;
    if ( op == 0x0f )
    {
        if ( p >= end )
            return -EOPNOTSUPP;
        two_byte = true;
        op = *p++;
    }
    if ( p >= end )
        return -EOPNOTSUPP;
    reg_field = (p[0] >> 3) & 7;
    *out = (struct ptwr_insn){ .reg = reg_field | ((rex & 4) << 1) };
    out->width = (op & 1) ? ((rex & 8) ? 8 : 4) : 1;
    out->high8 = out->width == 1 && !rex && reg_field >= 4;
    if ( !two_byte )
    {
        switch ( op )
        {
        case 0x88: case 0x89: out->op = PTWR_MOV; break;
        case 0x86: case 0x87: out->op = PTWR_XCHG; break;
        case 0x20: case 0x21: out->op = PTWR_AND; break;
        case 0x08: case 0x09: out->op = PTWR_OR; break;
        case 0xc6: case 0xc7:
            if ( reg_field != 0 )
                return -EOPNOTSUPP;
            out->op = PTWR_MOV;
            imm_bytes = op == 0xc6 ? 1 : 4;
            break;
        case 0x80: case 0x81: case 0x83:
            if ( reg_field != 1 && reg_field != 4 )
                return -EOPNOTSUPP;
            out->op = reg_field == 1 ? PTWR_OR : PTWR_AND;
            imm_bytes = op == 0x81 ? 4 : 1;
            if ( op == 0x83 )
                out->width = (rex & 8) ? 8 : 4;
            break;
        default:
            return -EOPNOTSUPP;
        }
    }
    else
    {
        switch ( op )
        {
        case 0xb0: case 0xb1: out->op = PTWR_CMPXCHG; break;
        case 0xba:
            if ( reg_field < 5 )
                return -EOPNOTSUPP;     /* /4 is BT: it does not write */
            out->op = reg_field == 5 ? PTWR_BTS : reg_field == 6 ? PTWR_BTR : PTWR_BTC;
            out->width = (rex & 8) ? 8 : 4;
            imm_bytes = 1;
            break;
        default:
            return -EOPNOTSUPP;
        }
    }
    m = modrm_len(p, (size_t)(end - p));
    if ( m < 0 )
        return m;
    p += m;
    if ( imm_bytes )
    {
        if ( (size_t)(end - p) < imm_bytes )
            return -EOPNOTSUPP;
        out->has_imm = true;
        out->imm = read_imm(p, imm_bytes);
        if ( out->op >= PTWR_BTS )
            out->imm &= out->width * 8 - 1;     /* the bit, modulo the width */
        p += imm_bytes;
    }
    out->len = (unsigned int)(p - insn);
    return 0;
}

static u64 width_mask(unsigned int width)
{
    return width == 8 ? ~0UL : (1UL << (8 * width)) - 1;
}

static u64 get_reg(const struct ptwr_insn *i, const u64 regs[16], unsigned int r)
{
    if ( i->high8 )
        return (regs[r - 4] >> 8) & 0xff;
    return regs[r] & width_mask(i->width);
}

/* as the CPU writes a register of this width (32 bits zero-extend) */
static void put_reg(const struct ptwr_insn *i, u64 regs[16], unsigned int r, u64 v)
{
    if ( i->high8 )
        regs[r - 4] = (regs[r - 4] & ~0xff00UL) | ((v & 0xff) << 8);
    else if ( i->width == 1 )
        regs[r] = (regs[r] & ~0xffUL) | (v & 0xff);
    else
        regs[r] = v & width_mask(i->width);
}

static u64 logic_flags(u64 rflags, u64 result, unsigned int width)
{
    u64 f = rflags & ~EFLAGS_ARITH;

    if ( !result )
        f |= EFLAGS_ZF;
    if ( (result >> (8 * width - 1)) & 1 )
        f |= EFLAGS_SF;
    if ( !(__builtin_popcountl(result & 0xff) & 1) )
        f |= EFLAGS_PF;
    return f;
}

int ptwr_execute(const struct ptwr_insn *i, u64 old, unsigned int offset, u64 regs[16],
                 u64 *rflags, u64 *new_entry)
{
    u64 mask = width_mask(i->width), cur, src, res;
    unsigned int shift = 8 * offset;

    if ( offset + i->width > 8 )
        return -EOPNOTSUPP;             /* the operand leaves the entry */
    cur = (old >> shift) & mask;
    src = i->has_imm ? i->imm & mask : get_reg(i, regs, i->reg);
    switch ( i->op )
    {
    case PTWR_MOV:
        res = src;
        break;
    case PTWR_XCHG:
        res = src;
        put_reg(i, regs, i->reg, cur);
        break;
    case PTWR_CMPXCHG:
    {
        u64 expect = regs[0] & mask, diff = (expect - cur) & mask;

        *rflags = logic_flags(*rflags, diff, i->width);    /* ZF as CMP sets it */
        if ( expect != cur )
        {
            if ( expect < cur )
                *rflags |= EFLAGS_CF;
            regs[0] = i->width == 1 ? (regs[0] & ~0xffUL) | cur : cur;
            return false;
        }
        res = src;
        break;
    }
    case PTWR_AND:
    case PTWR_OR:
        res = i->op == PTWR_AND ? cur & src : cur | src;
        *rflags = logic_flags(*rflags, res, i->width);
        break;
    default:                            /* BTS, BTR, BTC */
    {
        u64 bit = 1UL << i->imm;

        *rflags = (*rflags & ~EFLAGS_CF) | ((cur & bit) ? EFLAGS_CF : 0);
        res = i->op == PTWR_BTS ? cur | bit : i->op == PTWR_BTR ? cur & ~bit : cur ^ bit;
        break;
    }
    }
    *new_entry = (old & ~(mask << shift)) | ((res & mask) << shift);
    return true;
}
