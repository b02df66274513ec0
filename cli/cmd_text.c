#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "text_cmds.h"
#include "util/i18n.h"

struct text_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *args;
	const char *summary;
};

static const struct text_command text_commands[] = {
#define X(name, fn, args, summary) { name, fn, args, summary },
	TTHC_TEXT_COMMANDS(X)
#undef X
};

static void text_help(FILE *f)
{
	char line[512];
	size_t i;

	cli_print(f, _("Usage: tthc text SUBCOMMAND [OPTIONS] [FILE]\n"
		       "Line-oriented Vietnamese text tools.  Read FILE, or standard input when\n"
		       "it is absent or '-'; write standard output.\n\n"
		       "Subcommands:\n"));
	for (i = 0; i < sizeof text_commands / sizeof text_commands[0]; i++) {
		/* Two lines each, so that 80 columns hold a Vietnamese summary. */
		snprintf(line, sizeof line, "  %s %s\n      %s\n", text_commands[i].name,
			 text_commands[i].args, _(text_commands[i].summary));
		cli_print(f, line);
	}
	cli_print(f, _("\nExit status: 0 success, 1 bad input, 2 usage error.\n"));
}

int cmd_text(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		text_help(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		text_help(stdout);
		return EXIT_OK;
	}
	for (i = 0; i < sizeof text_commands / sizeof text_commands[0]; i++)
		if (!strcmp(argv[1], text_commands[i].name))
			return text_commands[i].run(argc - 1, argv + 1);
	return cli_usage_error("text", _("unknown text subcommand '%s'"), argv[1]);
}
