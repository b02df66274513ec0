#include "members.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "orgs.h"
#include "rbac.h"
#include "rows.h"
#include "text/fold.h"
#include "util/buf.h"
#include "util/i18n.h"

/* '%' ... '%' around s, with LIKE's own characters escaped by '\'. */
static char *like_pattern(const char *s)
{
	struct buf b = BUF_INIT;

	buf_putc(&b, '%');
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *s);
	}
	buf_putc(&b, '%');
	return buf_detach(&b);
}

static int list_rows(struct db_tx *tx, const struct actor *who, const struct member_query *q,
		     int64_t org, const char *pattern, cJSON *list, cJSON *root,
		     struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE " RBAC_SCOPE_CTE ", "
		"sub(id) AS (SELECT CAST(? AS INTEGER) "
		"  UNION SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) "
		"SELECT m.code, m.version, m.body FROM members m "
		"WHERE m.org_id IN (SELECT id FROM scope) "
		"  AND (? = 0 OR m.org_id IN (SELECT id FROM sub)) "
		"  AND (? IS NULL OR m.code > ?) "
		"  AND (? IS NULL OR m.name_fold LIKE ? ESCAPE '\\' "
		"       OR m.card_number LIKE ? ESCAPE '\\') "
		"ORDER BY m.code LIMIT ?", e);
	int rc, n = 0, i = RBAC_SCOPE_PARAMS;
	char last[MODEL_ID_MAX + 1] = "";
	cJSON *row;

	if (!st)
		return -1;
	rbac_bind_scope(st, 1, who, RBAC_MEMBER_READ);
	db_bind_int(st, ++i, org);
	db_bind_int(st, ++i, org);
	db_bind_text(st, ++i, q->after);
	db_bind_text(st, ++i, q->after);
	db_bind_text(st, ++i, pattern);
	db_bind_text(st, ++i, pattern);
	db_bind_text(st, ++i, pattern);
	db_bind_int(st, ++i, q->limit + 1);
	while ((rc = db_step(st, e)) == 1 && n < q->limit) {
		if (!(row = entity_answer("member", db_col_text(st, 2), db_col_int(st, 1)))) {
			rc = tthc_fail(e, TTHC_E_DB, db_col_text(st, 0), _("a stored member is damaged"));
			break;
		}
		snprintf(last, sizeof last, "%s", db_col_text(st, 0));
		cJSON_AddItemToArray(list, row);
		n++;
	}
	/* A row past the limit: there is a next page, after the last one sent. */
	if (rc == 1)
		cJSON_AddStringToObject(root, "next", last);
	else if (rc == 0)
		cJSON_AddNullToObject(root, "next");
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

cJSON *member_list(struct srv *s, const struct actor *who, const struct member_query *q,
		   struct tthc_err *e)
{
	cJSON *root = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(root, "members");
	char *fold = NULL, *pattern = NULL;
	struct db_tx *tx = NULL;
	int64_t org = 0;
	int rc = -1;

	if (q->q && !(fold = text_fold(q->q, strlen(q->q), NULL, e))) {
		tthc_err_prefix(e, "q");
	} else if (fold && !(pattern = like_pattern(fold))) {
		tthc_fail(e, TTHC_E_NOMEM, "q", _("out of memory"));
	} else if (db_begin(s->db, DB_READ, &tx, e) == 0) {
		if (q->org && org_find(tx, q->org, &org, e) < 0) {
			if (e->code == TTHC_E_NOT_FOUND)
				tthc_fail(e, TTHC_E_NOT_FOUND, "org", _("no such organisation"));
		} else if (!q->org || rbac_check(tx, who, RBAC_MEMBER_READ, org, e) == 0) {
			rc = list_rows(tx, who, q, org, pattern, list, root, e);
		}
		db_rollback(tx);
	}
	free(fold);
	free(pattern);
	return entity_result(root, rc);
}

/* The stored row: internal org id and version (and body, when wanted),
 * TTHC_E_NOT_FOUND unless the caller may read it (rbac.h: by a role over
 * its organisation, or as his own record): out of reach is as if there
 * were none. */
