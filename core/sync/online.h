/* The online-only screens' requests (issue 7: a case's history, the
 * accounts, the reports): one authenticated request each, with the cached
 * token, answered as plain C values.  Nothing is cached: offline they fail
 * with TTHC_E_NETWORK and the caller says the screen needs a connection.
 * The errors are sync.h's. */
#ifndef TTHC_SYNC_ONLINE_H
#define TTHC_SYNC_ONLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "net/net.h"
#include "util/err.h"

/* sync.h's; not included, so that a front end's own names for its sync
 * state do not meet sync.h's. */
struct sync_client;

/* A screen's side of the requests below, so that it keeps reading keys
 * while one runs (DESIGN.md section 6): fd (a terminal's stdin; -1 none)
 * is waited on together with the network, and tick() is called each time
 * either wakes, or every 100 ms; false cancels the request at once (its
 * error is then TTHC_E_CANCELLED). */
struct sync_waiter {
	int fd;
	bool (*tick)(void *ctx);
	void *ctx;
};

/* The waiter of c's next requests; NULL: they block until done. */
void sync_client_set_waiter(struct sync_client *c, const struct sync_waiter *w);

/* One request under /api/v1 (path starts with '/'), up to the client's
 * timeout, in one attempt (a person waits on it and can ask again),
 * polled under the client's waiter if it has one, else until done.  The
 * answer's JSON (the caller frees it), or NULL with *err:
 * TTHC_E_UNAUTHENTICATED before any byte is sent when not logged in. */
cJSON *sync_request(struct sync_client *c, enum net_method m, const char *path,
		    const char *body, struct tthc_err *err);

/* GET /cases/ID/history (docs/API.md, Audit). */
struct sync_history_entry {
	int64_t at;                     /* the server's time */
	char *actor;
	char *on_behalf_of;             /* NULL: for nobody */
	char *action;
	char *from, *to;                /* NULL when the entry has none */
	int64_t before_version, after_version;  /* -1: none */
};

struct sync_history {
	struct sync_history_entry *e;
	size_t n;
};

int sync_history_decode(const cJSON *j, struct sync_history *out, struct tthc_err *err);
int sync_history_fetch(struct sync_client *c, const char *case_id, struct sync_history *out,
		       struct tthc_err *err);
void sync_history_free(struct sync_history *h);

/* GET /accounts and POST /accounts/NAME/VERB (docs/API.md, Accounts). */
struct sync_account {
	char *name;
	char *status;                   /* pending, active, locked, revoked */
	char *roles;                    /* "secretary@xa1, finance@cb1" */
};

struct sync_accounts {
	struct sync_account *a;
	size_t n;
};

int sync_accounts_decode(const cJSON *j, struct sync_accounts *out, struct tthc_err *err);
int sync_accounts_fetch(struct sync_client *c, struct sync_accounts *out, struct tthc_err *err);
void sync_accounts_free(struct sync_accounts *a);

/* verb: lock, unlock, revoke or reset-password.  *password (may be NULL)
 * gets the new password a reset generated (the caller frees it). */
int sync_account_verb(struct sync_client *c, const char *name, const char *verb,
		      char **password, struct tthc_err *err);

/* A report as a small table: cols headers (msgids, for _()), then rows of
 * cols cells each, row-major. */
struct sync_table {
	const char *const *head;
	size_t cols, rows;
	char **cell;
};

/* GET /reports/fees?org=&period= (PERIOD: 2026, 2026-H2, 2026-Q4, 2026-09)
 * and GET /reports/cases?org= (docs/API.md, Reports). */
int sync_fees_table(const cJSON *j, struct sync_table *out, struct tthc_err *err);
int sync_cases_table(const cJSON *j, struct sync_table *out, struct tthc_err *err);
int sync_report_fetch(struct sync_client *c, const char *org, const char *period,
		      struct sync_table *out, struct tthc_err *err);
void sync_table_free(struct sync_table *t);

#endif
