/*
 * Build the hypervisor's real page tables and switch to them, replacing the
 * boot tables of head.S:
 *   - the image with 4 KiB pages: text read-only and executable, rodata
 *     read-only, data and bss writable, both non-executable; the guard page
 *     under every stack is left unmapped, so a stack overflow faults;
 *   - the direct map: all of [0, 4 GiB) plus all RAM above it, 2 MiB pages,
 *     writable and non-executable, non-RAM below 4 GiB uncached (MMIO).
 * All mappings are global: they are the same in every address space.
 * Page-table pages come from the boot allocator below 1 GiB, the part the boot
 * tables map, because we write them before the switch.
 */
#include <asm/page.h>
#include <asm/paging.h>
#include <asm/stacks.h>
#include <asm/x86.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/printk.h>

#define BOOT_MAPPED_LIMIT (1UL << 30)
#define SIZE_2M (1UL << L2_SHIFT)
#define SIZE_4G (1UL << 32)

extern const char _start[], _etext[], _srodata[], _erodata[], _end[];

struct paging_stats paging_stats;
static u64 nx_bit;
static pte_t *idle_l4;        /* the hypervisor's L4: its hole slots go into every guest L4 */

static pte_t *alloc_table(struct bootmem *bm)
{
    paddr_t pa;

    if ( bootmem_alloc(bm, PAGE_SIZE, PAGE_SIZE, BOOT_MAPPED_LIMIT, &pa) )
        return NULL;
    paging_stats.table_pages++;
    return memset(maddr_to_virt(pa), 0, PAGE_SIZE);
}

static pte_t *next_level(struct bootmem *bm, pte_t *table, unsigned int idx)
{
    pte_t *next;

    if ( table[idx] & _PAGE_PRESENT )
        return maddr_to_virt(table[idx] & PTE_ADDR_MASK);
    next = alloc_table(bm);
    if ( next )
        table[idx] = virt_to_maddr(next) | _PAGE_PRESENT | _PAGE_RW;
    return next;
}

/* Map one page of 4 KiB (level 1) or 2 MiB (level 2). */
static int map_page(struct bootmem *bm, pte_t *l4, u64 va, paddr_t pa, u64 flags,
                    unsigned int level)
{
    pte_t *l3 = next_level(bm, l4, pt_index(va, L4_SHIFT));
    pte_t *l2 = l3 ? next_level(bm, l3, pt_index(va, L3_SHIFT)) : NULL;
    pte_t *l1;

    if ( !l2 )
        return -ENOMEM;
    if ( level == 2 )
    {
        l2[pt_index(va, L2_SHIFT)] = pa | flags | _PAGE_PSE;
        return 0;
    }
    l1 = next_level(bm, l2, pt_index(va, L2_SHIFT));
    if ( !l1 )
        return -ENOMEM;
    l1[pt_index(va, L1_SHIFT)] = pa | flags;
    return 0;
}

static bool is_guard_page(u64 va)
{
    for ( unsigned int i = 0; i < NR_STACKS; i++ )
        if ( va == (u64)cpu0_stacks[i].guard )
            return true;
    return false;
}

static u64 image_flags(u64 va)
{
    u64 f = _PAGE_PRESENT | _PAGE_GLOBAL;

    if ( va < (u64)_etext )
        return f;
    if ( va < (u64)_erodata )
        return f | nx_bit;
    return f | _PAGE_RW | nx_bit;
}

static int map_image(struct bootmem *bm, pte_t *l4)
{
    for ( u64 va = (u64)_start; va < (u64)_end; va += PAGE_SIZE )
    {
        int rc;

        if ( is_guard_page(va) )
            continue;
        rc = map_page(bm, l4, va, virt_to_maddr((void *)va), image_flags(va), 1);
        if ( rc )
            return rc;
    }
    return 0;
}

static bool overlaps_ram(const struct boot_info *bi, paddr_t start, paddr_t end)
{
    for ( unsigned int i = 0; i < bi->nr_e820; i++ )
    {
        const struct e820_entry *e = &bi->e820[i];

        if ( e->type == E820_RAM && e->addr < end && e->addr + e->size > start )
            return true;
    }
    return false;
}

