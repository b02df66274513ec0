/* The `tthc text` subcommands, once: the dispatcher and the help read it.
 * Each lives in its own file cli/text_NAME.c. */
#ifndef TTHC_CLI_TEXT_CMDS_H
#define TTHC_CLI_TEXT_CMDS_H

#include "cli.h"

int text_normalize(int argc, char **argv);
int text_fold_cmd(int argc, char **argv);
int text_width_cmd(int argc, char **argv);
int text_convert(int argc, char **argv);
int text_detect(int argc, char **argv);

#define TTHC_TEXT_COMMANDS(X) \
	X("normalize", text_normalize, "[FILE]", N_("write each line in NFC UTF-8")) \
	X("fold", text_fold_cmd, "[--exact] [FILE]", N_("write the search form of each line")) \
	X("convert", text_convert, "--from ENC --to ENC [FILE]", \
	  N_("convert between UTF-8 and legacy Vietnamese encodings")) \
	X("detect", text_detect, "[FILE]", N_("tell the encoding of a file")) \
	X("width", text_width_cmd, "[FILE]", N_("write the display width of each line"))

#endif
