/*
 * The serial console: select and initialise the UART named by console=, and
 * read keys typed on it (debug keys).
 */
#ifndef HV_CONSOLE_H
#define HV_CONSOLE_H

#include <hv/lib.h>

int uart_init(const char *name);     /* "com1", "com2" or "none"; -EINVAL otherwise */
int uart_getc(void);                 /* a byte, or -EAGAIN when none is waiting */

u16 uart_io_base(void);     /* the console's I/O ports start here (0: none) */

#endif
