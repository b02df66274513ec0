/* The audit log: append-only, each entry chained to the one before it by a
 * SHA-256 hash over a canonical serialisation, and the chain head signed with
 * Ed25519 once per transaction (DESIGN.md section 8, "Audit").  The chain
 * finds edited, deleted and reordered entries; the signature finds a cut tail
 * or a chain recomputed by someone without the key. */
#ifndef TTHCD_AUDIT_H
#define TTHCD_AUDIT_H

#include <stdint.h>
#include <sodium.h>

#include "db.h"

#define AUDIT_NO_VERSION (-1)

struct audit_key {
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	int has_secret;
};

struct audit_entry {
	const char *actor;          /* account name, or "cli:USER" for the command line */
	const char *on_behalf_of;   /* NULL unless staff act for a member (QĐ 338) */
	const char *action;         /* "account.add", "session.create", ... */
	const char *object;         /* "account:NAME", "org:CODE" */
	int64_t before_version;     /* AUDIT_NO_VERSION when there is none */
	int64_t after_version;
	const char *details;        /* a JSON object, never a secret; NULL = {} */
};

/* The signing key lives in DIR/audit.key (mode 0600), its public half also
 * in DIR/audit.pub so that it can be recorded elsewhere. */
int audit_key_create(const char *dir, struct tthc_err *e);
int audit_key_load(const char *dir, struct audit_key *out, struct tthc_err *e);

/* Append one entry inside a DB_WRITE transaction, at time `now`; the head is
 * signed once, just before the transaction commits.  key must outlive tx. */
int audit_append(struct db_tx *tx, const struct audit_key *key, int64_t now,
		 const struct audit_entry *entry, struct tthc_err *e);

struct audit_head {
	int64_t seq;
	char hash[65];
	char signature[2 * crypto_sign_BYTES + 1];
	int64_t signed_at;
};

int audit_head_read(struct db *db, struct audit_head *out, struct tthc_err *e);

struct audit_report {
	int64_t entries;            /* entries checked */
	int64_t bad_seq;            /* the first broken entry, 0 when it is the head */
	char reason[256];
};

/* 0: the log is intact; 1: broken (report says where and why); -1: could
 * not read it. */
int audit_verify(struct db *db, const unsigned char pk[crypto_sign_PUBLICKEYBYTES],
		 struct audit_report *report, struct tthc_err *e);

#endif
