/*
 * Guest time (hv/vtime.h). System time is ns since the machine started
 * (NOW()); a guest computes it from its vcpu_time_info as
 *   system_time + (((tsc - tsc_timestamp) << tsc_shift) * tsc_to_system_mul >> 32)
 * so the record carries a 0.32 multiplier and a shift chosen to keep it in
 * [2^31, 2^32). Updates follow the version protocol (odd while writing). The
 * wallclock is the RTC's reading at system time 0. vCPU timers raise
 * VIRQ_TIMER; every vCPU starts with Xen's default 10 ms periodic timer, which
 * PV kernels stop when they use one-shot timers. A vCPU may also name a
 * second record at a guest address (Linux maps it into its vDSO): written with
 * the same protocol at each update made while the vCPU runs in kernel mode -
 * through the guest's own mappings, so only then, as on Xen; a stale copy
 * still gives the right time, since it is the same line from an older point.
 */
#include <asm/guest-access.h>
#include <asm/rtc.h>
#include <asm/x86.h>
#include <hv/lib.h>
#include <hv/vtime.h>

#define MS(n)               ((s_time_t)(n) * 1000000)
#define DEFAULT_PERIOD      MS(10)

static u64 boot_unix_seconds;
static u32 tsc_mul;
static s8 tsc_shift;
static u8 tsc_flags;    /* TSC_STABLE only with an invariant TSC, as Xen */

void vtime_init(void)
{
    u64 mul;
    int shift = 0;

    boot_unix_seconds = rtc_unix_seconds() - NOW() / 1000000000;
    /* ns = ((delta << shift) * mul) >> 32  =>  mul = 1e9 * 2^32 / (tsc_hz * 2^shift) */
    mul = (1000000ULL << 32) / time_cal.tsc_khz;
    while ( mul >= (1ULL << 32) )
    {
        mul >>= 1;
        shift++;
    }
    while ( mul < (1ULL << 31) && shift > -31 )
    {
        mul <<= 1;
        shift--;
    }
    tsc_mul = (u32)mul;
    tsc_shift = (s8)shift;
    {
        u32 a, b, c, d;

        cpuid_count(0x80000000, 0, &a, &b, &c, &d);
        if ( a >= 0x80000007 )
            cpuid_count(0x80000007, 0, &a, &b, &c, &d);
        else
            d = 0;
        if ( d & (1u << 8) )
            tsc_flags = PV_PVCLOCK_TSC_STABLE_BIT;
    }
}

static void write_area(u64 va, const struct pv_vcpu_time_info *t);

void vtime_update(struct vcpu *v)
{
    struct pv_vcpu_time_info *t = &v->vcpu_info->time;
    u64 tsc = rdtsc();

    __atomic_store_n(&t->version, t->version + 1, __ATOMIC_SEQ_CST);       /* odd */
    t->tsc_timestamp = tsc;
    t->system_time = (u64)(((unsigned __int128)tsc * ((1000000ULL << 32) / time_cal.tsc_khz)) >> 32);
    t->tsc_to_system_mul = tsc_mul;
    t->tsc_shift = tsc_shift;
    t->flags = tsc_flags;
    __atomic_store_n(&t->version, t->version + 1, __ATOMIC_SEQ_CST);       /* even */
    if ( v->time_area && v == current && v->kernel_mode )
        write_area(v->time_area, t);
}

/* the second copy: version odd, the record, version even (faults ignored:
 * the guest unmapped it) */
static void write_area(u64 va, const struct pv_vcpu_time_info *t)
{
    struct pv_vcpu_time_info copy = *t;
    u32 odd = t->version | 1;

    if ( copy_to_guest(va + offsetof(struct pv_vcpu_time_info, version), &odd, sizeof(odd)) )
        return;
    copy.version = odd;
    copy_to_guest(va, &copy, sizeof(copy));
    copy_to_guest(va + offsetof(struct pv_vcpu_time_info, version), &t->version,
                  sizeof(t->version));
}

long vtime_register_area(struct vcpu *v, u64 va)
{
    if ( va && !guest_range_ok(va, sizeof(struct pv_vcpu_time_info)) )
        return -EFAULT;
    v->time_area = va;
    if ( va && current && current->domain == v->domain && current->kernel_mode )
        write_area(va, &v->vcpu_info->time);
    return 0;
}

static void singleshot_fired(struct timer *t)
{
    struct vcpu *v = container_of(t, struct vcpu, singleshot_timer);

    vtime_update(v);
    evtchn_send_virq(v->domain, v->id, PV_VIRQ_TIMER);
}

static void periodic_fired(struct timer *t)
{
    struct vcpu *v = container_of(t, struct vcpu, periodic_timer);
    s_time_t next = t->expires + v->periodic_period, now = NOW();

    vtime_update(v);
    evtchn_send_virq(v->domain, v->id, PV_VIRQ_TIMER);
    timer_set(t, next > now ? next : now + v->periodic_period);
}

void vcpu_set_singleshot(struct vcpu *v, s_time_t deadline)
{
    v->singleshot_timer.fn = singleshot_fired;
    timer_set(&v->singleshot_timer, deadline);
}

void vcpu_stop_singleshot(struct vcpu *v)
{
    timer_stop(&v->singleshot_timer);
}

long vcpu_set_periodic(struct vcpu *v, s_time_t period)
{
    if ( !period )
    {
        v->periodic_period = 0;
        timer_stop(&v->periodic_timer);
        return 0;
    }
    if ( period < MS(1) )
        return -EINVAL;         /* as Xen: no periodic timer faster than 1 kHz */
    v->periodic_period = period;
    v->periodic_timer.fn = periodic_fired;
    timer_set(&v->periodic_timer, NOW() + period);
    return 0;
}

void vtime_start_domain(struct domain *d)
{
    struct pv_shared_info *si = d->shared_info;

    __atomic_store_n(&si->wc_version, si->wc_version + 1, __ATOMIC_SEQ_CST);
    si->wc_sec = (u32)boot_unix_seconds;
    si->wc_sec_hi = (u32)(boot_unix_seconds >> 32);
    si->wc_nsec = 0;
    __atomic_store_n(&si->wc_version, si->wc_version + 1, __ATOMIC_SEQ_CST);
}

void vtime_start_vcpu(struct vcpu *v)
{
    vtime_update(v);
    vcpu_set_periodic(v, DEFAULT_PERIOD);
}

void vtime_stop_domain(struct domain *d)
{
    for ( unsigned int i = 0; i < d->nr_vcpus; i++ )
    {
        timer_stop(&d->vcpu[i]->singleshot_timer);
        timer_stop(&d->vcpu[i]->periodic_timer);
    }
}
