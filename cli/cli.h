/* The command-line front end: thin wrappers over core/ that read arguments,
 * call the core and print.  Exit codes are the same for every command. */
#ifndef TTHC_CLI_H
#define TTHC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/err.h"

enum {
	EXIT_OK = 0,
	EXIT_BAD_INPUT = 1,     /* the input or the request was refused */
	EXIT_USAGE = 2,         /* the command line itself is wrong */
	EXIT_OFFLINE = 3,       /* the server cannot be reached: nothing was lost */
	EXIT_LOGIN = 4,         /* not logged in, or the session expired */
	EXIT_TLS = 5,           /* the server's certificate or key was refused */
	EXIT_LOCAL = 6,         /* the local store could not be read or written */
};

struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);   /* argv[0] is the command name */
	const char *summary;                 /* N_() msgid, for `tthc --help` */
};

/* "tthc: message" on stderr, rendered for the terminal's charset. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "tthc: where: message" from an error value. */
void cli_error_err(const struct tthc_err *err);
/* A usage error: the message, then "Try 'tthc CMD --help'."; returns
 * EXIT_USAGE so a caller can `return cli_usage_error(...)`. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Write UTF-8 text meant for people (help, messages) to f, converted to the
 * terminal's charset (term_charset()) when that is not UTF-8. */
void cli_print(FILE *f, const char *utf8);

/* Open FILE, or stdin when path is NULL or "-".  On failure prints the
 * reason and returns NULL. */
FILE *cli_open_input(const char *path);
void cli_close_input(FILE *f);

/* Read f line by line (without the newline; a final line without one counts)
 * and call fn for each.  Stops at the first non-zero return and returns it. */
typedef int (*cli_line_fn)(const char *line, size_t len, size_t lineno, void *ctx);
int cli_each_line(FILE *f, cli_line_fn fn, void *ctx);
/* The same over FILE, or standard input when path is NULL or "-";
 * EXIT_BAD_INPUT (said on stderr) when it cannot be opened. */
int cli_each_line_of(const char *path, cli_line_fn fn, void *ctx);

/* A line that must be valid UTF-8: prints "tthc: line N, byte B: invalid
 * UTF-8" and returns false when it is not. */
bool cli_check_utf8_line(const char *line, size_t len, size_t lineno);

#endif
