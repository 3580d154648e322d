/*
 * What the boot loader told us, copied out of its Multiboot 1 or 2 structures
 * into one loader-independent record before any memory is allocated (so the
 * loader's structures never need to be kept).
 */
#ifndef ASM_BOOTINFO_H
#define ASM_BOOTINFO_H

#include <hv/types.h>

#define BOOT_MAX_E820       128
#define BOOT_MAX_MODULES    16
#define BOOT_CMDLINE_MAX    1024
#define BOOT_MOD_CMDLINE_MAX 512

#define E820_RAM            1
#define E820_RESERVED       2
#define E820_ACPI           3
#define E820_NVS            4
#define E820_UNUSABLE       5

struct e820_entry {
    u64 addr, size;
    u32 type;
};

struct boot_module {
    paddr_t start, end;
    char cmdline[BOOT_MOD_CMDLINE_MAX];     /* the file name, then its arguments */
};

struct boot_info {
    const char *loader;                     /* "Multiboot 1" or "Multiboot 2" */
    char loader_name[64];
    char cmdline[BOOT_CMDLINE_MAX];
    struct e820_entry e820[BOOT_MAX_E820];
    unsigned int nr_e820;
    struct boot_module module[BOOT_MAX_MODULES];
    unsigned int nr_modules;
    u8 rsdp[36];                            /* RSDP copy from Multiboot 2, if given */
    bool have_rsdp;
};

extern struct boot_info boot_info;

int multiboot_parse(u32 magic, paddr_t info, struct boot_info *bi);

#endif
