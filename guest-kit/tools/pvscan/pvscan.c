/*
 * pvscan: find the instructions a kernel must change to run paravirtualized.
 * Reads ELF files (kernel images, vmlinux, object files), decodes every
 * executable section with Zydis (linear sweep; an undecodable byte is
 * skipped), classifies each instruction (classify.c) and reports the
 * sensitive ones with symbol+offset and, when DWARF is present, file:line.
 *   pvscan [--json] [--summary] FILE...
 * Exit status: 0 when the files were read (whatever was found), 1 on error.
 */
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "classify.h"

struct symbol {
    size_t section;
    GElf_Addr value, size;
    const char *name;
};

struct scan {
    const char *path;
    Elf *elf;
    Dwarf *dwarf;
    Dwfl *dwfl;                 /* object files: libdwfl lays out and relocates them */
    bool relocatable;           /* symbol values are section offsets */
    struct symbol *syms;
    size_t nr_syms;
    unsigned long decoded, counts[PV_NR_CLASSES];
    bool json, summary_only, first_json;
    struct func_count { const char *name; unsigned long n; } *funcs;
    size_t nr_funcs;
};

static int by_section_address(const void *a, const void *b)
{
    const struct symbol *x = a, *y = b;

    if ( x->section != y->section )
        return x->section < y->section ? -1 : 1;
    return x->value < y->value ? -1 : x->value > y->value;
}

static void load_symbols(struct scan *s)
{
    Elf_Scn *scn = NULL;

    while ( (scn = elf_nextscn(s->elf, scn)) )
    {
        GElf_Shdr sh;
        Elf_Data *data;

        if ( !gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !(data = elf_getdata(scn, NULL)) )
            continue;
        for ( size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++ )
        {
            GElf_Sym sym;
            int type;

            if ( !gelf_getsym(data, (int)i, &sym) )
                continue;
            type = GELF_ST_TYPE(sym.st_info);
            if ( (type != STT_FUNC && type != STT_NOTYPE) || sym.st_shndx == SHN_UNDEF ||
                 sym.st_shndx >= SHN_LORESERVE )
                continue;
            s->syms = realloc(s->syms, (s->nr_syms + 1) * sizeof(*s->syms));
            s->syms[s->nr_syms++] = (struct symbol){
                sym.st_shndx, sym.st_value, sym.st_size, elf_strptr(s->elf, sh.sh_link, sym.st_name),
            };
        }
    }
    qsort(s->syms, s->nr_syms, sizeof(*s->syms), by_section_address);
}

/* the symbol at or before addr in section, or NULL */
static const struct symbol *symbol_at(const struct scan *s, size_t section, GElf_Addr addr)
{
    size_t lo = 0, hi = s->nr_syms;
    const struct symbol *best = NULL;

    while ( lo < hi )
    {
        size_t mid = (lo + hi) / 2;
        const struct symbol *m = &s->syms[mid];

        if ( m->section < section || (m->section == section && m->value <= addr) )
        {
            if ( m->section == section && m->name && *m->name )
                best = m;
            lo = mid + 1;
        }
        else
            hi = mid;
    }
    return best;
}

static void source_of(const struct scan *s, GElf_Addr addr, char *buf, size_t len)
{
    Dwarf_Die cu;
    Dwarf_Line *line;
    int lineno = 0;

    snprintf(buf, len, "-");
    if ( !s->dwarf || !dwarf_addrdie(s->dwarf, addr, &cu) || !(line = dwarf_getsrc_die(&cu, addr)) )
        return;
    dwarf_lineno(line, &lineno);
    snprintf(buf, len, "%s:%d", dwarf_linesrc(line, NULL, NULL), lineno);
}

static void count_function(struct scan *s, const char *name)
{
    for ( size_t i = 0; i < s->nr_funcs; i++ )
        if ( !strcmp(s->funcs[i].name, name) )
        {
            s->funcs[i].n++;
            return;
        }
    s->funcs = realloc(s->funcs, (s->nr_funcs + 1) * sizeof(*s->funcs));
    s->funcs[s->nr_funcs++] = (struct func_count){ name, 1 };
}

