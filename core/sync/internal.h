/* What the files of core/sync share; not for callers outside it. */
#ifndef TTHC_SYNC_INTERNAL_H
#define TTHC_SYNC_INTERNAL_H

#include "sync/sync.h"
#include "sync/online.h"

struct sync_client {
	struct net_options opts;
	char *server;           /* base URL, copied */
	char *user;
	char *ca_file, *pin;    /* copied: opts points here */
	struct store *st;
	struct net_conn *conn;  /* made at the first request */
	char *token_path;
	struct sync_token tok;  /* token NULL: not logged in */
	struct sync_waiter waiter;  /* online.h's; tick NULL: sync_request blocks */
};

/* token.c */
int sync_token_read(const char *path, struct sync_token *out, struct tthc_err *err);
int sync_token_write(const char *path, const struct sync_token *t, struct tthc_err *err);
/* Remember server and user as the last login (data_dir/current). */
int sync_current_save(const char *server, const char *user, struct tthc_err *err);

/* client.c: the connection, made once, with the current token. */
struct net_conn *sync_client_conn(struct sync_client *c, struct tthc_err *err);
/* 0 when the cached token is there and not expired, else -1 with
 * TTHC_E_UNAUTHENTICATED: checked before any byte is sent, since such a
 * token would only earn a 401 (DESIGN.md section 8: the client asks for a
 * login and keeps the outbox). */
int sync_client_need_token(const struct sync_client *c, struct tthc_err *err);

/* request.c: ids (cases, accounts, organisations) go into URLs as they
 * are: the server's own alphabet (a-z, 0-9, '-', '_', '.'; tthcd's
 * srv_ident_ok), so nothing needs escaping. */
bool sync_ident_ok(const char *s);

/* answer.c: an unsuccessful answer as an error a person can act on:
 * 401 -> UNAUTHENTICATED, 410 -> CURSOR_EXPIRED or RESYNC, 429 and 5xx ->
 * NETWORK (transient), another status -> the server's own message. */
int sync_answer_error(const struct net_result *r, const char *where, struct tthc_err *err);
/* Parse an answer body strictly enough to trust it and up to its size. */
struct cJSON *sync_answer_json(const struct net_result *r, const char *where,
			       struct tthc_err *err);

#endif
