/*
 * 16550 UART console (COM1 at 0x3f8 or COM2 at 0x2f8), 115200 8N1, polled.
 * The hypervisor writes with interrupts off and never waits on the receiver,
 * so polling is all it needs; uart_getc() reads one byte if one is waiting.
 */
#include <asm/x86.h>
#include <hv/console.h>
#include <hv/printk.h>

#define UART_THR 0      /* transmit holding */
#define UART_RBR 0      /* receive buffer */
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_DLL 0      /* divisor latch, with LCR.DLAB */
#define UART_DLM 1
#define LSR_DATA_READY  0x01
#define LSR_THR_EMPTY   0x20

static u16 uart_base;   /* 0: console off */

int uart_init(const char *name)
{
    if ( !strcmp(name, "com1") )
        uart_base = 0x3f8;
    else if ( !strcmp(name, "com2") )
        uart_base = 0x2f8;
    else if ( !strcmp(name, "none") )
        uart_base = 0;
    else
        return -EINVAL;
    if ( !uart_base )
        return 0;
    outb(uart_base + UART_IER, 0x00);
    outb(uart_base + UART_LCR, 0x80);
    outb(uart_base + UART_DLL, 1);          /* 115200 baud */
    outb(uart_base + UART_DLM, 0);
    outb(uart_base + UART_LCR, 0x03);       /* 8 bits, no parity, 1 stop */
    outb(uart_base + UART_FCR, 0x07);       /* FIFOs on and cleared */
    outb(uart_base + UART_MCR, 0x03);       /* DTR, RTS */
    return 0;
}

static void uart_putc(char c)
{
    for ( unsigned int spin = 0; spin < 1000000; spin++ )
        if ( inb(uart_base + UART_LSR) & LSR_THR_EMPTY )
            break;
    outb(uart_base + UART_THR, c);
}

void console_write(const char *s, size_t len)
{
    if ( !uart_base )
        return;
    for ( ; len; len--, s++ )
    {
        if ( *s == '\n' )
            uart_putc('\r');
        uart_putc(*s);
    }
}

int uart_getc(void)
{
    if ( !uart_base || !(inb(uart_base + UART_LSR) & LSR_DATA_READY) )
        return -EAGAIN;
    return inb(uart_base + UART_RBR);
}

u16 uart_io_base(void)
{
    return uart_base;
}
