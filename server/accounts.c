#include "accounts.h"

#include <stdio.h>
#include <string.h>

#include "entity.h"
#include "model/vocab.h"
#include "orgs.h"
#include "rows.h"
#include "password.h"
#include "util/i18n.h"

static const char *const verb_names[] = {
#define X(id, name) name,
	ACCT_VERBS(X)
#undef X
};

int acct_verb_find(const char *name)
{
	int i;

	for (i = 0; i < ACCT_VERB_COUNT; i++)
		if (!strcmp(verb_names[i], name))
			return i;
	return -1;
}

int acct_row_read(struct db_tx *tx, const char *name, struct acct_row *r,
		  struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT id, version, status, pw_hash, "
					"must_change_password, (SELECT code FROM members m "
					"WHERE m.id = accounts.member_id) FROM accounts WHERE name = ?", e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	rc = db_step(st, e);
	if (rc == 1) {
		r->id = db_col_int(st, 0);
		r->version = db_col_int(st, 1);
		snprintf(r->status, sizeof r->status, "%s", db_col_text(st, 2));
		snprintf(r->pw_hash, sizeof r->pw_hash, "%s", db_col_text(st, 3));
		r->must_change_password = db_col_int(st, 4) != 0;
		snprintf(r->member, sizeof r->member, "%s",
			 db_col_null(st, 5) ? "" : db_col_text(st, 5));
	}
	db_finalize(st);
	return rc;
}

static int account_find(struct db_tx *tx, const char *name, struct acct_row *a,
			struct tthc_err *e)
{
	int rc = acct_row_read(tx, name, a, e);

	if (rc == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, name, _("no such account"));
	return rc < 0 ? -1 : 0;
}

static int in_admin_scope(struct db_tx *tx, const struct actor *who, int64_t org,
			  struct tthc_err *e)
{
	bool ok = false;

	if (who->account_id == 0)
		return 0;
	if (org_in_scope(tx, who->account_id, "admin", org, &ok, e) < 0)
		return -1;
	return ok ? 0 : tthc_fail(e, TTHC_E_FORBIDDEN, "", _("outside your organisations"));
}

int acct_manageable(struct db_tx *tx, const struct actor *who, int64_t account,
		    struct tthc_err *e)
{
	struct db_stmt *st;
	int rc;

	if (who->account_id == 0)
		return 0;
	st = db_prepare(tx, "SELECT org_id FROM account_roles WHERE account_id = ? UNION "
			"SELECT id FROM orgs WHERE parent_id IS NULL AND NOT EXISTS "
			"(SELECT 1 FROM account_roles WHERE account_id = ?)", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, account);
	db_bind_int(st, 2, account);
	while ((rc = db_step(st, e)) == 1)
		if (in_admin_scope(tx, who, db_col_int(st, 0), e) < 0) {
			rc = -1;
			break;
		}
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

static int audit_account(struct db_tx *tx, struct srv *s, const struct actor *who,
			 const char *action, const char *name, int64_t before, int64_t after,
			 cJSON *details, struct tthc_err *e)
{
	return entity_audit(tx, s, who, action, "account", name, before, after, details, e);
}

static int add_role(struct db_tx *tx, const struct actor *who, int64_t account,
		    const struct role_pair *r, struct tthc_err *e)
{
	struct db_stmt *st;
	int64_t org;
	int rc;

	if (vocab_find(&vocab_roles, r->role) < 0)
		return tthc_fail(e, TTHC_E_INVALID, "role", _("unknown role '%s'"), r->role);
	if (org_find(tx, r->org, &org, e) < 0) {
		tthc_err_prefix(e, "org");
		return -1;
	}
	if (in_admin_scope(tx, who, org, e) < 0)
		return -1;
	st = db_prepare(tx, "INSERT INTO account_roles (account_id, role, org_id) "
			"VALUES (?, ?, ?)", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, account);
	db_bind_text(st, 2, r->role);
	db_bind_int(st, 3, org);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0 && e && e->code == TTHC_E_CONFLICT)
		tthc_fail(e, TTHC_E_CONFLICT, "role", _("the account already has this role"));
	/* What the account may see changed: its changes cursor is void. */
	return rc < 0 ? -1 : rows_roles_changed(tx, account, e);
}

static cJSON *roles_details(const struct role_pair *roles, size_t n)
{
	cJSON *d = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(d, "roles"), *o;
	size_t i;

	for (i = 0; i < n; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "role", roles[i].role);
		cJSON_AddStringToObject(o, "org", roles[i].org);
		cJSON_AddItemToArray(list, o);
	}
	return d;
}

