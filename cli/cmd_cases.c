/* tthc cases: the cached cases, filtered, searched without accents and in
 * Vietnamese order of the member's given name (store_cases). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "model/vocab.h"
#include "session.h"
#include "store/query.h"
#include "text/nfc.h"
#include "util/i18n.h"

static void cases_help(FILE *f)
{
	cli_print(f, _("Usage: tthc cases [--proc P] [--state S] [--search TEXT] [--json]\n"
		       "List the cases of the local copy, by the member's given name in Vietnamese\n"
		       "order.  --search finds TEXT in the member's name without regard to accents\n"
		       "or case; --json prints one JSON array.  A pending case shows the state its\n"
		       "queued actions lead to, marked '*'; '!' marks one that needs attention.\n\n"
		       "Exit status: 0 listed, 1 unknown procedure, 2 usage error, 6 the local\n"
		       "store cannot be read.\n"));
}

static void print_json(const struct store_case_list *l)
{
	cJSON *a = cJSON_CreateArray();
	char *s;

	for (size_t i = 0; a && i < l->n; i++) {
		const struct store_case_row *r = &l->rows[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "id", r->id);
		cJSON_AddStringToObject(o, "procedure", vocab_name(&vocab_procedures, r->procedure));
		cJSON_AddStringToObject(o, "state", r->state);
		cJSON_AddStringToObject(o, "server_state", r->server_state);
		cJSON_AddNumberToObject(o, "version", (double)r->version);
		cJSON_AddStringToObject(o, "member", r->member);
		if (r->member_name)
			cJSON_AddStringToObject(o, "member_name", r->member_name);
		cJSON_AddNumberToObject(o, "pending", (double)r->pending);
		cJSON_AddNumberToObject(o, "attention", (double)r->attention);
		cJSON_AddItemToArray(a, o);
	}
	s = cJSON_PrintUnformatted(a);
	if (s)
		printf("%s\n", s);
	free(s);
	cJSON_Delete(a);
}

static void print_rows(const struct store_case_list *l)
{
	char line[1024];

	for (size_t i = 0; i < l->n; i++) {
		const struct store_case_row *r = &l->rows[i];

		snprintf(line, sizeof line, "%-28s %-10s %-22s%s%s %s\n", r->id,
			 vocab_name(&vocab_procedures, r->procedure), r->state,
			 r->pending ? "*" : " ", r->attention ? "!" : " ",
			 r->member_name ? r->member_name : r->member);
		cli_print(stdout, line);
	}
}

int cmd_cases(int argc, char **argv)
{
	struct store_case_query q = { .procedure = -1 };
	struct cli_target t = { 0 };
	struct store_case_list l;
	struct sync_client *c;
	struct tthc_err err;
	const char *proc = NULL, *search = NULL;
	char *nfc = NULL;
	bool json = false, missing = false;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			cases_help(stdout);
			return EXIT_OK;
		}
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!arg_value(argc, argv, &i, "--proc", &proc, &missing) &&
			 !arg_value(argc, argv, &i, "--state", &q.state, &missing) &&
			 !arg_value(argc, argv, &i, "--search", &search, &missing))
			return cli_usage_error("cases", _("unknown option '%s'"), argv[i]);
		if (missing)
			return cli_usage_error("cases", _("%s needs a value"), argv[i]);
	}
	if (proc && (q.procedure = vocab_find(&vocab_procedures, proc)) < 0) {
		cli_error(_("unknown procedure '%s'"), proc);
		return EXIT_BAD_INPUT;
	}
	/* People type either form of Vietnamese (DESIGN.md section 8). */
	if (search && !(nfc = text_nfc(search, strlen(search), NULL, &err))) {
		cli_error_err(&err);
		return EXIT_BAD_INPUT;
	}
	q.search = nfc;
	rc = cli_open_client(&t, &c);
	if (rc == 0 && store_cases(sync_client_store(c), &q, &l, &err) < 0)
		rc = cli_sync_fail(&err);
	else if (rc == 0) {
		if (json)
			print_json(&l);
		else
			print_rows(&l);
		store_case_list_free(&l);
	}
	free(nfc);
	sync_client_close(c);
	return rc;
}
