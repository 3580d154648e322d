/*
 * Sierra's control-domain kernel: a small OS ported with guest-kit that runs
 * ordinary static Linux programs (musl) from an initramfs - the `sierra`
 * tool and its helpers - with Linux's system-call numbers, semantics and
 * errno values (docs/dom0-kernel.md). One mechanism per file:
 *   main.c        boot: command line, initramfs, /init, shutdown with its status
 *   proc.c        the process table: creation, fork's copy, exit, reaping
 *   sched.c       the run queue: sleeping and waking, switching, the idle loop
 *   signal.c      signals: sending, default actions, handler frames, sigreturn
 *   frames.c      the domain's free frames beyond the initial mapping
 *   kheap.c       kernel pages mapped at run time (file contents)
 *   vm.c          a process's address space: page tables (through the PV MMU),
 *                 areas, brk, mmap, and the checked user-memory copies
 *   exec.c        loading a static ELF64 and the initial stack Linux builds
 *   fs.c          the in-memory file tree (from the newc initramfs) and devices
 *   tmpfs.c       writing to the tree: files that grow, mkdir, unlink, rename
 *   files.c       open files and the descriptor table
 *   privcmd.c     /dev/xen/privcmd: hypercalls for the tools
 *   evtchn-dev.c  /dev/xen/evtchn: event channels for the tools
 *   pipe.c        pipes
 *   console.c     /dev/console and its line discipline
 *   syscall.c     the system-call table and dispatcher
 *   sys-*.c       the system calls, by area
 *   entry.S       user-mode entry and exit: syscall callback, iret, faults
 *   switch.S      the kernel-stack switch between processes
 */
#ifndef DOM0_KERNEL_H
#define DOM0_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "linux-abi.h"

#ifndef PAGE_SIZE
#define PAGE_SIZE       4096UL
#endif

/* ---- user registers, as entry.S saves them at a system call or fault ---- */
struct uregs {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi;
    uint64_t rip, cs, rflags, rsp, ss;
};

/* ---- frames.c ---- */
void frames_init(void);
long frame_alloc(void);                 /* a free pfn, or -ENOMEM */
void frame_free(unsigned long pfn);
unsigned long frames_free_count(void);
unsigned long frames_total(void);
void *frame_scratch_map(unsigned long pfn);     /* writable, until the next call */
void frame_scratch_unmap(void);

/* ---- kheap.c ---- */
long kheap_init(void);                  /* 0, or -ENOMEM */
void *kheap_alloc(size_t pages);        /* zeroed, contiguous; NULL when it cannot */
void kheap_free(void *p, size_t pages);
unsigned long kheap_in_use(void);       /* pages */

/* ---- vm.c ---- */
#define VMA_READ    1
#define VMA_WRITE   2
#define VMA_EXEC    4
#define VMA_FOREIGN 8                   /* privcmd: another domain's frames, not ours to free */
#define MAX_VMAS    1024                /* musl's malloc keeps many small mappings */

struct vma {
    uint64_t start, end;                /* page-aligned, [start, end) */
    unsigned int prot;
};

/* the page tables of one address space, as the kernel remembers them */
struct mm_tables {
    unsigned long l2[512];              /* the L2 per L3 slot */
    struct { uint64_t key; unsigned long pfn; } l1[512];        /* the L1 per 2 MiB */
    unsigned int nr_l1;
};

struct mm {
    unsigned int users;                 /* processes on it: a vfork child shares its parent's */
    unsigned long l3_pfn, ul4_pfn;      /* the user half, and the user L4 */
    struct vma vma[MAX_VMAS];
    unsigned int nr_vmas;
    uint64_t brk_start, brk, mmap_top;
    struct mm_tables tables;
};

