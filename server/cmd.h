/* tthcd's commands: one function per command, all sharing these helpers. */
#ifndef TTHCD_CMD_H
#define TTHCD_CMD_H

#include <stdbool.h>
#include <stddef.h>

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

/* A password: one line from stdin when stdin is not a terminal, else a
 * generated one (then *generated is true).  out holds PW_MAX_LEN + 2. */
int cmd_password(char *out, size_t size, bool *generated, struct tthc_err *e);

/* The local actor: "cli:USER". */
struct actor cmd_actor(char *buf, size_t size);

#endif
