/*
 * A process's address space, through the PV MMU. User space is the first
 * 512 GiB (L4 slot 0): one L3 table, referenced both from the process's user
 * L4 (MMUEXT_NEW_USER_BASEPTR, what user mode runs on) and from slot 0 of
 * the kernel's own L4, so that the kernel reaches user memory at the same
 * addresses. Tables are never written directly: a new table frame is zeroed
 * through the scratch page, unmapped, then linked with mmu_update, which
 * validates it; entries are read through a read-only window. Memory is
 * populated when it is mapped (no demand paging), so the list of areas says
 * exactly what is mapped, and every user pointer the kernel follows is
 * checked against it first: a bad pointer is -EFAULT, never a kernel fault.
 * The user L4 is pinned for the life of the address space, as Linux pins
 * its tables: switching processes then only moves references, where an
 * unpinned tree would be devalidated and validated again, entry by entry,
 * at every switch (measured: a pipe round trip between two processes took
 * 318k instructions unpinned, 12.5k pinned; tests/dom0/procbench).
 * The exception is a privcmd area (VMA_FOREIGN): reserved empty by mmap,
 * filled with another domain's frames by IOCTL_PRIVCMD_MMAPBATCH_V2 (the
 * hypervisor checks they are that domain's), never freed as ours.
 * An address space can have several users (a vfork child runs on its
 * parent's); fork copies one page by page, the new page filled through the
 * scratch page from the parent's, which the kernel sees at the same address
 * while the parent is current. privcmd areas are not inherited (Linux's
 * VM_DONTCOPY).
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <hv/lib.h>
#include "kernel.h"

#define PTE_TABLE   (KIT_PTE_P | KIT_PTE_RW | KIT_PTE_U | KIT_PTE_A)
#define PTE_ADDR    0x000ffffffffff000UL
#define USER_END    (1UL << 39)

static void *window;            /* a page table, read-only */

static uint64_t l1_key(uint64_t va) { return va >> 21; }

static unsigned long mfn_of(unsigned long pfn) { return pfn_to_mfn(pfn); }

static long update(unsigned long table_pfn, unsigned int idx, uint64_t val)
{
    struct pv_mmu_update u = { (mfn_of(table_pfn) << 12) + 8 * idx, val };

    return hyp_mmu_update(&u, 1, 0, 0x7ff0);
}

static uint64_t read_entry(unsigned long table_pfn, unsigned int idx)
{
    kit_map(window, mfn_of(table_pfn), KIT_PTE_RO);
    return ((const uint64_t *)window)[idx];
}

/* a zeroed frame with no mapping left: ready to become a page table */
static long new_table(void)
{
    long pfn = frame_alloc();

    if ( pfn < 0 )
        return pfn;
    memset(frame_scratch_map((unsigned long)pfn), 0, PAGE_SIZE);
    frame_scratch_unmap();
    return pfn;
}

static struct mm pool[MAX_PROCS];
static struct mm *active;       /* whose user half the kernel's L4 slot 0 holds */

static long l1_for(struct mm *mm, uint64_t va, bool create, unsigned long *out)
{
    struct mm_tables *t = &mm->tables;
    unsigned int i3 = (va >> 30) & 511, i2 = (va >> 21) & 511;
    long pfn, rc;

    for ( unsigned int i = 0; i < t->nr_l1; i++ )
        if ( t->l1[i].key == l1_key(va) )
            return *out = t->l1[i].pfn, 0;
    if ( !create )
        return -ENOENT;
    if ( t->nr_l1 == 512 )
        return -ENOMEM;
    if ( !t->l2[i3] )
    {
        if ( (pfn = new_table()) < 0 )
            return pfn;
        if ( (rc = update(mm->l3_pfn, i3, (mfn_of((unsigned long)pfn) << 12) | PTE_TABLE)) )
            return frame_free((unsigned long)pfn), rc;
        t->l2[i3] = (unsigned long)pfn;
    }
    if ( (pfn = new_table()) < 0 )
        return pfn;
    if ( (rc = update(t->l2[i3], i2, (mfn_of((unsigned long)pfn) << 12) | PTE_TABLE)) )
        return frame_free((unsigned long)pfn), rc;
    t->l1[t->nr_l1].key = l1_key(va);
    t->l1[t->nr_l1++].pfn = (unsigned long)pfn;
    return *out = (unsigned long)pfn, 0;
}

