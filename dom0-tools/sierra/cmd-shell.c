/*
 * sierra shell [FILE]: commands one a line, from FILE or standard input -
 * the dom0 prompt ("sierra> " when input is a terminal). Words are split on
 * blanks; '#' starts a comment; "quit" or the end of input ends it. Each
 * line prints its own result; the shell's status is the last failure's, or
 * 0, so a script can be checked as a whole. Before each line (and while the
 * prompt waits) the console relay runs (relay.c): domU consoles go to their
 * logs and shut-down domains get what their definitions say.
 */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "sierra.h"

#define MAX_WORDS 32

int cmd_shell(struct cli *cli, int argc, char **argv)
{
    FILE *in = stdin;
    char line[1024];
    int status = EXIT_OK;
    bool prompt;

    if ( argc > 1 )
    {
        fprintf(stderr, "usage: sierra shell [FILE]\n");
        return EXIT_USAGE;
    }
    if ( argc == 1 && !(in = fopen(argv[0], "r")) )
    {
        perror(argv[0]);
        return EXIT_FAILED;
    }
    prompt = argc == 0 && isatty(0);
    for ( ;; )
    {
        char *words[MAX_WORDS], *save;
        int n = 0, rc;

        relay_poll();
        if ( prompt )
        {
            printf("sierra> ");
            fflush(stdout);
            /* the relay keeps going while the prompt waits */
            while ( poll(&(struct pollfd){ .fd = 0, .events = POLLIN }, 1, 250) == 0 )
                relay_poll();
        }
        if ( !fgets(line, sizeof(line), in) )
            break;
        line[strcspn(line, "#\n")] = '\0';
        if ( !prompt && line[strspn(line, " \t")] )
            printf("sierra> %s\n", line);      /* a script's transcript */
        for ( char *w = strtok_r(line, " \t", &save); w && n < MAX_WORDS; w = strtok_r(NULL, " \t", &save) )
            words[n++] = w;
        if ( n == 0 )
            continue;
        if ( strcmp(words[0], "quit") == 0 || strcmp(words[0], "exit") == 0 )
            break;
        if ( strcmp(words[0], "shell") == 0 )
        {
            fprintf(stderr, "sierra: shell: already in one\n");
            status = EXIT_USAGE;
            continue;
        }
        fflush(stdout);
        rc = cli_run(cli, n, words);
        fflush(stdout);
        fflush(stderr);
        if ( rc != EXIT_OK )
            status = rc;
    }
    if ( in != stdin )
        fclose(in);
    return status;
}
