#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text/term.h"
#include "util/i18n.h"

void cli_print(FILE *f, const char *utf8)
{
	/* Text for people follows the locale's charset even when redirected,
	 * as gettext's own output would; data output stays UTF-8. */
	char *shown = term_render(utf8, strlen(utf8), term_charset());

	fputs(shown ? shown : utf8, f);
	free(shown);
}

static void verror(const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	fflush(stdout);
	cli_print(stderr, "tthc: ");
	cli_print(stderr, msg);
	cli_print(stderr, "\n");
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
}

void cli_error_err(const struct tthc_err *err)
{
	char text[512];

	cli_error("%s", tthc_err_text(err, text, sizeof text));
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	char hint[256];

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	snprintf(hint, sizeof hint, _("Try 'tthc %s --help'."), cmd);
	cli_print(stderr, hint);
	cli_print(stderr, "\n");
	return EXIT_USAGE;
}
