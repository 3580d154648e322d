/*
 * ^C on the console (tests/boot/dom0-kernel.t types it): the line
 * discipline sends SIGINT to the foreground process group. Run as dom0's
 * /init: a child in its own group, made the foreground with tcsetpgrp,
 * says "ready" and waits; ^C ends it (SIGINT's default action) and init,
 * in another group, is untouched. init itself ignores a SIGINT it has no
 * handler for, as Linux's init does; with a handler it catches one.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

static void on_int(int sig) { (void)sig; caught = 1; }

int main(void)
{
    int st;
    pid_t child = fork();

    if ( child == 0 )
    {
        setpgid(0, 0);
        while ( tcgetpgrp(0) != getpid() )
            usleep(1000);
        printf("sigint: child ready for ^C\n");
        fflush(stdout);
        for ( ;; )
            pause();
    }
    setpgid(child, child);
    tcsetpgrp(0, child);
    waitpid(child, &st, 0);
    printf("sigint: child %s\n", WIFSIGNALED(st) && WTERMSIG(st) == SIGINT ? "ended by SIGINT" : "NOT ended by SIGINT");
    tcsetpgrp(0, getpgrp());
    kill(getpid(), SIGINT);
    printf("sigint: init survives a SIGINT it does not handle\n");
    signal(SIGINT, on_int);
    kill(getpid(), SIGINT);
    printf("sigint: init's handler %s\n", caught ? "caught SIGINT" : "did NOT run");
    return 0;
}
