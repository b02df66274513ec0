/* A case's history as the server answers it (online.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync/internal.h"
#include "sync/online.h"
#include "util/date.h"
#include "util/i18n.h"

static char *dup_opt(const cJSON *o, const char *name)
{
	const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, name));

	return v ? strdup(v) : NULL;
}

static int64_t version(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsNumber(v) && v->valuedouble >= 0 ? (int64_t)v->valuedouble : -1;
}

void sync_history_free(struct sync_history *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->e[i].actor);
		free(h->e[i].on_behalf_of);
		free(h->e[i].action);
		free(h->e[i].from);
		free(h->e[i].to);
	}
	free(h->e);
	memset(h, 0, sizeof *h);
}

static int entry(const cJSON *o, size_t i, struct sync_history_entry *out, struct tthc_err *err)
{
	const char *at = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "at"));
	char where[32];

	snprintf(where, sizeof where, "entries[%zu]", i);
	if (!at || instant_parse(at, &out->at, err) < 0 ||
	    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "actor")) ||
	    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "action")))
		return tthc_fail(err, TTHC_E_NETWORK, where,
				 _("the server's answer cannot be read: %s"),
				 _("an entry without its time, actor or action"));
	out->actor = dup_opt(o, "actor");
	out->action = dup_opt(o, "action");
	out->on_behalf_of = dup_opt(o, "on_behalf_of");
	out->from = dup_opt(o, "from");
	out->to = dup_opt(o, "to");
	out->before_version = version(o, "before_version");
	out->after_version = version(o, "after_version");
	if (!out->actor || !out->action)
		return tthc_fail(err, TTHC_E_NOMEM, where, _("out of memory"));
	return 0;
}

int sync_history_decode(const cJSON *j, struct sync_history *out, struct tthc_err *err)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(j, "entries"), *o;
	size_t n = 0;

	memset(out, 0, sizeof *out);
	if (!cJSON_IsArray(list))
		return tthc_fail(err, TTHC_E_NETWORK, "entries",
				 _("the server's answer cannot be read: %s"), _("no list of entries"));
	if (cJSON_GetArraySize(list) > 0 &&
	    !(out->e = calloc((size_t)cJSON_GetArraySize(list), sizeof *out->e)))
		return tthc_fail(err, TTHC_E_NOMEM, "entries", _("out of memory"));
	cJSON_ArrayForEach(o, list) {
		out->n = ++n;
		if (entry(o, n - 1, &out->e[n - 1], err) < 0) {
			sync_history_free(out);
			return -1;
		}
	}
	return 0;
}

int sync_history_fetch(struct sync_client *c, const char *case_id, struct sync_history *out,
		       struct tthc_err *err)
{
	char path[128];
	cJSON *j;
	int rc;

	memset(out, 0, sizeof *out);
	if (!sync_ident_ok(case_id))
		return tthc_fail(err, TTHC_E_INVALID, case_id, _("not a case id the server knows"));
	snprintf(path, sizeof path, "/cases/%s/history", case_id);
	if (!(j = sync_request(c, NET_GET, path, NULL, err)))
		return -1;
	rc = sync_history_decode(j, out, err);
	cJSON_Delete(j);
	return rc;
}