static uint64_t pte_flags(unsigned int prot)
{
    return KIT_PTE_P | KIT_PTE_U | KIT_PTE_A | ((prot & VMA_WRITE) ? KIT_PTE_RW | KIT_PTE_D : 0);
}

struct mm *mm_create(void)
{
    struct mm *mm = NULL;
    long l3, ul4;

    if ( !window )
        window = kit_alloc_page();
    for ( unsigned int i = 0; i < MAX_PROCS && !mm; i++ )
        if ( !pool[i].users )
            mm = &pool[i];
    if ( !mm )
        return NULL;
    memset(mm, 0, sizeof(*mm));
    if ( (l3 = new_table()) < 0 )
        return NULL;
    if ( (ul4 = new_table()) < 0 )
        return frame_free((unsigned long)l3), NULL;
    mm->l3_pfn = (unsigned long)l3;
    mm->ul4_pfn = (unsigned long)ul4;
    if ( update(mm->ul4_pfn, 0, (mfn_of(mm->l3_pfn) << 12) | PTE_TABLE) ||
         kit_pin(4, mfn_of(mm->ul4_pfn)) )
    {
        update(mm->ul4_pfn, 0, 0);
        frame_free(mm->l3_pfn);
        frame_free(mm->ul4_pfn);
        return NULL;
    }
    mm->users = 1;
    mm->mmap_top = USER_END / 2;
    return mm;
}

void mm_activate(struct mm *mm)
{
    unsigned long kl4 = virt_to_pfn((void *)start_info->pt_base);

    if ( mm == active )
        return;
    active = mm;
    update(kl4, 0, mm ? (mfn_of(mm->l3_pfn) << 12) | PTE_TABLE : 0);
    kit_new_user_baseptr(mm ? mfn_of(mm->ul4_pfn) : 0);
    kit_tlb_flush();
}

/* split the area containing addr so that an area starts there */
static int vma_split(struct mm *mm, uint64_t addr)
{
    for ( unsigned int i = 0; i < mm->nr_vmas; i++ )
    {
        struct vma *v = &mm->vma[i];

        if ( addr > v->start && addr < v->end )
        {
            if ( mm->nr_vmas == MAX_VMAS )
                return -ENOMEM;
            memmove(&mm->vma[i + 1], v, (mm->nr_vmas - i) * sizeof(*v));
            mm->nr_vmas++;
            mm->vma[i].end = addr;
            mm->vma[i + 1].start = addr;
            return 0;
        }
    }
    return 0;
}

static bool range_ok(uint64_t start, uint64_t len)
{
    return !(start & (PAGE_SIZE - 1)) && len && start < USER_END && len <= USER_END - start;
}

long mm_unmap(struct mm *mm, uint64_t start, uint64_t len)
{
    uint64_t end;

    len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    if ( !range_ok(start, len) )
        return -EINVAL;
    end = start + len;
    if ( vma_split(mm, start) || vma_split(mm, end) )
        return -ENOMEM;
    for ( unsigned int i = 0; i < mm->nr_vmas; )
    {
        struct vma *v = &mm->vma[i];

        if ( v->start < start || v->end > end )
        {
            i++;
            continue;
        }
        for ( uint64_t va = v->start; va < v->end; va += PAGE_SIZE )
        {
            unsigned long l1;
            uint64_t e;

            if ( l1_for(mm, va, false, &l1) )
                continue;
            e = read_entry(l1, (va >> 12) & 511);
            if ( !(e & KIT_PTE_P) )
                continue;
            update(l1, (va >> 12) & 511, 0);
            if ( !(v->prot & VMA_FOREIGN) )
                frame_free(mfn_to_pfn((e & PTE_ADDR) >> 12));
        }
        memmove(v, v + 1, (mm->nr_vmas - i - 1) * sizeof(*v));
        mm->nr_vmas--;
    }
    kit_tlb_flush();
    return 0;
}

/* a new area, replacing what was there (MAP_FIXED semantics); its index */
static long insert_vma(struct mm *mm, uint64_t start, uint64_t len, unsigned int prot)
{
    unsigned int at = 0;

    if ( !range_ok(start, len) )
        return -EINVAL;
    mm_unmap(mm, start, len);
    if ( mm->nr_vmas == MAX_VMAS )
        return -ENOMEM;
    while ( at < mm->nr_vmas && mm->vma[at].start < start )
        at++;
    memmove(&mm->vma[at + 1], &mm->vma[at], (mm->nr_vmas - at) * sizeof(struct vma));
    mm->vma[at] = (struct vma){ start, start + len, prot };
    mm->nr_vmas++;
    return at;
}

