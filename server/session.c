#include "session.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "password.h"
#include "util/i18n.h"

static void token_hash(const char *token, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, h, sizeof h);
}

struct login_row {
	int64_t id, version, locked_until;
	char status[16];
	char hash[crypto_pwhash_STRBYTES];
	bool must_change;
	char member[65];
};

/* 1 found, 0 unknown, -1 error. */
static int login_row_read(struct db_tx *tx, const char *name, struct login_row *r,
			  struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT id, version, locked_until, status, pw_hash, "
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
		r->locked_until = db_col_int(st, 2);
		snprintf(r->status, sizeof r->status, "%s", db_col_text(st, 3));
		snprintf(r->hash, sizeof r->hash, "%s", db_col_text(st, 4));
		r->must_change = db_col_int(st, 5) != 0;
		snprintf(r->member, sizeof r->member, "%s",
			 db_col_null(st, 6) ? "" : db_col_text(st, 6));
	}
	db_finalize(st);
	return rc;
}

static int audit_session(struct db_tx *tx, struct srv *s, const char *actor,
			 const char *action, const char *name, const char *details,
			 struct tthc_err *e)
{
	char object[96];

	snprintf(object, sizeof object, "account:%s", name);
	return audit_append(tx, &s->key, srv_now(),
			    &(struct audit_entry){ .actor = actor, .action = action,
						   .object = object,
						   .before_version = AUDIT_NO_VERSION,
						   .after_version = AUDIT_NO_VERSION,
						   .details = details }, e);
}

/* Count a failure; the one that reaches the limit starts the lockout. */
static int record_failure(struct srv *s, const char *name, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	int64_t failures = 0;
	char details[64];
	int rc;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	st = db_prepare(tx, "UPDATE accounts SET failed_logins = failed_logins + 1 "
			"WHERE name = ? RETURNING failed_logins", e);
	if (!st)
		goto fail;
	db_bind_text(st, 1, name);
	rc = db_step(st, e);
	if (rc == 1)
		failures = db_col_int(st, 0);
	db_finalize(st);
	if (rc < 0)
		goto fail;
	snprintf(details, sizeof details, "{\"failures\":%lld}", (long long)failures);
	if (audit_session(tx, s, name, "session.fail", name, details, e) < 0)
		goto fail;
	if (failures >= s->cfg.max_failures) {
		st = db_prepare(tx, "UPDATE accounts SET failed_logins = 0, locked_until = ? "
				"WHERE name = ?", e);
		if (!st)
			goto fail;
		db_bind_int(st, 1, srv_now() + s->cfg.lockout);
		db_bind_text(st, 2, name);
		rc = db_step(st, e);
		db_finalize(st);
		snprintf(details, sizeof details, "{\"seconds\":%lld}", (long long)s->cfg.lockout);
		if (rc < 0 || audit_session(tx, s, name, "session.lockout", name, details, e) < 0)
			goto fail;
	}
	return db_commit(tx, e);
fail:
	db_rollback(tx);
	return -1;
}

static int status_refusal(const char *status, struct tthc_err *e)
{
	if (!strcmp(status, "pending"))
		return tthc_fail(e, TTHC_E_ACCOUNT_PENDING, "", _("the account is not active yet"));
	if (!strcmp(status, "locked"))
		return tthc_fail(e, TTHC_E_ACCOUNT_LOCKED, "", _("the account is locked"));
	if (!strcmp(status, "revoked"))
		return tthc_fail(e, TTHC_E_ACCOUNT_REVOKED, "", _("the account is revoked"));
	return 0;
}

/* The success half of a login, in one write transaction that checks again
 * what the read before the (slow) hash saw. */
static int grant_session(struct srv *s, const char *name, struct login *out,
			 struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	struct login_row r;
	unsigned char raw[32];
	char hash[65];
	int64_t now = srv_now();
	int rc;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	rc = login_row_read(tx, name, &r, e);
	if (rc == 0)
		tthc_fail(e, TTHC_E_AUTH, "", _("invalid user name or password"));
	if (rc != 1)
		goto fail;
	if (r.locked_until > now) {
		out->locked_until = r.locked_until;
		tthc_fail(e, TTHC_E_LOCKED_OUT, "", _("too many failed logins; try again later"));
		goto fail;
	}
	if (status_refusal(r.status, e) < 0) {
		/* Recorded, so that an admin sees who still tries. */
		if (audit_session(tx, s, name, "session.refused", name, NULL, NULL) == 0)
			db_commit(tx, NULL);
		else
			db_rollback(tx);
		return -1;
	}
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out->token, sizeof out->token, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
	token_hash(out->token, hash);
	out->expires_at = now + s->cfg.token_ttl;
	out->must_change_password = r.must_change;
	memcpy(out->member, r.member, sizeof out->member);
	/* Tokens long dead are of no use to anyone: drop them as we go. */
	st = db_prepare(tx, "DELETE FROM tokens WHERE account_id = ? AND expires_at < ?", e);
	if (!st)
		goto fail;
	db_bind_int(st, 1, r.id);
	db_bind_int(st, 2, now - 86400);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0)
		goto fail;
	st = db_prepare(tx, "INSERT INTO tokens (hash, account_id, created_at, expires_at) "
			"VALUES (?, ?, ?, ?)", e);
	if (!st)
		goto fail;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, r.id);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, out->expires_at);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0)
		goto fail;
	st = db_prepare(tx, "UPDATE accounts SET failed_logins = 0 WHERE id = ?", e);
	if (!st)
		goto fail;
	db_bind_int(st, 1, r.id);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0 || !(out->roles = acct_roles_json(tx, r.id, e)) ||
	    audit_session(tx, s, name, "session.create", name, NULL, e) < 0)
		goto fail;
	if (db_commit(tx, e) == 0)
		return 0;
	tx = NULL;
