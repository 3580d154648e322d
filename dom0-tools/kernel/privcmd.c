/*
 * /dev/xen/privcmd with Linux's ioctl interface, so the tools issue
 * hypercalls from user space exactly as on a Linux control domain:
 * IOCTL_PRIVCMD_HYPERCALL runs hypercall `op` with five arguments and
 * returns its result (a negative Xen errno is the same number as Linux's).
 * Pointers among the arguments are the caller's: user memory is mapped in
 * the kernel's page tables too, where the hypervisor reads and writes it.
 * IOCTL_PRIVCMD_MMAPBATCH_V2 maps another domain's frames into an area the
 * caller mmap'ed from the device, with an error per frame; the older
 * IOCTL_PRIVCMD_MMAP maps runs of contiguous frames ({va, mfn, npages}
 * entries), failing as a whole at the first frame the hypervisor refuses.
 */
#include <sierra-guest/hypercall.h>
#include "kernel.h"

#define IOCTL_PRIVCMD_HYPERCALL     0x305000    /* _IOC(_IOC_NONE, 'P', 0, 48) */
#define IOCTL_PRIVCMD_MMAPBATCH_V2  0x205004    /* _IOC(_IOC_NONE, 'P', 4, 32) */
#define IOCTL_PRIVCMD_MMAP          0x105002    /* _IOC(_IOC_NONE, 'P', 2, 16) */
#define MAX_ENTRIES                 1024
#define MAX_BATCH                   4096
#define NR_HYPERCALLS           64          /* stubs on the hypercall page we offer */

struct privcmd_hypercall {
    uint64_t op, arg[5];
};

struct privcmd_mmapbatch_v2 {
    uint32_t num;
    uint16_t dom;
    uint16_t pad;
    uint64_t addr;              /* in an area mmap'ed from privcmd */
    uint64_t arr;               /* the frames (PV: machine frame numbers) */
    uint64_t err;               /* int per frame: 0 or -errno */
};

/* IOCTL_PRIVCMD_MMAPBATCH_V2: each frame of domain `dom` at addr + i pages;
 * per-frame errors in err[], and -ENOENT overall if any failed, as Linux */
static long mmapbatch(uint64_t arg)
{
    struct privcmd_mmapbatch_v2 b;
    const struct vma *v;
    bool failed = false;

    if ( copy_from_user(&b, arg, sizeof(b)) )
        return -EFAULT;
    if ( !b.num || b.num > MAX_BATCH || (b.addr & (PAGE_SIZE - 1)) )
        return -EINVAL;
    v = mm_find(current->mm, b.addr);
    if ( !v || !(v->prot & VMA_FOREIGN) || b.addr + (uint64_t)b.num * PAGE_SIZE > v->end )
        return -EINVAL;
    if ( !mm_check(current->mm, b.arr, (uint64_t)b.num * 8, VMA_READ) ||
         !mm_check(current->mm, b.err, (uint64_t)b.num * 4, VMA_WRITE) )
        return -EFAULT;
    for ( uint32_t i = 0; i < b.num; i++ )
    {
        uint64_t mfn = ((const uint64_t *)b.arr)[i];
        long rc = mm_map_foreign(current->mm, b.addr + (uint64_t)i * PAGE_SIZE, mfn, b.dom);

        ((int *)b.err)[i] = (int)rc;
        failed |= rc != 0;
    }
    return failed ? -ENOENT : 0;
}

struct privcmd_mmap {
    int32_t num;
    uint16_t dom;
    uint16_t pad;
    uint64_t entry;             /* struct privcmd_mmap_entry[num] */
};

struct privcmd_mmap_entry {
    uint64_t va, mfn, npages;
};

/* IOCTL_PRIVCMD_MMAP: each entry's npages frames from mfn up, at va up */
static long mmap_entries(uint64_t arg)
{
    struct privcmd_mmap m;

    if ( copy_from_user(&m, arg, sizeof(m)) )
        return -EFAULT;
    if ( m.num <= 0 || m.num > MAX_ENTRIES )
        return -EINVAL;
    for ( int32_t i = 0; i < m.num; i++ )
    {
        struct privcmd_mmap_entry e;
        const struct vma *v;

        if ( copy_from_user(&e, m.entry + (uint64_t)i * sizeof(e), sizeof(e)) )
            return -EFAULT;
        v = mm_find(current->mm, e.va);
        if ( (e.va & (PAGE_SIZE - 1)) || !e.npages || !v || !(v->prot & VMA_FOREIGN) ||
             e.npages > (v->end - e.va) / PAGE_SIZE )
            return -EINVAL;
        for ( uint64_t p = 0; p < e.npages; p++ )
        {
            long rc = mm_map_foreign(current->mm, e.va + p * PAGE_SIZE, e.mfn + p, m.dom);

            if ( rc )
                return rc;
        }
    }
    return 0;
}

/* mmap of privcmd: an empty area for MMAPBATCH to fill */
long privcmd_mmap(uint64_t addr, uint64_t len, unsigned int prot)
{
    long rc = mm_reserve(current->mm, addr, len, prot | VMA_FOREIGN);

    return rc ? rc : (long)addr;
}

long privcmd_ioctl(struct file *f, uint64_t cmd, uint64_t arg)
{
    struct privcmd_hypercall h;

    (void)f;
    if ( cmd == IOCTL_PRIVCMD_MMAPBATCH_V2 )
        return mmapbatch(arg);
    if ( cmd == IOCTL_PRIVCMD_MMAP )
        return mmap_entries(arg);
    if ( cmd != IOCTL_PRIVCMD_HYPERCALL )
        return -ENOTTY;
    if ( copy_from_user(&h, arg, sizeof(h)) )
        return -EFAULT;
    if ( h.op >= NR_HYPERCALLS )
        return -EINVAL;
    return hypercall((unsigned int)h.op, h.arg[0], h.arg[1], h.arg[2], h.arg[3], h.arg[4]);
}
