/* A program that faults: dom0's kernel must end it as SIGSEGV would and carry on. */
#include <stdio.h>

int main(int argc, char **argv)
{
    volatile int *p = (volatile int *)(unsigned long)(argc * 16);   /* 16: not foldable */

    (void)argv;
    printf("segv: writing to address 16\n");
    fflush(stdout);
    *p = 1;
    printf("segv: still alive?\n");
    return 0;
}
