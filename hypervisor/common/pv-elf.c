/*
 * PV kernel image parsing (see hv/pv-elf.h). Xen's rules, which kernels rely
 * on: without VIRT_BASE the base is 0 (virtual == pseudo-physical); without
 * PADDR_OFFSET it equals the base; without ENTRY the entry is e_entry; a
 * segment lives at p_paddr + (virt_base - paddr_offset). Features are
 * "name|!name|..." where '!' marks a feature the kernel requires.
 */
#include <hv/lib.h>
#include <hv/pv-elf.h>
#include <sierra/elfnote.h>
#include <sierra/xenver.h>

struct elf64_ehdr {
    u8 ident[16];
    u16 type, machine;
    u32 version;
    u64 entry, phoff, shoff;
    u32 flags;
    u16 ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
    u32 type, flags;
    u64 offset, vaddr, paddr, filesz, memsz, align;
};

struct elf64_shdr {
    u32 name, type;
    u64 flags, addr, offset, size;
    u32 link, info;
    u64 addralign, entsize;
};

struct elf_note {
    u32 namesz, descsz, type;
};

#define PT_LOAD     1
#define PT_NOTE     4
#define ET_EXEC     2
#define EM_X86_64   62

static const char *const feature_names[] = {
    [PV_XENFEAT_writable_page_tables] = "writable_page_tables",
    [PV_XENFEAT_writable_descriptor_tables] = "writable_descriptor_tables",
    [PV_XENFEAT_auto_translated_physmap] = "auto_translated_physmap",
    [PV_XENFEAT_supervisor_mode_kernel] = "supervisor_mode_kernel",
    [PV_XENFEAT_pae_pgdir_above_4gb] = "pae_pgdir_above_4gb",
    [PV_XENFEAT_hvm_callback_vector] = "hvm_callback_vector",
    [PV_XENFEAT_dom0] = "dom0",
};

/* [off, off + len) inside an image of `size` bytes, without overflow */
static bool in_image(size_t size, u64 off, u64 len)
{
    return off <= size && len <= size - off;
}

static void copy_string(char *dst, const char *src, size_t len)
{
    size_t n = 0;

    while ( n < len && n < PV_ELF_MAX_STRING - 1 && src[n] )
    {
        dst[n] = src[n];
        n++;
    }
    dst[n] = '\0';
}

static int parse_features(const char *s, size_t len, struct pv_elf_info *info)
{
    while ( len )
    {
        size_t n = 0;
        bool required = *s == '!';
        const char *name = s + required;

        while ( n < len && s[n] && s[n] != '|' )
            n++;
        for ( unsigned int i = 0; i < ARRAY_SIZE(feature_names); i++ )
            if ( feature_names[i] && strlen(feature_names[i]) == n - required &&
                 !memcmp(name, feature_names[i], n - required) )
            {
                info->f_supported |= 1u << i;
                if ( required )
                    info->f_required |= 1u << i;
            }
        if ( n < len && !s[n] )
            break;
        s += n + (n < len);
        len -= n + (n < len);
    }
    return 0;
}

static u64 note_value(const u8 *desc, u32 descsz)
{
    u64 v = 0;

    memcpy(&v, desc, MIN(descsz, sizeof(v)));
    return v;
}

static int apply_note(u32 type, const u8 *desc, u32 descsz, struct pv_elf_info *info,
                      u32 *seen)
{
    const char *str = (const char *)desc;

    *seen |= type < 32 ? 1u << type : 0;
    switch ( type )
    {
    case PV_ELFNOTE_ENTRY:          info->virt_entry = note_value(desc, descsz); break;
    case PV_ELFNOTE_HYPERCALL_PAGE:
        info->virt_hypercall = note_value(desc, descsz);
        info->has_hypercall_page = true;
        break;
    case PV_ELFNOTE_VIRT_BASE:      info->virt_base = note_value(desc, descsz); break;
    case PV_ELFNOTE_PADDR_OFFSET:   info->paddr_offset = note_value(desc, descsz); break;
    case PV_ELFNOTE_HV_START_LOW:   info->virt_hv_start_low = note_value(desc, descsz); break;
    case PV_ELFNOTE_INIT_P2M:
        info->virt_init_p2m = note_value(desc, descsz);
        info->has_init_p2m = true;
        break;
    case PV_ELFNOTE_MOD_START_PFN:  info->mod_start_pfn = note_value(desc, descsz) != 0; break;
    case PV_ELFNOTE_SUPPORTED_FEATURES:
        info->f_supported |= (u32)note_value(desc, descsz);
        break;
    case PV_ELFNOTE_GUEST_OS:       copy_string(info->guest_os, str, descsz); break;
    case PV_ELFNOTE_XEN_VERSION:    copy_string(info->xen_version, str, descsz); break;
    case PV_ELFNOTE_LOADER:         copy_string(info->loader, str, descsz); break;
    case PV_ELFNOTE_PAE_MODE:       copy_string(info->pae_mode, str, descsz); break;
    case PV_ELFNOTE_FEATURES:       return parse_features(str, descsz, info);
    default:                        break;     /* notes Sierra has no use for */
    }
    return 0;
}

