#include "audit.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "util/buf.h"
#include "util/i18n.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* A field as a netstring ("5:admin,"), NULL as "-,", so that no choice of
 * field contents can make two different entries serialise alike. */
static void put_text(struct buf *b, const char *s)
{
	if (!s)
		buf_puts(b, "-,");
	else
		buf_printf(b, "%zu:%s,", strlen(s), s);
}

static void put_int(struct buf *b, int64_t v, int64_t none)
{
	char n[24];

	if (v == none) {
		buf_puts(b, "-,");
		return;
	}
	snprintf(n, sizeof n, "%" PRId64, v);
	put_text(b, n);
}

struct row {
	int64_t seq, at, before, after;
	const char *actor, *on_behalf_of, *action, *object, *details, *prev_hash;
};

/* The canonical serialisation, version-tagged so that it can change later
 * without making old entries ambiguous. */
static int entry_hash(const struct row *r, char out[65], struct tthc_err *e)
{
	struct buf b = BUF_INIT;
	unsigned char h[crypto_hash_sha256_BYTES];

	buf_puts(&b, "tthc-audit-v1,");
	put_int(&b, r->seq, INT64_MIN);
	put_int(&b, r->at, INT64_MIN);
	put_text(&b, r->actor);
	put_text(&b, r->on_behalf_of);
	put_text(&b, r->action);
	put_text(&b, r->object);
	put_int(&b, r->before, AUDIT_NO_VERSION);
	put_int(&b, r->after, AUDIT_NO_VERSION);
	put_text(&b, r->details);
	put_text(&b, r->prev_hash);
	if (buf_failed(&b)) {
		buf_free(&b);
		return tthc_fail(e, TTHC_E_NOMEM, "audit", _("out of memory"));
	}
	crypto_hash_sha256(h, (const unsigned char *)b.data, b.len);
	sodium_bin2hex(out, 65, h, sizeof h);
	buf_free(&b);
	return 0;
}

static void head_message(int64_t seq, const char *hash, char *out, size_t size)
{
	snprintf(out, size, "tthc-audit-head-v1,%lld,%s", (long long)seq, hash);
}

int audit_key_create(const char *dir, struct tthc_err *e)
{
	struct audit_key k;
	char path[4096], hex[2 * crypto_sign_PUBLICKEYBYTES + 2];
	int rc;

	crypto_sign_keypair(k.pk, k.sk);
	sodium_bin2hex(hex, sizeof hex - 1, k.pk, sizeof k.pk);
	strcat(hex, "\n");
	rc = path_join(path, sizeof path, dir, "audit.key", e);
	if (rc == 0)
		rc = file_write_new(path, k.sk, sizeof k.sk, 0600, e);
	if (rc == 0)
		rc = path_join(path, sizeof path, dir, "audit.pub", e);
	if (rc == 0)
		rc = file_write_new(path, hex, strlen(hex), 0644, e);
	sodium_memzero(&k, sizeof k);
	return rc;
}

int audit_key_load(const char *dir, struct audit_key *out, struct tthc_err *e)
{
	char path[4096];
	char *data;
	size_t len;

	if (path_join(path, sizeof path, dir, "audit.key", e) < 0)
		return -1;
	data = file_read(path, crypto_sign_SECRETKEYBYTES, &len, e);
	if (!data)
		return -1;
	if (len != crypto_sign_SECRETKEYBYTES) {
		sodium_memzero(data, len);
		free(data);
		return tthc_fail(e, TTHC_E_INVALID, path, _("not an audit signing key"));
	}
	memcpy(out->sk, data, len);
	sodium_memzero(data, len);
	free(data);
	crypto_sign_ed25519_sk_to_pk(out->pk, out->sk);
	out->has_secret = 1;
	return 0;
}

/* The head that the transaction's last append left: re-read and signed once,
 * just before commit. */
