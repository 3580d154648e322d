/*
 * Event channels for kit guests: map shared_info, take upcalls, and call a
 * handler per port. kit_events_init() registers the event callback (through
 * the trap stubs) and enables events; handlers run in the upcall with events
 * masked.
 */
#ifndef SIERRA_GUEST_EVENTS_H
#define SIERRA_GUEST_EVENTS_H

#include <sierra/shared-info.h>

extern struct pv_shared_info *kit_shared_info;
extern struct pv_vcpu_info *kit_vcpu_info;

void kit_events_init(void *shared_info_va);
void kit_bind_handler(unsigned int port, void (*fn)(unsigned int port));
long kit_bind_virq(unsigned int virq);              /* port, or -errno */
unsigned long kit_system_time_ns(void);             /* from vcpu_time_info */
/* VCPUOP_register_vcpu_info to (the frame of) va + offset; 0 or -errno */
long kit_move_vcpu_info(void *va, unsigned int offset);

#endif
