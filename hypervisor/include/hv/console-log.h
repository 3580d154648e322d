/*
 * The hypervisor's console log (common/console-log.c): printk's lines kept
 * in a ring for sysctl readconsole.
 */
#ifndef HV_CONSOLE_LOG_H
#define HV_CONSOLE_LOG_H

#include <hv/types.h>
#include <sierra/sysctl.h>

void console_log_put(const char *s, size_t len);
long console_log_read(struct sierra_sysctl_readconsole *r);    /* 0 or -EFAULT */

#endif
