/*
 * Read the Multiboot 1 (QEMU -kernel) or Multiboot 2 (GRUB) boot information
 * into struct boot_info: command line, the firmware memory map, the modules
 * (first: dom0's kernel, then its initrd) and, from Multiboot 2, the ACPI RSDP.
 * The loader's structures are reached through the boot direct map of the first
 * GiB; anything outside it is refused rather than guessed at.
 */
#include <asm/bootinfo.h>
#include <asm/page.h>
#include <hv/lib.h>
#include <hv/printk.h>

#define MB1_BOOT_MAGIC  0x2badb002
#define MB2_BOOT_MAGIC  0x36d76289
#define BOOT_MAPPED_END (1UL << 30)     /* head.S maps the first GiB */

#define MB1_INFO_CMDLINE    (1u << 2)
#define MB1_INFO_MODS       (1u << 3)
#define MB1_INFO_MMAP       (1u << 6)
#define MB1_INFO_LOADER     (1u << 9)

struct mb1_info {
    u32 flags, mem_lower, mem_upper, boot_device, cmdline, mods_count, mods_addr;
    u32 syms[4];
    u32 mmap_length, mmap_addr;
    u32 drives_length, drives_addr, config_table, boot_loader_name;
} __packed;

struct mb1_module { u32 start, end, string, reserved; } __packed;
struct mb1_mmap { u32 size; u64 addr, len; u32 type; } __packed;

struct mb2_tag { u32 type, size; };
struct mb2_module { u32 type, size, start, end; char string[]; };
struct mb2_mmap { u32 type, size, entry_size, entry_version; };
struct mb2_mmap_entry { u64 addr, len; u32 type, reserved; };

enum { MB2_END = 0, MB2_CMDLINE = 1, MB2_LOADER = 2, MB2_MODULE = 3, MB2_MMAP = 6,
       MB2_ACPI_OLD = 14, MB2_ACPI_NEW = 15 };

struct boot_info boot_info;

static const void *loader_ptr(paddr_t pa, u64 len)
{
    if ( pa + len < pa || pa + len > BOOT_MAPPED_END )
        return NULL;
    return maddr_to_virt(pa);
}

/* Copy a loader string; false if it is not where we can read it. */
static bool copy_string(char *dst, size_t size, paddr_t pa)
{
    const char *s = loader_ptr(pa, 1);
    size_t n = 0;

    if ( !s )
        return false;
    while ( n + 1 < size && (paddr_t)(pa + n) < BOOT_MAPPED_END && s[n] )
    {
        dst[n] = s[n];
        n++;
    }
    dst[n] = '\0';
    return true;
}

static void add_e820(struct boot_info *bi, u64 addr, u64 size, u32 type)
{
    if ( bi->nr_e820 == BOOT_MAX_E820 )
    {
        pr_warn("memory map: more than %d entries, rest ignored\n", BOOT_MAX_E820);
        return;
    }
    bi->e820[bi->nr_e820++] = (struct e820_entry){ addr, size, type };
}

static int add_module(struct boot_info *bi, paddr_t start, paddr_t end, paddr_t string)
{
    struct boot_module *m;

    if ( bi->nr_modules == BOOT_MAX_MODULES )
        return -E2BIG;
    if ( end < start )
        return -EINVAL;
    m = &bi->module[bi->nr_modules++];
    m->start = start;
    m->end = end;
    if ( !string || !copy_string(m->cmdline, sizeof(m->cmdline), string) )
        m->cmdline[0] = '\0';
    return 0;
}

