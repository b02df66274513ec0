#include "bank.h"

#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "orgs.h"
#include "rbac.h"
#include "rows.h"
#include "util/i18n.h"

/* The organisation `org`, where the caller may do op. */
static int org_allowed(struct db_tx *tx, const struct actor *who, const char *org,
		       enum rbac_op op, int64_t *id, struct tthc_err *e)
{
	if (org_find(tx, org, id, e) < 0)
		return -1;
	return rbac_check(tx, who, op, *id, e);
}

cJSON *bank_list(struct srv *s, const struct actor *who, const char *org, struct tthc_err *e)
{
	cJSON *root = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(root, "bank_accounts");
	cJSON *row;
	struct db_tx *tx;
	struct db_stmt *st = NULL;
	int64_t org_id;
	int rc = -1;

	if (db_begin(s->db, DB_READ, &tx, e) < 0) {
		cJSON_Delete(root);
		return NULL;
	}
	if (org_allowed(tx, who, org, RBAC_BANK_READ, &org_id, e) == 0 &&
	    (st = db_prepare(tx, "SELECT code, version, body FROM bank_accounts "
			     "WHERE org_id = ? ORDER BY code", e))) {
		db_bind_int(st, 1, org_id);
		while ((rc = db_step(st, e)) == 1) {
			if (!(row = entity_answer("bank_account", db_col_text(st, 2),
						  db_col_int(st, 1)))) {
				rc = tthc_fail(e, TTHC_E_DB, db_col_text(st, 0),
					       _("a stored bank account is damaged"));
				break;
			}
			cJSON_AddItemToArray(list, row);
		}
		db_finalize(st);
	}
	db_rollback(tx);
	return entity_result(root, rc);
}

/* The stored row of account id at org: version and body (may be NULL). */
static int bank_row(struct db_tx *tx, int64_t org, const char *id, int64_t *version,
		    char **body, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT version, body FROM bank_accounts "
					"WHERE code = ? AND org_id = ?", e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	db_bind_int(st, 2, org);
	rc = db_step(st, e);
	if (rc == 1) {
		*version = db_col_int(st, 0);
		if (body && !(*body = strdup(db_col_text(st, 1))))
			rc = tthc_fail(e, TTHC_E_NOMEM, id, _("out of memory"));
	}
	db_finalize(st);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, id, _("no such bank account"));
	return rc < 0 ? -1 : 0;
}

cJSON *bank_get(struct srv *s, const struct actor *who, const char *org, const char *id,
		struct tthc_err *e)
{
	struct db_tx *tx;
	int64_t org_id, version;
	char *body = NULL;
	cJSON *res = NULL;

	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return NULL;
	if (org_allowed(tx, who, org, RBAC_BANK_READ, &org_id, e) == 0 &&
	    bank_row(tx, org_id, id, &version, &body, e) == 0 &&
	    !(res = entity_answer("bank_account", body, version)))
		tthc_fail(e, TTHC_E_DB, id, _("a stored bank account is damaged"));
	db_rollback(tx);
	free(body);
	return res;
}

/* Check, store and audit one write in a DB_WRITE transaction.  base 0:
 * create. */
static int write_tx(struct db_tx *tx, struct srv *s, const struct actor *who, const char *org,
		    const char *id, int64_t base, const struct model_bank_account *b,
		    const char *path, struct tthc_err *e)
{
	int64_t org_id, stored = AUDIT_NO_VERSION, v, row;

	if (strcmp(b->org, org) != 0)
		return entity_field_fail(e, TTHC_E_INVALID, path, "org",
				  _("a bank account stays with its organisation"));
	if (strcmp(b->id, id) != 0)
		return entity_field_fail(e, TTHC_E_INVALID, path, "id", _("the id cannot change"));
	if (org_allowed(tx, who, org, RBAC_BANK_WRITE, &org_id, e) < 0)
		return -1;
	if (base == 0) {
		if (rows_id(tx, ENTITY_BANK_ACCOUNT, id, &row, e) == 0)
			return entity_field_fail(e, TTHC_E_CONFLICT, path, "id",
					  _("a bank account with this id exists"));
		if (e->code != TTHC_E_NOT_FOUND)
			return -1;
	} else if (bank_row(tx, org_id, id, &stored, NULL, e) < 0 ||
		   entity_check_version(base, stored, e) < 0) {
		return -1;
	}
	if (rows_put_bank_account(tx, b, srv_now(), &v, e) < 0)
		return -1;
	return entity_audit(tx, s, who, base ? "bank-account.update" : "bank-account.add",
			    "bank-account", id, stored, v, NULL, e);
}

static int write(struct srv *s, const struct actor *who, const char *org, const char *id,
		 int64_t base, const struct model_bank_account *b, const char *path,
		 struct tthc_err *e)
{
	struct db_tx *tx;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	if (write_tx(tx, s, who, org, id, base, b, path, e) < 0) {
		db_rollback(tx);
		return -1;
	}
	return db_commit(tx, e);
}

int bank_create(struct srv *s, const struct actor *who, const char *org,
		const struct model_bank_account *b, const char *path, struct tthc_err *e)
{
	return write(s, who, org, b->id, 0, b, path, e);
}

int bank_update(struct srv *s, const struct actor *who, const char *org, const char *id,
		int64_t base, const struct model_bank_account *b, const char *path,
		struct tthc_err *e)
{
	return write(s, who, org, id, base, b, path, e);
}
