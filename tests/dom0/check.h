/*
 * One result line per check, as the dom0 test programs print them
 * (tests/boot/dom0-kernel.t compares the lines between machines):
 * "ok N - what" or "not ok N - what", flushed at once so that lines from
 * several processes come out in order.
 */
#ifndef TESTS_DOM0_CHECK_H
#define TESTS_DOM0_CHECK_H

#include <stdarg.h>
#include <stdio.h>

static int n, failed;

static void check(int ok, const char *fmt, ...)
{
    va_list ap;

    printf("%s %d - ", ok ? "ok" : "not ok", ++n);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    failed += !ok;
}

#endif
