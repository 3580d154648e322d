/*
 * Page tables for a kernel that builds its own and loads them with mov %cr3.
 * Its tables hold pseudo-physical addresses and stay ordinary, writable
 * memory; a PV kernel may not run on them. On every CR3 write (and invlpg,
 * which on hardware makes the next access see the current entry) the runtime
 * builds a translated copy in its own frames (pool.c): every entry's frame
 * number goes through the p2m, U is set (ring compression), G and PAT are
 * dropped, 2 MiB pages become L1 tables (PV has no superpages), mappings of
 * the runtime's frames lose RW, and entries past the domain's memory or in
 * the hypervisor's L4 slots are left out. The region after the kernel image
 * to the end of the initial mapping (start_info, the p2m, the boot tables,
 * the runtime's pages) is always the runtime's, as the boot tables map it.
 * The copy is pinned as an L4 and loaded (NEW_BASEPTR); the previous copy is
 * unpinned and its frames reused. CR3 reads give back what was written.
 * Writing the boot tables' own address returns to the boot tables.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include "pvrt-internal.h"

#define PTE_P       0x001UL
#define PTE_RW      0x002UL
#define PTE_U       0x004UL
#define PTE_A       0x020UL
#define PTE_PS      0x080UL     /* in L2/L3 entries; PAT in L1 entries */
#define PTE_G       0x100UL
#define PTE_PAT_2M  0x1000UL
#define PTE_NX      (1UL << 63)
#define PTE_ADDR    0x000ffffffffff000UL
#define L4_HV_FIRST 256         /* the hypervisor's slots, 256-271 */
#define L4_HV_LAST  271

enum gkind { G_NONE, G_TABLE, G_LARGE };
struct gref {                   /* what the kernel has at one table position */
    enum gkind kind;
    unsigned long pfn;          /* the table's frame, or a large page's first */
    uint64_t flags;             /* a large page's flags */
};

struct shadow {
    unsigned long root;         /* MFN of the L4, 0 if none */
    unsigned long frames[PVRT_POOL_FRAMES];
    unsigned int n;
};

extern const char _end[];
static uint64_t vcr3, boot_cr3;
static unsigned long boot_root_mfn;
static uint64_t rt_start, rt_end;       /* the runtime's region */
static struct shadow shadows[2];
static unsigned int live = 1;           /* index of the live shadow, if any */
static uint64_t out[5][512], in[5][512];
static unsigned int skipped;

static unsigned int shift(unsigned int level) { return 12 + 9 * (level - 1); }

static uint64_t canonical(uint64_t va)
{
    return (uint64_t)((int64_t)(va << 16) >> 16);
}

static uint64_t leaf(uint64_t e)
{
    unsigned long pfn = (e & PTE_ADDR) >> 12;
    uint64_t flags = (e & (0xfffUL | PTE_NX)) & ~(PTE_G | PTE_PS);

    if ( pfn >= start_info->nr_pages )
    {
        skipped++;
        return 0;
    }
    if ( pvrt_pfn_is_runtime(pfn) )
        flags &= ~PTE_RW;
    return (pfn_to_mfn(pfn) << 12) | flags | PTE_U;
}

static bool overlaps_runtime(uint64_t va, unsigned int level)
{
    uint64_t end = va + (1UL << shift(level));

    return va < rt_end && end > rt_start;
}