struct mm *mm_create(void);             /* an empty address space, or NULL */
struct mm *mm_fork(struct mm *src);     /* a copy of every page (not privcmd areas), or NULL */
void mm_put(struct mm *mm);             /* the last user gone: every frame back */
void mm_activate(struct mm *mm);
long mm_map(struct mm *mm, uint64_t start, uint64_t len, unsigned int prot);  /* zeroed pages */
uint64_t mm_find_gap(const struct mm *mm, uint64_t len);   /* for mmap; 0 = none */
long mm_unmap(struct mm *mm, uint64_t start, uint64_t len);
long mm_protect(struct mm *mm, uint64_t start, uint64_t len, unsigned int prot);
long mm_reserve(struct mm *mm, uint64_t start, uint64_t len, unsigned int prot);  /* no pages */
long mm_map_foreign(struct mm *mm, uint64_t va, uint64_t mfn, uint16_t domid);   /* 0 or -errno */
const struct vma *mm_find(const struct mm *mm, uint64_t addr);
bool mm_check(const struct mm *mm, uint64_t addr, uint64_t len, unsigned int prot);
long copy_from_user(void *dst, uint64_t src, size_t len);       /* 0 or -EFAULT */
long copy_to_user(uint64_t dst, const void *src, size_t len);
long strncpy_from_user(char *dst, uint64_t src, size_t len);    /* length, -EFAULT, -ENAMETOOLONG */

/* ---- fs.c ---- */
#define NAME_MAX_LEN 255
#define PATH_MAX_LEN 4096

struct file;

struct inode {
    char name[NAME_MAX_LEN + 1];
    uint32_t mode;                      /* S_IF* | permissions */
    uint64_t ino;
    uint8_t *data;                      /* regular files */
    uint64_t size, capacity;
    struct inode *parent, *child, *next;
    int (*dev_read)(void *buf, size_t len);         /* character devices */
    int (*dev_write)(const void *buf, size_t len);
    long (*dev_ioctl)(struct file *f, uint64_t cmd, uint64_t arg);
    uint64_t rdev;
    unsigned int opens;                 /* open files on it */
    bool unlinked;                      /* removed: goes back with its last close */
};

void fs_init(const void *cpio, size_t len);
int fs_lookup(const struct inode *cwd, const char *path, struct inode **out);   /* 0 or -errno */
struct inode *fs_root(void);
void fs_path_of(const struct inode *n, char *buf, size_t len);
int random_bytes(void *buf, size_t len);       /* xorshift, seeded by the TSC */
struct inode *fs_child(const struct inode *dir, const char *name, size_t len);
struct inode *fs_new_inode(struct inode *dir, const char *name, size_t len, uint32_t mode);

/* ---- tmpfs.c ---- */
long tmpfs_parent(const struct inode *cwd, const char *path, struct inode **dir, char *name);
long tmpfs_create(struct inode *dir, const char *name, uint32_t mode, struct inode **out);
long tmpfs_truncate(struct inode *n, uint64_t size);
long tmpfs_write(struct inode *n, uint64_t pos, uint64_t ubuf, uint64_t len);
long tmpfs_unlink(struct inode *dir, const char *name, bool rmdir);
long tmpfs_rename(struct inode *odir, const char *oname, struct inode *ndir, const char *nname);
void tmpfs_release(struct inode *n);

/* ---- files.c ---- */
#define MAX_FDS 64

struct file {
    struct inode *inode;
    uint64_t pos;
    int flags;                          /* O_ACCMODE, O_APPEND, ... */
    unsigned int refs;
    uint64_t dir_pos;                   /* getdents64: the next child's index */
    void *priv;                         /* the device's, per open file (evtchn) */
};

struct file *file_open(struct inode *n, int flags);
void file_put(struct file *f);
long fd_install(struct file *f, int min_fd);     /* the fd, or -EMFILE */
struct file *fd_get(int fd);                     /* NULL: -EBADF */
long fd_close(int fd);

/* ---- the process (proc.c) ---- */
#define MAX_PROCS   32
#define KSTACK_SIZE 32768
#define NSIG        64

enum proc_state { P_FREE, P_NEW, P_RUNNABLE, P_SLEEPING, P_ZOMBIE };

struct sigaction_k {                    /* Linux's struct sigaction for rt_sigaction */
    uint64_t handler, flags, restorer, mask;
};

struct proc {
    enum proc_state state;
    int pid, pgid, sid;
    struct proc *parent;
    struct proc *vfork_parent;          /* waiting in vfork until this execs or exits */
    struct mm *mm;
    struct file *fd[MAX_FDS];
    bool cloexec[MAX_FDS];
    struct inode *cwd;
    uint32_t umask;
    uint64_t fs_base, tid_address;
    struct sigaction_k sigaction[NSIG + 1];
    uint64_t sigmask, sigpending;       /* bit (sig - 1) */
    int exit_status;                    /* wait status: (code << 8) or the signal */
    uint64_t wake_at;                   /* sleeping: the deadline (ns), 0 for none */
    struct uregs *uregs;                /* the user registers saved at entry */
    uint64_t ksp;                       /* saved kernel stack pointer while switched out */
    uint8_t fpu[512] __attribute__((aligned(16)));      /* FXSAVE, while switched out */
    uint8_t kstack[KSTACK_SIZE] __attribute__((aligned(16)));
};

