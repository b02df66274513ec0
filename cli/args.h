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

#endif
