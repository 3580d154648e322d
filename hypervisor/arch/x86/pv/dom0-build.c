/*
 * The dom0 builder: a 64-bit PV kernel from the first Multiboot module, run
 * the way Xen starts dom0 (pv-abi-notes: "The kernel image and the builder").
 * Memory: nr_pages frames, pseudo-physical frame n at v_start + n * 4 KiB for
 * the initial mapping, P2M array and M2P entries for all of them. A kernel
 * with INIT_P2M gets the P2M at that address instead, as Xen gives it: in
 * the frames right after the initial mapping (start_info's first_p2m_pfn and
 * nr_p2m_frames), its page tables first, mapped with 4 KiB pages. The initial
 * page tables are dom0's own frames (in [vpt_start, vpt_end), mapped
 * read-only) and become dom0's kernel base table through the same validation
 * as any guest table. On any failure the domain is destroyed, so nothing of
 * it remains.
 */
#include <asm/guest-access.h>
#include <asm/pv/dom0-build.h>
#include <asm/pv/mm.h>
#include <asm/pv/traps.h>
#include <hv/hypercall.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/printk.h>
#include <hv/pv-elf.h>
#include <hv/pv-layout.h>
#include <sierra/start-info.h>
#include <sierra/xenver.h>

#define DOM0_CHUNK_ORDER 9      /* allocate dom0 in 2 MiB pieces where possible */


struct builder {
    struct domain *d;
    struct pv_layout l;
    u64 *p2m;                   /* the hypervisor's copy while building */
    u64 nr_pages;
};

static void *pfn_virt(struct builder *b, u64 pfn)
{
    return maddr_to_virt(b->p2m[pfn] << PAGE_SHIFT);
}

static void *va_virt(void *ctx, u64 va)
{
    struct builder *b = ctx;
    u64 pfn = (va - b->l.v_start) >> PAGE_SHIFT;

    if ( va < b->l.v_start || pfn >= b->nr_pages )
        return NULL;
    return (u8 *)pfn_virt(b, pfn) + (va & (PAGE_SIZE - 1));
}

static int alloc_memory(struct builder *b)
{
    u64 pfn = 0;

    while ( pfn < b->nr_pages )
    {
        unsigned int order = DOM0_CHUNK_ORDER;
        pfn_t mfn;

        while ( (1UL << order) > b->nr_pages - pfn )
            order--;
        while ( domain_alloc_frames(b->d, order, &mfn) )
            if ( order-- == 0 )
                return -ENOMEM;
        for ( u64 i = 0; i < (1UL << order); i++, pfn++ )
        {
            b->p2m[pfn] = mfn + i;
            m2p_set(mfn + i, pfn);
            memset(maddr_to_virt((mfn + i) << PAGE_SHIFT), 0, PAGE_SIZE);
        }
    }
    return 0;
}

static pte_t *below(const pte_t *table, unsigned int idx)
{
    return maddr_to_virt(table[idx] & PTE_ADDR_MASK);
}