static int parse_mb1(paddr_t info, struct boot_info *bi)
{
    const struct mb1_info *mbi = loader_ptr(info, sizeof(*mbi));

    if ( !mbi )
        return -EFAULT;
    bi->loader = "Multiboot 1";
    if ( mbi->flags & MB1_INFO_CMDLINE )
        copy_string(bi->cmdline, sizeof(bi->cmdline), mbi->cmdline);
    if ( mbi->flags & MB1_INFO_LOADER )
        copy_string(bi->loader_name, sizeof(bi->loader_name), mbi->boot_loader_name);
    if ( !(mbi->flags & MB1_INFO_MMAP) )
        return -ENODATA;
    for ( paddr_t p = mbi->mmap_addr; p + sizeof(struct mb1_mmap) <= (paddr_t)mbi->mmap_addr + mbi->mmap_length; )
    {
        const struct mb1_mmap *e = loader_ptr(p, sizeof(*e));

        if ( !e )
            return -EFAULT;
        add_e820(bi, e->addr, e->len, e->type);
        p += e->size + sizeof(e->size);
    }
    if ( mbi->flags & MB1_INFO_MODS )
    {
        const struct mb1_module *mod = loader_ptr(mbi->mods_addr,
                                                  (u64)mbi->mods_count * sizeof(*mod));

        if ( !mod )
            return -EFAULT;
        for ( u32 i = 0; i < mbi->mods_count; i++ )
            if ( add_module(bi, mod[i].start, mod[i].end, mod[i].string) )
                pr_warn("module %u ignored (too many or malformed)\n", i);
    }
    return 0;
}

static int parse_mb2(paddr_t info, struct boot_info *bi)
{
    const u32 *header = loader_ptr(info, 8);
    bool have_mmap = false;

    if ( !header || !loader_ptr(info, header[0]) )
        return -EFAULT;
    bi->loader = "Multiboot 2";
    for ( paddr_t p = info + 8; p + sizeof(struct mb2_tag) <= info + header[0]; )
    {
        const struct mb2_tag *tag = maddr_to_virt(p);

        if ( tag->type == MB2_END || tag->size < sizeof(*tag) )
            break;
        switch ( tag->type )
        {
        case MB2_CMDLINE:
            copy_string(bi->cmdline, sizeof(bi->cmdline), p + sizeof(*tag));
            break;
        case MB2_LOADER:
            copy_string(bi->loader_name, sizeof(bi->loader_name), p + sizeof(*tag));
            break;
        case MB2_MODULE:
        {
            const struct mb2_module *m = (const void *)tag;

            if ( add_module(bi, m->start, m->end, p + sizeof(*m)) )
                pr_warn("module ignored (too many or malformed)\n");
            break;
        }
        case MB2_MMAP:
        {
            const struct mb2_mmap *mm = (const void *)tag;

            have_mmap = true;
            for ( u32 off = sizeof(*mm); mm->entry_size && off + sizeof(struct mb2_mmap_entry) <= tag->size;
                  off += mm->entry_size )
            {
                const struct mb2_mmap_entry *e = (const void *)((const u8 *)tag + off);

                add_e820(bi, e->addr, e->len, e->type);
            }
            break;
        }
        case MB2_ACPI_OLD:
        case MB2_ACPI_NEW:
        {
            u32 len = MIN(tag->size - (u32)sizeof(*tag), (u32)sizeof(bi->rsdp));

            if ( !bi->have_rsdp || tag->type == MB2_ACPI_NEW )
            {
                memcpy(bi->rsdp, (const u8 *)tag + sizeof(*tag), len);
                bi->have_rsdp = true;
            }
            break;
        }
        }
        p += ALIGN_UP((u64)tag->size, 8);
    }
    return have_mmap ? 0 : -ENODATA;
}

/*
 * Loaders other than GRUB 2 put the image's file name first on the command
 * line (QEMU does); drop it so only options remain, as Xen does.
 */
static void strip_image_name(struct boot_info *bi)
{
    char *p = bi->cmdline, *q;

    if ( !strncmp(bi->loader_name, "GRUB 2", 6) )
        return;
    while ( *p == ' ' )
        p++;
    while ( *p && *p != ' ' )
        p++;
    while ( *p == ' ' )
        p++;
    for ( q = bi->cmdline; (*q = *p); p++, q++ )
        ;
}

int multiboot_parse(u32 magic, paddr_t info, struct boot_info *bi)
{
    int rc = -EINVAL;

    if ( magic == MB1_BOOT_MAGIC )
        rc = parse_mb1(info, bi);
    else if ( magic == MB2_BOOT_MAGIC )
        rc = parse_mb2(info, bi);
    strip_image_name(bi);
    return rc;
}
