/*
 * Domain identifiers. Real domains are 0..DOMID_FIRST_RESERVED-1; the reserved
 * values name pseudo-owners and are Xen's (checked against xen/xen.h).
 */
#ifndef SIERRA_ABI_DOMID_H
#define SIERRA_ABI_DOMID_H

#define DOMID_FIRST_RESERVED    0x7ff0
#define DOMID_SELF              0x7ff0  /* the calling domain */
#define DOMID_IO                0x7ff1  /* owner of I/O memory and firmware areas */
#define DOMID_XEN               0x7ff2  /* owner of hypervisor memory */
#define DOMID_COW               0x7ff3
#define DOMID_INVALID           0x7ff4  /* no domain: a free frame's owner */
#define DOMID_IDLE              0x7fff

#endif
