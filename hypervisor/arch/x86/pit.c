/*
 * The legacy PIT as a reference clock: channel 2 counts down a known number of
 * its 1.193182 MHz ticks with the speaker gate on and the speaker off, and the
 * output bit in port 0x61 tells when it is done. Used once at boot to measure
 * the TSC and the local APIC timer; nothing uses the PIT after that.
 */
#include <asm/pit.h>
#include <asm/x86.h>

#define PIT_HZ          1193182
#define PIT_CH2         0x42
#define PIT_MODE        0x43
#define PORT_B          0x61

void pit_start_oneshot(u32 ms)
{
    u32 count = PIT_HZ / 1000 * ms;
    u8 b = inb(PORT_B);

    outb(PORT_B, (b & ~0x03) | 0x00);   /* gate low, speaker off */
    outb(PIT_MODE, 0xb0);               /* channel 2, lobyte/hibyte, mode 0 */
    outb(PIT_CH2, count & 0xff);
    outb(PIT_CH2, count >> 8);
    outb(PORT_B, (b & ~0x03) | 0x01);   /* gate high: start counting */
}

bool pit_oneshot_done(void)
{
    return inb(PORT_B) & 0x20;          /* OUT2 goes high at terminal count */
}
