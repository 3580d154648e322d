/*
 * Domain identifiers: real domains are 0..PV_DOMID_FIRST_RESERVED-1; the
 * reserved values name pseudo-domains (the caller, I/O memory, the hypervisor,
 * nobody). Values are Xen's.
 */
#ifndef SIERRA_ABI_DOMID_H
#define SIERRA_ABI_DOMID_H

#define PV_DOMID_FIRST_RESERVED 0x7ff0
#define PV_DOMID_SELF           0x7ff0  /* the calling domain */
#define PV_DOMID_IO             0x7ff1  /* owner of I/O memory and firmware areas */
#define PV_DOMID_XEN            0x7ff2  /* owner of hypervisor memory */
#define PV_DOMID_COW            0x7ff3  /* owner of shared copy-on-write frames */
#define PV_DOMID_INVALID        0x7ff4  /* no domain: a free frame's owner */
#define PV_DOMID_IDLE           0x7fff  /* the idle domain */
#define PV_DOMID_MASK           0x7fff

#endif
