/*
 * Splitting a line of AT&T assembly into labels, statements and a comment
 * (asm-line.h). The scanner walks the line once, skipping over "strings"
 * and 'c character constants, so that a ';' or '#' inside them is text.
 */
#include <ctype.h>
#include <string.h>
#include "asm-line.h"

static const char *const prefix_words[] = {
    "rep", "repe", "repz", "repne", "repnz", "lock", "data16", "data32",
    "addr32", "notrack", "rex", "rex64",
};

static bool is_label_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '$';
}

static size_t skip_space(const char *line, size_t i, size_t end)
{
    while ( i < end && isspace((unsigned char)line[i]) )
        i++;
    return i;
}

/* past the labels at the start of [i, end) */
static size_t skip_labels(const char *line, size_t i, size_t end)
{
    for ( ;; )
    {
        size_t j = skip_space(line, i, end), k = j;

        while ( k < end && is_label_char(line[k]) )
            k++;
        if ( k == j || k >= end || line[k] != ':' )
            return j;
        i = k + 1;
    }
}

static bool is_prefix_only(const char *line, const struct asm_stmt *s)
{
    char word[16];
    size_t i = s->insn, n = 0;

    while ( i < s->end && !isspace((unsigned char)line[i]) && n + 1 < sizeof(word) )
        word[n++] = (char)tolower((unsigned char)line[i++]);
    word[n] = '\0';
    if ( skip_space(line, i, s->end) != s->end )
        return false;
    for ( size_t p = 0; p < sizeof(prefix_words) / sizeof(prefix_words[0]); p++ )
        if ( strcmp(word, prefix_words[p]) == 0 )
            return true;
    return false;
}

static void classify(const char *line, struct asm_stmt *s)
{
    size_t end = s->end;

    while ( end > s->start && isspace((unsigned char)line[end - 1]) )
        end--;
    s->end = end;
    s->insn = skip_labels(line, s->start, end);
    s->empty = s->insn >= end;
    s->directive = !s->empty && line[s->insn] == '.';
}

int asm_line_split(const char *line, struct asm_line *out)
{
    size_t len = strlen(line), start = 0, i = 0;

    out->n = 0;
    out->comment = len;
    while ( i <= len )
    {
        char c = i < len ? line[i] : '\0';

        if ( c == '"' )
        {
            for ( i++; i < len && line[i] != '"'; i++ )
                if ( line[i] == '\\' && i + 1 < len )
                    i++;
            i++;
            continue;
        }
        if ( c == '\'' )
        {
            i += (i + 1 < len && line[i + 1] == '\\') ? 3 : 2;
            continue;
        }
        if ( c == ';' || c == '#' || c == '\0' || c == '\n' )
        {
            struct asm_stmt s = { .start = start, .end = i };

            classify(line, &s);
            if ( out->n > 0 && is_prefix_only(line, &out->stmt[out->n - 1]) && !s.empty &&
                 !s.directive && s.insn == skip_space(line, s.start, s.end) )
                out->stmt[out->n - 1].end = s.end;  /* "rep; outsb": one instruction */
            else if ( !s.empty || s.insn > skip_space(line, s.start, s.end) )
            {
                if ( out->n == ASM_LINE_MAX_STMTS )
                    return -1;
                out->stmt[out->n++] = s;
            }
            if ( c != ';' )
            {
                out->comment = i < len ? i : len;
                break;
            }
            start = i + 1;
        }
        i++;
    }
    return 0;
}

unsigned int asm_line_insns(const struct asm_line *l)
{
    unsigned int n = 0;

    for ( unsigned int i = 0; i < l->n; i++ )
        n += !l->stmt[i].empty && !l->stmt[i].directive;
    return n;
}

void asm_stmt_mnemonic(const char *line, const struct asm_stmt *s, char *buf, size_t len)
{
    size_t i = s->insn, n = 0;

    /* a merged prefix statement: the mnemonic is the last word before operands */
    for ( size_t j = s->insn; j < s->end; j++ )
        if ( line[j] == ';' )
            i = skip_space(line, j + 1, s->end);
    if ( len == 0 )
        return;
    for ( ;; )
    {
        n = 0;
        while ( i < s->end && !isspace((unsigned char)line[i]) && n + 1 < len )
            buf[n++] = (char)tolower((unsigned char)line[i++]);
        buf[n] = '\0';
        bool prefix = false;
        for ( size_t p = 0; p < sizeof(prefix_words) / sizeof(prefix_words[0]); p++ )
            prefix |= strcmp(buf, prefix_words[p]) == 0;
        size_t next = skip_space(line, i, s->end);
        if ( !prefix || next >= s->end )
            return;
        i = next;
    }
}

void asm_stmt_operands(const char *line, const struct asm_stmt *s, char *buf, size_t len)
{
    char mnemonic[32];
    size_t i = s->insn, n = 0, end = s->end;

    asm_stmt_mnemonic(line, s, mnemonic, sizeof(mnemonic));
    /* find the mnemonic word itself, then take what follows it */
    for ( ; i < end; i++ )
    {
        size_t k = 0;

        while ( i + k < end && mnemonic[k] && tolower((unsigned char)line[i + k]) == mnemonic[k] )
            k++;
        if ( !mnemonic[k] && (i + k == end || isspace((unsigned char)line[i + k])) &&
             (i == s->insn || isspace((unsigned char)line[i - 1]) || line[i - 1] == ';') )
        {
            i += k;
            break;
        }
    }
    i = skip_space(line, i, end);
    while ( i < end && n + 1 < len )
        buf[n++] = line[i++];
    buf[n] = '\0';
}
