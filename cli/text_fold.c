#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "text/fold.h"
#include "text_cmds.h"
#include "util/i18n.h"

/* Control characters are neither letters nor marks, so they pass through
 * unchanged like any other character: the output is data for a pipe (a tab
 * still separates the columns of a TSV file), as normalize's is. */
static int fold_line(const char *line, size_t len, size_t lineno, void *ctx)
{
	const bool *exact = ctx;
	struct tthc_err err = { 0 };
	size_t n;
	char *key;

	if (!cli_check_utf8_line(line, len, lineno))
		return EXIT_BAD_INPUT;
	key = *exact ? text_fold_case(line, len, &n, &err) : text_fold(line, len, &n, &err);
	if (!key) {
		cli_error_err(&err);
		return EXIT_BAD_INPUT;
	}
	fwrite(key, 1, n, stdout);
	putchar('\n');
	free(key);
	return 0;
}

int text_cmd_fold(int argc, char **argv)
{
	const char *path = NULL;
	bool exact = false;
	int i;

	for (i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			cli_print(stdout, _("Usage: tthc text fold [--exact] [FILE]\n"
					    "Write the search form of each line of FILE (or standard input):\n"
					    "marks removed, đ and Đ as d, lower case (\"Nguyễn Văn Đức\" becomes\n"
					    "\"nguyen van duc\").  Decomposed input gives the same result.\n"
					    "\n"
					    "  --exact    keep the marks and đ: the form exact-accent search\n"
					    "             compares (NFC, lower case)\n"));
			return EXIT_OK;
		}
		if (!strcmp(argv[i], "--exact")) {
			exact = true;
			continue;
		}
		if (arg_operand("text fold", argv[i], &path))
			return EXIT_USAGE;
	}
	return cli_each_line_of(path, fold_line, &exact);
}
