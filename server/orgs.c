#include "orgs.h"

#include <stdio.h>
#include <string.h>

#include "entity.h"
#include "model/vocab.h"
#include "text/nfc.h"
#include "util/i18n.h"

#define ORG_NAME_MAX 200

/* Control bytes in a name would reach terminals and logs (DESIGN.md section
 * 5); UTF-8 continuation bytes are never below 0x80, so bytes suffice. */
static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

int org_find(struct db_tx *tx, const char *code, int64_t *id, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT id FROM orgs WHERE code = ?", e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	rc = db_step(st, e);
	if (rc == 1)
		*id = db_col_int(st, 0);
	db_finalize(st);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, code, _("no such organisation"));
	return rc < 0 ? -1 : 0;
}

int org_add_tx(struct db_tx *tx, const struct srv *s, const struct actor *who,
	       const char *code, const char *name, const char *type, const char *parent,
	       struct tthc_err *e)
{
	struct db_stmt *st;
	int64_t parent_id = 0, count = 0;
	char details[512];
	cJSON *d;
	char *json;
	int rc;

	if (!srv_ident_ok(code))
		return tthc_fail(e, TTHC_E_INVALID, "code",
				 _("an organisation code is 1 to 64 of a-z, 0-9, '-', '_', '.'"));
	if (!*name || strlen(name) > ORG_NAME_MAX || !text_is_nfc(name, strlen(name)) ||
	    has_control(name))
		return tthc_fail(e, TTHC_E_INVALID, "name",
				 _("the name must be 1 to %d bytes of NFC UTF-8 text without "
				   "control characters"), ORG_NAME_MAX);
	if (vocab_find(&vocab_org_types, type) < 0)
		return tthc_fail(e, TTHC_E_INVALID, "type", _("unknown organisation type '%s'"),
				 type);
	if (parent && org_find(tx, parent, &parent_id, e) < 0)
		return -1;
	if (!parent) {
		st = db_prepare(tx, "SELECT count(*) FROM orgs", e);
		if (!st)
			return -1;
		if (db_step(st, e) == 1)
			count = db_col_int(st, 0);
		db_finalize(st);
		if (count > 0)
			return tthc_fail(e, TTHC_E_INVALID, "parent",
					 _("only the root organisation has no parent"));
	}
	st = db_prepare(tx, "INSERT INTO orgs (code, name, type, parent_id, created_at) "
			"VALUES (?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, type);
	if (parent)
		db_bind_int(st, 4, parent_id);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, srv_now());
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0) {
		tthc_err_prefix(e, "code");
		return -1;
	}
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "name", name);
	cJSON_AddStringToObject(d, "type", type);
	if (parent)
		cJSON_AddStringToObject(d, "parent", parent);
	json = cJSON_PrintUnformatted(d);
	cJSON_Delete(d);
	snprintf(details, sizeof details, "org:%s", code);
	rc = json ? audit_append(tx, &s->key, srv_now(),
				 &(struct audit_entry){ .actor = who->name, .action = "org.add",
							.object = details,
							.before_version = AUDIT_NO_VERSION,
							.after_version = 1, .details = json }, e)
		  : tthc_fail(e, TTHC_E_NOMEM, "org", _("out of memory"));
	cJSON_free(json);
	return rc;
}

int org_add(struct srv *s, const struct actor *who, const char *code, const char *name,
	    const char *type, const char *parent, struct tthc_err *e)
{
	struct db_tx *tx;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	if (org_add_tx(tx, s, who, code, name, type, parent, e) < 0) {
		db_rollback(tx);
		return -1;
	}
	return db_commit(tx, e);
}

/* Walk up from org to the root; plain recursive SQL that PostgreSQL takes. */
int org_in_scope(struct db_tx *tx, int64_t account, const char *role, int64_t org,
		 bool *out, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE up(id) AS (SELECT CAST(? AS INTEGER) UNION ALL "
		"  SELECT o.parent_id FROM orgs o JOIN up ON o.id = up.id "
		"  WHERE o.parent_id IS NOT NULL) "
		"SELECT count(*) FROM up JOIN account_roles r ON r.org_id = up.id "
		"WHERE r.account_id = ? AND (? IS NULL OR r.role = ?)", e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, org);
	db_bind_int(st, 2, account);
	db_bind_text(st, 3, role);
	db_bind_text(st, 4, role);
	rc = db_step(st, e);
	if (rc == 1)
		*out = db_col_int(st, 0) > 0;
	db_finalize(st);
	return rc == 1 ? 0 : -1;
}

cJSON *org_list(struct srv *s, const struct actor *who, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	cJSON *root = cJSON_CreateObject(), *list, *o;
	int rc;

	list = cJSON_AddArrayToObject(root, "orgs");
	if (!list || db_begin(s->db, DB_READ, &tx, e) < 0) {
		cJSON_Delete(root);
		return NULL;
	}
	/* Down from every organisation where the caller holds a role; the depth
	 * from the root orders parents before children. */
	st = db_prepare(tx,
		"WITH RECURSIVE tree(id, depth) AS ("
		"  SELECT id, 0 FROM orgs WHERE parent_id IS NULL "
		"  UNION ALL SELECT o.id, tree.depth + 1 FROM orgs o JOIN tree ON o.parent_id = tree.id), "
		"down(id) AS ("
		"  SELECT id FROM orgs WHERE ? = 0 AND parent_id IS NULL "
		"  UNION SELECT org_id FROM account_roles WHERE account_id = ? "
		"  UNION SELECT o.id FROM orgs o JOIN down ON o.parent_id = down.id) "
		"SELECT o.code, o.name, o.type, p.code, o.commune FROM down "
		"JOIN tree ON tree.id = down.id JOIN orgs o ON o.id = down.id "
		"LEFT JOIN orgs p ON p.id = o.parent_id ORDER BY tree.depth, o.code", e);
	if (!st) {
		db_rollback(tx);
		cJSON_Delete(root);
		return NULL;
	}
	db_bind_int(st, 1, who->account_id);
	db_bind_int(st, 2, who->account_id);
	while ((rc = db_step(st, e)) == 1) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "code", db_col_text(st, 0));
		cJSON_AddStringToObject(o, "name", db_col_text(st, 1));
		cJSON_AddStringToObject(o, "type", db_col_text(st, 2));
		if (db_col_null(st, 3))
			cJSON_AddNullToObject(o, "parent");
		else
			cJSON_AddStringToObject(o, "parent", db_col_text(st, 3));
		/* Base committees: xã/phường or not (DESIGN.md section 8); a
		 * client caching the tree as core/model's org needs it. */
		if (!db_col_null(st, 4))
			cJSON_AddBoolToObject(o, "commune", db_col_int(st, 4) != 0);
		cJSON_AddItemToArray(list, o);
	}
	db_finalize(st);
	db_rollback(tx);
	return entity_result(root, rc);
}
