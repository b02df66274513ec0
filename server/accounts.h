/* Accounts: the verbs of DESIGN.md section 8 ("Accounts"), shared by the
 * command line and the HTTP API.  Each verb is one write transaction with
 * its audit entry.  An account actor (not the local command line) may only
 * manage accounts whose roles all lie in the subtree of an organisation
 * where it is an admin. */
#ifndef TTHCD_ACCOUNTS_H
#define TTHCD_ACCOUNTS_H

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

#include "srv.h"

struct role_pair {
	const char *role;       /* a wire name from TTHC_ROLES */
	const char *org;        /* an organisation code */
};

#define ACCT_VERBS(X) \
	X(ACTIVATE, "activate") \
	X(LOCK,     "lock") \
	X(UNLOCK,   "unlock") \
	X(REVOKE,   "revoke")

enum acct_verb {
#define X(id, name) ACCT_##id,
	ACCT_VERBS(X)
#undef X
	ACCT_VERB_COUNT
};

/* An account as stored. */
struct acct_row {
	int64_t id, version;
	char status[16];
	char pw_hash[crypto_pwhash_STRBYTES];
	bool must_change_password;
	char member[65];        /* the code of the member it belongs to; "" */
};

/* 1 and *r when an account has this name, 0 when none does, -1 on error. */
int acct_row_read(struct db_tx *tx, const char *name, struct acct_row *r,
		  struct tthc_err *e);

/* The verb with this name, or -1. */
int acct_verb_find(const char *name);

/* A new account: pending unless active, at least one role; member (NULL:
 * none) is the code of the member the account belongs to (DESIGN.md
 * section 8: members may act for themselves), who must lie in the actor's
 * admin subtree. */
struct acct_spec {
	const char *name;
	const struct role_pair *roles;
	size_t n_roles;
	bool active;
	const char *member;
};

int acct_add(struct srv *s, const struct actor *who, const struct acct_spec *a,
	     const char *password, struct tthc_err *e);
int acct_add_tx(struct db_tx *tx, struct srv *s, const struct actor *who,
		const struct acct_spec *a, const char *pw_hash, struct tthc_err *e);

/* activate: pending -> active; lock: pending|active -> locked (its tokens
 * die); unlock: locked -> active, and ends a lockout; revoke: for good, with
 * every token. */
int acct_apply(struct srv *s, const struct actor *who, const char *name, enum acct_verb verb,
	       struct tthc_err *e);

/* A new password that must be changed at the next login; ends every session
 * and any lockout. */
int acct_reset_password(struct srv *s, const struct actor *who, const char *name,
			const char *password, struct tthc_err *e);

int acct_grant(struct srv *s, const struct actor *who, const char *name,
	       const struct role_pair *role, struct tthc_err *e);

/* Tie the account to the member with this code (replacing any earlier
 * one); the member must lie in the actor's admin subtree. */
int acct_link(struct srv *s, const struct actor *who, const char *name, const char *member,
	      struct tthc_err *e);

/* {"accounts":[ACCOUNT...]} of the accounts who may manage (just `name`
 * when not NULL), where ACCOUNT is {"name","status","must_change_password",
 * "locked_until","version","roles":[{"role","org"}]}. */
cJSON *acct_list(struct srv *s, const struct actor *who, const char *name,
		 struct tthc_err *e);

/* 0 when the actor may manage the account: every role of it lies in the
 * actor's admin subtree (an account without roles belongs to the root's
 * admins); else TTHC_E_FORBIDDEN. */
int acct_manageable(struct db_tx *tx, const struct actor *who, int64_t account,
		    struct tthc_err *e);

/* TTHC_E_FORBIDDEN unless the actor is an admin somewhere (or local). */
int acct_require_admin(struct srv *s, const struct actor *who, struct tthc_err *e);

/* Forget the failed logins and any lockout of the name (a login, an
 * unlock, a new password). */
int acct_clear_failures(struct db_tx *tx, const char *name, struct tthc_err *e);

/* The roles of an account as [{"role","org"}]. */
cJSON *acct_roles_json(struct db_tx *tx, int64_t account, struct tthc_err *e);

#endif
