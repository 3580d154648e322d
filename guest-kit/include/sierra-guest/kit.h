/*
 * The guest kit's runtime: what a kit guest gets before main() runs (the
 * start_info page, a stack, the hypercall page) and the services it uses
 * after (console output, shutdown). main() returns 0 for a clean power-off;
 * anything else shuts the domain down as crashed.
 */
#ifndef SIERRA_GUEST_KIT_H
#define SIERRA_GUEST_KIT_H

#include <stdarg.h>
#include <stddef.h>
#include <sierra/start-info.h>

extern struct pv_start_info *start_info;

int main(void);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void console_write(const char *s, size_t len);
void __attribute__((noreturn)) shutdown(unsigned int reason);

#endif
