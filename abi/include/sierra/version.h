/*
 * Versions: Sierra's own release, and the Xen release whose guest interface it
 * implements (the interface number itself is PV_INTERFACE_VERSION in
 * sierra/pv-base.h, checked against Xen's headers).
 */
#ifndef SIERRA_ABI_VERSION_H
#define SIERRA_ABI_VERSION_H

#define SIERRA_VERSION_STRING           "0.1"
#define SIERRA_XEN_ABI_STRING           "4.17"

#endif
