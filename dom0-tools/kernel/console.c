/*
 * /dev/console: output through console_io, input through CONSOLEIO_read
 * with VIRQ_CONSOLE saying when something was typed - and a line
 * discipline good enough for a prompt, as a Linux tty in canonical mode:
 * characters are echoed, CR becomes NL, backspace (DEL or ^H) erases one
 * character and ^U the whole line, ^D on an empty line is the end of input,
 * and ^C drops the line being typed and sends SIGINT to the foreground
 * process group (TIOCSPGRP sets it; init's group at first). Input is taken
 * in as it comes, in the VIRQ_CONSOLE handler, so ^C reaches a program that
 * is not reading; a reader sleeps until a line is there.
 * A read returns at most one line, including its '\n'.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <hv/lib.h>
#include "kernel.h"

#define LINE_MAX    1024
#define CTRL(c)     ((c) & 0x1f)
#define SIGINT      2

static char line[LINE_MAX];
static size_t line_len, done;           /* done: the bytes of finished lines, at the start */
static bool eof;
int console_pgrp = 1;

static void discipline(char c);

/* what was typed, through the line discipline; events masked meanwhile */
static void drain(void)
{
    bool was_masked = kit_vcpu_info->evtchn_upcall_mask;
    char in[128];
    long got;

    events_mask();
    while ( !done && !eof && (got = hyp_console_io(PV_CONSOLEIO_read, sizeof(in), in)) > 0 )
        for ( long i = 0; i < got; i++ )
            discipline(in[i]);
    if ( !was_masked )
        events_unmask();
}

static void on_console(unsigned int port) { (void)port; drain(); }

void console_init(void)
{
    long port = kit_bind_virq(PV_VIRQ_CONSOLE);

    if ( port >= 0 )
        kit_bind_handler((unsigned int)port, on_console);
}

int console_write_dev(const void *buf, size_t len)
{
    hyp_console_io(PV_CONSOLEIO_write, (int)len, buf);
    return (int)len;
}

static void echo(const char *s) { console_write_dev(s, strlen(s)); }

/* one typed character into the line being edited */
static void discipline(char c)
{
    if ( c == '\r' )
        c = '\n';
    if ( c == CTRL('D') )
    {
        if ( line_len == 0 )
            eof = true;
        else
            done = line_len;            /* what is there, without a newline */
        return;
    }
    if ( c == CTRL('C') )
    {
        echo("^C\n");
        line_len = done;
        signal_send_group(console_pgrp, SIGINT);
        return;
    }
    if ( c == 0x7f || c == CTRL('H') )
    {
        if ( line_len > done )
        {
            line_len--;
            echo("\b \b");
        }
        return;
    }
    if ( c == CTRL('U') )
    {
        for ( ; line_len > done; line_len-- )
            echo("\b \b");
        return;
    }
    if ( line_len == LINE_MAX - 1 && c != '\n' )
        return;                         /* full: only the end of the line fits */
    line[line_len++] = c;
    console_write_dev(&c, 1);
    if ( c == '\n' )
        done = line_len;
}

bool console_readable(void)
{
    drain();
    return done || eof;
}

static bool line_ready(void *arg) { (void)arg; return console_readable(); }

int console_read(void *buf, size_t len)
{
    size_t n;

    if ( wait_event(line_ready, NULL, 0, true) == -EINTR )
        return -ERESTARTSYS;
    if ( !done )
    {
        eof = false;                    /* ^D ends one read, as on a tty */
        return 0;
    }
    for ( n = 0; n < done && line[n] != '\n'; n++ )
        ;
    n = n < done ? n + 1 : done;        /* one line, or what ^D pushed */
    n = n < len ? n : len;
    memcpy(buf, line, n);
    memmove(line, line + n, line_len - n);
    line_len -= n;
    done -= n;
    return (int)n;
}