/* build the translated table for `g` at `level` covering va_base; its MFN */
static unsigned long build(unsigned int level, struct gref g, uint64_t va_base, struct shadow *sh)
{
    uint64_t *o = out[level], *gi = in[level];
    unsigned long mfn;

    if ( g.kind == G_TABLE )
        __builtin_memcpy(gi, pvrt_scratch_map(g.pfn), 4096);
    for ( unsigned int i = 0; i < 512; i++ )
    {
        uint64_t va = canonical(va_base + ((uint64_t)i << shift(level)));
        uint64_t ge = g.kind == G_TABLE ? gi[i]
                    : g.kind == G_LARGE ? ((g.pfn + i) << 12) | g.flags : 0;

        o[i] = 0;
        if ( level == 4 && i >= L4_HV_FIRST && i <= L4_HV_LAST )
            continue;
        if ( level == 1 )
        {
            o[i] = overlaps_runtime(va, 1) ? kit_boot_pte(va) : (ge & PTE_P) ? leaf(ge) : 0;
            continue;
        }

        struct gref child = { G_NONE, 0, 0 };

        if ( (ge & PTE_P) && (ge & PTE_PS) )
        {
            if ( level != 2 )
                pvrt_fatal("1 GiB pages are not supported (L%u entry %u)", level, i);
            child = (struct gref){ G_LARGE, (ge & PTE_ADDR & ~PTE_PAT_2M) >> 12,
                                   ge & (0xfffUL | PTE_NX) & ~(PTE_PS | PTE_G) };
        }
        else if ( (ge & PTE_P) && ((ge & PTE_ADDR) >> 12) < start_info->nr_pages )
            child = (struct gref){ G_TABLE, (ge & PTE_ADDR) >> 12, 0 };
        if ( child.kind == G_NONE && !overlaps_runtime(va, level) )
            continue;
        uint64_t flags = child.kind == G_NONE || overlaps_runtime(va, level)
                         ? PTE_P | PTE_RW | PTE_A : ge & (PTE_P | PTE_RW | PTE_A | PTE_NX);
        unsigned long child_mfn = build(level - 1, child, va, sh);

        o = out[level];
        o[i] = (child_mfn << 12) | flags | PTE_U;
    }
    mfn = pvrt_frame_alloc();
    sh->frames[sh->n++] = mfn;
    pvrt_frame_write(mfn, o);
    return mfn;
}

static long mmuext(unsigned int cmd, unsigned long arg)
{
    struct pv_mmuext_op op = { .cmd = cmd, .arg1.mfn = arg };

    return hyp_mmuext_op(&op, 1, 0, 0x7ff0);
}

static void drop(struct shadow *sh)
{
    if ( !sh->root )
        return;
    if ( mmuext(PV_MMUEXT_UNPIN_TABLE, sh->root) )
        pvrt_fatal("cannot unpin a translated table");
    for ( unsigned int i = 0; i < sh->n; i++ )
        pvrt_frame_free(sh->frames[i]);
    sh->n = 0;
    sh->root = 0;
}

static void load(uint64_t cr3)
{
    struct shadow *old = &shadows[live], *sh = &shadows[live ^ 1];
    long rc;

    if ( (cr3 & PTE_ADDR) == (boot_cr3 & PTE_ADDR) )
    {
        if ( mmuext(PV_MMUEXT_NEW_BASEPTR, boot_root_mfn) )
            pvrt_fatal("cannot go back to the boot tables");
        drop(old);
        return;
    }
    if ( ((cr3 & PTE_ADDR) >> 12) >= start_info->nr_pages )
        pvrt_fatal("mov %%cr3: %#lx is past the domain's memory", (unsigned long)cr3);
    skipped = 0;
    sh->root = build(4, (struct gref){ G_TABLE, (cr3 & PTE_ADDR) >> 12, 0 }, 0, sh);
    rc = mmuext(PV_MMUEXT_PIN_L4_TABLE, sh->root);
    if ( rc )
        pvrt_fatal("mov %%cr3: the hypervisor refused the translated tables: %ld", rc);
    if ( mmuext(PV_MMUEXT_NEW_BASEPTR, sh->root) )
        pvrt_fatal("mov %%cr3: NEW_BASEPTR failed");
    drop(old);
    live ^= 1;
}

void pvrt_paging_init(void)
{
    uint64_t va;

    boot_root_mfn = pfn_to_mfn(virt_to_pfn((void *)start_info->pt_base));
    boot_cr3 = (uint64_t)virt_to_pfn((void *)start_info->pt_base) << 12;
    vcr3 = boot_cr3;
    rt_start = ((uint64_t)_end + 4095) & ~4095UL;
    for ( va = rt_start; kit_boot_pte(va); va += 4096 )
        ;
    rt_end = va;
}

void pvrt_write_cr3(uint64_t cr3)
{
    load(cr3);
    vcr3 = cr3;
}

uint64_t pvrt_read_cr3(void)
{
    return vcr3;
}

void pvrt_invlpg(uint64_t va)
{
    if ( (vcr3 & PTE_ADDR) == (boot_cr3 & PTE_ADDR) )
    {
        struct pv_mmuext_op op = { .cmd = PV_MMUEXT_INVLPG_LOCAL, .arg1.linear_addr = va };

        hyp_mmuext_op(&op, 1, 0, 0x7ff0);
        return;
    }
    load(vcr3);
}
