/* Small helpers shared by subcommands for their arguments. */
#ifndef TTHC_CLI_ARGS_H
#define TTHC_CLI_ARGS_H

#include <stdbool.h>

/* True when argv[i] is -h or --help. */
bool arg_is_help(const char *arg);

/* `--name=value` or `--name value`: when argv[*i] is the option `name`,
 * stores the value, advances *i past it and returns true.  A missing value
 * sets *missing. */
bool arg_value(int argc, char **argv, int *i, const char *name,
	       const char **value, bool *missing);

/* The FILE operand of a command that reads one input: an unknown option or
 * a second FILE is a usage error (said on stderr, naming `cmd` for --help).
 * Returns 0, or EXIT_USAGE. */
int arg_operand(const char *cmd, const char *arg, const char **path);

#endif