fail:
	db_rollback(tx);
	cJSON_Delete(out->roles);
	out->roles = NULL;
	sodium_memzero(out->token, sizeof out->token);
	return -1;
}

int session_login(struct srv *s, const char *username, const char *password,
		  struct login *out, struct tthc_err *e)
{
	struct db_tx *tx;
	struct login_row r;
	int rc;

	memset(out, 0, sizeof *out);
	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return -1;
	rc = login_row_read(tx, username, &r, e);
	db_rollback(tx);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		pw_verify(NULL, password);
		return tthc_fail(e, TTHC_E_AUTH, "", _("invalid user name or password"));
	}
	if (r.locked_until > srv_now()) {
		out->locked_until = r.locked_until;
		return tthc_fail(e, TTHC_E_LOCKED_OUT, "",
				 _("too many failed logins; try again later"));
	}
	if (!pw_verify(r.hash, password)) {
		if (record_failure(s, username, e) < 0)
			return -1;
		return tthc_fail(e, TTHC_E_AUTH, "", _("invalid user name or password"));
	}
	return grant_session(s, username, out, e);
}

int session_check(struct srv *s, const char *token, struct caller *out, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	token_hash(token, out->token_hash);
	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return -1;
	st = db_prepare(tx, "SELECT a.id, a.name, a.must_change_password FROM tokens t "
			"JOIN accounts a ON a.id = t.account_id WHERE t.hash = ? "
			"AND t.revoked = 0 AND t.expires_at > ? AND a.status = 'active'", e);
	if (!st) {
		db_rollback(tx);
		return -1;
	}
	db_bind_text(st, 1, out->token_hash);
	db_bind_int(st, 2, srv_now());
	rc = db_step(st, e);
	if (rc == 1) {
		out->account_id = db_col_int(st, 0);
		snprintf(out->name, sizeof out->name, "%s", db_col_text(st, 1));
		out->must_change_password = db_col_int(st, 2) != 0;
	}
	db_finalize(st);
	db_rollback(tx);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_UNAUTHENTICATED, "",
				 _("the session is unknown, expired or ended; log in again"));
	return rc < 0 ? -1 : 0;
}

int session_logout(struct srv *s, const struct caller *c, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	int rc;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	st = db_prepare(tx, "UPDATE tokens SET revoked = 1 WHERE hash = ?", e);
	if (!st)
		goto fail;
	db_bind_text(st, 1, c->token_hash);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0 || audit_session(tx, s, c->name, "session.delete", c->name, NULL, e) < 0)
		goto fail;
	return db_commit(tx, e);
fail:
	db_rollback(tx);
	return -1;
}

int session_change_password(struct srv *s, const struct caller *c, const char *old_pw,
			    const char *new_pw, struct tthc_err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct login_row r;
	struct db_tx *tx;
	struct db_stmt *st;
	int rc;

	if (pw_acceptable(new_pw, e) < 0) {
		tthc_err_prefix(e, "new_password");
		return -1;
	}
	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return -1;
	rc = login_row_read(tx, c->name, &r, e);
	db_rollback(tx);
	if (rc != 1)
		return rc < 0 ? -1 : tthc_fail(e, TTHC_E_UNAUTHENTICATED, "", _("no such account"));
	if (!pw_verify(r.hash, old_pw))
		return tthc_fail(e, TTHC_E_AUTH, "old_password", _("the old password is wrong"));
	if (!strcmp(old_pw, new_pw))
		return tthc_fail(e, TTHC_E_INVALID, "new_password",
				 _("the new password must differ from the old one"));
	if (pw_hash(new_pw, hash, e) < 0)
		return -1;
	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	st = db_prepare(tx, "UPDATE accounts SET pw_hash = ?, must_change_password = 0, "
			"version = version + 1 WHERE id = ? RETURNING version", e);
	if (!st)
		goto fail;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, c->account_id);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc != 1)
		goto fail;
	st = db_prepare(tx, "UPDATE tokens SET revoked = 1 WHERE account_id = ? AND hash <> ?", e);
	if (!st)
		goto fail;
	db_bind_int(st, 1, c->account_id);
	db_bind_text(st, 2, c->token_hash);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0 || audit_session(tx, s, c->name, "account.change-password", c->name, NULL,
				    e) < 0)
		goto fail;
	return db_commit(tx, e);
fail:
	db_rollback(tx);
	return -1;
}
