/* tthc status: server, user, roles, last sync, pending, conflicts. */
#include <stdio.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "model/vocab.h"
#include "session.h"
#include "util/date.h"
#include "util/i18n.h"

static void status_help(FILE *f)
{
	cli_print(f, _("Usage: tthc status\n"
		       "Show the server, the user and roles, the session, the last sync, the\n"
		       "number of queued actions and of entries that need attention.  No network.\n\n"
		       "Exit status: 0 shown, 2 usage error, 6 the local store cannot be read.\n"));
}

/* "Finance officer at xa1, Secretary at cb2": the roles as people say them. */
static void roles_text(const char *json, char *out, size_t size)
{
	cJSON *arr = json ? cJSON_Parse(json) : NULL, *g;
	size_t n = 0;

	out[0] = '\0';
	cJSON_ArrayForEach(g, arr) {
		const char *role = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(g, "role"));
		const char *org = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(g, "org"));
		int r = role ? vocab_find(&vocab_roles, role) : -1;

		n += (size_t)snprintf(out + n, n < size ? size - n : 0, _("%s%s at %s"),
				      n ? ", " : "", r >= 0 ? vocab_label(&vocab_roles, r) : role,
				      org ? org : "?");
	}
	cJSON_Delete(arr);
	if (!out[0])
		snprintf(out, size, "-");
}

static void when(int64_t t, char out[32])
{
	if (!t)
		snprintf(out, 32, "%s", _("never"));
	else
		instant_format_vn(t, out);
}

int cmd_status(int argc, char **argv)
{
	struct cli_target t = { 0 };
	struct store_status s;
	const struct sync_token *tok;
	struct sync_client *c;
	struct tthc_err err;
	char line[1024], last[32], exp[32], roles[512];
	int rc;

	for (int i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			status_help(stdout);
			return EXIT_OK;
		}
		return cli_usage_error("status", _("unknown option '%s'"), argv[i]);
	}
	rc = cli_open_client(&t, &c);
	if (rc)
		return rc;
	if (store_status(sync_client_store(c), &s, &err) < 0) {
		rc = cli_sync_fail(&err);
		sync_client_close(c);
		return rc;
	}
	tok = sync_client_token(c);
	when(s.last_sync, last);
	roles_text(s.roles, roles, sizeof roles);
	when(tok ? tok->expires_at : 0, exp);
	snprintf(line, sizeof line,
		 _("server:     %s\nuser:       %s\nroles:      %s\nsession:    %s\n"
		   "last sync:  %s\npending:    %lld\nconflicts:  %lld\n"),
		 s.server ? s.server : "-", s.user ? s.user : "-", roles,
		 !tok ? _("not logged in") : tok->expires_at <= (int64_t)time(NULL) ? _("expired")
		 : exp, last, (long long)s.pending, (long long)s.attention);
	cli_print(stdout, line);
	store_status_free(&s);
	sync_client_close(c);
	return EXIT_OK;
}
