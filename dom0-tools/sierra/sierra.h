/*
 * The `sierra` command-line tool: one table of commands (main.c), one file
 * per command or group. Exit codes, as the operator guide documents: 0 done,
 * 1 the operation failed, 2 a usage or validation error.
 */
#ifndef SIERRA_CLI_H
#define SIERRA_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EXIT_OK         0
#define EXIT_FAILED     1
#define EXIT_USAGE      2

struct cli {
    bool json, lenient;
};

/* one command line, argv[0] the command */
int cli_run(struct cli *cli, int argc, char **argv);

int cmd_validate(struct cli *cli, int argc, char **argv);
int cmd_create(struct cli *cli, int argc, char **argv);
int cmd_info(struct cli *cli, int argc, char **argv);
int cmd_dmesg(struct cli *cli, int argc, char **argv);
int cmd_console(struct cli *cli, int argc, char **argv);
int console_attach(const char *name);      /* until the domain shuts down */
int cmd_list(struct cli *cli, int argc, char **argv);
int cmd_domid(struct cli *cli, int argc, char **argv);
int cmd_domname(struct cli *cli, int argc, char **argv);
int cmd_pause(struct cli *cli, int argc, char **argv);
int cmd_unpause(struct cli *cli, int argc, char **argv);
int cmd_destroy(struct cli *cli, int argc, char **argv);
int cmd_shutdown(struct cli *cli, int argc, char **argv);
int cmd_reboot(struct cli *cli, int argc, char **argv);
int cmd_shell(struct cli *cli, int argc, char **argv);
int cmd_vcpu_list(struct cli *cli, int argc, char **argv);
int cmd_vcpu_pin(struct cli *cli, int argc, char **argv);
int cmd_sched_credit(struct cli *cli, int argc, char **argv);
int cmd_mem_set(struct cli *cli, int argc, char **argv);
int cmd_dumpxml(struct cli *cli, int argc, char **argv);
/* the definition a domain was created from, kept for dumpxml (cmd-dumpxml.c) */
void definition_save(const char *name, const char *from);
void definition_forget(const char *name);
void definition_path(const char *name, char *out, size_t len);

/* the console relay and lifecycle actions (relay.c) */
#define RELAY_LOG_DIR "/var/log/sierra/console"
void relay_poll(void);
void relay_new_log(const char *name);       /* a new domain: its log starts empty */
void relay_log_path(const char *name, char *out, size_t len);
struct pv_xencons_interface *relay_ring(uint16_t domid);
void relay_forget(uint16_t domid);          /* before destroying it */

/* diagnostics in the compiler's format: FILE:LINE: error: element 'X': message */
void cli_diag(const char *severity, const char *file, long line, const char *element,
              const char *msg);
void cli_json_string(const char *s);

#endif