long mm_reserve(struct mm *mm, uint64_t start, uint64_t len, unsigned int prot)
{
    long at = insert_vma(mm, start, (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1), prot);

    return at < 0 ? at : 0;
}

/* where mmap puts a new area of len bytes: the highest free range below
 * mmap_top that stays 1 GiB above the break, so unmapped ranges are used
 * again (an allocator that maps and unmaps all the time never runs out of
 * address space or page tables); 0 if none */
uint64_t mm_find_gap(const struct mm *mm, uint64_t len)
{
    uint64_t top = mm->mmap_top, floor = mm->brk + (1UL << 30);

    for ( unsigned int i = mm->nr_vmas; i-- > 0; )
    {
        const struct vma *v = &mm->vma[i];

        if ( v->start >= top )
            continue;
        if ( v->end <= top && top - v->end >= len )
            break;
        top = v->start;
    }
    return top >= len && top - len >= floor ? top - len : 0;
}

const struct vma *mm_find(const struct mm *mm, uint64_t addr)
{
    for ( unsigned int i = 0; i < mm->nr_vmas; i++ )
        if ( addr >= mm->vma[i].start && addr < mm->vma[i].end )
            return &mm->vma[i];
    return NULL;
}

long mm_map_foreign(struct mm *mm, uint64_t va, uint64_t mfn, uint16_t domid)
{
    const struct vma *v = mm_find(mm, va);
    unsigned long l1;
    struct pv_mmu_update u;
    long rc;

    if ( !v || !(v->prot & VMA_FOREIGN) )
        return -EINVAL;
    if ( (rc = l1_for(mm, va, true, &l1)) )
        return rc;
    u = (struct pv_mmu_update){ (mfn_of(l1) << 12) + 8 * ((va >> 12) & 511),
                                (mfn << 12) | pte_flags(v->prot) };
    rc = hyp_mmu_update(&u, 1, 0, domid);
    kit_tlb_flush();
    return rc;
}

long mm_map(struct mm *mm, uint64_t start, uint64_t len, unsigned int prot)
{
    long at;

    len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    if ( (at = insert_vma(mm, start, len, prot)) < 0 )
        return at;
    for ( uint64_t va = start; va < start + len; va += PAGE_SIZE )
    {
        unsigned long l1;
        long pfn = frame_alloc();

        if ( pfn < 0 || l1_for(mm, va, true, &l1) )
        {
            if ( pfn >= 0 )
                frame_free((unsigned long)pfn);
            mm->vma[at].end = va;               /* what is mapped so far goes */
            mm_unmap(mm, start, len);
            return -ENOMEM;
        }
        memset(frame_scratch_map((unsigned long)pfn), 0, PAGE_SIZE);
        frame_scratch_unmap();
        if ( update(l1, (va >> 12) & 511, (mfn_of((unsigned long)pfn) << 12) | pte_flags(prot)) )
        {
            frame_free((unsigned long)pfn);
            mm->vma[at].end = va;
            mm_unmap(mm, start, len);
            return -ENOMEM;
        }
    }
    /* one area with a neighbour that touches it with the same protection */
    if ( at + 1 < mm->nr_vmas && mm->vma[at + 1].start == mm->vma[at].end &&
         mm->vma[at + 1].prot == prot )
    {
        mm->vma[at].end = mm->vma[at + 1].end;
        memmove(&mm->vma[at + 1], &mm->vma[at + 2], (mm->nr_vmas - at - 2) * sizeof(struct vma));
        mm->nr_vmas--;
    }
    if ( at > 0 && mm->vma[at - 1].end == mm->vma[at].start && mm->vma[at - 1].prot == prot )
    {
        mm->vma[at - 1].end = mm->vma[at].end;
        memmove(&mm->vma[at], &mm->vma[at + 1], (mm->nr_vmas - at - 1) * sizeof(struct vma));
        mm->nr_vmas--;
    }
    return 0;
}

