/* tthcd's commands: one function per command, all sharing these helpers. */
#ifndef TTHCD_CMD_H
#define TTHCD_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "srv.h"

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_org(int argc, char **argv);
int cmd_seed(int argc, char **argv);
int cmd_verify_audit(int argc, char **argv);
int cmd_audit_head(int argc, char **argv);
int cmd_prune(int argc, char **argv);
#ifdef TTHC_FAULTS
int cmd_fixture(int argc, char **argv);         /* test builds only */
#endif

/* "tthcd: where: message" on stderr; returns 1. */
int cmd_fail(const struct tthc_err *e);
/* A usage error on stderr; returns 2. */
int cmd_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The value of option argv[*i] (--name VALUE), advancing *i; NULL and a
 * usage message when it is missing. */
const char *cmd_value(int argc, char **argv, int *i, const char *cmd);

/* One option of a command's table (ended by { NULL }): "--NAME VALUE" into
 * *value, or, with count, into value[*count] for a repeatable option (at
 * most max times); a bare "--NAME" with flag sets *flag. */
struct cmd_opt {
	const char *name;
	const char **value;
	bool *flag;
	size_t *count, max;
};
#define CMD_VALUE(n, v) { .name = (n), .value = (v) }
#define CMD_FLAG(n, f) { .name = (n), .flag = (f) }
#define CMD_LIST(n, v, c, m) { .name = (n), .value = (v), .count = (c), .max = (m) }
#define CMD_END { .name = NULL }

/* Read argv[1..] by the table.  -1 when every argument was read; else the
 * exit status: 0 after usage(stdout) for -h or --help, 2 after a usage
 * message. */
int cmd_options(int argc, char **argv, const char *cmd, const struct cmd_opt *opts,
		void (*usage)(FILE *));

/* A password: one line from stdin when stdin is not a terminal, else a
 * generated one (then *generated is true).  out holds PW_MAX_LEN + 2. */
int cmd_password(char *out, size_t size, bool *generated, struct tthc_err *e);

/* The local actor: "cli:USER". */
struct actor cmd_actor(char *buf, size_t size);

#endif