/* Tie account to the member with this code, who must be in the actor's
 * admin subtree. */
static int set_member(struct db_tx *tx, const struct actor *who, int64_t account,
		      const char *member, struct tthc_err *e)
{
	struct db_stmt *st;
	int64_t id, org;
	int rc;

	if (rows_member_find(tx, member, "member", &id, &org, e) < 0 ||
	    in_admin_scope(tx, who, org, e) < 0)
		return -1;
	st = db_prepare(tx, "UPDATE accounts SET member_id = ? WHERE id = ?", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, account);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

int acct_add_tx(struct db_tx *tx, struct srv *s, const struct actor *who,
		const struct acct_spec *a, const char *pw_hash, struct tthc_err *e)
{
	struct db_stmt *st;
	int64_t id;
	size_t i;
	int rc;
	char at[32];
	cJSON *d;

	if (!srv_ident_ok(a->name))
		return tthc_fail(e, TTHC_E_INVALID, "name",
				 _("an account name is 1 to 64 of a-z, 0-9, '-', '_', '.'"));
	if (a->n_roles == 0)
		return tthc_fail(e, TTHC_E_MISSING, "roles", _("an account needs a role"));
	st = db_prepare(tx, "INSERT INTO accounts (name, pw_hash, status, created_at) "
			"VALUES (?, ?, ?, ?) RETURNING id", e);
	if (!st)
		return -1;
	db_bind_text(st, 1, a->name);
	db_bind_text(st, 2, pw_hash);
	db_bind_text(st, 3, a->active ? "active" : "pending");
	db_bind_int(st, 4, srv_now());
	rc = db_step(st, e);
	id = rc == 1 ? db_col_int(st, 0) : 0;
	db_finalize(st);
	if (rc < 0 && e && e->code == TTHC_E_CONFLICT)
		return tthc_fail(e, TTHC_E_CONFLICT, "name", _("an account with this name exists"));
	if (rc != 1)
		return -1;
	for (i = 0; i < a->n_roles; i++)
		if (add_role(tx, who, id, &a->roles[i], e) < 0) {
			snprintf(at, sizeof at, "roles[%zu]", i);
			tthc_err_prefix(e, at);
			return -1;
		}
	if (a->member && set_member(tx, who, id, a->member, e) < 0)
		return -1;
	d = roles_details(a->roles, a->n_roles);
	cJSON_AddStringToObject(d, "status", a->active ? "active" : "pending");
	if (a->member)
		cJSON_AddStringToObject(d, "member", a->member);
	rc = audit_account(tx, s, who, "account.add", a->name, AUDIT_NO_VERSION, 1, d, e);
	cJSON_Delete(d);
	return rc;
}

int acct_add(struct srv *s, const struct actor *who, const struct acct_spec *a,
	     const char *password, struct tthc_err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct db_tx *tx;

	/* Hash before the write transaction: argon2 must not hold the writer. */
	if (pw_acceptable(password, e) < 0) {
		tthc_err_prefix(e, "password");
		return -1;
	}
	if (pw_hash(password, hash, e) < 0)
		return -1;
	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	if (acct_add_tx(tx, s, who, a, hash, e) < 0) {
		db_rollback(tx);
		return -1;
	}
	return db_commit(tx, e);
}

static int revoke_tokens(struct db_tx *tx, int64_t account, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "UPDATE tokens SET revoked = 1 "
					"WHERE account_id = ? AND revoked = 0", e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, account);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

int acct_clear_failures(struct db_tx *tx, const char *name, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "DELETE FROM login_failures WHERE name = ?", e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* Which states each verb leaves, and the state it makes. */
static const struct {
	const char *from[3];
	const char *to;
	bool kill_tokens;
} transitions[ACCT_VERB_COUNT] = {
	[ACCT_ACTIVATE] = { { "pending" }, "active", false },
	[ACCT_LOCK] = { { "pending", "active" }, "locked", true },
	[ACCT_UNLOCK] = { { "locked", "active" }, "active", false },
	[ACCT_REVOKE] = { { "pending", "active", "locked" }, "revoked", true },
};

static bool may_leave(enum acct_verb verb, const char *status)
{
	int i;

	for (i = 0; i < 3 && transitions[verb].from[i]; i++)
		if (!strcmp(transitions[verb].from[i], status))
			return true;
	return false;
}

/* Open a write transaction on an existing account the actor may manage. */
static int begin_on(struct srv *s, const struct actor *who, const char *name,
		    struct db_tx **tx, struct acct_row *a, struct tthc_err *e)
{
	if (db_begin(s->db, DB_WRITE, tx, e) < 0)
		return -1;
	if (account_find(*tx, name, a, e) < 0 || acct_manageable(*tx, who, a->id, e) < 0) {
		db_rollback(*tx);
		return -1;
	}
	return 0;
}

int acct_apply(struct srv *s, const struct actor *who, const char *name, enum acct_verb verb,
	       struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	struct acct_row a;
	char action[32];
	int rc;

	if (begin_on(s, who, name, &tx, &a, e) < 0)
		return -1;
	if (!may_leave(verb, a.status)) {
		tthc_fail(e, TTHC_E_CONFLICT, "status", _("the account is %s"), a.status);
		goto fail;
	}
	st = db_prepare(tx, "UPDATE accounts SET status = ?, version = version + 1 "
			"WHERE id = ?", e);
	if (!st)
		goto fail;
	db_bind_text(st, 1, transitions[verb].to);
	db_bind_int(st, 2, a.id);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0 || (transitions[verb].kill_tokens && revoke_tokens(tx, a.id, e) < 0) ||
	    acct_clear_failures(tx, name, e) < 0)
		goto fail;
	snprintf(action, sizeof action, "account.%s", verb_names[verb]);
	if (audit_account(tx, s, who, action, name, a.version, a.version + 1, NULL, e) < 0)
		goto fail;
	return db_commit(tx, e);
fail:
	db_rollback(tx);
	return -1;
}

int acct_reset_password(struct srv *s, const struct actor *who, const char *name,
			const char *password, struct tthc_err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct db_tx *tx;
	struct db_stmt *st;
	struct acct_row a;
	int rc;

	if (pw_acceptable(password, e) < 0) {
		tthc_err_prefix(e, "password");
		return -1;
	}
	if (pw_hash(password, hash, e) < 0)
		return -1;
	if (begin_on(s, who, name, &tx, &a, e) < 0)
		return -1;
	if (!strcmp(a.status, "revoked")) {
		tthc_fail(e, TTHC_E_CONFLICT, "status", _("the account is %s"), a.status);
		goto fail;
	}
	st = db_prepare(tx, "UPDATE accounts SET pw_hash = ?, must_change_password = 1, "
			"version = version + 1 WHERE id = ?", e);
	if (!st)
		goto fail;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, a.id);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0 || revoke_tokens(tx, a.id, e) < 0 || acct_clear_failures(tx, name, e) < 0 ||
	    audit_account(tx, s, who, "account.reset-password", name, a.version, a.version + 1,
			  NULL, e) < 0)
		goto fail;
	return db_commit(tx, e);
