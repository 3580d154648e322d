/*
 * What memory_op's parts share (common/memory-op.c, common/memory-exchange.c):
 * the largest extent a domain may ask for, the frames it may not give away,
 * Xen's reading of mem_flags (NUMA node, address width) and allocation under
 * them.
 */
#ifndef HV_MEMORY_OP_H
#define HV_MEMORY_OP_H

#include <hv/types.h>

struct domain;

unsigned int memop_max_order(const struct domain *d);
bool memop_shared_frame(const struct domain *d, pfn_t p);
/* as Xen's propagate_node: a node beyond the 64 Xen knows, or an exact node
 * asked by a domain that may not choose one, cannot be satisfied */
bool memop_node_ok(const struct domain *d, unsigned int mem_flags);
/* 2^order frames for d, zeroed, below the address width mem_flags names */
int memop_alloc(struct domain *d, unsigned int order, unsigned int mem_flags, pfn_t *first);

long memory_exchange(struct domain *d, u64 arg);

#endif
