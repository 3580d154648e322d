/*
 * Memory system calls: mmap (anonymous, and private copies of files), munmap,
 * mprotect, brk, madvise. The break grows up from the end of the program;
 * mappings without MAP_FIXED go in the highest free range below the middle
 * of the user half (unmapped ranges are used again). Pages are populated at once (vm.c), so mmap fails with ENOMEM rather
 * than a later fault. PROT_NONE is mapped read-only (no page is left absent).
 */
#include <hv/lib.h>
#include "syscall.h"

static unsigned int prot_bits(uint64_t prot)
{
    return ((prot & PROT_READ) ? VMA_READ : 0) | ((prot & PROT_WRITE) ? VMA_WRITE : 0) |
           ((prot & PROT_EXEC) ? VMA_EXEC : 0);
}

static uint64_t page_up(uint64_t v) { return (v + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1); }

SYSCALL(mmap)
{
    struct mm *mm = current->mm;
    uint64_t addr = a, len = page_up(b), flags = d, off = a6;
    struct file *file = NULL;
    long rc;

    UNUSED_ARGS();
    if ( !b || !len || !(flags & (MAP_PRIVATE | MAP_SHARED)) || (off & (PAGE_SIZE - 1)) )
        return -EINVAL;
    if ( !(flags & MAP_ANONYMOUS) )
    {
        if ( !(file = fd_get((int)e)) )
            return -EBADF;
        if ( file->inode->dev_ioctl == privcmd_ioctl )
        {
            if ( !(flags & MAP_FIXED) && !(addr = mm_find_gap(mm, len)) )
                return -ENOMEM;
            return privcmd_mmap(addr, len, prot_bits(c));
        }
        if ( (file->inode->mode & S_IFMT) != S_IFREG )
            return -ENODEV;
        if ( (c & PROT_WRITE) && (flags & MAP_SHARED) )
            return -EACCES;             /* a shared writable file mapping: not here */
    }
    if ( flags & MAP_FIXED )
    {
        if ( addr & (PAGE_SIZE - 1) )
            return -EINVAL;
    }
    else if ( !(addr = mm_find_gap(mm, len)) )
        return -ENOMEM;
    if ( (rc = mm_map(mm, addr, len, VMA_READ | VMA_WRITE)) )
        return rc;
    if ( file && off < file->inode->size )
    {
        uint64_t n = file->inode->size - off < b ? file->inode->size - off : b;

        memcpy((void *)addr, file->inode->data + off, n);
    }
    mm_protect(mm, addr, len, prot_bits(c) ? prot_bits(c) : VMA_READ);
    return (long)addr;
}

SYSCALL(munmap)
{
    UNUSED_ARGS();
    if ( (a & (PAGE_SIZE - 1)) || !b )
        return -EINVAL;
    return mm_unmap(current->mm, a, b);
}

SYSCALL(mprotect)
{
    UNUSED_ARGS();
    if ( a & (PAGE_SIZE - 1) )
        return -EINVAL;
    if ( !b )
        return 0;
    return mm_protect(current->mm, a, b, prot_bits(c) ? prot_bits(c) : VMA_READ);
}

SYSCALL(brk)
{
    struct mm *mm = current->mm;
    uint64_t want = a, old_top = page_up(mm->brk), new_top = page_up(a);

    UNUSED_ARGS();
    if ( want < mm->brk_start || want > mm->mmap_top - (1UL << 30) )
        return (long)mm->brk;
    if ( new_top > old_top && mm_map(mm, old_top, new_top - old_top, VMA_READ | VMA_WRITE) )
        return (long)mm->brk;
    if ( new_top < old_top )
        mm_unmap(mm, new_top, old_top - new_top);
    mm->brk = want;
    return (long)want;
}

SYSCALL(madvise)
{
    UNUSED_ARGS();
    return (a & (PAGE_SIZE - 1)) ? -EINVAL : 0;
}