fail:
	db_rollback(tx);
	return -1;
}

/* The end of a verb that changes an account but not its status: a new
 * version and the audit entry, then the commit. */
static int bump_commit(struct db_tx *tx, struct srv *s, const struct actor *who,
		       const char *action, const char *name, const struct acct_row *a,
		       cJSON *details, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "UPDATE accounts SET version = version + 1 "
					"WHERE id = ?", e);
	int rc;

	if (!st)
		goto fail;
	db_bind_int(st, 1, a->id);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0 || audit_account(tx, s, who, action, name, a->version, a->version + 1,
				    details, e) < 0)
		goto fail;
	cJSON_Delete(details);
	return db_commit(tx, e);
fail:
	cJSON_Delete(details);
	db_rollback(tx);
	return -1;
}

int acct_grant(struct srv *s, const struct actor *who, const char *name,
	       const struct role_pair *role, struct tthc_err *e)
{
	struct db_tx *tx;
	struct acct_row a;

	if (begin_on(s, who, name, &tx, &a, e) < 0)
		return -1;
	if (add_role(tx, who, a.id, role, e) < 0) {
		db_rollback(tx);
		return -1;
	}
	return bump_commit(tx, s, who, "account.grant", name, &a, roles_details(role, 1), e);
}

int acct_link(struct srv *s, const struct actor *who, const char *name, const char *member,
	      struct tthc_err *e)
{
	struct db_tx *tx;
	struct acct_row a;
	cJSON *d;

	if (begin_on(s, who, name, &tx, &a, e) < 0)
		return -1;
	if (set_member(tx, who, a.id, member, e) < 0) {
		db_rollback(tx);
		return -1;
	}
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "member", member);
	return bump_commit(tx, s, who, "account.link", name, &a, d, e);
}
