/*
 * The CMOS real-time clock, read once at boot for the guests' wallclock
 * (shared_info wc_sec/wc_nsec): seconds since 1970 at system time 0. Waits
 * for the end of an update cycle, then reads the fields (BCD or binary, as
 * the RTC's status register B says).
 */
#include <asm/rtc.h>
#include <asm/x86.h>

#define CMOS_ADDR 0x70
#define CMOS_DATA 0x71

static u8 cmos_read(u8 reg)
{
    outb(CMOS_ADDR, reg);
    return inb(CMOS_DATA);
}

static unsigned int field(u8 v, bool bcd)
{
    return bcd ? (v >> 4) * 10 + (v & 0xf) : v;
}

/* days from 1970-01-01 to y-m-d (proleptic Gregorian) */
static u64 days_since_epoch(unsigned int y, unsigned int m, unsigned int d)
{
    static const unsigned int before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
    u64 days = (u64)(y - 1970) * 365 + (y - 1969) / 4 - (y - 1901) / 100 + (y - 1601) / 400;

    days += before[m - 1] + d - 1;
    if ( m > 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) )
        days++;
    return days;
}

u64 rtc_unix_seconds(void)
{
    unsigned int sec, min, hour, day, mon, year;
    bool bcd;

    while ( cmos_read(0x0a) & 0x80 )     /* update in progress */
        cpu_relax();
    bcd = !(cmos_read(0x0b) & 0x04);
    sec = field(cmos_read(0x00), bcd);
    min = field(cmos_read(0x02), bcd);
    hour = field(cmos_read(0x04) & 0x7f, bcd);
    day = field(cmos_read(0x07), bcd);
    mon = field(cmos_read(0x08), bcd);
    year = field(cmos_read(0x09), bcd) + 2000;
    if ( mon < 1 || mon > 12 || day < 1 || day > 31 )
        return 0;
    return days_since_epoch(year, mon, day) * 86400 + hour * 3600 + min * 60 + sec;
}
