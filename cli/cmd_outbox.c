/* tthc outbox: the queued actions, and taking one back before it is sent. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "session.h"
#include "util/i18n.h"

static void outbox_help(FILE *f)
{
	cli_print(f, _("Usage: tthc outbox [list]\n"
		       "       tthc outbox undo ID\n"
		       "List the queued actions, oldest first, or take one back while it has not\n"
		       "been sent ('sent' marks one that may have reached the server: it can only\n"
		       "be replayed, 'held' one that waits for a conflict on its case).\n\n"
		       "Exit status: 0 done, 1 no such action or it was already sent, 2 usage\n"
		       "error, 6 the local store failed.\n"));
}

static int list(struct store *st)
{
	struct store_action_list l;
	struct tthc_err err;
	char line[512];

	if (store_outbox_list(st, &l, &err) < 0)
		return cli_sync_fail(&err);
	for (size_t i = 0; i < l.n; i++) {
		const struct store_action *a = &l.items[i];

		snprintf(line, sizeof line, "%s %-20s %-28s %s%s%s\n", a->id, a->kind, a->case_id,
			 a->new_state ? a->new_state : "-", a->sends ? _(" sent") : "",
			 a->held ? _(" held") : "");
		cli_print(stdout, line);
	}
	store_action_list_free(&l);
	return EXIT_OK;
}

int cmd_outbox(int argc, char **argv)
{
	struct cli_target t = { 0 };
	struct sync_client *c;
	struct tthc_err err;
	int rc;

	for (int i = 1; i < argc; i++)
		if (arg_is_help(argv[i])) {
			outbox_help(stdout);
			return EXIT_OK;
		}
	if (argc > 1 && strcmp(argv[1], "list") && strcmp(argv[1], "undo"))
		return cli_usage_error("outbox", _("unknown outbox subcommand '%s'"), argv[1]);
	if (argc > 1 && !strcmp(argv[1], "undo") && argc != 3)
		return cli_usage_error("outbox", "%s", _("undo takes one action ID"));
	if (argc > 1 && !strcmp(argv[1], "list") && argc != 2)
		return cli_usage_error("outbox", "%s", _("list takes no argument"));
	rc = cli_open_client(&t, &c);
	if (rc)
		return rc;
	if (argc == 3) {
		rc = store_outbox_undo(sync_client_store(c), argv[2], &err) == 0
		     ? EXIT_OK : cli_sync_fail(&err);
		if (rc == EXIT_OK)
			cli_print(stderr, _("taken back\n"));
	} else {
		rc = list(sync_client_store(c));
	}
	sync_client_close(c);
	return rc;
}
