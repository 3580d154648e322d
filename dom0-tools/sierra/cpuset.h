/* CPU sets: "all", "N", "N-M", "N,M-K,^J" <-> a bitmap (cpuset.c) */
#ifndef SIERRA_CLI_CPUSET_H
#define SIERRA_CLI_CPUSET_H

#include <stddef.h>
#include <stdint.h>

#define CPUSET_BITS 64

int cpuset_parse(const char *s, uint64_t *mask);        /* 0 or -EINVAL */
/* "all" when mask == all, else the ranges */
void cpuset_format(uint64_t mask, uint64_t all, char *out, size_t len);

#endif
