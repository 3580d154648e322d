/*
 * PIT channel 2 as a one-shot reference interval for calibration.
 */
#ifndef ASM_PIT_H
#define ASM_PIT_H

#include <hv/types.h>

#define PIT_CALIBRATE_MS 50     /* must stay under 65535 PIT ticks (~54 ms) */

void pit_start_oneshot(u32 ms);
bool pit_oneshot_done(void);

#endif