static void json_string(const char *str)
{
    putchar('"');
    for ( ; *str; str++ )
        if ( *str == '"' || *str == '\\' )
            printf("\\%c", *str);
        else if ( (unsigned char)*str < 0x20 )
            printf("\\u%04x", *str);
        else
            putchar(*str);
    putchar('"');
}

static void report(struct scan *s, size_t section, GElf_Addr addr, GElf_Addr off,
                   const char *text, struct pv_verdict v)
{
    GElf_Addr key = s->relocatable ? off : addr;
    const struct symbol *sym = symbol_at(s, section, key);
    char where[256], src[512];

    if ( sym )
        snprintf(where, sizeof(where), "%s+0x%lx", sym->name, (unsigned long)(key - sym->value));
    else
        snprintf(where, sizeof(where), "?");
    count_function(s, sym ? sym->name : "?");
    s->counts[v.cls]++;
    if ( s->summary_only )
        return;
    source_of(s, addr, src, sizeof(src));
    if ( s->json )
    {
        printf("%s\n    {\"address\": \"%#lx\", \"symbol\": ", s->first_json ? "" : ",",
               (unsigned long)addr);
        json_string(where);
        printf(", \"source\": ");
        json_string(src);
        printf(", \"instruction\": ");
        json_string(text);
        printf(", \"class\": \"%s\", \"replacement\": ", pv_class_name(v.cls));
        json_string(v.replacement);
        putchar('}');
        s->first_json = false;
    }
    else
        printf("0x%016lx  %-36s %-28s %-26s %-17s %s\n", (unsigned long)addr, where, src, text,
               pv_class_name(v.cls), v.replacement);
}

static void scan_section(struct scan *s, size_t index, const GElf_Shdr *sh, const Elf_Data *data,
                         const ZydisDecoder *dec, const ZydisFormatter *fmt)
{
    const unsigned char *code = data->d_buf;
    size_t off = 0;
    bool emulated = false;      /* after Xen's forced-emulation prefix */

    while ( off < data->d_size )
    {
        ZydisDecodedInstruction insn;
        ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
        struct pv_verdict v;

        if ( !ZYAN_SUCCESS(ZydisDecoderDecodeFull(dec, code + off, data->d_size - off, &insn, ops)) )
        {
            off++;
            continue;
        }
        s->decoded++;
        v = pv_classify(&insn, ops);
        if ( v.cls != PV_CLASS_NONE && !emulated )
        {
            char text[96];

            ZydisFormatterFormatInstruction(fmt, &insn, ops, insn.operand_count_visible, text,
                                            sizeof(text), sh->sh_addr + off, ZYAN_NULL);
            report(s, index, sh->sh_addr + off, off, text, v);
        }
        off += insn.length;
        emulated = pv_is_emulation_prefix(&insn, code + off, data->d_size - off);
        if ( emulated )
            off += PV_EMULATION_MARK_LEN;
    }
}

static int by_count(const void *a, const void *b)
{
    const struct func_count *x = a, *y = b;

    return x->n < y->n ? 1 : x->n > y->n ? -1 : strcmp(x->name, y->name);
}

static void print_summary(struct scan *s, double seconds)
{
    unsigned long total = 0;

    for ( int c = 1; c < PV_NR_CLASSES; c++ )
        total += s->counts[c];
    qsort(s->funcs, s->nr_funcs, sizeof(*s->funcs), by_count);
    if ( s->json )
    {
        printf("%s\n  ],\n  \"decoded\": %lu, \"sensitive\": %lu, \"seconds\": %.3f,\n  \"by_class\": {",
               s->summary_only ? "" : "", s->decoded, total, seconds);
        for ( int c = 1; c < PV_NR_CLASSES; c++ )
            printf("%s\"%s\": %lu", c > 1 ? ", " : "", pv_class_name(c), s->counts[c]);
        printf("},\n  \"by_function\": {");
        for ( size_t i = 0; i < s->nr_funcs && i < 20; i++ )
        {
            printf("%s", i ? ", " : "");
            json_string(s->funcs[i].name);
            printf(": %lu", s->funcs[i].n);
        }
        printf("}\n}\n");
        return;
    }
    printf("\n%s: %lu instructions decoded, %lu sensitive (%.2f s)\n", s->path, s->decoded,
           total, seconds);
    for ( int c = 1; c < PV_NR_CLASSES; c++ )
        printf("  %-18s %lu\n", pv_class_name(c), s->counts[c]);
    printf("most affected functions:\n");
    for ( size_t i = 0; i < s->nr_funcs && i < 10; i++ )
        printf("  %-40s %lu\n", s->funcs[i].name, s->funcs[i].n);
}