static int map_directmap(struct bootmem *bm, pte_t *l4, const struct boot_info *bi)
{
    paddr_t top = SIZE_4G;

    for ( unsigned int i = 0; i < bi->nr_e820; i++ )
        if ( bi->e820[i].type == E820_RAM )
            top = MAX(top, ALIGN_UP(bi->e820[i].addr + bi->e820[i].size, SIZE_2M));
    if ( top > DIRECTMAP_VIRT_END - DIRECTMAP_VIRT_START )
        return -E2BIG;
    for ( paddr_t pa = 0; pa < top; pa += SIZE_2M )
    {
        bool ram = overlaps_ram(bi, pa, pa + SIZE_2M);
        u64 flags = _PAGE_PRESENT | _PAGE_RW | _PAGE_GLOBAL | nx_bit;
        int rc;

        if ( pa >= SIZE_4G && !ram )
            continue;
        if ( !ram )
            flags |= _PAGE_PCD | _PAGE_PWT;
        rc = map_page(bm, l4, (u64)maddr_to_virt(pa), pa, flags, 2);
        if ( rc )
            return rc;
        paging_stats.directmap_bytes += SIZE_2M;
    }
    return 0;
}

int paging_init(struct bootmem *bm, const struct boot_info *bi)
{
    u32 a, b, c, d;
    pte_t *l4;
    int rc;

    cpuid_count(0x80000001, 0, &a, &b, &c, &d);
    paging_stats.nx = d & (1u << 20);
    nx_bit = paging_stats.nx ? _PAGE_NX : 0;

    l4 = alloc_table(bm);
    if ( !l4 )
        return -ENOMEM;
    rc = map_image(bm, l4);
    if ( !rc )
        rc = map_directmap(bm, l4, bi);
    if ( rc )
        return rc;
    write_cr4(read_cr4() | X86_CR4_PGE);
    write_cr3(virt_to_maddr(l4));
    idle_l4 = l4;
    return 0;
}

void paging_install_hv_slots(pte_t *l4)
{
    for ( unsigned int i = L4_SLOT_HOLE_FIRST; i <= L4_SLOT_HOLE_LAST; i++ )
        l4[i] = idle_l4[i];
}

u64 paging_idle_cr3(void)
{
    return virt_to_maddr(idle_l4);
}

/* After boot: tables come from the heap; entries on the way are user-visible. */
static pte_t *user_next_level(pte_t *table, unsigned int idx)
{
    pte_t *next;

    if ( table[idx] & _PAGE_PRESENT )
        return maddr_to_virt(table[idx] & PTE_ADDR_MASK);
    next = alloc_xen_pages(0);
    if ( !next )
        return NULL;
    memset(next, 0, PAGE_SIZE);
    table[idx] = virt_to_maddr(next) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;
    return next;
}

/*
 * Map [pa, pa + size) at va (in the hole) read-only for guests, e.g. the M2P
 * table. Must run before the first guest L4 is built, because guests share
 * the hole's L3 tables rather than copies of its L4 entries.
 */
int paging_map_user_ro(u64 va, paddr_t pa, u64 size)
{
    for ( u64 off = 0; off < size; off += PAGE_SIZE )
    {
        pte_t *l3 = user_next_level(idle_l4, pt_index(va + off, L4_SHIFT));
        pte_t *l2 = l3 ? user_next_level(l3, pt_index(va + off, L3_SHIFT)) : NULL;
        pte_t *l1 = l2 ? user_next_level(l2, pt_index(va + off, L2_SHIFT)) : NULL;

        if ( !l1 )
            return -ENOMEM;
        l1[pt_index(va + off, L1_SHIFT)] = (pa + off) | _PAGE_PRESENT | _PAGE_USER | nx_bit;
    }
    return 0;
}

/*
 * Point the 4 KiB image page at va to machine frame mfn instead (0: back to
 * its own frame). The GDT uses this to show guest descriptor frames in the
 * guest part of the per-CPU GDT.
 */
int paging_remap_image_page(void *va, pfn_t mfn)
{
    pte_t *t = idle_l4;
    u64 v = (u64)va;
    paddr_t pa = mfn ? mfn << PAGE_SHIFT : virt_to_maddr(va);

    for ( unsigned int shift = L4_SHIFT; shift > L1_SHIFT; shift -= 9 )
    {
        pte_t e = t[pt_index(v, shift)];

        if ( !(e & _PAGE_PRESENT) || (e & _PAGE_PSE) )
            return -EINVAL;
        t = maddr_to_virt(e & PTE_ADDR_MASK);
    }
    t[pt_index(v, L1_SHIFT)] = pa | _PAGE_PRESENT | _PAGE_RW | _PAGE_GLOBAL | nx_bit;
    invlpg(va);
    return 0;
}
