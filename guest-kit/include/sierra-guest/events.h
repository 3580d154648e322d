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
/* the upcall's work - every pending, unmasked port to its handler - for a
 * kernel with its own trap handler, to call on KIT_EVENT_VECTOR */
void kit_events_dispatch(void);
long kit_bind_virq(unsigned int virq);              /* port, or -errno */
unsigned long kit_system_time_ns(void);             /* from vcpu_time_info */
/* Sleep until *counter (bumped by an event handler) reaches target, without
 * the lost wake-up a plain `while ( *counter < target ) block;` has (the
 * event handled between the check and the block): events are masked while
 * the counter is read, and SCHEDOP_block unmasks and sleeps in one step -
 * the idiom of a PV kernel's `cli; check; safe_halt`. */
void kit_wait_until(const volatile unsigned int *counter, unsigned int target);
/* VCPUOP_register_vcpu_info to (the frame of) va + offset; 0 or -errno */
long kit_move_vcpu_info(void *va, unsigned int offset);

#endif