static int parse_notes(const u8 *p, u64 len, struct pv_elf_info *info, u32 *seen)
{
    while ( len >= sizeof(struct elf_note) )
    {
        struct elf_note n;
        u64 name_len, desc_len, total;

        memcpy(&n, p, sizeof(n));
        name_len = ALIGN_UP((u64)n.namesz, 4);
        desc_len = ALIGN_UP((u64)n.descsz, 4);
        total = sizeof(n) + name_len + desc_len;
        if ( total > len )
            return -EINVAL;
        if ( n.namesz == 4 && !memcmp(p + sizeof(n), PV_ELFNOTE_NAME, 4) )
        {
            int rc = apply_note(n.type, p + sizeof(n) + name_len, n.descsz, info, seen);

            if ( rc )
                return rc;
        }
        p += total;
        len -= total;
    }
    return 0;
}

/* Legacy "GUEST_OS=linux,XEN_VER=xen-3.0,VIRT_BASE=0x...,..." section. */
static u64 legacy_number(const char *s, size_t len)
{
    u64 v = 0;
    unsigned int base = 10;

    if ( len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') )
    {
        base = 16;
        s += 2;
        len -= 2;
    }
    for ( ; len; s++, len-- )
    {
        unsigned int d = *s >= '0' && *s <= '9' ? (unsigned int)(*s - '0') :
                         *s >= 'a' && *s <= 'f' ? (unsigned int)(*s - 'a' + 10) :
                         *s >= 'A' && *s <= 'F' ? (unsigned int)(*s - 'A' + 10) : 99;
        if ( d >= base )
            break;
        v = v * base + d;
    }
    return v;
}

static int parse_legacy(const char *s, u64 len, struct pv_elf_info *info, u32 *seen)
{
    static const struct { const char *key; u32 type; } keys[] = {
        { "GUEST_OS", PV_ELFNOTE_GUEST_OS }, { "XEN_VER", PV_ELFNOTE_XEN_VERSION },
        { "LOADER", PV_ELFNOTE_LOADER }, { "PAE", PV_ELFNOTE_PAE_MODE },
        { "FEATURES", PV_ELFNOTE_FEATURES }, { "VIRT_BASE", PV_ELFNOTE_VIRT_BASE },
        { "ELF_PADDR_OFFSET", PV_ELFNOTE_PADDR_OFFSET }, { "VIRT_ENTRY", PV_ELFNOTE_ENTRY },
    };

    while ( len && *s )
    {
        size_t n = 0, eq = 0;

        while ( n < len && s[n] && s[n] != ',' )
        {
            if ( s[n] == '=' && !eq )
                eq = n;
            n++;
        }
        for ( unsigned int i = 0; eq && i < ARRAY_SIZE(keys); i++ )
        {
            const char *val = s + eq + 1;
            size_t vlen = n - eq - 1;

            if ( strlen(keys[i].key) != eq || memcmp(s, keys[i].key, eq) )
                continue;
            if ( keys[i].type == PV_ELFNOTE_VIRT_BASE || keys[i].type == PV_ELFNOTE_PADDR_OFFSET ||
                 keys[i].type == PV_ELFNOTE_ENTRY )
            {
                u64 v = legacy_number(val, vlen);

                apply_note(keys[i].type, (const u8 *)&v, sizeof(v), info, seen);
            }
            else
                apply_note(keys[i].type, (const u8 *)val, (u32)vlen, info, seen);
        }
        s += n + (n < len);
        len -= n + (n < len);
    }
    return 0;
}

static int find_legacy_section(const u8 *img, size_t size, const struct elf64_ehdr *eh,
                               struct pv_elf_info *info, u32 *seen)
{
    struct elf64_shdr strtab;

    if ( !eh->shoff || !eh->shnum || eh->shstrndx >= eh->shnum ||
         eh->shentsize != sizeof(struct elf64_shdr) ||
         !in_image(size, eh->shoff, (u64)eh->shnum * sizeof(struct elf64_shdr)) )
        return 0;
    memcpy(&strtab, img + eh->shoff + eh->shstrndx * sizeof(strtab), sizeof(strtab));
    if ( !in_image(size, strtab.offset, strtab.size) )
        return -EINVAL;
    for ( unsigned int i = 0; i < eh->shnum; i++ )
    {
        static const char name[] = "__xen_guest";
        struct elf64_shdr sh;

        memcpy(&sh, img + eh->shoff + i * sizeof(sh), sizeof(sh));
        if ( sh.name >= strtab.size || strtab.size - sh.name < sizeof(name) ||
             memcmp(img + strtab.offset + sh.name, name, sizeof(name)) )
            continue;
        if ( !in_image(size, sh.offset, sh.size) )
            return -EINVAL;
        info->legacy_section = true;
        return parse_legacy((const char *)img + sh.offset, sh.size, info, seen);
    }
    return 0;
}

int pv_elf_parse(const void *image, size_t size, struct pv_elf_info *info)
{
    const u8 *img = image;
    struct elf64_ehdr eh;
    u64 pstart = ~0UL, pend = 0;
    u32 seen = 0;
    int rc;

    memset(info, 0, sizeof(*info));
    if ( size < sizeof(eh) )
        return -ENOEXEC;
    memcpy(&eh, img, sizeof(eh));
    if ( memcmp(eh.ident, "\177ELF", 4) || eh.ident[4] != 2 /* 64-bit */ ||
         eh.ident[5] != 1 /* little endian */ || eh.machine != EM_X86_64 ||
         eh.type != ET_EXEC )
        return -ENOEXEC;
    if ( eh.phentsize != sizeof(struct elf64_phdr) || !eh.phnum ||
         !in_image(size, eh.phoff, (u64)eh.phnum * sizeof(struct elf64_phdr)) )
        return -ENOEXEC;

    for ( unsigned int i = 0; i < eh.phnum; i++ )
    {
        struct elf64_phdr ph;

        memcpy(&ph, img + eh.phoff + i * sizeof(ph), sizeof(ph));
        if ( ph.type == PT_NOTE )
        {
            if ( !in_image(size, ph.offset, ph.filesz) )
                return -ENOEXEC;
            rc = parse_notes(img + ph.offset, ph.filesz, info, &seen);
            if ( rc )
                return -ENOEXEC;
        }
        else if ( ph.type == PT_LOAD && ph.memsz )
        {
            if ( ph.filesz > ph.memsz || !in_image(size, ph.offset, ph.filesz) ||
                 ph.paddr + ph.memsz < ph.paddr )
                return -ENOEXEC;
            pstart = MIN(pstart, ph.paddr);
            pend = MAX(pend, ph.paddr + ph.memsz);
        }
    }
    if ( pend == 0 )
        return -ENOEXEC;                    /* nothing to load */
    if ( !seen && (rc = find_legacy_section(img, size, &eh, info, &seen)) )
        return -ENOEXEC;
    if ( !seen )
        return -ENOEXEC;                    /* not a PV kernel */

    if ( !(seen & (1u << PV_ELFNOTE_PADDR_OFFSET)) )
        info->paddr_offset = info->virt_base;
    if ( !(seen & (1u << PV_ELFNOTE_ENTRY)) )
        info->virt_entry = eh.entry;
    info->virt_offset = info->virt_base - info->paddr_offset;
    info->virt_kstart = pstart + info->virt_offset;
    info->virt_kend = pend + info->virt_offset;
    if ( info->virt_kend < info->virt_kstart ||
         info->virt_entry < info->virt_kstart || info->virt_entry >= info->virt_kend ||
         (info->has_hypercall_page &&
          (info->virt_hypercall < info->virt_kstart ||
           info->virt_hypercall + PAGE_SIZE > info->virt_kend ||
           info->virt_hypercall & (PAGE_SIZE - 1))) )
        return -EINVAL;
    return 0;
}

int pv_elf_load(const void *image, size_t size, const struct pv_elf_info *info,
                void *(*dst)(void *ctx, u64 va), void *ctx)
{
    const u8 *img = image;
    struct elf64_ehdr eh;

    memcpy(&eh, img, sizeof(eh));
    (void)size;     /* every range below was checked by pv_elf_parse */
    for ( unsigned int i = 0; i < eh.phnum; i++ )
    {
        struct elf64_phdr ph;

        memcpy(&ph, img + eh.phoff + i * sizeof(ph), sizeof(ph));
        if ( ph.type != PT_LOAD || !ph.memsz )
            continue;
        for ( u64 off = 0; off < ph.memsz; )
        {
            u64 va = ph.paddr + info->virt_offset + off;
            u64 chunk = MIN(PAGE_SIZE - (va & (PAGE_SIZE - 1)), ph.memsz - off);
            u8 *to = dst(ctx, va);
            u64 from_file = off < ph.filesz ? MIN(chunk, ph.filesz - off) : 0;

            if ( !to )
                return -EFAULT;
            memcpy(to, img + ph.offset + off, from_file);
            memset(to + from_file, 0, chunk - from_file);
            off += chunk;
        }
    }
    return 0;
}
