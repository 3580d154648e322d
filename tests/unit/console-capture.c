/*
 * console_write for host unit tests: append to a NUL-terminated buffer
 * (console-capture.h); whatever does not fit is dropped.
 */
#include <hv/printk.h>
#include <hv/lib.h>
#include "console-capture.h"

char console_captured[8192];
size_t console_captured_len;

void console_capture_reset(void)
{
    console_captured_len = 0;
    console_captured[0] = '\0';
}

void console_write(const char *s, size_t len)
{
    size_t room = sizeof(console_captured) - 1 - console_captured_len;

    if ( len > room )
        len = room;
    memcpy(console_captured + console_captured_len, s, len);
    console_captured_len += len;
    console_captured[console_captured_len] = '\0';
}
