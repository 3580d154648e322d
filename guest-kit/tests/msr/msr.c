/*
 * msr: rdmsr and wrmsr from a PV kernel (ring 3: each one #GPs and the
 * hypervisor emulates what its MSR policy allows, else delivers the #GP).
 * One line per MSR: whether the read faulted and, where the value is the
 * same on every machine and hypervisor, the value; then the writes a PV
 * kernel makes (segment bases, the same EFER back) and ones it may not.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <hv/lib.h>

static volatile unsigned int gps;

static void on_trap(struct kit_trap_frame *f)
{
    if ( f->vector != 13 || f->error_code != 0 )
    {
        printf("not ok - vector %lu error %#lx\n", (unsigned long)f->vector,
               (unsigned long)f->error_code);
        shutdown(3);
    }
    gps++;
    f->rip += 2;                        /* rdmsr / wrmsr: 0f 32 / 0f 30 */
}

static bool rd(unsigned int msr, unsigned long *v)
{
    unsigned int lo = 0, hi = 0, before = gps;

    asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    *v = ((unsigned long)hi << 32) | lo;
    return gps == before;
}

static bool wr(unsigned int msr, unsigned long v)
{
    unsigned int before = gps;

    asm volatile("wrmsr" :: "c"(msr), "a"((unsigned int)v), "d"((unsigned int)(v >> 32)));
    return gps == before;
}

struct probe {
    unsigned int msr;
    const char *name;
    unsigned long show;                 /* bits whose value is printed */
};

static const struct probe probes[] = {
    { 0x10, "TSC", 0 }, { 0x17, "PLATFORM_ID", 0 }, { 0x1b, "APIC_BASE", ~0UL },
    { 0x3a, "FEATURE_CONTROL", 0 }, { 0x8b, "UCODE_REV", ~0UL }, { 0xce, "PLATFORM_INFO", ~0UL },
    { 0xfe, "MTRRcap", 0 }, { 0x174, "SYSENTER_CS", 0 }, { 0x1a0, "MISC_ENABLE", ~0UL },
    { 0x1d9, "DEBUGCTL", ~0UL }, { 0x277, "PAT", ~0UL }, { 0x2ff, "MTRRdefType", 0 },
    { 0x48, "SPEC_CTRL", 0 }, { 0x10a, "ARCH_CAPABILITIES", 0 }, { 0x6e0, "TSC_DEADLINE", 0 },
    { 0xe7, "MPERF", 0 }, { 0x19a, "CLOCK_MODULATION", 0 },
    { 0xc0000080, "EFER", 0xd01 }, { 0xc0000081, "STAR", 0 }, { 0xc0000082, "LSTAR", 0 },
    { 0xc0000084, "FMASK", 0 }, { 0xc0000100, "FS_BASE", ~0UL }, { 0xc0000101, "GS_BASE", ~0UL },
    { 0xc0000102, "SHADOW_GS_BASE", ~0UL }, { 0xc0000103, "TSC_AUX", ~0UL },
    { 0x179, "MCG_CAP", ~0UL }, { 0x17a, "MCG_STATUS", ~0UL }, { 0x17b, "MCG_CTL", ~0UL },
    { 0x400, "MC0_CTL", ~0UL }, { 0x401, "MC0_STATUS", ~0UL }, { 0x402, "MC0_ADDR", ~0UL },
    { 0x403, "MC0_MISC", ~0UL }, { 0x405, "MC1_STATUS", ~0UL }, { 0x408, "MC2_CTL", ~0UL },
    { 0x47f, "MC31_MISC", ~0UL }, { 0x480, "past the banks", ~0UL }, { 0x280, "MC0_CTL2", ~0UL }, { 0xc0000410, "AMD MCA_INTR_CFG", ~0UL },
    { 0xc0010015, "AMD_HWCR", ~0UL }, { 0x40000000, "hypervisor range", ~0UL }, { 0x12345, "unknown", 0 },
};

