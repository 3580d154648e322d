/*
 * Building a domain from the tools: the shared builder
 * (dom0-tools/lib/pv-build.c) driven through privcmd - memory_op to give the
 * domain its frames, IOCTL_PRIVCMD_MMAPBATCH_V2 to reach each one, event
 * channels, mmuext_op on its behalf, and Sierra's domctl for the rest.
 */
#ifndef SIERRA_CLI_BUILDER_H
#define SIERRA_CLI_BUILDER_H

#include <stddef.h>
#include <stdint.h>
#include "../lib/domain-config.h"

/* the new domain's id (paused, built), or -errno with nothing left behind */
long build_from_config(const struct dom_config *c, const void *kernel, size_t kernel_len,
                       const void *initrd, size_t initrd_len);

#endif
