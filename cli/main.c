/* tthc: the terminal client.  With a command it is a command-line tool;
 * with none, on a terminal, it opens the full-screen interface. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "util/i18n.h"

#ifndef TTHC_VERSION
#define TTHC_VERSION "0.0.0"
#endif

static const struct cli_command commands[] = {
#define X(name, fn, summary) { name, fn, summary },
	TTHC_COMMANDS(X)
#undef X
};

static void print_help(FILE *f)
{
	char line[512];
	size_t i;

	cli_print(f, _("Usage: tthc COMMAND [ARGS]...\n"
		       "Terminal client for the Party's electronic administrative procedures.\n\n"
		       "Commands:\n"));
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		snprintf(line, sizeof line, "  %-10s %s\n", commands[i].name,
			 _(commands[i].summary));
		cli_print(f, line);
	}
	cli_print(f, _("\nOptions:\n"
		       "  -h, --help     show this help and exit\n"
		       "  -V, --version  show the version and exit\n"
		       "  --config FILE  read FILE instead of tthcrc (also: TTHC_CONFIG)\n\n"
		       "'tthc COMMAND --help' describes one command; man tthc(1) describes them all.\n"));
}

int main(int argc, char **argv)
{
	size_t i;

	setlocale(LC_ALL, "");
	i18n_init(NULL);

	/* The one global option: tthcrc from elsewhere, for every command
	 * (config_load_user reads TTHC_CONFIG). */
	if (argc >= 3 && !strcmp(argv[1], "--config")) {
		setenv("TTHC_CONFIG", argv[2], 1);
		argc -= 2;
		argv += 2;
	}
	/* No command: the interface on a terminal, else help (issue 7). */
	if (argc < 2 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return cmd_tui(argc, argv);
	if (argc < 2) {
		print_help(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		print_help(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		printf("tthc %s\n", TTHC_VERSION);
		return EXIT_OK;
	}
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	cli_error(_("unknown command '%s'"), argv[1]);
	cli_print(stderr, _("Try 'tthc --help'.\n"));
	return EXIT_USAGE;
}
