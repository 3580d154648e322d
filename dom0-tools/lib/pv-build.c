/*
 * Building a PV domU (pv-build.h). The new domain's memory is reached one
 * frame at a time through ops->map, so everything is written page by page:
 * the kernel (pv_elf_load asks for one page at a time), the initrd, the P2M
 * array, start_info, and the page tables, which are built in local buffers -
 * one per level, each written out when the walk up the address space moves
 * past it - and take their frames in the same order as the hypervisor's dom0
 * builder (L4, then each L3/L2/L1 when first needed). The tables must not be
 * mapped writable anywhere when the L4 is pinned, so the window is dropped
 * first; pinning validates them as the domain's.
 */
#include "pv-build.h"
#include <asm/page.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/pv-elf.h>
#include <hv/pv-layout.h>
#include <sierra/start-info.h>

#define TABLE_FLAGS (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define NR_SPECIAL  2           /* xenstore, console */

struct build {
    const struct pv_build_ops *ops;
    const struct pv_build_args *a;
    struct pv_layout l;
    u64 *p2m;
};

static u64 va_pfn(const struct build *b, u64 va)
{
    return (va - b->l.v_start) >> PAGE_SHIFT;
}

static void *map_va(void *ctx, u64 va)
{
    struct build *b = ctx;
    u8 *page;

    if ( va < b->l.v_start || va_pfn(b, va) >= b->a->nr_pages )
        return NULL;
    page = b->ops->map(b->ops->ctx, b->p2m[va_pfn(b, va)]);
    return page ? page + (va & (PAGE_SIZE - 1)) : NULL;
}

/* one table per level being filled: which page-table pfn, its entries */
struct table_walk {
    u64 pfn[5];                 /* [1..4]; 0 = none yet */
    u64 index_base[5];          /* the va its first entry covers, for levels 1-3 */
    pte_t entries[5][PT_ENTRIES];
    u64 next_pfn;
};

static int flush_table(struct build *b, struct table_walk *w, unsigned int level)
{
    u8 *dst;

    if ( !w->pfn[level] )
        return 0;
    dst = b->ops->map(b->ops->ctx, b->p2m[w->pfn[level]]);
    if ( !dst )
        return -EFAULT;
    memcpy(dst, w->entries[level], PAGE_SIZE);
    return 0;
}

/* the table of `level` covering va: when va has left the current one, write
 * it out and start the next, after making sure of its parent (so frames go
 * to L3, L2, L1 in that order, as the dom0 builder hands them out) */
static int table_for(struct build *b, struct table_walk *w, unsigned int level, u64 va)
{
    unsigned int shift = L1_SHIFT + 9 * level;     /* what a whole table covers */
    u64 base = va & ~((1UL << shift) - 1);
    int rc;

    if ( level == 4 || (w->pfn[level] && w->index_base[level] == base) )
        return 0;               /* one L4, set up front; or still in the same table */
    rc = flush_table(b, w, level);
    if ( !rc )
        rc = table_for(b, w, level + 1, va);
    if ( rc )
        return rc;
    w->pfn[level] = w->next_pfn++;
    w->index_base[level] = base;
    memset(w->entries[level], 0, PAGE_SIZE);
    w->entries[level + 1][pt_index(va, shift)] = (b->p2m[w->pfn[level]] << PAGE_SHIFT) |
                                                 TABLE_FLAGS;
    return 0;
}

static int build_page_tables(struct build *b)
{
    static struct table_walk w;
    int rc = 0;

    memset(&w, 0, sizeof(w));
    w.pfn[4] = va_pfn(b, b->l.vpt_start);
    w.next_pfn = w.pfn[4] + 1;
    for ( u64 va = b->l.v_start; va < b->l.v_end && !rc; va += PAGE_SIZE )
    {
        u64 flags = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

        rc = table_for(b, &w, 1, va);
        if ( va < b->l.vpt_start || va >= b->l.vpt_end )
            flags |= _PAGE_RW | _PAGE_DIRTY;        /* the tables stay read-only */
        w.entries[1][pt_index(va, L1_SHIFT)] = (b->p2m[va_pfn(b, va)] << PAGE_SHIFT) | flags;
    }
    for ( unsigned int level = 1; level <= 4 && !rc; level++ )
        rc = flush_table(b, &w, level);
    if ( !rc && w.next_pfn > va_pfn(b, b->l.vpt_end) )
        rc = -EINVAL;           /* the layout's count was wrong: never */
    return rc;
}

static int fill_start_info(struct build *b, const struct pv_elf_info *info,
                           struct pv_build_result *r)
{
    struct pv_start_info *si = map_va(b, b->l.vstartinfo_start);
    const char *cmdline = b->a->cmdline ? b->a->cmdline : "";