extern struct proc *current;

struct proc *proc_find(int pid);
struct proc *proc_slot(unsigned int i);
struct proc *proc_new(struct proc *parent);     /* a fresh slot, or NULL (-EAGAIN) */
void proc_start(struct proc *p, const struct uregs *regs);  /* runnable: enters user mode */
void proc_discard(struct proc *p);      /* a new process that could not be made */
void __attribute__((noreturn)) proc_exit(int wait_status);
long proc_wait(int pid, uint64_t ustatus, int options);    /* wait4 */
unsigned int proc_count(void);
void proc_kill_all(void);               /* init has gone: the rest go too */

/* ---- sched.c ---- */
void sched_init(void);
void schedule(void);                    /* events masked: the next runnable process runs */
void sched_wake_all(void);              /* every sleeper looks again at what it waits for */
void sched_event(bool timer);           /* from the event callback */
void sched_preempt(void);               /* on the way back to user mode */
void sched_idle(void);                  /* the boot context, until init has exited */
extern bool init_exited;
extern int init_status;                 /* its wait status */
/* sleep until cond(arg) holds: 0; -ETIMEDOUT at the deadline (ns, 0: none);
 * -EINTR when interruptible and a signal is to be handled */
long wait_event(bool (*cond)(void *), void *arg, uint64_t deadline_ns, bool interruptible);
void events_mask(void);
void events_unmask(void);

/* ---- signal.c ---- */
#define ERESTARTSYS 512                 /* internal: restart, or EINTR when a handler runs */
void signal_send(struct proc *p, int sig);
void signal_send_group(int pgid, int sig);
bool signal_pending(const struct proc *p);
bool signal_force(int sig);             /* a fault's signal on current: true if handled */
void signal_deliver(struct uregs *r, long *restart_rax);   /* on the way back to user mode */
void signal_exec_reset(struct proc *p);
long signal_return(struct uregs *r);    /* rt_sigreturn */

/* ---- exec.c ---- */
long exec_load(struct proc *p, const char *path, char *const argv[], char *const envp[],
               struct uregs *regs);

/* ---- syscall.c, entry.S, switch.S ---- */
void syscall_dispatch(struct uregs *r);
extern uint64_t syscall_iret_flags;     /* VGCF_in_syscall, or 0 to restore RCX and R11 */
void ret_to_user(void);                 /* a new process's first return: pops struct uregs */
void switch_context(uint64_t *save_ksp, uint64_t ksp);
void user_fault(unsigned int vector, uint64_t error, uint64_t rip, uint64_t cr2);

/* ---- pipe.c ---- */
bool is_pipe(const struct inode *n);
void pipe_release(struct file *f);
long pipe_read(struct file *f, uint64_t ubuf, uint64_t len);
long pipe_write(struct file *f, uint64_t ubuf, uint64_t len);
short pipe_poll(const struct file *f);

/* ---- privcmd.c ---- */
long privcmd_ioctl(struct file *f, uint64_t cmd, uint64_t arg);
long privcmd_mmap(uint64_t addr, uint64_t len, unsigned int prot);

/* ---- evtchn-dev.c ---- */
long evtchn_open(struct file *f);
void evtchn_release(struct file *f);
long evtchn_ioctl(struct file *f, uint64_t cmd, uint64_t arg);
long evtchn_read(struct file *f, uint64_t ubuf, uint64_t len);
long evtchn_write(struct file *f, uint64_t ubuf, uint64_t len);
short evtchn_poll(const struct file *f);
static inline bool is_evtchn(const struct inode *n) { return n->dev_ioctl == evtchn_ioctl; }

/* ---- console.c ---- */
void console_init(void);
bool console_readable(void);            /* a line (or end of input) waits */
int console_read(void *buf, size_t len);
int console_write_dev(const void *buf, size_t len);
extern int console_pgrp;                /* the foreground process group */

#endif
