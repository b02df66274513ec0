#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text/utf8.h"
#include "util/i18n.h"

FILE *cli_open_input(const char *path)
{
	FILE *f;

	if (!path || !strcmp(path, "-"))
		return stdin;
	f = fopen(path, "rb");
	if (!f)
		cli_error("%s: %s", path, strerror(errno));
	return f;
}

void cli_close_input(FILE *f)
{
	if (f && f != stdin)
		fclose(f);
}

int cli_each_line(FILE *f, cli_line_fn fn, void *ctx)
{
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = 0;

	while ((n = getline(&line, &cap, f)) >= 0) {
		size_t len = (size_t)n;

		lineno++;
		if (len && line[len - 1] == '\n')
			len--;
		if (len && line[len - 1] == '\r')  /* files from Windows */
			len--;
		line[len] = '\0';
		rc = fn(line, len, lineno, ctx);
		if (rc)
			break;
	}
	if (!rc && ferror(f)) {
		cli_error("%s", strerror(errno));
		rc = EXIT_BAD_INPUT;
	}
	free(line);
	return rc;
}

bool cli_check_utf8_line(const char *line, size_t len, size_t lineno)
{
	size_t bad;

	if (utf8_valid(line, len, &bad))
		return true;
	/* Counted from 1, as editors count columns. */
	cli_error(_("line %zu, byte %zu: invalid UTF-8"), lineno, bad + 1);
	return false;
}

int cli_each_line_of(const char *path, cli_line_fn fn, void *ctx)
{
	FILE *f = cli_open_input(path);
	int rc;

	if (!f)
		return EXIT_BAD_INPUT;
	rc = cli_each_line(f, fn, ctx);
	cli_close_input(f);
	return rc;
}
