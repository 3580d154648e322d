/*
 * Debug keys: single keys typed on the serial console while the hypervisor
 * has nothing else to do ('h' lists them).
 */
#ifndef HV_KEYHANDLER_H
#define HV_KEYHANDLER_H

void __attribute__((noreturn)) debug_key_loop(void);
void debug_key(int c);               /* run the key's handler, if it has one */
void print_memory_summary(void);

#endif
