/* A case's audit entries for the people who may see the case: the same
 * rule as for acting on it (action_apply.c: a role at an organisation of
 * the case, or above it, or the case is the caller's own). */
#include "history.h"

#include <string.h>

#include "util/date.h"
#include "util/i18n.h"

#define CASE_PREFIX "case:"

static const char visible_sql[] =
	"WITH RECURSIVE mine(id) AS ("
	"  SELECT org_id FROM account_roles WHERE account_id = ?1"
	"  UNION SELECT o.id FROM orgs o JOIN mine ON o.parent_id = mine.id) "
	"SELECT 1 FROM cases c WHERE c.code = ?2 AND (?1 = 0"
	"  OR c.member_id = (SELECT member_id FROM accounts WHERE id = ?1)"
	"  OR EXISTS (SELECT 1 FROM case_orgs co WHERE co.case_id = c.id"
	"    AND co.org_id IN (SELECT id FROM mine)))";

static int visible(struct db_tx *tx, const struct actor *who, const char *id,
		   struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, visible_sql, e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, who->account_id);
	db_bind_text(st, 2, id);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, id, _("no such case"));
	return rc < 0 ? -1 : 0;
}

static void add_version(cJSON *o, const char *name, struct db_stmt *st, int col)
{
	if (db_col_null(st, col))
		cJSON_AddNullToObject(o, name);
	else
		cJSON_AddNumberToObject(o, name, (double)db_col_int(st, col));
}

/* Copy the named string members of the entry's details: the states and
 * the client's time, never the rest (details hold nothing secret, but the
 * answer promises only these). */
static void add_details(cJSON *o, const char *details)
{
	static const char *const keep[] = { "from", "to", "client_time" };
	cJSON *d = cJSON_Parse(details ? details : "{}");
	const char *v;
	size_t i;

	for (i = 0; i < sizeof keep / sizeof keep[0]; i++)
		if ((v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, keep[i]))))
			cJSON_AddStringToObject(o, keep[i], v);
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "late")))
		cJSON_AddTrueToObject(o, "late");
	cJSON_Delete(d);
}

static cJSON *entry(struct db_stmt *st)
{
	cJSON *o = cJSON_CreateObject();
	const char *action = db_col_text(st, 4), *behalf = db_col_text(st, 3);
	char at[21];

	instant_format(db_col_int(st, 1), at);
	cJSON_AddNumberToObject(o, "seq", (double)db_col_int(st, 0));
	cJSON_AddStringToObject(o, "at", at);
	cJSON_AddStringToObject(o, "actor", db_col_text(st, 2));
	if (behalf)
		cJSON_AddStringToObject(o, "on_behalf_of", behalf);
	/* "case.approve" is the action kind "approve". */
	cJSON_AddStringToObject(o, "action", strncmp(action, "case.", 5) ? action : action + 5);
	add_version(o, "before_version", st, 5);
	add_version(o, "after_version", st, 6);
	add_details(o, db_col_text(st, 7));
	return o;
}

static cJSON *entries(struct db_tx *tx, const char *id, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT seq, at, actor, on_behalf_of, action, "
					"before_version, after_version, details FROM audit "
					"WHERE object = ? ORDER BY seq", e);
	cJSON *list = cJSON_CreateArray();
	char object[sizeof CASE_PREFIX + 64];
	int rc;

	if (!st) {
		cJSON_Delete(list);
		return NULL;
	}
	snprintf(object, sizeof object, CASE_PREFIX "%s", id);
	db_bind_text(st, 1, object);
	while ((rc = db_step(st, e)) == 1)
		cJSON_AddItemToArray(list, entry(st));
	db_finalize(st);
	if (rc < 0) {
		cJSON_Delete(list);
		return NULL;
	}
	return list;
}

cJSON *history_get(struct srv *s, const struct actor *who, const char *id,
		   struct tthc_err *e)
{
	struct db_tx *tx;
	cJSON *out = NULL, *list = NULL;

	if (!srv_ident_ok(id)) {
		tthc_fail(e, TTHC_E_NOT_FOUND, id, _("no such case"));
		return NULL;
	}
	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return NULL;
	if (visible(tx, who, id, e) == 0)
		list = entries(tx, id, e);
	db_rollback(tx);
	if (!list)
		return NULL;
	out = cJSON_CreateObject();
	cJSON_AddStringToObject(out, "case", id);
	cJSON_AddItemToObject(out, "entries", list);
	return out;
}