static int scan_file(const char *path, bool json, bool summary_only)
{
    struct scan s = { .path = path, .json = json, .summary_only = summary_only, .first_json = true };
    ZydisDecoder dec;
    ZydisFormatter fmt;
    GElf_Ehdr eh;
    Elf_Scn *scn = NULL;
    struct timespec t0, t1;
    size_t shstrndx;
    int fd = open(path, O_RDONLY);

    if ( fd < 0 || !(s.elf = elf_begin(fd, ELF_C_READ, NULL)) || !gelf_getehdr(s.elf, &eh) ||
         elf_getshdrstrndx(s.elf, &shstrndx) )
    {
        fprintf(stderr, "pvscan: %s: not a readable ELF file\n", path);
        return 1;
    }
    if ( eh.e_type == ET_REL )
    {
        /* an object file: its DWARF needs relocating, which libdwfl does,
         * giving each section an address in the Elf it hands back */
        static const Dwfl_Callbacks offline = {
            .find_debuginfo = dwfl_standard_find_debuginfo,
            .section_address = dwfl_offline_section_address,
        };
        Dwfl_Module *mod;
        Dwarf_Addr bias;

        s.relocatable = true;
        s.dwfl = dwfl_begin(&offline);
        mod = s.dwfl ? dwfl_report_offline(s.dwfl, path, path, -1) : NULL;
        dwfl_report_end(s.dwfl, NULL, NULL);
        if ( mod && (s.dwarf = dwfl_module_getdwarf(mod, &bias)) )
        {
            elf_end(s.elf);
            s.elf = dwfl_module_getelf(mod, &bias);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if ( eh.e_ident[EI_CLASS] == ELFCLASS64 )
        ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
    else
        ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LEGACY_32, ZYDIS_STACK_WIDTH_32);
    ZydisFormatterInit(&fmt, ZYDIS_FORMATTER_STYLE_ATT);
    if ( !s.relocatable )
        s.dwarf = dwarf_begin_elf(s.elf, DWARF_C_READ, NULL);
    load_symbols(&s);
    if ( json )
    {
        printf("{\n  \"file\": ");
        json_string(path);
        printf(",\n  \"findings\": [");
    }
    else if ( !summary_only )
        printf("%-18s  %-36s %-28s %-26s %-17s %s\n", "address", "symbol", "source", "instruction",
               "class", "ABI replacement");
    while ( (scn = elf_nextscn(s.elf, scn)) )
    {
        GElf_Shdr sh;
        Elf_Data *data;

        if ( gelf_getshdr(scn, &sh) && sh.sh_type == SHT_PROGBITS && (sh.sh_flags & SHF_EXECINSTR) &&
             (data = elf_getdata(scn, NULL)) && data->d_buf )
            scan_section(&s, elf_ndxscn(scn), &sh, data, &dec, &fmt);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    print_summary(&s, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    if ( s.dwfl )
        dwfl_end(s.dwfl);           /* owns its Dwarf and Elf */
    else
    {
        if ( s.dwarf )
            dwarf_end(s.dwarf);
        elf_end(s.elf);
    }
    close(fd);
    free(s.syms);
    free(s.funcs);
    return 0;
}

int main(int argc, char **argv)
{
    bool json = false, summary = false;
    int rc = 0, files = 0;

    elf_version(EV_CURRENT);
    for ( int i = 1; i < argc; i++ )
    {
        if ( !strcmp(argv[i], "--json") )
            json = true;
        else if ( !strcmp(argv[i], "--summary") )
            summary = true;
        else if ( argv[i][0] == '-' )
        {
            fprintf(stderr, "usage: pvscan [--json] [--summary] FILE...\n");
            return 2;
        }
    }
    for ( int i = 1; i < argc; i++ )
        if ( argv[i][0] != '-' )
        {
            rc |= scan_file(argv[i], json, summary);
            files++;
        }
    if ( !files )
    {
        fprintf(stderr, "usage: pvscan [--json] [--summary] FILE...\n");
        return 2;
    }
    return rc;
}