static int member_row(struct db_tx *tx, const struct actor *who, const char *code,
		      int64_t *org, int64_t *version, char **body, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT org_id, version, body, id FROM members "
					"WHERE code = ?", e);
	int64_t id = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	rc = db_step(st, e);
	if (rc == 1) {
		*org = db_col_int(st, 0);
		*version = db_col_int(st, 1);
		id = db_col_int(st, 3);
		if (body && !(*body = strdup(db_col_text(st, 2))))
			rc = tthc_fail(e, TTHC_E_NOMEM, code, _("out of memory"));
	}
	db_finalize(st);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, code, _("no such member"));
	if (rc < 0)
		return -1;
	if (rbac_check(tx, who, RBAC_MEMBER_READ, *org, e) == 0 ||
	    rbac_check_self(tx, who, RBAC_MEMBER_READ_SELF, id, e) == 0)
		return 0;
	if (body) {
		free(*body);
		*body = NULL;
	}
	if (e && e->code != TTHC_E_FORBIDDEN)
		return -1;
	return tthc_fail(e, TTHC_E_NOT_FOUND, code, _("no such member"));
}

cJSON *member_get(struct srv *s, const struct actor *who, const char *code,
		  struct tthc_err *e)
{
	struct db_tx *tx;
	int64_t org, version;
	char *body = NULL;
	cJSON *res = NULL;

	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return NULL;
	if (member_row(tx, who, code, &org, &version, &body, e) == 0) {
		if (!(res = entity_answer("member", body, version)))
			tthc_fail(e, TTHC_E_DB, code, _("a stored member is damaged"));
	}
	db_rollback(tx);
	free(body);
	return res;
}

/* rows_put_member and its audit entry, in tx; the org must be writable. */
static int put(struct db_tx *tx, struct srv *s, const struct actor *who,
	       const struct model_member *m, const char *path, const char *action,
	       int64_t before, const cJSON *details, int64_t *version, struct tthc_err *e)
{
	int64_t org, v;

	if (org_find(tx, m->org, &org, e) < 0) {
		if (e->code == TTHC_E_NOT_FOUND)
			entity_field_fail(e, TTHC_E_NOT_FOUND, path, "org",
					  _("no such organisation"));
		return -1;
	}
	if (rbac_check(tx, who, RBAC_MEMBER_WRITE, org, e) < 0)
		return -1;
	if (rows_put_member(tx, m, srv_now(), &v, e) < 0) {
		/* The id is the upsert's key, so the only unique key left to
		 * violate is the card number. */
		if (e->code == TTHC_E_CONFLICT)
			entity_field_fail(e, TTHC_E_CONFLICT, path, "card_number",
				   _("another member has this card number"));
		return -1;
	}
	if (version)
		*version = v;
	return entity_audit(tx, s, who, action, "member", m->id, before, v, details, e);
}

static int finish(struct db_tx *tx, int rc, struct tthc_err *e)
{
	if (rc == 0)
		return db_commit(tx, e);
	db_rollback(tx);
	return -1;
}

int member_create(struct srv *s, const struct actor *who, const struct model_member *m,
		  const char *path, int64_t *version, struct tthc_err *e)
{
	struct db_tx *tx;
	int64_t id;
	cJSON *d;
	int rc;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	rc = rows_id(tx, ENTITY_MEMBER, m->id, &id, e);
	if (rc == 0) {
		rc = entity_field_fail(e, TTHC_E_CONFLICT, path, "id",
				       _("a member with this id exists"));
	} else if (e->code == TTHC_E_NOT_FOUND) {
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "org", m->org);
		rc = put(tx, s, who, m, path, "member.add", AUDIT_NO_VERSION, d, version, e);
		cJSON_Delete(d);
	}
	return finish(tx, rc, e);
}

int member_update(struct srv *s, const struct actor *who, const char *code, int64_t base,
		  const struct model_member *m, const char *path, int64_t *version,
		  struct tthc_err *e)
{
	struct db_tx *tx;
	struct model_member old = { 0 };
	int64_t org, stored;
	cJSON *d = NULL;
	bool moved;
	int rc;

	if (strcmp(m->id, code) != 0)
		return entity_field_fail(e, TTHC_E_INVALID, path, "id", _("the id cannot change"));
	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	rc = member_row(tx, who, code, &org, &stored, NULL, e);
	if (rc == 0)
		rc = rbac_check(tx, who, RBAC_MEMBER_WRITE, org, e);
	if (rc == 0)
		rc = entity_check_version(base, stored, e);
	if (rc == 0)
		rc = rows_get(tx, ENTITY_MEMBER, code, &old, NULL, e);
	if (rc == 0) {
		moved = strcmp(old.org, m->org) != 0;
		if (moved) {
			d = cJSON_CreateObject();
			cJSON_AddStringToObject(d, "org_before", old.org);
			cJSON_AddStringToObject(d, "org_after", m->org);
		}
		rc = put(tx, s, who, m, path, moved ? "member.move" : "member.update", stored, d,
			 version, e);
		cJSON_Delete(d);
		model_member_free(&old);
	}
	return finish(tx, rc, e);
}
