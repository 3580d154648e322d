/*
 * console-echo: console input for a kit guest. It reads what is typed on
 * its console (a domU: the console ring's input half, woken by the console
 * event channel; dom0: CONSOLEIO_read, woken by VIRQ_CONSOLE), echoes each
 * line back and powers off at "quit". tests/boot/console-input.t types to
 * it through `sierra console`.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <hv/lib.h>

static volatile unsigned int kicks;

static void on_console(unsigned int port)
{
    (void)port;
    kicks++;
}

int main(void)
{
    char line[128], c;
    size_t n = 0;

    kit_events_init(kit_spare_page(0));
    if ( start_info->flags & PV_SIF_INITDOMAIN )
        kit_bind_handler((unsigned int)kit_bind_virq(PV_VIRQ_CONSOLE), on_console);
    else
        kit_bind_handler(start_info->console.domU.evtchn, on_console);
    printf("console-echo: type a line; quit ends\n");
    for ( ;; )
    {
        unsigned int seen = kicks;          /* before reading: no wake-up is lost */

        while ( kit_console_read(&c, 1) == 1 )
        {
            if ( c != '\r' && c != '\n' )
            {
                if ( n < sizeof(line) - 1 )
                    line[n++] = c;
                continue;
            }
            line[n] = '\0';
            n = 0;
            if ( !line[0] )
                continue;
            printf("echo: %s\n", line);
            if ( !strcmp(line, "quit") )
                return 0;
        }
        kit_wait_until(&kicks, seen + 1);
    }
}
