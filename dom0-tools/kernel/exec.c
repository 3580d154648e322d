/*
 * Loading a program: a static ELF64 x86-64 executable (ET_EXEC, or a
 * static-pie ET_DYN, placed at 4 MiB). Each PT_LOAD segment is mapped with
 * its own protection, its file bytes copied and the rest zeroed; the break
 * starts after the highest one. The stack is built as Linux builds it: argc,
 * argv, envp, then the auxiliary vector (AT_PHDR, AT_PHNUM, AT_PAGESZ,
 * AT_ENTRY, AT_RANDOM, AT_EXECFN, ...), with the strings above. Programs
 * needing an interpreter (dynamically linked) are refused with ENOEXEC.
 * The program is built in a new address space; only when it is complete
 * does it replace the old one, so a failed exec leaves the caller running.
 */
#include <hv/lib.h>
#include <sierra-guest/kit.h>
#include "kernel.h"

#define STACK_TOP       0x7ffffff000UL      /* just under 512 GiB: the user half */
#define STACK_SIZE      (1UL << 20)
#define PIE_BASE        0x400000UL
#define MAX_ARGS        256

struct elf64_ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

#define PT_LOAD     1
#define PT_INTERP   3
#define PT_PHDR     6
#define PF_X        1
#define PF_W        2
#define PF_R        4

static unsigned int prot_of(uint32_t pf)
{
    return ((pf & PF_R) ? VMA_READ : 0) | ((pf & PF_W) ? VMA_WRITE : 0) | ((pf & PF_X) ? VMA_EXEC : 0);
}

static long check_header(const struct inode *n, const struct elf64_ehdr **out)
{
    const struct elf64_ehdr *h = (const void *)n->data;

    if ( (n->mode & S_IFMT) != S_IFREG )
        return -EACCES;
    if ( n->size < sizeof(*h) || memcmp(h->ident, "\177ELF", 4) || h->ident[4] != 2 ||
         h->ident[5] != 1 || h->machine != 62 || (h->type != 2 && h->type != 3) ||
         h->phentsize != sizeof(struct elf64_phdr) || h->phoff > n->size ||
         (uint64_t)h->phnum * sizeof(struct elf64_phdr) > n->size - h->phoff )
        return -ENOEXEC;
    for ( unsigned int i = 0; i < h->phnum; i++ )
    {
        const struct elf64_phdr *ph = (const void *)(n->data + h->phoff + i * sizeof(*ph));

        if ( ph->type == PT_INTERP )
            return -ENOEXEC;        /* dynamically linked */
        if ( ph->type == PT_LOAD && (ph->offset > n->size || ph->filesz > n->size - ph->offset ||
                                     ph->filesz > ph->memsz || ph->vaddr + ph->memsz < ph->vaddr) )
            return -ENOEXEC;
    }
    *out = h;
    return 0;
}

