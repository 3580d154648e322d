/*
 * cpuid: the CPUID a PV kernel sees through the forced-emulation prefix
 * (`ud2; .ascii "xen"; cpuid`), which is what Linux's xen_cpuid() uses. The
 * hypervisor answers from its PV policy: it hides what a ring-3 kernel must
 * not use (superpages, global pages, PCID, MONITOR, VMX/SVM, SMEP/SMAP,
 * 5-level paging...) and keeps what it may. Both hypervisors run on the same
 * QEMU CPU, so each leaf Linux reads is printed whole, except:
 *   - what names the CPU the code runs on (APIC ID), the caches and TLBs,
 *     and the TSC frequency each hypervisor measured;
 *   - Sierra's known difference from Xen (hypervisor/arch/x86/pv/cpuid.c):
 *     no FSGSBASE;
 *   - the extended leaves past the host's (Xen's policy always reaches
 *     0x80000021; both answer zeros in between).
 */
#include <sierra-guest/kit.h>

#define ALL     0xffffffffu

static void forced(unsigned int leaf, unsigned int sub, unsigned int r[4])
{
    asm volatile("ud2; .ascii \"xen\"; cpuid"
                 : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

struct leaf {
    unsigned int leaf, sub;
    unsigned int mask[4];               /* the bits printed */
};

static const struct leaf leaves[] = {
    { 0, 0, { ALL, ALL, ALL, ALL } },
    { 1, 0, { ALL, 0x0000ffffu, ALL, ALL } },
    { 6, 0, { ALL, ALL, ALL, ALL } },
    { 7, 0, { ALL, ~1u, ALL, ALL } },
    { 7, 1, { ALL, ALL, ALL, ALL } },
    { 0xd, 0, { ALL, ALL, ALL, ALL } },
    { 0xd, 1, { ALL, ALL, ALL, ALL } },
    { 0xd, 2, { ALL, ALL, ALL, ALL } },
    { 0xd, 3, { ALL, ALL, ALL, ALL } },
    { 0xd, 9, { ALL, ALL, ALL, ALL } },
    { 0x80000001, 0, { ALL, ALL, ALL, ALL } },
    { 0x80000002, 0, { ALL, ALL, ALL, ALL } },
    { 0x80000003, 0, { ALL, ALL, ALL, ALL } },
    { 0x80000004, 0, { ALL, ALL, ALL, ALL } },
    { 0x80000007, 0, { ALL, ALL, ALL, ALL } },
    { 0x80000008, 0, { ALL, ALL, ALL, ALL } },
    { 0x80000009, 0, { ALL, ALL, ALL, ALL } },
    { 0x40000000, 0, { ALL, ALL, ALL, ALL } },
    { 0x40000001, 0, { ALL, ALL, ALL, ALL } },
    { 0x40000002, 0, { ALL, ALL, ALL, ALL } },
    { 0x40000003, 0, { ALL, ALL, ALL, ALL } },
    { 0x40000003, 1, { ALL, ALL, ALL, ALL } },
    { 0x40000003, 2, { 0, ALL, ALL, ALL } },
    { 0x40000004, 0, { ALL, ALL, ALL, ALL } },
    { 0x40000005, 0, { ALL, ALL, ALL, ALL } },
    { 0x40000006, 0, { ALL, ALL, ALL, ALL } },
};

/* what a PV kernel must never be offered, whatever the host has */
static void hidden(void)
{
    unsigned int l1[4], l7[4], e1[4], e8[4];

    forced(1, 0, l1);
    forced(7, 0, l7);
    forced(0x80000001, 0, e1);
    forced(0x80000008, 0, e8);
    check(!(l1[3] & ((1u << 3) | (1u << 13) | (1u << 17))), "no PSE, PGE or PSE36");
    check(!(e1[3] & (1u << 26)), "no 1 GiB pages");
    check(!(l1[2] & ((1u << 3) | (1u << 5) | (1u << 17))), "no MONITOR, VMX or PCID");
    check(!(e1[2] & (1u << 2)), "no SVM");
    check(!(l7[1] & ((1u << 7) | (1u << 10) | (1u << 20))), "no SMEP, INVPCID or SMAP");
    check(!(l7[2] & (1u << 16)), "no 5-level paging");
    check(((e8[0] >> 8) & 0xff) == 48, "48-bit virtual addresses");
    check(l1[2] & (1u << 31), "the hypervisor bit");
}

int main(void)
{
    unsigned int r[4];

    for ( unsigned int i = 0; i < sizeof(leaves) / sizeof(leaves[0]); i++ )
    {
        const struct leaf *l = &leaves[i];

        forced(l->leaf, l->sub, r);
        printf("cpuid %#x.%u: eax %08x ebx %08x ecx %08x edx %08x\n", l->leaf, l->sub,
               r[0] & l->mask[0], r[1] & l->mask[1], r[2] & l->mask[2], r[3] & l->mask[3]);
    }
    hidden();
    printf("cpuid: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