    if ( !si )
        return -EFAULT;
    memset(si, 0, PAGE_SIZE);
    snprintf(si->magic, sizeof(si->magic), "xen-3.0-x86_64%s",
             !memcmp(info->pae_mode, "yes", 3) || !memcmp(info->pae_mode, "bimodal", 7) ? "p" : "");
    si->nr_pages = b->a->nr_pages;
    si->shared_info = b->a->shared_info_mfn << PAGE_SHIFT;
    si->flags = 0;
    si->store_mfn = r->store_mfn;
    si->store_evtchn = r->store_port;
    si->console.domU.mfn = r->console_mfn;
    si->console.domU.evtchn = r->console_port;
    si->pt_base = b->l.vpt_start;
    si->nr_pt_frames = b->l.nr_pt_pages;
    si->mfn_list = b->l.vphysmap_start;
    si->mod_start = b->a->initrd_len ? b->l.vinitrd_start : 0;
    si->mod_len = b->a->initrd_len;
    memcpy(si->cmd_line, cmdline, MIN(strlen(cmdline), sizeof(si->cmd_line) - 1));
    return 0;
}

static int set_vcpu0(struct build *b, const struct pv_elf_info *info)
{
    static struct pv_vcpu_guest_context c;

    memset(&c, 0, sizeof(c));
    c.flags = PV_VGCF_in_kernel | PV_VGCF_online;
    c.user_regs.rip = info->virt_entry;
    c.user_regs.rsp = b->l.vstack_end;
    c.user_regs.rsi = b->l.vstartinfo_start;
    c.user_regs.cs = PV_FLAT_KERNEL_CS;
    c.user_regs.ss = c.user_regs.ds = c.user_regs.es = PV_FLAT_KERNEL_SS;
    c.user_regs.fs = c.user_regs.gs = PV_FLAT_KERNEL_SS;
    c.user_regs.rflags = 1UL << 9;          /* IF, as libxenguest */
    c.kernel_ss = PV_FLAT_KERNEL_SS;
    c.kernel_sp = b->l.vstack_end;
    c.ctrlreg[3] = b->p2m[va_pfn(b, b->l.vpt_start)] << PAGE_SHIFT;
    return b->ops->set_context(b->ops->ctx, &c);
}

int pv_build_domain(const struct pv_build_ops *ops, const struct pv_build_args *a,
                    u64 *p2m, struct pv_build_result *r)
{
    struct build b = { .ops = ops, .a = a, .p2m = p2m };
    struct pv_elf_info info;
    long port;
    int rc;

    memset(r, 0, sizeof(*r));
    rc = pv_elf_parse(a->kernel, a->kernel_len, &info);
    if ( rc )
        return rc;
    if ( info.f_required & ~a->features )
        return -EOPNOTSUPP;
    rc = pv_compute_layout(info.virt_base, info.virt_kstart, info.virt_kend, a->initrd_len,
                           a->nr_pages, NR_SPECIAL, 0, &b.l);
    if ( !rc )
        rc = ops->populate(ops->ctx, a->nr_pages, p2m);
    if ( !rc )
        rc = pv_elf_load(a->kernel, a->kernel_len, &info, map_va, &b);
    if ( !rc && a->initrd_len )
        rc = pv_copy_to_va(map_va, &b, b.l.vinitrd_start, a->initrd, a->initrd_len);
    if ( !rc )
        rc = pv_copy_to_va(map_va, &b, b.l.vphysmap_start, (const u8 *)p2m, a->nr_pages * sizeof(u64));
    if ( !rc )
    {
        r->store_mfn = p2m[va_pfn(&b, b.l.vspecial_start)];
        r->console_mfn = p2m[va_pfn(&b, b.l.vspecial_start) + 1];
        rc = (port = ops->alloc_unbound(ops->ctx)) < 0 ? (int)port : 0;
        r->store_port = (u32)port;
    }
    if ( !rc )
    {
        rc = (port = ops->alloc_unbound(ops->ctx)) < 0 ? (int)port : 0;
        r->console_port = (u32)port;
    }
    if ( !rc )
        rc = fill_start_info(&b, &info, r);
    if ( !rc )
        rc = build_page_tables(&b);
    if ( !rc && info.has_hypercall_page )
        rc = ops->hypercall_init(ops->ctx, p2m[va_pfn(&b, info.virt_hypercall)]);
    ops->unmap(ops->ctx);       /* on every path: no mapping of it outlives the build */
    if ( !rc )
        rc = ops->pin_l4(ops->ctx, p2m[va_pfn(&b, b.l.vpt_start)]);
    if ( !rc )
        rc = set_vcpu0(&b, &info);
    r->entry = info.virt_entry;
    r->start_info_va = b.l.vstartinfo_start;
    r->nr_pt_pages = b.l.nr_pt_pages;
    return rc;
}
