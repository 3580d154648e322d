/*
 * A benchmark, not a test (nothing checks its figures): the cost of the dom0
 * kernel's process operations, in TSC ticks - which count guest
 * instructions under QEMU's -icount shift=0 - as the median of N rounds:
 * fork + exit + wait4 of a child, a pipe round trip between two processes
 * (two switches), and a signal delivered to a handler and returned from.
 * Run as dom0's /init:  tests/lib/qemu-run -I ... -r "sierra-dom0 init=/bin/procbench,..."
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <x86intrin.h>

#define N 101

static uint64_t t[N];
static volatile int hits;

static void on_usr1(int sig) { (void)sig; hits++; }

static int cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

static uint64_t median(void)
{
    qsort(t, N, sizeof(t[0]), cmp);
    return t[N / 2];
}

int main(void)
{
    int ab[2], ba[2];
    char c = 0;

    for ( int i = 0; i < N; i++ )
    {
        uint64_t s = __rdtsc();
        pid_t p = fork();

        if ( p == 0 )
            _exit(0);
        waitpid(p, NULL, 0);
        t[i] = __rdtsc() - s;
    }
    printf("procbench: fork+exit+wait %lu\n", (unsigned long)median());

    pipe(ab);
    pipe(ba);
    if ( fork() == 0 )
    {
        for ( int i = 0; i < N; i++ )
            read(ab[0], &c, 1), write(ba[1], &c, 1);
        _exit(0);
    }
    for ( int i = 0; i < N; i++ )
    {
        uint64_t s = __rdtsc();

        write(ab[1], &c, 1);
        read(ba[0], &c, 1);
        t[i] = __rdtsc() - s;
    }
    wait(NULL);
    printf("procbench: pipe round trip %lu\n", (unsigned long)median());

    signal(SIGUSR1, on_usr1);
    for ( int i = 0; i < N; i++ )
    {
        uint64_t s = __rdtsc();

        kill(getpid(), SIGUSR1);
        t[i] = __rdtsc() - s;
    }
    printf("procbench: signal to a handler and back %lu\n", (unsigned long)median());
    return hits == N ? 0 : 1;
}
