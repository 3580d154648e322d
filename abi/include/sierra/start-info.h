/*
 * start_info: the page the domain builder fills and hands to a PV kernel in
 * rsi (x86_64) / esi (i386) at its entry point. It says where everything the
 * builder set up lives: memory size, shared info, the initial page tables and
 * P2M list, the console and xenstore rings, the initrd, the command line.
 */
#ifndef SIERRA_ABI_START_INFO_H
#define SIERRA_ABI_START_INFO_H

#include <sierra/pv-base.h>

#define PV_MAX_GUEST_CMDLINE    1024

/* start_info.flags */
#define PV_SIF_PRIVILEGED       (1 << 0)    /* the domain may control others */
#define PV_SIF_INITDOMAIN       (1 << 1)    /* the initial control domain (dom0) */
#define PV_SIF_MULTIBOOT_MOD    (1 << 2)    /* mod_start is a multiboot module list */
#define PV_SIF_MOD_START_PFN    (1 << 3)    /* mod_start is a frame number, not a VA */
#define PV_SIF_VIRT_P2M_4TOOLS  (1 << 4)
#define PV_SIF_PM_MASK          (0xff << 8)

/* dom0_vga_console_info.video_type */
#define PV_VGATYPE_TEXT_MODE_3  0x03
#define PV_VGATYPE_VESA_LFB     0x23
#define PV_VGATYPE_EFI_LFB      0x70

#ifndef __ASSEMBLY__
struct pv_start_info {
    char magic[32];             /* "xen-3.0-x86_64" / "xen-3.0-x86_32p" */
    unsigned long nr_pages;     /* pages the domain has */
    unsigned long shared_info;  /* machine address of the shared-info page */
    uint32_t flags;             /* PV_SIF_* */
    pv_pfn_t store_mfn;         /* xenstore ring frame */
    uint32_t store_evtchn;
    union {
        struct {
            pv_pfn_t mfn;       /* console ring frame (domU) */
            uint32_t evtchn;
        } domU;
        struct {
            uint32_t info_off;  /* offset of a pv_dom0_vga_console_info in this page */
            uint32_t info_size;
        } dom0;
    } console;
    /* only filled in at first boot, not on resume */
    unsigned long pt_base;      /* virtual address of the top-level page table */
    unsigned long nr_pt_frames; /* frames of initial page tables */
    unsigned long mfn_list;     /* virtual address of the P2M array */
    unsigned long mod_start;    /* initrd: virtual address (or pfn: SIF_MOD_START_PFN) */
    unsigned long mod_len;
    int8_t cmd_line[PV_MAX_GUEST_CMDLINE];
    unsigned long first_p2m_pfn;    /* P2M placed outside the initial mapping */
    unsigned long nr_p2m_frames;
};
typedef struct pv_start_info pv_start_info_t;

/* SIF_MULTIBOOT_MOD: mod_start points at an array of these (end: mod_start 0) */
struct pv_multiboot_mod_list {
    uint32_t mod_start;     /* guest-physical address of the first byte */
    uint32_t mod_end;       /* of the last byte (inclusive) */
    uint32_t cmdline;       /* guest-physical address of a NUL-terminated string */
    uint32_t pad;
};

/* dom0's firmware console, at console.dom0.info_off in start_info's page */
struct pv_dom0_vga_console_info {
    uint8_t video_type;     /* PV_VGATYPE_* */
    union {
        struct {
            uint16_t font_height;
            uint16_t cursor_x, cursor_y;
            uint16_t rows, columns;
        } text_mode_3;
        struct {
            uint16_t width, height;
            uint16_t bytes_per_line;
            uint16_t bits_per_pixel;
            uint32_t lfb_base;
            uint32_t lfb_size;      /* in 64 KiB units */
            uint8_t  red_pos, red_size;
            uint8_t  green_pos, green_size;
            uint8_t  blue_pos, blue_size;
            uint8_t  rsvd_pos, rsvd_size;
            uint32_t gbl_caps;
            uint16_t mode_attrs;
            uint16_t pad;
            uint32_t ext_lfb_base;  /* lfb_base bits 63:32 */
        } vesa_lfb;
    } u;
};
#endif

#endif
