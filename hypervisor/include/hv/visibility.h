/*
 * Included first in every hypervisor file (-include): all symbols are
 * hidden, so position-independent code refers to them PC-relatively and the
 * link needs no GOT, even for the address of an extern function.
 */
#pragma GCC visibility push(hidden)
