/*
 * Time: measure the TSC and the local APIC timer against one PIT interval, then
 * serve NOW() from the TSC, which counts from machine reset. The TSC -> ns factor is a 32.32 fixed-point
 * multiplier, so NOW() is one multiply and a shift. Assumes an invariant TSC
 * (every CPU the hypervisor targets, and QEMU, has one).
 */
#include <asm/apic.h>
#include <asm/pit.h>
#include <asm/x86.h>
#include <hv/printk.h>
#include <hv/time.h>
#include <hv/timer.h>

struct time_calibration time_cal;
static u64 ns_per_tsc_32_32;    /* ns per TSC tick, 32.32 fixed point */

void time_init(void)
{
    u64 tsc0, tsc1;
    u32 apic_left;

    apic_write(APIC_TIMER_DIV, 0xb);            /* divide by 1 */
    apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
    pit_start_oneshot(PIT_CALIBRATE_MS);
    apic_write(APIC_TIMER_INIT, 0xffffffff);
    tsc0 = rdtsc();
    while ( !pit_oneshot_done() )
        cpu_relax();
    tsc1 = rdtsc();
    apic_left = apic_read(APIC_TIMER_CUR);
    apic_write(APIC_TIMER_INIT, 0);

    time_cal.tsc_khz = (tsc1 - tsc0) / PIT_CALIBRATE_MS;
    time_cal.apic_timer_khz = (0xffffffffu - apic_left) / PIT_CALIBRATE_MS;
    if ( !time_cal.tsc_khz )
        time_cal.tsc_khz = 1;
    ns_per_tsc_32_32 = (1000000ULL << 32) / time_cal.tsc_khz;
    pr_info("time: TSC %lu.%03lu MHz, APIC timer %lu.%03lu MHz (against the PIT)\n",
            (unsigned long)(time_cal.tsc_khz / 1000), (unsigned long)(time_cal.tsc_khz % 1000),
            (unsigned long)(time_cal.apic_timer_khz / 1000),
            (unsigned long)(time_cal.apic_timer_khz % 1000));
}

s_time_t NOW(void)
{
    return (u64)(((unsigned __int128)rdtsc() * ns_per_tsc_32_32) >> 32);
}

/* one-shot local APIC timer, divide-by-1, after `ns` (0: stop) */
void arch_timer_program(s_time_t ns)
{
    u64 ticks;

    if ( ns > 1000000000000LL )
        ns = 1000000000000LL;       /* 1000 s: keeps ns * kHz within 64 bits */
    ticks = (u64)ns * time_cal.apic_timer_khz / 1000000;
    if ( !ns )
    {
        apic_write(APIC_TIMER_INIT, 0);
        return;
    }
    apic_write(APIC_LVT_TIMER, APIC_TIMER_VECTOR);      /* one-shot, unmasked */
    apic_write(APIC_TIMER_INIT, (u32)MAX(1, MIN(ticks, 0xffffffffUL)));
}