static int seal(struct db_tx *tx, void *arg, struct tthc_err *e)
{
	const struct audit_key *key = arg;
	struct db_stmt *st;
	unsigned char sig[crypto_sign_BYTES];
	char msg[128], sighex[sizeof sig * 2 + 1], hash[65];
	int64_t seq, at;
	int rc;

	st = db_prepare(tx, "SELECT seq, hash, at FROM audit ORDER BY seq DESC LIMIT 1", e);
	if (!st)
		return -1;
	if ((rc = db_step(st, e)) != 1) {
		db_finalize(st);
		return rc < 0 ? -1 : 0;
	}
	seq = db_col_int(st, 0);
	snprintf(hash, sizeof hash, "%s", db_col_text(st, 1));
	at = db_col_int(st, 2);
	db_finalize(st);

	head_message(seq, hash, msg, sizeof msg);
	crypto_sign_detached(sig, NULL, (const unsigned char *)msg, strlen(msg), key->sk);
	sodium_bin2hex(sighex, sizeof sighex, sig, sizeof sig);
	st = db_prepare(tx, "INSERT INTO audit_head (id, seq, hash, signature, signed_at) "
			"VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
			"seq = excluded.seq, hash = excluded.hash, "
			"signature = excluded.signature, signed_at = excluded.signed_at", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, seq);
	db_bind_text(st, 2, hash);
	db_bind_text(st, 3, sighex);
	db_bind_int(st, 4, at);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

int audit_append(struct db_tx *tx, const struct audit_key *key, int64_t now,
		 const struct audit_entry *entry, struct tthc_err *e)
{
	struct row r = {
		.at = now, .before = entry->before_version, .after = entry->after_version,
		.actor = entry->actor, .on_behalf_of = entry->on_behalf_of,
		.action = entry->action, .object = entry->object,
		.details = entry->details ? entry->details : "{}",
	};
	char prev[65] = GENESIS_HASH, hash[65];
	struct db_stmt *st;
	int rc;

	if (!key->has_secret)
		return tthc_fail(e, TTHC_E_INVALID, "audit", _("no audit signing key"));
	/* The write transaction serialises appends: no two can read the same
	 * previous entry. */
	st = db_prepare(tx, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", e);
	if (!st)
		return -1;
	rc = db_step(st, e);
	if (rc == 1) {
		r.seq = db_col_int(st, 0) + 1;
		snprintf(prev, sizeof prev, "%s", db_col_text(st, 1));
	} else {
		r.seq = 1;
	}
	db_finalize(st);
	if (rc < 0)
		return -1;
	r.prev_hash = prev;
	if (entry_hash(&r, hash, e) < 0)
		return -1;

	st = db_prepare(tx, "INSERT INTO audit (seq, at, actor, on_behalf_of, action, object, "
			"before_version, after_version, details, prev_hash, hash) "
			"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, r.seq);
	db_bind_int(st, 2, r.at);
	db_bind_text(st, 3, r.actor);
	db_bind_text(st, 4, r.on_behalf_of);
	db_bind_text(st, 5, r.action);
	db_bind_text(st, 6, r.object);
	if (r.before == AUDIT_NO_VERSION)
		db_bind_null(st, 7);
	else
		db_bind_int(st, 7, r.before);
	if (r.after == AUDIT_NO_VERSION)
		db_bind_null(st, 8);
	else
		db_bind_int(st, 8, r.after);
	db_bind_text(st, 9, r.details);
	db_bind_text(st, 10, r.prev_hash);
	db_bind_text(st, 11, hash);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0)
		return -1;
	return db_before_commit(tx, seal, (void *)key, e);
}

int audit_head_read(struct db *db, struct audit_head *out, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	int rc;

	if (db_begin(db, DB_READ, &tx, e) < 0)
		return -1;
	st = db_prepare(tx, "SELECT seq, hash, signature, signed_at FROM audit_head "
			"WHERE id = 1", e);
	if (!st) {
		db_rollback(tx);
		return -1;
	}
	rc = db_step(st, e);
	if (rc == 1) {
		out->seq = db_col_int(st, 0);
		snprintf(out->hash, sizeof out->hash, "%s", db_col_text(st, 1));
		snprintf(out->signature, sizeof out->signature, "%s", db_col_text(st, 2));
		out->signed_at = db_col_int(st, 3);
	} else if (rc == 0) {
		rc = tthc_fail(e, TTHC_E_NOT_FOUND, "audit", _("no signed audit head"));
	}
	db_finalize(st);
	db_rollback(tx);
	return rc == 1 ? 0 : -1;
}

static int broken(struct audit_report *r, int64_t seq, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int broken(struct audit_report *r, int64_t seq, const char *fmt, ...)
{
	va_list ap;

	r->bad_seq = seq;
	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof r->reason, fmt, ap);
	va_end(ap);
	return 1;
}

static int verify_head(struct db *db, const unsigned char *pk, int64_t last_seq,
		       const char *last_hash, struct audit_report *r)
{
	struct audit_head h;
	unsigned char sig[crypto_sign_BYTES];
	char msg[128];
	struct tthc_err e;

	if (audit_head_read(db, &h, &e) < 0)
		return last_seq ? broken(r, 0, _("the signed head is missing")) : 0;
	head_message(h.seq, h.hash, msg, sizeof msg);
	if (sodium_hex2bin(sig, sizeof sig, h.signature, strlen(h.signature), NULL, NULL,
			   NULL) != 0 ||
	    crypto_sign_verify_detached(sig, (const unsigned char *)msg, strlen(msg), pk) != 0)
		return broken(r, 0, _("the signature of the head does not verify "
				      "(the chain was rewritten)"));
	if (h.seq > last_seq)
		return broken(r, last_seq + 1,
			      _("entry %lld is missing: the signed head is at entry "
				"%lld (the tail was cut)"), (long long)last_seq + 1,
			      (long long)h.seq);
	if (h.seq < last_seq)
		return broken(r, h.seq + 1, _("entry %lld comes after the signed head"),
			      (long long)h.seq + 1);
	if (strcmp(h.hash, last_hash) != 0)
		return broken(r, last_seq, _("entry %lld differs from the signed head"),
			      (long long)last_seq);
	return 0;
}

int audit_verify(struct db *db, const unsigned char pk[crypto_sign_PUBLICKEYBYTES],
		 struct audit_report *report, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	struct row r;
	char prev[65] = GENESIS_HASH, hash[65];
	int64_t expect = 1;
	int rc = 0, verdict = 0;

	memset(report, 0, sizeof *report);
	if (db_begin(db, DB_READ, &tx, e) < 0)
		return -1;
	st = db_prepare(tx, "SELECT seq, at, actor, on_behalf_of, action, object, "
			"before_version, after_version, details, prev_hash, hash "
			"FROM audit ORDER BY seq", e);
	if (!st) {
		db_rollback(tx);
		return -1;
	}
	while (verdict == 0 && (rc = db_step(st, e)) == 1) {
		r.seq = db_col_int(st, 0);
		r.at = db_col_int(st, 1);
		r.actor = db_col_text(st, 2);
		r.on_behalf_of = db_col_text(st, 3);
		r.action = db_col_text(st, 4);
		r.object = db_col_text(st, 5);
		r.before = db_col_null(st, 6) ? AUDIT_NO_VERSION : db_col_int(st, 6);
		r.after = db_col_null(st, 7) ? AUDIT_NO_VERSION : db_col_int(st, 7);
		r.details = db_col_text(st, 8);
		r.prev_hash = db_col_text(st, 9);
		if (!r.actor || !r.action || !r.object || !r.details || !r.prev_hash ||
		    !db_col_text(st, 10)) {
			verdict = broken(report, r.seq, _("entry %lld has an empty field"),
					 (long long)r.seq);
			break;
		}
		if (r.seq != expect) {
			verdict = broken(report, expect, _("entry %lld is missing"),
					 (long long)expect);
			break;
		}
		if (strcmp(r.prev_hash, prev) != 0) {
			verdict = broken(report, r.seq,
					 _("entry %lld does not follow the entry before it "
					   "(deleted or reordered entries)"), (long long)r.seq);
			break;
		}
		if (entry_hash(&r, hash, e) < 0) {
			rc = -1;
			break;
		}
		if (strcmp(hash, db_col_text(st, 10)) != 0) {
			verdict = broken(report, r.seq,
					 _("entry %lld was changed: its hash does not match "
					   "its content"), (long long)r.seq);
			break;
		}
		memcpy(prev, hash, sizeof prev);
		report->entries++;
		expect++;
	}
	db_finalize(st);
	db_rollback(tx);
	if (verdict == 0 && rc < 0)
		return -1;
	if (verdict == 0)
		verdict = verify_head(db, pk, expect - 1, prev, report);
	return verdict;
}
