/* The domu control guest's console relay (relay.c): one domU at a time. */
#ifndef DOMU_RELAY_H
#define DOMU_RELAY_H

/* 0 or -errno; window: a page of ours to map the domU's ring at */
long relay_start(unsigned int domid, unsigned long console_mfn, unsigned int console_port, void *window);
void relay_stop(void);      /* what is left in the ring is printed, then unbound and unmapped */

#endif
