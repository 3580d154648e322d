/*
 * Hypervisor log. Every line goes to the console prefixed "(sierra) " when its
 * level is at or above the threshold set by loglvl= (default info).
 */
#ifndef HV_PRINTK_H
#define HV_PRINTK_H

#include <hv/types.h>

enum log_level { LOG_NONE, LOG_ERR, LOG_WARN, LOG_INFO, LOG_DEBUG };

void printk_level(enum log_level level, const char *fmt, ...) __printf(2, 3);
void vprintk_level(enum log_level level, const char *fmt, va_list ap);
int log_level_parse(const char *name, enum log_level *out);
void log_set_threshold(enum log_level level);

#define printk(...)     printk_level(LOG_INFO, __VA_ARGS__)
#define pr_err(...)     printk_level(LOG_ERR, __VA_ARGS__)
#define pr_warn(...)    printk_level(LOG_WARN, __VA_ARGS__)
#define pr_info(...)    printk_level(LOG_INFO, __VA_ARGS__)
#define pr_debug(...)   printk_level(LOG_DEBUG, __VA_ARGS__)

/* The console sink: serial.c provides it; unit tests provide their own. */
void console_write(const char *s, size_t len);

#endif
