/* tthc act: decide an action offline with core/proc and queue it
 * (sync_act); several cases make one batch, all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "model/json.h"
#include "session.h"
#include "text/nfc.h"
#include "util/i18n.h"

static void act_help(FILE *f)
{
	cli_print(f, _("Usage: tthc act ACTION CASE... [--field K=V]... [--on-behalf-of MEMBER]\n"
		       "Take ACTION on each CASE of the local copy: it is checked against the rules\n"
		       "and your roles now, then queued for the next 'tthc sync' (no network needed).\n"
		       "Several cases are queued together or not at all.  V is a JSON number or\n"
		       "array when it reads as one (--field 'fixes=[\"...\"]'), else text.\n"
		       "'tthc rules' lists the actions and their fields.\n\n"
		       "Exit status: 0 queued, 1 refused (every reason is listed; nothing queued),\n"
		       "2 usage error, 4 your roles are not known yet (log in once), 6 the local\n"
		       "store could not be written.\n"));
}

/* K=V into the payload: V as JSON when it is a number or an array. */
static int add_field(cJSON *payload, const char *kv)
{
	const char *eq = strchr(kv, '=');
	struct tthc_err err;
	char key[128], *v;
	cJSON *val = NULL;

	if (!eq || eq == kv || (size_t)(eq - kv) >= sizeof key)
		return cli_usage_error("act", _("--field wants K=V, not '%s'"), kv);
	snprintf(key, sizeof key, "%.*s", (int)(eq - kv), kv);
	v = text_nfc(eq + 1, strlen(eq + 1), NULL, &err);
	if (!v) {
		cli_error_err(&err);
		return EXIT_BAD_INPUT;
	}
	if (*v == '[' || *v == '-' || (*v >= '0' && *v <= '9'))
		val = json_parse(v, strlen(v), NULL, &err);
	if (val && !cJSON_IsArray(val) && !cJSON_IsNumber(val)) {
		cJSON_Delete(val);
		val = NULL;
	}
	if (!val)
		val = cJSON_CreateString(v);
	free(v);
	if (cJSON_GetObjectItemCaseSensitive(payload, key)) {
		cJSON_Delete(val);
		return cli_usage_error("act", _("--field %s given twice"), key);
	}
	cJSON_AddItemToObject(payload, key, val);
	return 0;
}

static void print_refusals(const struct sync_act_outcome *o)
{
	char line[512];

	for (size_t i = 0; i < o->n_reasons; i++) {
		const struct sync_refusal *r = &o->reasons[i];

		snprintf(line, sizeof line, "%s: %s%s%s [%s]\n", r->case_id, r->message,
			 r->path[0] ? " — " : "", r->path, r->code);
		cli_print(stderr, line);
	}
	snprintf(line, sizeof line, _("refused: nothing was queued\n"));
	cli_print(stderr, line);
}

static int run(const struct sync_act *a)
{
	struct cli_target t = { 0 };
	struct sync_act_outcome o;
	struct sync_client *c;
	struct tthc_err err;
	char line[256];
	int rc = cli_open_client(&t, &c);

	if (rc)
		return rc;
	if (sync_act(c, a, &o, &err) < 0) {
		rc = cli_sync_fail(&err);
	} else if (o.refused) {
		print_refusals(&o);
		rc = EXIT_BAD_INPUT;
	} else {
		for (size_t i = 0; i < a->n_cases; i++)
			printf("%s %s\n", o.ids[i], a->cases[i]);
		snprintf(line, sizeof line, _("%zu actions queued; 'tthc sync' sends them\n"),
			 a->n_cases);
		cli_print(stderr, line);
	}
	sync_act_outcome_free(&o);
	sync_client_close(c);
	return rc;
}

int cmd_act(int argc, char **argv)
{
	struct sync_act a = { .now = (int64_t)time(NULL) };
	const char **cases = calloc((size_t)argc, sizeof *cases);
	cJSON *payload = cJSON_CreateObject();
	const char *field;
	bool missing = false;
	int rc = 0;

	if (!cases || !payload) {
		cli_error("%s", _("out of memory"));
		rc = EXIT_LOCAL;
	}
	for (int i = 1; rc == 0 && i < argc; i++) {
		if (arg_is_help(argv[i])) {
			act_help(stdout);
			rc = -1;
		} else if (arg_value(argc, argv, &i, "--field", &field, &missing)) {
			rc = missing ? cli_usage_error("act", _("%s needs a value"), argv[i])
				     : add_field(payload, field);
		} else if (arg_value(argc, argv, &i, "--on-behalf-of", &a.on_behalf_of, &missing)) {
			rc = missing ? cli_usage_error("act", _("%s needs a value"), argv[i]) : 0;
		} else if (argv[i][0] == '-') {
			rc = cli_usage_error("act", _("unknown option '%s'"), argv[i]);
		} else if (!a.action) {
			a.action = argv[i];
		} else {
			cases[a.n_cases++] = argv[i];
		}
	}
	if (rc == 0 && !a.n_cases)
		rc = cli_usage_error("act", "%s", _("an ACTION and at least one CASE are needed"));
	if (rc == 0) {
		a.cases = cases;
		a.payload = payload;
		rc = run(&a);
	}
	cJSON_Delete(payload);
	free(cases);
	return rc < 0 ? EXIT_OK : rc;
}
