#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "cli.h"
#include "slurp.h"
#include "text/detect.h"
#include "text_cmds.h"
#include "util/i18n.h"

/* "0.97": by hand, so that a locale's decimal comma never reaches a
 * script. */
static void print_guess(const struct text_guess *g)
{
	int hundredths = (int)(g->confidence * 100.0 + 0.5);
	size_t i;

	if (!g->ambiguous) {
		printf("%s %d.%02d\n", text_enc_name(g->enc), hundredths / 100,
		       hundredths % 100);
		return;
	}
	fputs("ambiguous ", stdout);
	for (i = 0; i < g->n; i++)
		printf("%s%s", i ? "," : "", text_enc_name(g->candidates[i]));
	putchar('\n');
}

int text_cmd_detect(int argc, char **argv)
{
	const char *path = NULL;
	struct text_guess g;
	struct tthc_err err;
	size_t len;
	char *data;
	int i, rc = EXIT_OK;

	for (i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			cli_print(stdout, _("Usage: tthc text detect [FILE]\n"
					    "Tell the encoding of FILE (or standard input): print the encoding\n"
					    "and a confidence from 0 to 1 (\"tcvn3 0.97\"), or \"ambiguous\" and\n"
					    "the candidates (\"ambiguous tcvn3,viscii\") when it cannot tell.\n"
					    "Plain ASCII is reported as utf-8.\n"));
			return EXIT_OK;
		}
		if (arg_operand("text", argv[i], &path))
			return EXIT_USAGE;
	}
	data = cli_slurp_path(path, &len);
	if (!data)
		return EXIT_BAD_INPUT;
	if (text_detect_encoding(data, len, &g, &err) < 0) {
		cli_error_err(&err);
		rc = EXIT_BAD_INPUT;
	} else {
		print_guess(&g);
	}
	free(data);
	return rc;
}
