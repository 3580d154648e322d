/*
 * linux-init: /init for Debian's Linux booted as dom0 (tests/boot/linux-dom0.t).
 * It runs the program its arguments name (what follows "--" on the kernel's
 * command line), waits for it, says how it ended, and powers the machine off
 * through reboot(2), which a Linux PV kernel turns into
 * SCHEDOP_shutdown(poweroff): the hypervisor then ends QEMU with status 0.
 */
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int status = 0;
    pid_t pid;

    printf("linux-init: pid %d, running %s\n", getpid(), argc > 1 ? argv[1] : "nothing");
    fflush(stdout);
    if ( argc > 1 )
    {
        pid = fork();
        if ( pid == 0 )
        {
            execv(argv[1], argv + 1);
            perror("linux-init: execv");
            _exit(127);
        }
        if ( pid < 0 || waitpid(pid, &status, 0) != pid )
            perror("linux-init: fork/waitpid");
        else if ( WIFEXITED(status) )
            printf("linux-init: %s exited with status %d\n", argv[1], WEXITSTATUS(status));
        else
            printf("linux-init: %s killed by signal %d\n", argv[1], WTERMSIG(status));
    }
    fflush(stdout);
    sync();
    reboot(RB_POWER_OFF);
    perror("linux-init: reboot");
    return 1;
}