int main(void)
{
    unsigned long v, efer = 0, misc = 0;
    bool ok;

    printf("msr: start\n");
    kit_trap_handler = on_trap;
    kit_install_traps(0);
    for ( unsigned int i = 0; i < sizeof(probes) / sizeof(probes[0]); i++ )
    {
        const struct probe *p = &probes[i];
        bool ok = rd(p->msr, &v);

        if ( p->msr == 0xc0000080 )
            efer = v;
        if ( !ok )
            check(1, "rdmsr %#x %s: #GP", p->msr, p->name);
        else if ( p->show )
            check(1, "rdmsr %#x %s: %#lx", p->msr, p->name, v & p->show);
        else
            check(1, "rdmsr %#x %s: read", p->msr, p->name);
    }
    check(wr(0xc0000100, 0x1234000), "wrmsr FS_BASE -> emulated");
    ok = rd(0xc0000100, &v);
    check(ok && v == 0x1234000, "FS_BASE reads back %#lx", v);
    check(!wr(0xc0000100, 0x8000000000000000UL), "wrmsr FS_BASE non-canonical -> #GP");
    ok = wr(0xc0000102, 0x5678000) && rd(0xc0000102, &v);
    check(ok && v == 0x5678000, "wrmsr SHADOW_GS_BASE, reads back %#lx", v);
    check(wr(0xc0000100, 0), "wrmsr FS_BASE 0");
    check(1, "wrmsr EFER, its own value: %s", wr(0xc0000080, efer) ? "emulated" : "#GP");
    check(1, "wrmsr EFER without NXE: %s", wr(0xc0000080, efer & ~0x800UL) ? "emulated" : "#GP");
    ok = rd(0xc0000080, &v);
    check(ok && v == efer, "EFER unchanged: %#lx", v & 0xd01);
    rd(0x1a0, &misc);
    check(1, "wrmsr MISC_ENABLE, its own value: %s", wr(0x1a0, misc) ? "emulated" : "#GP");
    check(1, "wrmsr PAT: %s", wr(0x277, 0x0007040600070406UL) ? "emulated" : "#GP");
    check(1, "wrmsr LSTAR: %s", wr(0xc0000082, 0xffffffff80001000UL) ? "emulated" : "#GP");
    check(1, "wrmsr SYSENTER_EIP: %s", wr(0x176, 0) ? "emulated" : "#GP");
    check(1, "wrmsr MISC_ENABLE: %s", wr(0x1a0, 0) ? "emulated" : "#GP");
    check(1, "wrmsr unknown 0x12345: %s", wr(0x12345, 0) ? "emulated" : "#GP");
    check(1, "wrmsr DEBUGCTL 0: %s", wr(0x1d9, 0) ? "emulated" : "#GP");
    check(1, "wrmsr MCG_STATUS 0: %s", wr(0x17a, 0) ? "emulated" : "#GP");
    check(1, "wrmsr MCG_CTL ~0: %s", wr(0x17b, ~0UL) ? "emulated" : "#GP");
    check(1, "wrmsr MC0_CTL ~0: %s", wr(0x400, ~0UL) ? "emulated" : "#GP");
    check(1, "wrmsr MC0_STATUS 0: %s", wr(0x401, 0) ? "emulated" : "#GP");
    check(1, "wrmsr MC0_STATUS 1: %s", wr(0x401, 1) ? "emulated" : "#GP");
    check(1, "wrmsr MC1_ADDR 0: %s", wr(0x406, 0) ? "emulated" : "#GP");
    check(1, "wrmsr MC2_CTL ~0: %s", wr(0x408, ~0UL) ? "emulated" : "#GP");
    check(1, "wrmsr MC1_ADDR 5: %s", wr(0x406, 5) ? "emulated" : "#GP");
    check(1, "wrmsr MC1_MISC 5: %s", wr(0x407, 5) ? "emulated" : "#GP");
    check(1, "wrmsr MC0_CTL 0: %s", wr(0x400, 0) ? "emulated" : "#GP");
    check(1, "wrmsr MCG_STATUS 1: %s", wr(0x17a, 1) ? "emulated" : "#GP");
    check(1, "wrmsr MCG_CAP 2: %s", wr(0x179, 2) ? "emulated" : "#GP");
    check(1, "wrmsr MC0_CTL2 0: %s", wr(0x280, 0) ? "emulated" : "#GP");
    check(1, "wrmsr MC5_STATUS 0: %s", wr(0x415, 0) ? "emulated" : "#GP");
    check(1, "wrmsr MC5_STATUS 1: %s", wr(0x415, 1) ? "emulated" : "#GP");
    check(1, "wrmsr MC0_CTL2 1: %s", wr(0x280, 1) ? "emulated" : "#GP");
    check(1, "wrmsr MCG_CTL 5: %s", wr(0x17b, 5) ? "emulated" : "#GP");
    ok = rd(0x17a, &v);
    check(1, "MCG_STATUS after the writes: %s %#lx", ok ? "read" : "#GP", ok ? v : 0);
    check(1, "wrmsr MCG_STATUS 0 again: %s", wr(0x17a, 0) ? "emulated" : "#GP");
    ok = rd(0x401, &v);
    check(1, "MC0_STATUS after the writes: %s %#lx", ok ? "read" : "#GP", ok ? v : 0);
    ok = rd(0x400, &v);
    check(1, "MC0_CTL after the writes: %s %#lx", ok ? "read" : "#GP", ok ? v : 0);
    ok = rd(0x406, &v);
    check(1, "MC1_ADDR after the writes: %s %#lx", ok ? "read" : "#GP", ok ? v : 0);
    printf("msr: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
