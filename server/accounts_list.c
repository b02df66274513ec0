/* Reading accounts: the lists the command line and GET /accounts show. */
#include <stdio.h>

#include "accounts.h"
#include "entity.h"
#include "util/date.h"
#include "util/i18n.h"

cJSON *acct_roles_json(struct db_tx *tx, int64_t account, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT r.role, o.code FROM account_roles r "
					"JOIN orgs o ON o.id = r.org_id WHERE r.account_id = ? "
					"ORDER BY o.code, r.role", e);
	cJSON *list, *o;
	int rc;

	if (!st)
		return NULL;
	list = cJSON_CreateArray();
	db_bind_int(st, 1, account);
	while ((rc = db_step(st, e)) == 1) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "role", db_col_text(st, 0));
		cJSON_AddStringToObject(o, "org", db_col_text(st, 1));
		cJSON_AddItemToArray(list, o);
	}
	db_finalize(st);
	return entity_result(list, rc);
}

static cJSON *account_json(struct db_tx *tx, struct db_stmt *st, struct tthc_err *e)
{
	cJSON *o = cJSON_CreateObject(), *roles;
	char t[21];

	cJSON_AddStringToObject(o, "name", db_col_text(st, 1));
	cJSON_AddStringToObject(o, "status", db_col_text(st, 2));
	cJSON_AddBoolToObject(o, "must_change_password", db_col_int(st, 3) != 0);
	if (db_col_int(st, 4) > srv_now()) {
		instant_format(db_col_int(st, 4), t);
		cJSON_AddStringToObject(o, "locked_until", t);
	} else {
		cJSON_AddNullToObject(o, "locked_until");
	}
	cJSON_AddNumberToObject(o, "version", (double)db_col_int(st, 5));
	if (db_col_text(st, 6))
		cJSON_AddStringToObject(o, "member", db_col_text(st, 6));
	else
		cJSON_AddNullToObject(o, "member");
	roles = acct_roles_json(tx, db_col_int(st, 0), e);
	if (!roles) {
		cJSON_Delete(o);
		return NULL;
	}
	cJSON_AddItemToObject(o, "roles", roles);
	return o;
}

cJSON *acct_list(struct srv *s, const struct actor *who, const char *name,
		 struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	cJSON *root = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(root, "accounts"), *o;
	struct tthc_err scope;
	int rc;

	if (db_begin(s->db, DB_READ, &tx, e) < 0) {
		cJSON_Delete(root);
		return NULL;
	}
	st = db_prepare(tx, "SELECT a.id, a.name, a.status, a.must_change_password, "
			"coalesce(f.locked_until, 0), a.version, m.code FROM accounts a "
			"LEFT JOIN login_failures f ON f.name = a.name "
			"LEFT JOIN members m ON m.id = a.member_id "
			"WHERE (? IS NULL OR a.name = ?) ORDER BY a.name", e);
	if (!st)
		goto fail;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, name);
	while ((rc = db_step(st, e)) == 1) {
		if (acct_manageable(tx, who, db_col_int(st, 0), &scope) < 0) {
			if (scope.code == TTHC_E_FORBIDDEN)
				continue;
			if (e)
				*e = scope;
			rc = -1;
			break;
		}
		if (!(o = account_json(tx, st, e))) {
			rc = -1;
			break;
		}
		cJSON_AddItemToArray(list, o);
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	db_rollback(tx);
	if (name && cJSON_GetArraySize(list) == 0) {
		tthc_fail(e, TTHC_E_NOT_FOUND, name, _("no such account"));
		cJSON_Delete(root);
		return NULL;
	}
	return root;
fail:
	db_rollback(tx);
	cJSON_Delete(root);
	return NULL;
}

int acct_require_admin(struct srv *s, const struct actor *who, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	int rc;

	if (who->account_id == 0)
		return 0;
	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return -1;
	st = db_prepare(tx, "SELECT 1 FROM account_roles WHERE account_id = ? AND role = 'admin'",
			e);
	if (!st) {
		db_rollback(tx);
		return -1;
	}
	db_bind_int(st, 1, who->account_id);
	rc = db_step(st, e);
	db_finalize(st);
	db_rollback(tx);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_FORBIDDEN, "", _("only an administrator may do this"));
	return rc < 0 ? -1 : 0;
}
