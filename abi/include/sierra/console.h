/*
 * Consoles. console_io(cmd, count, buffer) reads and writes the hypervisor's
 * own console (dom0, and any domain for debugging output). A domain's virtual
 * console is a page shared with the control domain's console relay: two byte
 * rings with free-running indices, signalled through an event channel
 * (start_info.console.domU).
 */
#ifndef SIERRA_ABI_CONSOLE_H
#define SIERRA_ABI_CONSOLE_H

#include <sierra/pv-base.h>

#define PV_CONSOLEIO_write          0
#define PV_CONSOLEIO_read           1

#ifndef __ASSEMBLY__
typedef uint32_t PV_XENCONS_RING_IDX;

/* Indices only grow; the byte for index i is at ring[i & (size - 1)]. */
#define PV_MASK_XENCONS_IDX(idx, ring)  ((idx) & (sizeof(ring) - 1))

struct pv_xencons_interface {
    char in[1024];                  /* relay -> guest */
    char out[2048];                 /* guest -> relay */
    PV_XENCONS_RING_IDX in_cons, in_prod;
    PV_XENCONS_RING_IDX out_cons, out_prod;
};
#endif

#endif
