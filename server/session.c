#include "session.h"

#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "entity.h"
#include "password.h"
#include "util/i18n.h"

static void token_hash(const char *token, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* TTHC_E_LOCKED_OUT while the name tried is locked out, known or not. */
static int check_lockout(struct db_tx *tx, const char *name, struct login *out,
			 struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT locked_until FROM login_failures "
					"WHERE name = ?", e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	rc = db_step(st, e);
	if (rc == 1 && db_col_int(st, 0) > srv_now())
		out->locked_until = db_col_int(st, 0);
	db_finalize(st);
	if (rc < 0)
		return -1;
	if (out->locked_until)
		return tthc_fail(e, TTHC_E_LOCKED_OUT, "",
				 _("too many failed logins; try again later"));
	return 0;
}

/* The audit entry of a session event: the account (or the name tried)
 * acts on itself; details (may be NULL) is {"KEY": n}. */
static int audit_session(struct db_tx *tx, struct srv *s, const char *name,
			 const char *action, const char *key, int64_t n, struct tthc_err *e)
{
	cJSON *d = key ? cJSON_CreateObject() : NULL;
	int rc;

	if (key && !cJSON_AddNumberToObject(d, key, (double)n)) {
		cJSON_Delete(d);
		return tthc_fail(e, TTHC_E_NOMEM, "audit", _("out of memory"));
	}
	rc = entity_audit(tx, s, &(struct actor){ 0, name }, action, "account", name,
			  AUDIT_NO_VERSION, AUDIT_NO_VERSION, d, e);
	cJSON_Delete(d);
	return rc;
}

/* Count a failure of the name tried, whether an account has it or not
 * (DESIGN.md section 4: lockouts live in the database); the one that
 * reaches the limit starts the lockout. */
static int record_failure(struct srv *s, const char *name, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	int64_t failures = 0;
	int rc;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	st = db_prepare(tx, "INSERT INTO login_failures (name, failures) VALUES (?, 1) "
			"ON CONFLICT (name) DO UPDATE SET failures = failures + 1 "
			"RETURNING failures", e);
	if (!st)
		goto fail;
	db_bind_text(st, 1, name);
	rc = db_step(st, e);
	if (rc == 1)
		failures = db_col_int(st, 0);
	db_finalize(st);
	if (rc < 0)
		goto fail;
	if (audit_session(tx, s, name, "session.fail", "failures", failures, e) < 0)
		goto fail;
	if (failures >= s->cfg.max_failures) {
		st = db_prepare(tx, "UPDATE login_failures SET failures = 0, locked_until = ? "
				"WHERE name = ?", e);
		if (!st)
			goto fail;
		db_bind_int(st, 1, srv_now() + s->cfg.lockout);
		db_bind_text(st, 2, name);
		rc = db_step(st, e);
		db_finalize(st);
		if (rc < 0 || audit_session(tx, s, name, "session.lockout", "seconds",
					    s->cfg.lockout, e) < 0)
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
	struct acct_row r;
	unsigned char raw[32];
	char hash[65];
	int64_t now = srv_now();
	int rc;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	rc = acct_row_read(tx, name, &r, e);
	if (rc == 0)
		tthc_fail(e, TTHC_E_AUTH, "", _("invalid user name or password"));
	if (rc != 1 || check_lockout(tx, name, out, e) < 0)
		goto fail;
	if (status_refusal(r.status, e) < 0) {
		/* Recorded, so that an admin sees who still tries. */
		if (audit_session(tx, s, name, "session.refused", NULL, 0, NULL) == 0)
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
	out->must_change_password = r.must_change_password;
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
	if (acct_clear_failures(tx, name, e) < 0 || !(out->roles = acct_roles_json(tx, r.id, e)) ||
	    audit_session(tx, s, name, "session.create", NULL, 0, e) < 0)
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
	struct acct_row r;
	int rc;

	memset(out, 0, sizeof *out);
	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return -1;
	rc = check_lockout(tx, username, out, e);
	if (rc == 0)
		rc = acct_row_read(tx, username, &r, e);
	db_rollback(tx);
	if (rc < 0)
		return -1;
	/* An unknown name costs a hash and counts a failure like a wrong
	 * password: neither the time nor a later lockout tells them apart. */
	if (!pw_verify(rc == 1 ? r.pw_hash : NULL, password) || rc == 0) {
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
	if (rc < 0 || audit_session(tx, s, c->name, "session.delete", NULL, 0, e) < 0)
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
	struct acct_row r;
	struct db_tx *tx;
	struct db_stmt *st;
	int rc;

	if (pw_acceptable(new_pw, e) < 0) {
		tthc_err_prefix(e, "new_password");
		return -1;
	}
	if (db_begin(s->db, DB_READ, &tx, e) < 0)
		return -1;
	rc = acct_row_read(tx, c->name, &r, e);
	db_rollback(tx);
	if (rc != 1)
		return rc < 0 ? -1 : tthc_fail(e, TTHC_E_UNAUTHENTICATED, "", _("no such account"));
	if (!pw_verify(r.pw_hash, old_pw))
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
	if (rc < 0 || audit_session(tx, s, c->name, "account.change-password", NULL, 0, e) < 0)
		goto fail;
	return db_commit(tx, e);
fail:
	db_rollback(tx);
	return -1;
}
