/* What the files of core/store share; not for callers outside it. */
#ifndef TTHC_STORE_INTERNAL_H
#define TTHC_STORE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store/store.h"

struct store {
	sqlite3 *db;
	char *path;             /* the where of its errors */
};

/* The error for SQLite's rc, in words a person can act on ("the disk is
 * full: nothing was saved"); where is the file.  Returns -1.  Call it before
 * anything else touches the connection: it reads the OS error number. */
int store_sql_fail(struct store *st, int rc, struct tthc_err *err);

int store_exec(struct store *st, const char *sql, struct tthc_err *err);
int store_prepare(struct store *st, const char *sql, sqlite3_stmt **out,
		  struct tthc_err *err);
/* Step a statement that returns no row, then reset it for the next use. */
int store_step_done(struct store *st, sqlite3_stmt *s, struct tthc_err *err);

/* One durable change: BEGIN IMMEDIATE (take the write lock first, so that
 * a second tthc waits on the busy timeout instead of failing half way),
 * COMMIT, or ROLLBACK after a failure. */
int store_begin(struct store *st, struct tthc_err *err);
int store_commit(struct store *st, struct tthc_err *err);
void store_rollback(struct store *st);

/* The column as a new string; *out NULL for SQL NULL.  -1 only when out of
 * memory. */
int store_col_text(sqlite3_stmt *s, int col, char **out, struct tthc_err *err);

int store_migrate(struct store *st, struct tthc_err *err);

/* A first pull in bulk (bulk.c): the indexes on cases other than its key
 * are dropped by its first page and built by its last, which also gives
 * every case its member's name in one pass.  While they are missing a
 * pull is in bulk; an open after a pull that stopped half way ends it. */
int store_bulk_begin(struct store *st, struct tthc_err *err);
int store_bulk_active(struct store *st, bool *active, struct tthc_err *err);
int store_bulk_end(struct store *st, struct tthc_err *err);

/* A random UUID v4, lower-case (model/json.h's JT_UUID). */
int store_uuid(char out[37], struct tthc_err *err);

/* Meta data: key -> text. */
int store_meta_set(struct store *st, const char *key, const char *value,
		   struct tthc_err *err);
int store_meta_get(struct store *st, const char *key, char **value,
		   struct tthc_err *err);

/* Recompute the pending and attention markers (and the state shown) of
 * case_id, or of every case with an action queued or needing attention
 * when case_id is NULL. */
int store_refresh_markers(struct store *st, const char *case_id, struct tthc_err *err);

/* The current time, seconds since the epoch. */
int64_t store_now(void);

#endif

/* Rows of the outbox and of the needs-attention list share these columns
 * (struct store_action in store/outbox.h). */
#define STORE_ACTION_COLS \
	"id, batch, kind, case_id, base_version, payload, on_behalf_of," \
	" client_time, queued_at, new_state, sends"
#define STORE_ACTION_NCOLS 11

struct store_action;

/* Read STORE_ACTION_COLS from column 0 on; a->held is left false. */
int store_read_action(sqlite3_stmt *s, struct store_action *a, struct tthc_err *err);
void store_action_free(struct store_action *a);

/* Insert a at the end of the outbox (a->sends and a->held ignored). */
int store_outbox_insert(struct store *st, const struct store_action *a,
			struct tthc_err *err);
