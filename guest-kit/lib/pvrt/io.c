/*
 * Port I/O for a kernel that drives a PC's devices. Some devices have a PV
 * meaning and are modelled here: the 16550 serial port COM1 (what the kernel
 * transmits goes to the console, a line at a time; the status registers say
 * "transmitter empty, nothing received"), QEMU's exit port (0xf4: shut the
 * domain down, powered off for 0 and crashed otherwise), the 8259 PICs
 * (pic.c) and the 8254 timer (pit.c). Every other port is real I/O: the
 * instruction runs here and the hypervisor emulates it as the domain's I/O
 * permissions allow (physdev_op), or raises #GP.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include "pvrt-internal.h"

#define COM1        0x3f8
#define EXIT_PORT   0xf4
#define UART_LCR_DLAB 0x80

static char line[160];
static unsigned int line_len;
static uint8_t uart[8];         /* IER, IIR/FCR, LCR, MCR, LSR, MSR, SCR as written */

void pvrt_console_flush(void)
{
    if ( line_len )
        console_write(line, line_len);
    line_len = 0;
}

static void uart_out(unsigned int reg, uint8_t v)
{
    if ( reg == 0 && !(uart[3] & UART_LCR_DLAB) )
    {
        line[line_len++] = (char)v;
        if ( v == '\n' || line_len == sizeof(line) )
            pvrt_console_flush();
        return;
    }
    uart[reg] = v;
}

static uint8_t uart_in(unsigned int reg)
{
    switch ( reg )
    {
    case 0: return 0;                   /* nothing received */
    case 2: return 0x01;                /* IIR: no interrupt pending */
    case 5: return 0x60;                /* LSR: transmitter empty and idle */
    case 6: return 0xb0;                /* MSR: DCD, DSR, CTS */
    default: return uart[reg];
    }
}

static bool is_pic(uint16_t port) { return port == 0x20 || port == 0x21 || port == 0xa0 || port == 0xa1; }
static bool is_pit(uint16_t port) { return port >= 0x40 && port <= 0x43; }

uint32_t pvrt_port_in(uint16_t port, unsigned int size)
{
    uint32_t v;

    if ( size == 1 && port >= COM1 && port < COM1 + 8 )
        return uart_in(port - COM1);
    if ( size == 1 && is_pic(port) )
        return pvrt_pic_in(port);
    if ( size == 1 && is_pit(port) )
        return pvrt_pit_in(port);
    switch ( size )
    {
    case 1: { uint8_t b; asm volatile("inb %1, %0" : "=a"(b) : "Nd"(port)); return b; }
    case 2: { uint16_t w; asm volatile("inw %1, %0" : "=a"(w) : "Nd"(port)); return w; }
    default: asm volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v;
    }
}

void pvrt_port_out(uint16_t port, unsigned int size, uint32_t v)
{
    if ( port == EXIT_PORT )
    {
        pvrt_console_flush();
        shutdown(v == 0 ? PV_SHUTDOWN_poweroff : PV_SHUTDOWN_crash);
    }
    if ( size == 1 && port >= COM1 && port < COM1 + 8 )
        return uart_out(port - COM1, (uint8_t)v);
    if ( size == 1 && is_pic(port) )
        return pvrt_pic_out(port, (uint8_t)v);
    if ( size == 1 && is_pit(port) )
        return pvrt_pit_out(port, (uint8_t)v);
    switch ( size )
    {
    case 1: asm volatile("outb %0, %1" :: "a"((uint8_t)v), "Nd"(port)); break;
    case 2: asm volatile("outw %0, %1" :: "a"((uint16_t)v), "Nd"(port)); break;
    default: asm volatile("outl %0, %1" :: "a"(v), "Nd"(port)); break;
    }
}
