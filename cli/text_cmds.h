/* The `tthc text` subcommands, once: the dispatcher and the help read it.
 * Each lives in its own file cli/text_NAME.c. */
#ifndef TTHC_CLI_TEXT_CMDS_H
#define TTHC_CLI_TEXT_CMDS_H

#include "cli.h"

int text_normalize(int argc, char **argv);
int text_sort(int argc, char **argv);

#define TTHC_TEXT_COMMANDS(X) \
	X("normalize", text_normalize, "[FILE]", N_("write each line in NFC UTF-8")) \
	X("sort", text_sort, "[--names] [--reverse] [FILE]", N_("sort lines in Vietnamese order"))

#endif
