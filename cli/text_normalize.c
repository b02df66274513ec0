#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "cli.h"
#include "text/nfc.h"
#include "text_cmds.h"
#include "util/i18n.h"

static int normalize_line(const char *line, size_t len, size_t lineno, void *ctx)
{
	size_t n;
	char *nfc;

	(void)ctx;
	if (!cli_check_utf8_line(line, len, lineno))
		return EXIT_BAD_INPUT;
	nfc = text_nfc(line, len, &n, NULL);
	if (!nfc) {
		cli_error("%s", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	fwrite(nfc, 1, n, stdout);
	putchar('\n');
	free(nfc);
	return 0;
}

int text_cmd_normalize(int argc, char **argv)
{
	const char *path = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			cli_print(stdout, _("Usage: tthc text normalize [FILE]\n"
					    "Write each line of FILE (or standard input) in NFC UTF-8.\n"));
			return EXIT_OK;
		}
		if (arg_operand("text", argv[i], &path))
			return EXIT_USAGE;
	}
	return cli_each_line_of(path, normalize_line, NULL);
}
