/* The `tthc text` subcommands, once: the dispatcher and the help read it.
 * Each lives in its own file cli/text_NAME.c. */
#ifndef TTHC_CLI_TEXT_CMDS_H
#define TTHC_CLI_TEXT_CMDS_H

#include "cli.h"

int text_cmd_normalize(int argc, char **argv);
int text_cmd_fold(int argc, char **argv);
int text_cmd_sort(int argc, char **argv);
int text_cmd_convert(int argc, char **argv);
int text_cmd_detect(int argc, char **argv);
int text_cmd_width(int argc, char **argv);

#define TTHC_TEXT_COMMANDS(X) \
	X("normalize", text_cmd_normalize, "[FILE]", N_("write each line in NFC UTF-8")) \
	X("fold", text_cmd_fold, "[--exact] [FILE]", N_("write the search form of each line")) \
	X("sort", text_cmd_sort, "[--names] [--reverse] [FILE]", \
	  N_("sort lines in Vietnamese order")) \
	X("convert", text_cmd_convert, "--from ENC --to ENC [FILE]", \
	  N_("convert between UTF-8 and legacy Vietnamese encodings")) \
	X("detect", text_cmd_detect, "[FILE]", N_("tell the encoding of a file")) \
	X("width", text_cmd_width, "[FILE]", N_("write the display width of each line"))

#endif
