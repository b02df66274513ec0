#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "cli.h"
#include "text/term.h"
#include "text_cmds.h"
#include "util/i18n.h"

/* The width is what tthc would take to show the line: escape sequences and
 * control characters removed first (term_sanitize), a tab shown as one
 * space.  Counting "\x1b[31m" as four columns would be no one's answer. */
static int width_line(const char *line, size_t len, size_t lineno, void *ctx)
{
	size_t n;
	char *shown;

	(void)ctx;
	if (!cli_check_utf8_line(line, len, lineno))
		return EXIT_BAD_INPUT;
	shown = term_sanitize(line, len, &n);
	if (!shown) {
		cli_error("%s", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	printf("%zu\n", term_width(shown, n));
	free(shown);
	return 0;
}

int text_cmd_width(int argc, char **argv)
{
	const char *path = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			cli_print(stdout, _("Usage: tthc text width [FILE]\n"
					    "Write the display width in terminal columns of each line of FILE\n"
					    "(or standard input), one number per line.  Combining marks take no\n"
					    "column, wide (CJK) characters two; escape sequences and control\n"
					    "characters are removed first, as tthc removes them before showing\n"
					    "text, and a tab counts as one column.\n"));
			return EXIT_OK;
		}
		if (arg_operand("text width", argv[i], &path))
			return EXIT_USAGE;
	}
	return cli_each_line_of(path, width_line, NULL);
}
