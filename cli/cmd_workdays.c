/* tthc workdays: working-day arithmetic over the public-holiday table of
 * core/proc, for checking a deadline by hand. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "proc/workdays.h"
#include "util/i18n.h"

static void workdays_help(FILE *f)
{
	cli_print(f, _("Usage: tthc workdays add DATE N\n"
		       "       tthc workdays between DATE1 DATE2\n"
		       "       tthc workdays holidays [YEAR]\n"
		       "Working-day arithmetic: weekends and public holidays are not worked.\n\n"
		       "  add       print the date N working days after DATE (before it when N < 0)\n"
		       "  between   print the number of working days after DATE1 up to DATE2\n"
		       "  holidays  list the public-holiday table (of YEAR), to-confirm rows marked\n\n"
		       "Dates are YYYY-MM-DD.  Exit status: 0 success, 1 bad date or a year the\n"
		       "holiday table does not cover, 2 usage error.\n"));
}

static int parse_date(const char *s, struct date *d)
{
	struct tthc_err err;

	if (date_parse(s, d, &err) == 0)
		return 0;
	cli_error_err(&err);
	return -1;
}

/* A whole number in [lo, hi], or an error naming it. */
static int parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi) {
		cli_error(_("'%s' is not a whole number between %ld and %ld"), s, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

static int workdays_add_cmd(int argc, char **argv)
{
	struct tthc_err err;
	struct date d, r;
	char out[11];
	long n;

	if (argc != 3)
		return cli_usage_error("workdays", "%s", _("add takes DATE and N"));
	if (parse_date(argv[1], &d) < 0 || parse_int(argv[2], -5000, 5000, &n) < 0)
		return EXIT_BAD_INPUT;
	if (workdays_add(d, (int)n, &r, &err) < 0) {
		cli_error_err(&err);
		return EXIT_BAD_INPUT;
	}
	date_format_iso(r, out);
	printf("%s\n", out);
	return EXIT_OK;
}

static int workdays_between_cmd(int argc, char **argv)
{
	struct tthc_err err;
	struct date a, b;
	int n;

	if (argc != 3)
		return cli_usage_error("workdays", "%s", _("between takes DATE1 and DATE2"));
	if (parse_date(argv[1], &a) < 0 || parse_date(argv[2], &b) < 0)
		return EXIT_BAD_INPUT;
	if (workdays_between(a, b, &n, &err) < 0) {
		cli_error_err(&err);
		return EXIT_BAD_INPUT;
	}
	printf("%d\n", n);
	return EXIT_OK;
}

static int workdays_holidays_cmd(int argc, char **argv)
{
	const struct holiday *h;
	char line[512], day[11];
	size_t i, count;
	long year = 0;

	if (argc > 2)
		return cli_usage_error("workdays", "%s", _("holidays takes at most one YEAR"));
	if (argc == 2 && parse_int(argv[1], 1900, 9999, &year) < 0)
		return EXIT_BAD_INPUT;
	if (year && !holidays_cover((int)year)) {
		cli_error(_("no public-holiday table for the year %d"), (int)year);
		return EXIT_BAD_INPUT;
	}
	h = holidays_table(&count);
	for (i = 0; i < count; i++) {
		if (year && h[i].day.y != year)
			continue;
		date_format_iso(h[i].day, day);
		snprintf(line, sizeof line, "%s  %-4s  %s%s  [%s]\n", day,
			 h[i].kind == HOLIDAY_OFF ? _("off") : _("work"), _(h[i].name),
			 h[i].to_confirm ? _(" (to confirm)") : "", h[i].source);
		cli_print(stdout, line);
	}
	return EXIT_OK;
}

int cmd_workdays(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (arg_is_help(argv[i])) {
			workdays_help(stdout);
			return EXIT_OK;
		}
	if (argc < 2)
		return cli_usage_error("workdays", "%s",
				       _("a subcommand is needed: add, between or holidays"));
	/* "-3" is a count, not an option; nothing here takes options. */
	if (!strcmp(argv[1], "add"))
		return workdays_add_cmd(argc - 1, argv + 1);
	if (!strcmp(argv[1], "between"))
		return workdays_between_cmd(argc - 1, argv + 1);
	if (!strcmp(argv[1], "holidays"))
		return workdays_holidays_cmd(argc - 1, argv + 1);
	return cli_usage_error("workdays", _("unknown workdays subcommand '%s'"), argv[1]);
}
