/*
 * Monotonic time for the hypervisor: NOW() in nanoseconds since machine reset, from the
 * TSC scaled by the frequency measured against the PIT at boot.
 */
#ifndef HV_TIME_H
#define HV_TIME_H

#include <hv/types.h>

typedef u64 s_time_t;   /* ns since machine reset */

struct time_calibration {
    u64 tsc_khz;
    u64 apic_timer_khz;     /* local APIC timer ticks at divide-by-1 */
};

extern struct time_calibration time_cal;

void time_init(void);
s_time_t NOW(void);

#endif
