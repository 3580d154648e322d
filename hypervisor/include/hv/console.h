/*
 * The serial console: select and initialise the UART named by console=, and
 * read keys typed on it (debug keys, or dom0's input).
 */
#ifndef HV_CONSOLE_H
#define HV_CONSOLE_H

#include <hv/lib.h>

int uart_init(const char *name);     /* "com1", "com2" or "none"; -EINVAL otherwise */
int uart_getc(void);                 /* a byte, or -EAGAIN when none is waiting */

u16 uart_io_base(void);     /* the console's I/O ports start here (0: none) */

/* console-input.c: what is typed goes to dom0 (CONSOLEIO_read, VIRQ_CONSOLE) */
void console_input_start(void);
size_t console_input_read(char *buf, size_t len);

#endif
