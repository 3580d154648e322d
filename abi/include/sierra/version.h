/*
 * Versions: Sierra's own release, and the Xen interface it implements for
 * guests. SIERRA_XEN_INTERFACE_VERSION is __XEN_LATEST_INTERFACE_VERSION__ of
 * Xen 4.17, which is what guests compiled against Xen 4.17 expect.
 */
#ifndef SIERRA_ABI_VERSION_H
#define SIERRA_ABI_VERSION_H

#define SIERRA_VERSION_STRING           "0.1"
#define SIERRA_XEN_ABI_STRING           "4.17"
#define SIERRA_XEN_INTERFACE_VERSION    0x00040e00

#endif
