/*
 * ACPI table discovery: find the RSDP (handed over by Multiboot 2, else by
 * scanning the EBDA and the BIOS area), walk the XSDT (or RSDT), and take from
 * the MADT the CPUs and I/O APICs, from the FADT and DSDT what S5 power off
 * needs, and note whether an IOMMU is described (DMAR, IVRS). Every table's
 * checksum is verified before it is used; a bad one is skipped with a warning.
 */
#include <asm/acpi.h>
#include <asm/page.h>
#include <hv/lib.h>
#include <hv/printk.h>

struct acpi_header {
    char sig[4];
    u32 length;
    u8 revision, checksum;
    char oem_id[6], oem_table_id[8];
    u32 oem_revision, creator_id, creator_revision;
} __packed;

struct rsdp {
    char sig[8];
    u8 checksum;
    char oem_id[6];
    u8 revision;
    u32 rsdt;
    u32 length;
    u64 xsdt;
    u8 ext_checksum, reserved[3];
} __packed;

struct madt {
    struct acpi_header h;
    u32 lapic_addr, flags;
} __packed;

struct acpi_info acpi_info;

static bool checksum_ok(const void *p, u64 len)
{
    u8 sum = 0;

    for ( u64 i = 0; i < len; i++ )
        sum += ((const u8 *)p)[i];
    return sum == 0;
}

static const struct rsdp *scan_rsdp(paddr_t start, paddr_t end)
{
    for ( paddr_t p = start; p + 20 <= end; p += 16 )
    {
        const struct rsdp *r = maddr_to_virt(p);

        if ( !memcmp(r->sig, "RSD PTR ", 8) && checksum_ok(r, 20) )
            return r;
    }
    return NULL;
}

static const struct acpi_header *map_table(paddr_t pa)
{
    const struct acpi_header *h = maddr_to_virt(pa);

    if ( !pa || h->length < sizeof(*h) || !checksum_ok(h, h->length) )
    {
        pr_warn("ACPI: table at %#lx has a bad checksum or length, skipped\n",
                (unsigned long)pa);
        return NULL;
    }
    return h;
}

static void parse_madt(const struct madt *m)
{
    const u8 *p = (const u8 *)(m + 1), *end = (const u8 *)m + m->h.length;

    acpi_info.lapic_addr = m->lapic_addr;
    while ( p + 2 <= end && p[1] >= 2 && p + p[1] <= end )
    {
        switch ( p[0] )
        {
        case 0:     /* processor local APIC: acpi id, apic id, flags */
            if ( (p[4] & 3) && acpi_info.nr_cpus < ACPI_MAX_CPUS )
                acpi_info.apic_id[acpi_info.nr_cpus++] = p[3];
            break;
        case 1:     /* I/O APIC: id, reserved, address, GSI base */
            if ( acpi_info.nr_ioapics < ACPI_MAX_IOAPICS )
            {
                typeof(acpi_info.ioapic[0]) *io = &acpi_info.ioapic[acpi_info.nr_ioapics++];

                io->id = p[2];
                memcpy(&io->addr, p + 4, 4);
                memcpy(&io->gsi_base, p + 8, 4);
            }
            break;
        case 5:     /* local APIC address override */
            memcpy(&acpi_info.lapic_addr, p + 4, 8);
            break;
        case 9:     /* processor local x2APIC: reserved, x2apic id, flags */
        {
            u32 id, flags;

            memcpy(&id, p + 4, 4);
            memcpy(&flags, p + 8, 4);
            if ( (flags & 3) && acpi_info.nr_cpus < ACPI_MAX_CPUS )
                acpi_info.apic_id[acpi_info.nr_cpus++] = id;
            break;
        }
        }
        p += p[1];
    }
}

/* \_S5_ in the DSDT: NameOp "_S5_" PackageOp PkgLength NumElements TypA TypB */
static void parse_s5(const struct acpi_header *dsdt)
{
    const u8 *p = (const u8 *)(dsdt + 1), *end = (const u8 *)dsdt + dsdt->length;

    for ( ; p + 12 < end; p++ )
    {
        u8 vals[2];
        const u8 *q;

        if ( memcmp(p, "_S5_", 4) || p[4] != 0x12 )
            continue;
        q = p + 5 + ((p[5] >> 6) + 1) + 1;     /* skip PkgLength and NumElements */
        for ( int i = 0; i < 2; i++ )
        {
            if ( *q == 0x0a )                   /* BytePrefix */
                q++;
            vals[i] = *q == 0x01 ? 1 : *q;      /* OneOp, or the byte */
            q++;
        }
        acpi_info.s5_typa = vals[0] & 7;
        acpi_info.s5_typb = vals[1] & 7;
        acpi_info.have_s5 = true;
        return;
    }
}

static void parse_fadt(const struct acpi_header *f)
{
    const u8 *b = (const u8 *)f;
    u32 pm1a, pm1b, dsdt32 = 0;
    u64 dsdt = 0;
    const struct acpi_header *d;

    memcpy(&pm1a, b + 64, 4);
    memcpy(&pm1b, b + 68, 4);
    acpi_info.pm1a_cnt = pm1a;
    acpi_info.pm1b_cnt = pm1b;
    memcpy(&dsdt32, b + 40, 4);
    if ( f->length >= 148 )
        memcpy(&dsdt, b + 140, 8);
    d = map_table(dsdt ? dsdt : dsdt32);
    if ( d && !memcmp(d->sig, "DSDT", 4) )
        parse_s5(d);
}

void acpi_init(const u8 *rsdp_copy)
{
    const struct rsdp *r = (const struct rsdp *)rsdp_copy;
    const struct acpi_header *root;
    unsigned int entry_size, n;
    paddr_t ebda = (paddr_t)*(const u16 *)maddr_to_virt(0x40e) << 4;

    if ( !r )
        r = scan_rsdp(ebda, ebda + 1024);
    if ( !r )
        r = scan_rsdp(0xe0000, 0x100000);
    if ( !r )
    {
        pr_warn("ACPI: no RSDP found; assuming one CPU\n");
        acpi_info.nr_cpus = 1;
        return;
    }
    memcpy(acpi_info.oem_id, r->oem_id, 6);
    root = map_table(r->revision >= 2 && r->xsdt ? r->xsdt : r->rsdt);
    if ( !root )
        return;
    acpi_info.found = true;
    entry_size = !memcmp(root->sig, "XSDT", 4) ? 8 : 4;
    n = (root->length - sizeof(*root)) / entry_size;
    for ( unsigned int i = 0; i < n; i++ )
    {
        u64 pa = 0;
        const struct acpi_header *t;

        memcpy(&pa, (const u8 *)(root + 1) + i * entry_size, entry_size);
        t = map_table(pa);
        if ( !t )
            continue;
        if ( !memcmp(t->sig, "APIC", 4) )
            parse_madt((const struct madt *)t);
        else if ( !memcmp(t->sig, "FACP", 4) )
            parse_fadt(t);
        else if ( !memcmp(t->sig, "DMAR", 4) )
            acpi_info.have_dmar = true;
        else if ( !memcmp(t->sig, "IVRS", 4) )
            acpi_info.have_ivrs = true;
    }
    if ( !acpi_info.nr_cpus )
        acpi_info.nr_cpus = 1;
}