static long load_segments(struct proc *p, const struct inode *n, const struct elf64_ehdr *h,
                          uint64_t bias, uint64_t *phdr_va, uint64_t *end)
{
    *end = 0;
    *phdr_va = 0;
    for ( unsigned int i = 0; i < h->phnum; i++ )
    {
        const struct elf64_phdr *ph = (const void *)(n->data + h->phoff + i * sizeof(*ph));
        uint64_t va = ph->vaddr + bias, start = va & ~(PAGE_SIZE - 1);
        uint64_t stop = (va + ph->memsz + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        long rc;

        if ( ph->type == PT_PHDR )
            *phdr_va = va;
        if ( ph->type != PT_LOAD || !ph->memsz )
            continue;
        if ( start < *end )
            start = *end;               /* a page shared with the previous segment */
        if ( start < stop && (rc = mm_map(p->mm, start, stop - start, VMA_READ | VMA_WRITE)) )
            return rc;
        memcpy((void *)va, n->data + ph->offset, ph->filesz);
        if ( start < stop )
            mm_protect(p->mm, start, stop - start, prot_of(ph->flags));
        if ( !*phdr_va && h->phoff >= ph->offset && h->phoff < ph->offset + ph->filesz )
            *phdr_va = va + (h->phoff - ph->offset);
        if ( stop > *end )
            *end = stop;
    }
    return 0;
}

/* push len bytes at the top of the stack being built */
static uint64_t push_bytes(uint64_t *sp, const void *data, size_t len)
{
    *sp -= len;
    memcpy((void *)*sp, data, len);
    return *sp;
}

long exec_load(struct proc *p, const char *path, char *const argv[], char *const envp[],
               struct uregs *regs)
{
    const struct elf64_ehdr *h;
    struct inode *n;
    uint64_t bias, phdr_va, end, sp, random_va, execfn_va;
    uint64_t argv_va[MAX_ARGS], envp_va[MAX_ARGS], rnd[2] = { kit_rdtsc(), kit_rdtsc() * 2654435761UL };
    unsigned int argc = 0, envc = 0;
    struct mm *old = p->mm, *mm;
    long rc;

    if ( (rc = fs_lookup(p->cwd, path, &n)) || (rc = check_header(n, &h)) )
        return rc;
    while ( argv[argc] )
        if ( ++argc == MAX_ARGS )
            return -E2BIG;
    while ( envp[envc] )
        if ( ++envc == MAX_ARGS )
            return -E2BIG;
    if ( !(mm = mm_create()) )
        return -ENOMEM;
    mm_activate(mm);
    p->mm = mm;
    bias = h->type == 3 ? PIE_BASE : 0;
    if ( (rc = load_segments(p, n, h, bias, &phdr_va, &end)) ||
         (rc = mm_map(mm, STACK_TOP - STACK_SIZE, STACK_SIZE, VMA_READ | VMA_WRITE)) )
    {
        p->mm = old;                    /* the old program goes on */
        mm_put(mm);
        mm_activate(old);
        return rc;
    }
    if ( old )
        mm_put(old);
    mm->brk_start = mm->brk = end;

    sp = STACK_TOP;
    execfn_va = push_bytes(&sp, path, strlen(path) + 1);
    for ( unsigned int i = envc; i-- > 0; )
        envp_va[i] = push_bytes(&sp, envp[i], strlen(envp[i]) + 1);
    for ( unsigned int i = argc; i-- > 0; )
        argv_va[i] = push_bytes(&sp, argv[i], strlen(argv[i]) + 1);
    random_va = push_bytes(&sp, rnd, sizeof(rnd));
    sp &= ~15UL;

    uint64_t auxv[][2] = {
        { AT_PHDR, phdr_va }, { AT_PHENT, sizeof(struct elf64_phdr) }, { AT_PHNUM, h->phnum },
        { AT_PAGESZ, PAGE_SIZE }, { AT_BASE, 0 }, { AT_ENTRY, h->entry + bias },
        { AT_UID, 0 }, { AT_EUID, 0 }, { AT_GID, 0 }, { AT_EGID, 0 }, { AT_HWCAP, 0 },
        { AT_CLKTCK, 100 }, { AT_SECURE, 0 }, { AT_RANDOM, random_va }, { AT_EXECFN, execfn_va },
        { AT_NULL, 0 },
    };
    unsigned int words = 1 + argc + 1 + envc + 1 + 2 * (sizeof(auxv) / sizeof(auxv[0]));

    if ( words & 1 )
        sp -= 8;                        /* argc ends up 16-byte aligned */
    push_bytes(&sp, auxv, sizeof(auxv));
    push_bytes(&sp, &(uint64_t){ 0 }, 8);
    push_bytes(&sp, envp_va, envc * 8);
    push_bytes(&sp, &(uint64_t){ 0 }, 8);
    push_bytes(&sp, argv_va, argc * 8);
    push_bytes(&sp, &(uint64_t){ argc }, 8);

    memset(regs, 0, sizeof(*regs));
    regs->rip = h->entry + bias;
    regs->rsp = sp;
    regs->rflags = 0x202;
    return 0;
}
