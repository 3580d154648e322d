/*
 * A domain definition, as the tools use it: what a libvirt-style domain XML
 * file (docs/xml.md) says, checked. domain_config_load() parses the file
 * (libxml2), validates its structure against the RelaxNG schema
 * (dom0-tools/schema/domain.rng, built in), then every value, and reports
 * each problem as "FILE:LINE: element 'NAME': what is wrong" through
 * diag(). Nothing is half-loaded: on error the config is left empty.
 */
#ifndef DOM0_DOMAIN_CONFIG_H
#define DOM0_DOMAIN_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#define DOM_NAME_MAX        63
#define DOM_MAX_VCPUS       512
#define DOM_MAX_PINS        64
#define DOM_MAX_HOSTDEVS    16
#define DOM_PATH_MAX        1024

enum dom_os { DOM_OS_PV, DOM_OS_HVM };
enum dom_action { DOM_ACT_DESTROY, DOM_ACT_RESTART, DOM_ACT_PRESERVE };

struct dom_vcpupin {
    unsigned int vcpu;
    char cpuset[64];
};

struct dom_pci {
    unsigned int domain, bus, slot, function;
    bool managed;
};

struct dom_config {
    char file[DOM_PATH_MAX];
    char name[DOM_NAME_MAX + 1];
    long name_line;                     /* where the name is, for later messages */
    bool has_uuid;
    uint8_t uuid[16];
    char title[256];
    uint64_t memory_kib, current_kib;   /* current = memory when not given */
    unsigned int vcpus, vcpus_current;
    bool placement_auto;
    char cpuset[64];
    struct dom_vcpupin pins[DOM_MAX_PINS];
    unsigned int nr_pins;
    unsigned int weight;                /* credit scheduler: 1-65535, default 256 */
    unsigned int cap;                   /* percent of one CPU, 0 = none */
    enum dom_os os;
    char kernel[DOM_PATH_MAX], initrd[DOM_PATH_MAX], cmdline[1024];
    enum dom_action on_poweroff, on_reboot, on_crash;
    unsigned int nr_consoles;
    struct dom_pci hostdevs[DOM_MAX_HOSTDEVS];
    unsigned int nr_hostdevs;
    unsigned int nr_unsupported;        /* devices reported as not supported yet */
};

struct dom_load_opts {
    bool lenient;                       /* unknown elements: a warning, and ignored */
    uint64_t host_memory_kib;           /* 0: do not check against the host */
    unsigned int host_cpus;             /* 0: do not check cpusets against the host */
    bool check_files;                   /* kernel and initrd must exist */
    /* severity "error" or "warning"; line 0 when there is none */
    void (*diag)(const char *severity, const char *file, long line, const char *element,
                 const char *msg);
};

/* 0, or -EINVAL with every problem reported (and -ENOMEM, -EIO) */
int domain_config_load(const char *path, const struct dom_load_opts *o, struct dom_config *c);

const char *dom_action_name(enum dom_action a);

#endif