static void link_table(struct builder *b, pte_t *table, unsigned int idx, pfn_t pfn)
{
    table[idx] = (b->p2m[pfn] << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER |
                 _PAGE_ACCESSED;
}

/* The L1 that maps va under l4, making the tables it lacks from the pages at
 * *next in Xen's dom0 order: the L1 first, then (if new) the L2, then the L3
 * - [L4][L1][L2][L3][L1][L1]... Linux relies on it when it gives back the
 * start of the range (pv-abi-notes: "The kernel image and the builder"). */
static pte_t *l1_for(struct builder *b, pte_t *l4, u64 va, pfn_t *next)
{
    unsigned int i4 = pt_index(va, L4_SHIFT), i3 = pt_index(va, L3_SHIFT);
    unsigned int i2 = pt_index(va, L2_SHIFT);
    bool new3 = !(l4[i4] & _PAGE_PRESENT);
    bool new2 = new3 || !(below(l4, i4)[i3] & _PAGE_PRESENT);

    if ( new2 || !(below(below(l4, i4), i3)[i2] & _PAGE_PRESENT) )
    {
        pfn_t l1 = (*next)++, l2 = new2 ? (*next)++ : 0, l3 = new3 ? (*next)++ : 0;

        if ( new3 )
            link_table(b, l4, i4, l3);
        if ( new2 )
            link_table(b, below(l4, i4), i3, l2);
        link_table(b, below(below(l4, i4), i3), i2, l1);
    }
    return below(below(below(l4, i4), i3), i2);
}

static pfn_t build_page_tables(struct builder *b)
{
    struct pv_layout *l = &b->l;
    pfn_t next = (l->vpt_start - l->v_start) >> PAGE_SHIFT;
    pte_t *l4 = pfn_virt(b, next++);

    for ( u64 va = l->v_start; va < l->v_end; va += PAGE_SIZE )
    {
        u64 flags = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

        if ( va < l->vpt_start || va >= l->vpt_end )
            flags |= _PAGE_RW | _PAGE_DIRTY;    /* page tables stay read-only */
        l1_for(b, l4, va, &next)[pt_index(va, L1_SHIFT)] =
            (b->p2m[(va - l->v_start) >> PAGE_SHIFT] << PAGE_SHIFT) | flags;
    }
    return b->p2m[(l->vpt_start - l->v_start) >> PAGE_SHIFT];
}

/* A P2M of its own (INIT_P2M): its tables in the first frames past the
 * initial mapping, then its pages, filled with the P2M. l4 is the initial
 * mapping's, which uses none of these L4 slots (pv_compute_layout). */
static void map_separate_p2m(struct builder *b, pfn_t l4_mfn)
{
    const struct pv_layout *l = &b->l;
    pfn_t first = (l->v_end - l->v_start) >> PAGE_SHIFT, next = first;
    u64 pages = ALIGN_UP(l->vphysmap_end, PAGE_SIZE) - l->vphysmap_start;
    pte_t *l4 = maddr_to_virt(l4_mfn << PAGE_SHIFT);
    pfn_t data = first + l->nr_p2m_frames - (pages >> PAGE_SHIFT);

    for ( u64 off = 0; off < pages; off += PAGE_SIZE, data++ )
    {
        u64 va = l->vphysmap_start + off;

        l1_for(b, l4, va, &next)[pt_index(va, L1_SHIFT)] =
            (b->p2m[data] << PAGE_SHIFT) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER |
            _PAGE_ACCESSED | _PAGE_DIRTY;
        memcpy(pfn_virt(b, data), (const u8 *)b->p2m + off,
               MIN(PAGE_SIZE, b->nr_pages * sizeof(u64) - off));
    }
}

static void fill_start_info(struct builder *b, const struct pv_elf_info *info,
                            const struct boot_module *kernel, u64 initrd_len)
{
    struct pv_start_info *si = va_virt(b, b->l.vstartinfo_start);
    const char *args = kernel->cmdline;

    /* "p": the kernel declared PAE (as every 64-bit kernel does), as Xen writes it */
    snprintf(si->magic, sizeof(si->magic), "xen-3.0-x86_64%s",
             !memcmp(info->pae_mode, "yes", 3) || !memcmp(info->pae_mode, "bimodal", 7) ? "p" : "");
    si->nr_pages = b->nr_pages;
    si->shared_info = b->d->shared_info_mfn << PAGE_SHIFT;
    si->flags = PV_SIF_PRIVILEGED | PV_SIF_INITDOMAIN;
    si->pt_base = b->l.vpt_start;
    si->nr_pt_frames = b->l.nr_pt_pages;
    si->mfn_list = b->l.vphysmap_start;
    if ( b->l.nr_p2m_frames )
    {
        si->first_p2m_pfn = (b->l.v_end - b->l.v_start) >> PAGE_SHIFT;
        si->nr_p2m_frames = b->l.nr_p2m_frames;
    }
    si->mod_start = initrd_len ? b->l.vinitrd_start : 0;
    si->mod_len = initrd_len;
    /* the module string is "file args": the kernel gets the args */
    while ( *args && *args != ' ' )
        args++;
    while ( *args == ' ' )
        args++;
    memcpy(si->cmd_line, args, MIN(strlen(args), sizeof(si->cmd_line) - 1));
}

int dom0_build(const struct boot_module *kernel, const struct boot_module *initrd,
               u64 nr_pages, unsigned int nr_vcpus, struct vcpu **v0, u64 *entry, u64 *rsp,
               u64 *rsi)
{
    const void *image = maddr_to_virt(kernel->start);
    u64 initrd_len = initrd ? initrd->end - initrd->start : 0;
    u64 p2m_bytes = ALIGN_UP(nr_pages * sizeof(u64), PAGE_SIZE);
    unsigned int p2m_order = 0;
    struct pv_elf_info info;
    struct builder b = { .nr_pages = nr_pages };
    pfn_t l4;
    int rc;

    rc = pv_elf_parse(image, kernel->end - kernel->start, &info);
    if ( rc )
    {
        pr_err("dom0: the kernel is not a 64-bit PV kernel (%d)\n", rc);
        return rc;
    }
    pr_info("dom0: kernel '%s' %s, loader %s, %#lx-%#lx, entry %#lx\n", info.guest_os,
            info.xen_version, info.loader, (unsigned long)info.virt_kstart,
            (unsigned long)info.virt_kend, (unsigned long)info.virt_entry);
    if ( info.f_required & ~pv_features(true) )
    {
        pr_err("dom0: the kernel requires features Sierra lacks (%#x)\n",
               info.f_required & ~pv_features(true));
        return -EOPNOTSUPP;
    }
    rc = pv_compute_layout(info.virt_base, info.virt_kstart, info.virt_kend, initrd_len,
                           nr_pages, 0, info.has_init_p2m ? info.virt_init_p2m : 0, &b.l);
    if ( rc )
    {
        pr_err("dom0: %lu pages cannot hold the initial layout (%d)\n",
               (unsigned long)nr_pages, rc);
        return rc;
    }
    while ( (PAGE_SIZE << p2m_order) < p2m_bytes )
        p2m_order++;
    b.p2m = alloc_xen_pages(p2m_order);
    b.d = domain_create(0, true, ~0UL, nr_vcpus);     /* dom0 may grow, as on Xen */
    if ( !b.p2m || !b.d )
    {
        rc = -ENOMEM;
        goto fail;
    }
    memcpy(b.d->name, "Domain-0", sizeof("Domain-0"));
    rc = alloc_memory(&b);
    if ( rc )
        goto fail;
    rc = pv_elf_load(image, kernel->end - kernel->start, &info, va_virt, &b);
    if ( !rc && initrd_len )
        rc = pv_copy_to_va(va_virt, &b, b.l.vinitrd_start, maddr_to_virt(initrd->start), initrd_len);
    if ( !rc && !b.l.nr_p2m_frames )
        rc = pv_copy_to_va(va_virt, &b, b.l.vphysmap_start, (const u8 *)b.p2m, nr_pages * sizeof(u64));
    if ( rc )
        goto fail;
    fill_start_info(&b, &info, kernel, initrd_len);
    if ( info.has_hypercall_page )
        pv_write_hypercall_page(va_virt(&b, info.virt_hypercall));
    l4 = build_page_tables(&b);
    if ( b.l.nr_p2m_frames )
        map_separate_p2m(&b, l4);
    rc = pv_set_baseptr(b.d->vcpu[0], l4, false);
    if ( !rc )
        rc = (int)pv_pin_table(l4, 4, b.d->id);     /* pinned, as Xen gives it: kernels unpin it */
    if ( rc )
    {
        pr_err("dom0: the initial page tables did not validate (%d)\n", rc);
        goto fail;
    }
    free_xen_pages(b.p2m, p2m_order);
    pr_info("dom0: %lu pages, mapped %#lx-%#lx, start_info %#lx, page tables %#lx (%lu), "
            "P2M %#lx (%lu frames of its own)\n",
            (unsigned long)nr_pages, (unsigned long)b.l.v_start, (unsigned long)b.l.v_end,
            (unsigned long)b.l.vstartinfo_start, (unsigned long)b.l.vpt_start,
            (unsigned long)b.l.nr_pt_pages, (unsigned long)b.l.vphysmap_start,
            (unsigned long)b.l.nr_p2m_frames);
    *v0 = b.d->vcpu[0];
    *entry = info.virt_entry;
    *rsp = b.l.vstack_end;
    *rsi = b.l.vstartinfo_start;
    return 0;

fail:
    if ( b.d )
        domain_destroy(b.d);
    if ( b.p2m )
        free_xen_pages(b.p2m, p2m_order);
    return rc;
}
