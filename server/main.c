/* tthcd: the reference central server of tthc. */
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "util/i18n.h"

#ifndef TTHC_VERSION
#define TTHC_VERSION "0.0.0"
#endif

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "init", cmd_init, N_("create a server directory: database, keys, certificate, admin") },
	{ "serve", cmd_serve, N_("serve the API over HTTPS") },
	{ "user", cmd_user, N_("manage accounts") },
	{ "org", cmd_org, N_("manage organisations") },
	{ "seed", cmd_seed, N_("fill a new directory with a synthetic province for demos") },
	{ "verify-audit", cmd_verify_audit, N_("check the audit log's chain and signature") },
	{ "audit-head", cmd_audit_head, N_("print the signed head of the audit log") },
	{ "prune", cmd_prune, N_("forget old changes and old idempotency keys") },
#ifdef TTHC_FAULTS
	/* Test builds only: domain rows for the tests (cmd_fixture.c). */
	{ "fixture", cmd_fixture, N_("test builds: write domain rows, link accounts") },
#endif
};

static void help(FILE *f)
{
	size_t i;

	fputs(_("Usage: tthcd COMMAND [OPTIONS]\n"
		"The central server of tthc.\n\nCommands:\n"), f);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-13s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\n'tthcd COMMAND --help' describes one command; man tthcd(8) describes them all.\n"),
	      f);
}

int main(int argc, char **argv)
{
	size_t i;

	setlocale(LC_ALL, "");
	i18n_init(NULL);
	/* Before any key, token or password is made. */
	if (sodium_init() < 0) {
		fputs("tthcd: libsodium cannot start\n", stderr);
		return 1;
	}
	if (argc < 2) {
		help(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		help(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		printf("tthcd %s\n", TTHC_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, _("tthcd: unknown command '%s'\n"), argv[1]);
	help(stderr);
	return 2;
}
