/* The accounts an administrator manages, and the verbs on one
 * (online.h; docs/API.md, Accounts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync/internal.h"
#include "sync/online.h"
#include "util/buf.h"
#include "util/i18n.h"

void sync_accounts_free(struct sync_accounts *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->a[i].name);
		free(a->a[i].status);
		free(a->a[i].roles);
	}
	free(a->a);
	memset(a, 0, sizeof *a);
}

/* "secretary@xa1, finance@cb1": the roles as one line of a list. */
static char *roles_line(const cJSON *roles)
{
	struct buf b = BUF_INIT;
	const cJSON *r;
	const char *role, *org;

	cJSON_ArrayForEach(r, roles) {
		role = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "role"));
		org = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "org"));
		if (role && org)
			buf_printf(&b, "%s%s@%s", b.len ? ", " : "", role, org);
	}
	if (buf_failed(&b)) {
		buf_free(&b);
		return NULL;
	}
	return b.data ? buf_detach(&b) : strdup("");
}

static int account(const cJSON *o, size_t i, struct sync_account *out, struct tthc_err *err)
{
	const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "name"));
	const char *status = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "status"));
	char where[32];

	snprintf(where, sizeof where, "accounts[%zu]", i);
	if (!name || !status)
		return tthc_fail(err, TTHC_E_NETWORK, where,
				 _("the server's answer cannot be read: %s"),
				 _("an account without its name or status"));
	out->name = strdup(name);
	out->status = strdup(status);
	out->roles = roles_line(cJSON_GetObjectItemCaseSensitive(o, "roles"));
	if (!out->name || !out->status || !out->roles)
		return tthc_fail(err, TTHC_E_NOMEM, where, _("out of memory"));
	return 0;
}

int sync_accounts_decode(const cJSON *j, struct sync_accounts *out, struct tthc_err *err)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(j, "accounts"), *o;
	size_t n = 0;

	memset(out, 0, sizeof *out);
	if (!cJSON_IsArray(list))
		return tthc_fail(err, TTHC_E_NETWORK, "accounts",
				 _("the server's answer cannot be read: %s"), _("no list of accounts"));
	if (cJSON_GetArraySize(list) > 0 &&
	    !(out->a = calloc((size_t)cJSON_GetArraySize(list), sizeof *out->a)))
		return tthc_fail(err, TTHC_E_NOMEM, "accounts", _("out of memory"));
	cJSON_ArrayForEach(o, list) {
		out->n = ++n;
		if (account(o, n - 1, &out->a[n - 1], err) < 0) {
			sync_accounts_free(out);
			return -1;
		}
	}
	return 0;
}

int sync_accounts_fetch(struct sync_client *c, struct sync_accounts *out, struct tthc_err *err)
{
	cJSON *j = sync_request(c, NET_GET, "/accounts", NULL, err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!j)
		return -1;
	rc = sync_accounts_decode(j, out, err);
	cJSON_Delete(j);
	return rc;
}

int sync_account_verb(struct sync_client *c, const char *name, const char *verb,
		      char **password, struct tthc_err *err)
{
	static const char *const verbs[] = { "lock", "unlock", "revoke", "reset-password" };
	const char *pw;
	char path[160];
	size_t i;
	cJSON *j;

	if (password)
		*password = NULL;
	for (i = 0; i < sizeof verbs / sizeof verbs[0] && strcmp(verb, verbs[i]); i++)
		;
	if (i == sizeof verbs / sizeof verbs[0])
		return tthc_fail(err, TTHC_E_INVALID, verb, _("not an account action"));
	if (!sync_ident_ok(name))
		return tthc_fail(err, TTHC_E_INVALID, name, _("not an account name"));
	snprintf(path, sizeof path, "/accounts/%s/%s", name, verb);
	if (!(j = sync_request(c, NET_POST, path, "{}", err)))
		return -1;
	pw = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "password"));
	if (password && pw && !(*password = strdup(pw))) {
		cJSON_Delete(j);
		return tthc_fail(err, TTHC_E_NOMEM, path, _("out of memory"));
	}
	cJSON_Delete(j);
	return 0;
}
