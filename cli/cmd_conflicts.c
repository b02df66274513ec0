/* tthc conflicts: the needs-attention list (DESIGN.md section 3,
 * "Conflicts": shown to the person, never silently merged). */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "model/vocab.h"
#include "session.h"
#include "util/i18n.h"

static void conflicts_help(FILE *f)
{
	cli_print(f, _("Usage: tthc conflicts [list]\n"
		       "       tthc conflicts show ID | drop ID | retry ID\n"
		       "Actions the server did not apply: a conflict (the case moved on) or a\n"
		       "refusal, with the server's reasons.  'show' prints one with the server's copy\n"
		       "of the case, 'drop' gives the decision up, 'retry' queues it again on the\n"
		       "server's version (a new action id).\n\n"
		       "Exit status: 0 done, 1 no such entry, 2 usage error, 6 the local store\n"
		       "failed.\n"));
}

static const char *status_name(int s)
{
	return vocab_name(&vocab_result_statuses, s);
}

static int list(struct store *st)
{
	struct store_attention_list l;
	struct tthc_err err;
	char line[512];

	if (store_attention_list(st, &l, &err) < 0)
		return cli_sync_fail(&err);
	for (size_t i = 0; i < l.n; i++) {
		const struct store_attention *a = &l.items[i];

		snprintf(line, sizeof line, "%s %-9s %-20s %s\n", a->action.id, status_name(a->status),
			 a->action.kind, a->action.case_id);
		cli_print(stdout, line);
	}
	store_attention_list_free(&l);
	return EXIT_OK;
}

static int show(struct store *st, const char *id)
{
	struct store_attention a;
	struct tthc_err err;
	char line[512];

	if (store_attention_get(st, id, &a, &err) < 0)
		return cli_sync_fail(&err);
	snprintf(line, sizeof line,
		 _("action:   %s %s on %s (decided on version %lld)\nstatus:   %s\n"
		   "server:   version %lld\n"),
		 a.action.id, a.action.kind, a.action.case_id, (long long)a.action.base_version,
		 status_name(a.status), (long long)a.server_version);
	cli_print(stdout, line);
	if (a.error) {
		cli_print(stdout, _("reasons:  "));
		cli_print(stdout, a.error);
		cli_print(stdout, "\n");
	}
	if (a.server_case) {
		cli_print(stdout, _("case:     "));
		cli_print(stdout, a.server_case);
		cli_print(stdout, "\n");
	}
	store_attention_free(&a);
	return EXIT_OK;
}

static int change(struct store *st, const char *verb, const char *id)
{
	char new_id[JSON_UUID_SIZE], line[256];
	struct tthc_err err;

	if (!strcmp(verb, "drop")) {
		if (store_attention_drop(st, id, &err) < 0)
			return cli_sync_fail(&err);
		cli_print(stderr, _("dropped\n"));
		return EXIT_OK;
	}
	if (store_attention_retry(st, id, new_id, &err) < 0)
		return cli_sync_fail(&err);
	printf("%s\n", new_id);
	snprintf(line, sizeof line, _("queued again as %s; 'tthc sync' sends it\n"), new_id);
	cli_print(stderr, line);
	return EXIT_OK;
}

int cmd_conflicts(int argc, char **argv)
{
	struct cli_target t = { 0 };
	struct sync_client *c;
	const char *sub = argc > 1 ? argv[1] : "list";
	int rc;

	for (int i = 1; i < argc; i++)
		if (arg_is_help(argv[i])) {
			conflicts_help(stdout);
			return EXIT_OK;
		}
	if (strcmp(sub, "list") && strcmp(sub, "show") && strcmp(sub, "drop") &&
	    strcmp(sub, "retry"))
		return cli_usage_error("conflicts", _("unknown conflicts subcommand '%s'"), sub);
	if (!strcmp(sub, "list") && argc > 2)
		return cli_usage_error("conflicts", "%s", _("list takes no argument"));
	if (strcmp(sub, "list") && argc != 3)
		return cli_usage_error("conflicts", _("%s takes one action ID"), sub);
	rc = cli_open_client(&t, &c);
	if (rc)
		return rc;
	if (!strcmp(sub, "list"))
		rc = list(sync_client_store(c));
	else if (!strcmp(sub, "show"))
		rc = show(sync_client_store(c), argv[2]);
	else
		rc = change(sync_client_store(c), sub, argv[2]);
	sync_client_close(c);
	return rc;
}
