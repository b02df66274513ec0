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
	FILE *f;
	int i, rc;

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
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("text width", _("unknown option '%s'"), argv[i]);
		if (path)
			return cli_usage_error("text width", "%s", _("only one FILE may be given"));
		path = argv[i];
	}
	f = cli_open_input(path);
	if (!f)
		return EXIT_BAD_INPUT;
	rc = cli_each_line(f, width_line, NULL);
	cli_close_input(f);
	return rc;
}
