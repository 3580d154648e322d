/* The CMOS real-time clock (rtc.c). */
#ifndef ASM_RTC_H
#define ASM_RTC_H

#include <hv/types.h>

u64 rtc_unix_seconds(void);     /* 0 if the RTC reads as nonsense */

#endif