long mm_protect(struct mm *mm, uint64_t start, uint64_t len, unsigned int prot)
{
    uint64_t end;

    len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    if ( !range_ok(start, len) )
        return -EINVAL;
    end = start + len;
    if ( !mm_check(mm, start, len, 0) )
        return -ENOMEM;                         /* Linux: part of the range is not mapped */
    if ( vma_split(mm, start) || vma_split(mm, end) )
        return -ENOMEM;
    for ( unsigned int i = 0; i < mm->nr_vmas; i++ )
    {
        struct vma *v = &mm->vma[i];

        if ( v->start < start || v->end > end )
            continue;
        v->prot = prot;
        for ( uint64_t va = v->start; va < v->end; va += PAGE_SIZE )
        {
            unsigned long l1;
            uint64_t e;

            if ( l1_for(mm, va, false, &l1) )
                continue;
            e = read_entry(l1, (va >> 12) & 511);
            if ( e & KIT_PTE_P )
                update(l1, (va >> 12) & 511, (e & PTE_ADDR) | pte_flags(prot));
        }
    }
    kit_tlb_flush();
    return 0;
}

void mm_put(struct mm *mm)
{
    if ( --mm->users )
        return;
    if ( active == mm )
        mm_activate(NULL);
    if ( mm->nr_vmas )
        mm_unmap(mm, 0, USER_END);
    kit_unpin(mfn_of(mm->ul4_pfn));
    /* unreferenced now: the hypervisor has dropped their types */
    for ( unsigned int i = 0; i < mm->tables.nr_l1; i++ )
        frame_free(mm->tables.l1[i].pfn);
    for ( unsigned int i = 0; i < 512; i++ )
        if ( mm->tables.l2[i] )
            frame_free(mm->tables.l2[i]);
    frame_free(mm->l3_pfn);
    frame_free(mm->ul4_pfn);
    memset(mm, 0, sizeof(*mm));
}

struct mm *mm_fork(struct mm *src)
{
    struct mm *was = active, *mm = mm_create();

    if ( !mm )
        return NULL;
    mm->brk_start = src->brk_start;
    mm->brk = src->brk;
    mm->mmap_top = src->mmap_top;
    mm_activate(src);
    for ( unsigned int i = 0; i < src->nr_vmas; i++ )
    {
        const struct vma *v = &src->vma[i];

        if ( v->prot & VMA_FOREIGN )
            continue;
        mm->vma[mm->nr_vmas++] = *v;
        for ( uint64_t va = v->start; va < v->end; va += PAGE_SIZE )
        {
            unsigned long l1;
            long pfn;

            if ( (pfn = frame_alloc()) < 0 || l1_for(mm, va, true, &l1) )
            {
                if ( pfn >= 0 )
                    frame_free((unsigned long)pfn);
                mm_put(mm);
                mm_activate(was);
                return NULL;
            }
            memcpy(frame_scratch_map((unsigned long)pfn), (const void *)va, PAGE_SIZE);
            frame_scratch_unmap();
            update(l1, (va >> 12) & 511, (mfn_of((unsigned long)pfn) << 12) | pte_flags(v->prot));
        }
    }
    mm_activate(was);
    return mm;
}

bool mm_check(const struct mm *mm, uint64_t addr, uint64_t len, unsigned int prot)
{
    uint64_t end = addr + len;

    if ( end < addr || end > USER_END )
        return false;
    while ( addr < end )
    {
        unsigned int i;

        for ( i = 0; i < mm->nr_vmas; i++ )
            if ( addr >= mm->vma[i].start && addr < mm->vma[i].end )
                break;
        if ( i == mm->nr_vmas || (mm->vma[i].prot & prot) != prot )
            return false;
        addr = mm->vma[i].end;
    }
    return true;
}

long copy_from_user(void *dst, uint64_t src, size_t len)
{
    if ( !mm_check(current->mm, src, len, VMA_READ) )
        return -EFAULT;
    memcpy(dst, (const void *)src, len);
    return 0;
}

long copy_to_user(uint64_t dst, const void *src, size_t len)
{
    if ( !mm_check(current->mm, dst, len, VMA_WRITE) )
        return -EFAULT;
    memcpy((void *)dst, src, len);
    return 0;
}

long strncpy_from_user(char *dst, uint64_t src, size_t len)
{
    for ( size_t i = 0; i < len; i++ )
    {
        if ( !mm_check(current->mm, src + i, 1, VMA_READ) )
            return -EFAULT;
        if ( !(dst[i] = ((const char *)src)[i]) )
            return (long)i;
    }
    return -ENAMETOOLONG;
}
