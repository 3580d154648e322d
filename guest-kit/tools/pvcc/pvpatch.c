/*
 * pvpatch: rewrite the sensitive instructions of an x86-64 assembly file
 * (what gcc -S emits, or a preprocessed .S) into calls to the kit's
 * pre-virtualization runtime, for a kernel written for bare metal to run as
 * a PV guest (guest-kit/docs/pvcc.md).
 *
 * Nothing here guesses from text what an instruction is. The file is first
 * assembled by GNU as with a listing, which gives the bytes each source line
 * produced; Zydis decodes those bytes and pvscan's classifier
 * (../pvscan/classify.c) says which instructions are sensitive; the rules in
 * rewrite.c say what replaces each. The text is only used to put the
 * replacement where the instruction was, on the same line (line numbers stay
 * valid for the assembler's and the debugger's messages), and to check that
 * the statement really spells the decoded instruction - a macro invocation
 * or a .byte sequence does not, and is refused rather than guessed at.
 *
 * Exit status: 0 when every sensitive instruction was rewritten, kept or
 * waived (a "pvcc:waive" comment on its line, or --waive MNEMONIC); 1 when
 * one could not be rewritten (each reported as FILE:LINE with its source
 * line, if the file says); 2 for usage and I/O errors.
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <Zydis/Zydis.h>
#include "../pvscan/classify.h"
#include "asm-line.h"
#include "rewrite.h"

struct line {
    char *text;
    unsigned char *bytes;       /* what the assembler emitted for it */
    size_t nbytes;
    bool exec;                  /* in an executable section */
    char src[160];              /* "file.c:12", from .loc or a cpp line marker */
    char *out;                  /* replacement line, or NULL: unchanged */
};

struct record {                 /* one instruction statement, in file order */
    size_t line;
    unsigned int stmt;
    ZydisDecodedInstruction insn;
    ZydisDecodedOperand ops[ZYDIS_MAX_OPERAND_COUNT];
    bool barrier_before;        /* a label or a directive since the previous one */
    bool sensitive, consumed;
    struct rewrite rw;
};

static struct line *lines;
static size_t nlines;
static struct record *recs;
static size_t nrecs, recs_cap;
static const char *in_path;
static char **waived;
static size_t nwaived;
static unsigned int n_rewritten, n_kept, n_waived, n_refused;
static bool report;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if ( !p )
    {
        fprintf(stderr, "pvpatch: out of memory\n");
        exit(2);
    }
    return p;
}

