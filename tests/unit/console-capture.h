/*
 * The console sink for host unit tests: printk's output is kept in a buffer
 * the tests read back (and reset) instead of going to a UART.
 */
#ifndef UNIT_CONSOLE_CAPTURE_H
#define UNIT_CONSOLE_CAPTURE_H

#include <stddef.h>

extern char console_captured[8192];
extern size_t console_captured_len;

void console_capture_reset(void);

#endif
