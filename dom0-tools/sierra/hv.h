/*
 * The tools' way to the hypervisor: Linux's /dev/xen/privcmd (the control
 * domain's kernel provides it, as Linux does), carrying Sierra's control
 * ABI (domctl/sysctl, abi/ABI.md) and the Xen ABI calls the tools need.
 * On a machine without it every call fails with a message saying so.
 */
#ifndef SIERRA_CLI_HV_H
#define SIERRA_CLI_HV_H

#include <sierra/domctl.h>
#include <sierra/sysctl.h>

/* 0, or prints why not (a Linux host has no privcmd) and returns -errno */
int hv_open(void);
long hv_hypercall(unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3,
                  unsigned long a4);
long hv_domctl(struct sierra_domctl *op);       /* -errno on failure */
long hv_sysctl(struct sierra_sysctl *op);

/* map frame mfn of domain domid at va, a page of an area mmap'ed from the
 * privcmd descriptor (IOCTL_PRIVCMD_MMAPBATCH_V2); 0 or -errno */
int hv_map_foreign(int privcmd_fd, void *va, uint16_t domid, uint64_t mfn);

/* every domain, in id order; the count or -errno */
long hv_domains(struct sierra_domctl_getdomaininfo *out, unsigned int max);
/* a domain by name or decimal id; prints a message and returns -ESRCH if none */
long hv_find(const char *name_or_id, struct sierra_domctl_getdomaininfo *out);
/* the same by id, silently: -ESRCH when it is gone */
long hv_find_quiet(unsigned int domid, struct sierra_domctl_getdomaininfo *out);

#endif