static void read_input(const char *path)
{
    FILE *f = fopen(path, "r");
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;

    if ( !f )
    {
        fprintf(stderr, "pvpatch: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    while ( (n = getline(&buf, &cap, f)) >= 0 )
    {
        if ( n > 0 && buf[n - 1] == '\n' )
            buf[--n] = '\0';
        lines = xrealloc(lines, (nlines + 1) * sizeof(*lines));
        lines[nlines++] = (struct line){ .text = strdup(buf) };
    }
    free(buf);
    fclose(f);
}

/* assemble with a listing: every line's bytes, in order */
static void run_assembler(const char *path)
{
    char lst[] = "/tmp/pvpatch-XXXXXX";
    int fd = mkstemp(lst);
    const char *as = getenv("PVCC_AS") ? getenv("PVCC_AS") : "as";
    char listing_opt[64];
    pid_t pid;
    int status;

    if ( fd < 0 )
    {
        perror("pvpatch: mkstemp");
        exit(2);
    }
    close(fd);
    snprintf(listing_opt, sizeof(listing_opt), "-aln=%s", lst);
    pid = fork();
    if ( pid == 0 )
    {
        execlp(as, as, "--64", "--listing-cont-lines=100000", "--listing-rhs-width=100000",
               listing_opt, "-o", "/dev/null", path, (char *)NULL);
        perror("pvpatch: exec as");
        _exit(127);
    }
    if ( pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) )
    {
        fprintf(stderr, "pvpatch: %s does not assemble\n", path);
        unlink(lst);
        exit(2);
    }

    FILE *f = fopen(lst, "r");
    char *buf = NULL;
    size_t cap = 0;

    while ( f && getline(&buf, &cap, f) >= 0 )
    {
        char *p = buf, *end;
        unsigned long no = strtoul(p, &end, 10);

        if ( end == p || no == 0 || no > nlines )
            continue;
        p = end;
        if ( p[0] == ' ' && isxdigit((unsigned char)p[1]) && p[5] == ' ' )
            p += 6;                             /* the address: a first line */
        while ( *p == ' ' )
            p++;
        struct line *l = &lines[no - 1];
        while ( isxdigit((unsigned char)p[0]) && isxdigit((unsigned char)p[1]) )
        {
            unsigned int b;

            sscanf(p, "%2x", &b);
            l->bytes = xrealloc(l->bytes, l->nbytes + 1);
            l->bytes[l->nbytes++] = (unsigned char)b;
            p += 2;
        }
    }
    free(buf);
    if ( f )
        fclose(f);
    unlink(lst);
}

/* section tracking, enough for what compilers and kernels write */
static bool directive_is(const char *d, const char *name)
{
    size_t n = strlen(name);

    return strncmp(d, name, n) == 0 && (d[n] == '\0' || isspace((unsigned char)d[n]));
}

static bool section_is_exec(const char *args)
{
    char name[128] = "";
    const char *flags = strchr(args, ',');

    sscanf(args, " %127[^, \t]", name);
    if ( flags && strchr(flags, '"') )
    {
        const char *q = strchr(flags, '"') + 1;

        for ( ; *q && *q != '"'; q++ )
            if ( *q == 'x' )
                return true;
        return false;
    }
    return strncmp(name, ".text", 5) == 0 || strcmp(name, ".init") == 0 ||
           strcmp(name, ".fini") == 0 || strncmp(name, ".init.text", 10) == 0;
}

static void track_sections_and_sources(void)
{
    bool stack[64], exec = true, previous = true;
    unsigned int depth = 0;
    char files[64][128] = { { 0 } };
    char cur[160] = "";
    long marker_line = -1;
    char marker_file[128] = "";

    for ( size_t i = 0; i < nlines; i++ )
    {
        struct asm_line al;
        const char *t = lines[i].text;
        unsigned int fileno;
        long ln;
        char name[128];

        if ( sscanf(t, "# %ld \"%127[^\"]\"", &ln, name) == 2 )
        {
            marker_line = ln - 1;               /* the next line is line ln */
            snprintf(marker_file, sizeof(marker_file), "%s", name);
        }
        else if ( marker_line >= 0 )
        {
            marker_line++;
            snprintf(cur, sizeof(cur), "%s:%ld", marker_file, marker_line);
        }
        if ( asm_line_split(t, &al) == 0 )
            for ( unsigned int s = 0; s < al.n; s++ )
            {
                const char *d = t + al.stmt[s].insn;
                bool was = exec;

                if ( !al.stmt[s].directive )
                    continue;
                if ( sscanf(d, ".file %u \"%127[^\"]\"", &fileno, name) == 2 && fileno < 64 )
                    snprintf(files[fileno], sizeof(files[fileno]), "%s", name);
                else if ( sscanf(d, ".loc %u %ld", &fileno, &ln) == 2 && fileno < 64 )
                    snprintf(cur, sizeof(cur), "%s:%ld", files[fileno], ln);
                else if ( directive_is(d, ".text") )
                    exec = true, previous = was;
                else if ( directive_is(d, ".data") || directive_is(d, ".bss") )
                    exec = false, previous = was;
                else if ( directive_is(d, ".section") )
                    exec = section_is_exec(d + 8), previous = was;
                else if ( directive_is(d, ".pushsection") )
                {
                    if ( depth < 64 )
                        stack[depth++] = exec;
                    exec = section_is_exec(d + 12);
                }
                else if ( directive_is(d, ".popsection") )
                    exec = depth ? stack[--depth] : exec;
                else if ( directive_is(d, ".previous") )
                    exec = previous, previous = was;
            }
        lines[i].exec = exec;
        snprintf(lines[i].src, sizeof(lines[i].src), "%s", cur);
    }
}

/* does the statement spell the decoded instruction? ("outb" for out, "lretq" for a far ret) */
static bool spells(const char *mnemonic, const ZydisDecodedInstruction *insn)
{
    const char *z = ZydisMnemonicGetString(insn->mnemonic);
    size_t n = strlen(z);

    if ( insn->meta.branch_type == ZYDIS_BRANCH_TYPE_FAR && insn->mnemonic == ZYDIS_MNEMONIC_RET )
        return strcmp(mnemonic, "lret") == 0 || strcmp(mnemonic, "lretq") == 0;
    if ( strcmp(mnemonic, z) == 0 )
        return true;
    if ( strncmp(mnemonic, z, n) == 0 && mnemonic[n] && strchr("bwlq", mnemonic[n]) && !mnemonic[n + 1] )
        return true;
    /* gas's names for the 64-bit flags pushes */
    return (strcmp(mnemonic, "pushf") == 0 && insn->mnemonic == ZYDIS_MNEMONIC_PUSHFQ) ||
           (strcmp(mnemonic, "popf") == 0 && insn->mnemonic == ZYDIS_MNEMONIC_POPFQ);
}

static void problem(size_t line, const char *what, const char *why)
{
    const char *src = lines[line].src;

    what += strspn(what, " \t");
    fprintf(stderr, "%s:%zu:%s%s%s cannot rewrite `%s': %s\n", in_path, line + 1,
            src[0] ? " (" : "", src, src[0] ? ")" : "", what, why);
}

static bool is_waived(size_t line, const char *mnemonic)
{
    if ( strstr(lines[line].text, "pvcc:waive") )
        return true;
    for ( size_t i = 0; i < nwaived; i++ )
        if ( strcmp(waived[i], mnemonic) == 0 )
            return true;
    return false;
}

/* are all the sensitive instructions among these waived (by their decoded names)? */
static bool sensitive_waived(size_t line, const struct record *r, unsigned int n)
{
    for ( unsigned int k = 0; k < n && k < ASM_LINE_MAX_STMTS; k++ )
        if ( r[k].sensitive && !is_waived(line, ZydisMnemonicGetString(r[k].insn.mnemonic)) )
            return false;
    return true;
}

/* decode every executable line and pair its instructions with its statements */
static void collect(void)
{
    ZydisDecoder dec;
    bool barrier = true;

    ZydisDecoderInit(&dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
    for ( size_t i = 0; i < nlines; i++ )
    {
        struct line *l = &lines[i];
        struct asm_line al;
        struct record found[ASM_LINE_MAX_STMTS];
        unsigned int n = 0, insns;
        bool sensitive = false, overflow = false;
        size_t off = 0;
        bool emulated = false;

        if ( asm_line_split(l->text, &al) )
            al.n = 0, overflow = true;
        if ( !l->exec )
        {
            barrier = true;
            continue;
        }
        while ( off < l->nbytes )
        {
            struct record r = { .line = i };

            if ( !ZYAN_SUCCESS(ZydisDecoderDecodeFull(&dec, l->bytes + off, l->nbytes - off,
                                                      &r.insn, r.ops)) )
                break;
            off += r.insn.length;
            r.sensitive = !emulated && pv_classify(&r.insn, r.ops).cls != PV_CLASS_NONE;
            emulated = pv_is_emulation_prefix(&r.insn, l->bytes + off, l->nbytes - off);
            if ( emulated )
                off += PV_EMULATION_MARK_LEN;
            sensitive |= r.sensitive;
            if ( n < ASM_LINE_MAX_STMTS )
                found[n] = r;
            n++;
        }
        insns = asm_line_insns(&al);
        if ( !sensitive )
        {
            barrier |= al.n > 0 || n > 0;       /* anything between sti and hlt */
            continue;
        }
        if ( overflow || off != l->nbytes || n != insns )
        {
            if ( sensitive_waived(i, found, n) )
                n_waived++;
            else
            {
                problem(i, l->text, "the line's bytes are not one instruction per statement "
                                    "(data or a macro?)");
                n_refused++;
            }
            barrier = true;
            continue;
        }
        for ( unsigned int s = 0, k = 0; s < al.n; s++ )
        {
            struct asm_stmt *st = &al.stmt[s];
            char mnemonic[32];

            if ( st->empty || st->directive || st->insn > st->start + strspn(l->text + st->start, " \t") )
                barrier = true;                 /* a label, or a directive */
            if ( st->empty || st->directive )
                continue;
            found[k].stmt = s;
            found[k].barrier_before = barrier;
            barrier = false;
            asm_stmt_mnemonic(l->text, st, mnemonic, sizeof(mnemonic));
            if ( found[k].sensitive && !spells(mnemonic, &found[k].insn) )
            {
                if ( sensitive_waived(i, &found[k], 1) )
                    n_waived++;
                else
                {
                    problem(i, l->text, "the statement does not spell the instruction it "
                                        "assembles to (a macro?)");
                    n_refused++;
                }
                found[k].sensitive = false;
            }
            if ( nrecs == recs_cap )
                recs = xrealloc(recs, (recs_cap = recs_cap ? 2 * recs_cap : 256) * sizeof(*recs));
            recs[nrecs++] = found[k++];
        }
    }
}

static void decide(void)
{
    for ( size_t i = 0; i < nrecs; i++ )
    {
        struct record *r = &recs[i];
        struct asm_line al;
        char operands[256], mnemonic[32];
        bool then_hlt;

        if ( !r->sensitive || r->consumed )
            continue;
        asm_line_split(lines[r->line].text, &al);
        asm_stmt_operands(lines[r->line].text, &al.stmt[r->stmt], operands, sizeof(operands));
        asm_stmt_mnemonic(lines[r->line].text, &al.stmt[r->stmt], mnemonic, sizeof(mnemonic));
        then_hlt = r->insn.mnemonic == ZYDIS_MNEMONIC_STI && i + 1 < nrecs &&
                   recs[i + 1].insn.mnemonic == ZYDIS_MNEMONIC_HLT && !recs[i + 1].barrier_before &&
                   recs[i + 1].sensitive && !is_waived(recs[i + 1].line, "hlt");
        if ( is_waived(r->line, mnemonic) )
        {
            r->rw.kind = REWRITE_KEEP;
            n_waived++;
            if ( report )
                fprintf(stderr, "%s:%zu: waived: %s\n", in_path, r->line + 1, mnemonic);
            continue;
        }
        rewrite_insn(&r->insn, r->ops, operands, then_hlt, &r->rw);
        switch ( r->rw.kind )
        {
        case REWRITE_REPLACE:
            n_rewritten++;
            if ( then_hlt )
            {
                recs[i + 1].consumed = true;
                recs[i + 1].rw.kind = REWRITE_REPLACE;  /* the hlt goes: sti did both */
                n_rewritten++;
            }
            if ( report )
                fprintf(stderr, "%s:%zu: %s%s -> %s\n", in_path, r->line + 1, mnemonic,
                        then_hlt ? "; hlt" : "", r->rw.out[0] ? r->rw.out : "(nothing)");
            break;
        case REWRITE_KEEP:
            n_kept++;
            if ( report )
                fprintf(stderr, "%s:%zu: kept: %s (%s)\n", in_path, r->line + 1, mnemonic, r->rw.why);
            break;
        case REWRITE_REFUSE:
            problem(r->line, mnemonic, r->rw.why);
            n_refused++;
            break;
        case REWRITE_NONE:
            break;
        }
    }
}

/* rebuild each line that has a replacement, statement by statement */
static void emit_lines(void)
{
    for ( size_t i = 0, k = 0; i < nlines; i++ )
    {
        const char *t = lines[i].text;
        struct asm_line al;
        char *out = NULL;
        size_t len = 0;
        FILE *f;
        bool changed = false;
        size_t first = k;

        while ( k < nrecs && recs[k].line == i )
            changed |= recs[k++].rw.kind == REWRITE_REPLACE;
        if ( !changed )
            continue;
        asm_line_split(t, &al);
        f = open_memstream(&out, &len);
        for ( unsigned int s = 0; s < al.n; s++ )
        {
            const struct asm_stmt *st = &al.stmt[s];
            const struct record *r = NULL;

            for ( size_t j = first; j < k; j++ )
                if ( recs[j].stmt == s )
                    r = &recs[j];
            bool replaced = r && r->rw.kind == REWRITE_REPLACE;

            if ( replaced && !r->rw.out[0] && st->insn == st->start + strspn(t + st->start, " \t") )
                continue;                       /* nothing, and no label to keep */
            if ( ftell(f) )
                fputs("; ", f);
            if ( replaced )
                fprintf(f, "%.*s%s", (int)(st->insn - st->start), t + st->start, r->rw.out);
            else
                fprintf(f, "%.*s", (int)(st->end - st->start), t + st->start);
        }
        if ( t[al.comment] )
            fprintf(f, "\t%s", t + al.comment);
        fclose(f);
        lines[i].out = out;
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: pvpatch [--report] [--waive MNEMONIC]... [-o OUT.s] IN.s\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *out_path = NULL;
    FILE *out;
    int i;

    for ( i = 1; i < argc && argv[i][0] == '-'; i++ )
    {
        if ( strcmp(argv[i], "-o") == 0 && i + 1 < argc )
            out_path = argv[++i];
        else if ( strcmp(argv[i], "--waive") == 0 && i + 1 < argc )
        {
            waived = xrealloc(waived, (nwaived + 1) * sizeof(*waived));
            waived[nwaived++] = argv[++i];
        }
        else if ( strcmp(argv[i], "--report") == 0 )
            report = true;
        else
            usage();
    }
    if ( i + 1 != argc )
        usage();
    in_path = argv[i];
    read_input(in_path);
    run_assembler(in_path);
    track_sections_and_sources();
    collect();
    decide();
    emit_lines();

    out = out_path ? fopen(out_path, "w") : stdout;
    if ( !out )
    {
        fprintf(stderr, "pvpatch: %s: %s\n", out_path, strerror(errno));
        return 2;
    }
    for ( size_t l = 0; l < nlines; l++ )
        fprintf(out, "%s\n", lines[l].out ? lines[l].out : lines[l].text);
    if ( fclose(out) )
    {
        fprintf(stderr, "pvpatch: writing %s failed\n", out_path ? out_path : "output");
        return 2;
    }
    if ( report || n_refused )
        fprintf(stderr, "pvpatch: %s: %u rewritten, %u kept, %u waived, %u refused\n", in_path,
                n_rewritten, n_kept, n_waived, n_refused);
    return n_refused ? 1 : 0;
}
