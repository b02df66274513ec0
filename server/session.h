/* Sessions: login, token check, logout, own password change.
 *
 * A token is 256 random bits in base64url; only its SHA-256 is stored, so a
 * copy of the database gives no working token.  Failed logins and lockouts
 * are counted in the database, so every server process sees them. */
#ifndef TTHCD_SESSION_H
#define TTHCD_SESSION_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "srv.h"

#define SESSION_TOKEN_LEN 43    /* base64url of 32 bytes, no padding */

struct login {
	char token[SESSION_TOKEN_LEN + 1];
	int64_t expires_at;
	bool must_change_password;
	cJSON *roles;           /* [{"role","org"}]; caller frees */
	char member[65];        /* the member's code when the account is one's; "" */
	int64_t locked_until;   /* on TTHC_E_LOCKED_OUT: when the lockout ends */
};

/* TTHC_E_AUTH for an unknown user or a wrong password alike (an unknown
 * user is checked against a dummy hash, so it takes as long);
 * TTHC_E_LOCKED_OUT after cfg.max_failures failures in a row, for
 * cfg.lockout seconds; TTHC_E_ACCOUNT_{PENDING,LOCKED,REVOKED} for a right
 * password on an account that may not log in. */
int session_login(struct srv *s, const char *username, const char *password,
		  struct login *out, struct tthc_err *e);

struct caller {
	int64_t account_id;
	char name[72];
	char token_hash[65];
	bool must_change_password;
};

/* The account behind a bearer token: TTHC_E_UNAUTHENTICATED when it is
 * unknown, expired, revoked, or its account may no longer log in. */
int session_check(struct srv *s, const char *token, struct caller *out, struct tthc_err *e);

/* Revoke the caller's token. */
int session_logout(struct srv *s, const struct caller *c, struct tthc_err *e);

/* Change one's own password, proving the old one; the other sessions of the
 * account end, this one stays. */
int session_change_password(struct srv *s, const struct caller *c, const char *old_pw,
			    const char *new_pw, struct tthc_err *e);

#endif
