/* Queuing actions taken offline (DESIGN.md section 3, "Client outbox": the
 * action is written in the same transaction that marks the local case as
 * pending; a kill at any instant leaves no action or exactly one). */
#include "store/outbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/fault.h"
#include "util/i18n.h"

/* The action as it will travel, read back as strictly as the server will
 * read it (json_parse: UTF-8, NFC, no controls, size; then the schema), so
 * that a bad one is refused now, not after a day offline, and nothing in
 * the outbox can fail to be sent. */
static int check_shape(const struct store_new_action *n, const char *id,
		       struct tthc_err *err)
{
	struct model_action a = {
		.kind = (char *)n->kind, .case_id = (char *)n->case_id,
		.base_version = n->base_version, .payload = (cJSON *)n->payload,
		.on_behalf_of = (char *)n->on_behalf_of, .client_time = n->client_time,
	};
	struct model_action back;
	cJSON *empty = NULL;
	char *text;
	int rc;

	snprintf(a.id, sizeof a.id, "%s", id);
	if (!a.payload)
		a.payload = empty = cJSON_CreateObject();
	text = a.payload ? model_action_to_json(&a) : NULL;
	cJSON_Delete(empty);
	if (!text)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	rc = model_action_parse(text, strlen(text), JSON_STRICT, &back, err);
	if (rc == 0)
		model_action_free(&back);
	free(text);
	return rc;
}

static int queue_one(struct store *st, struct store_new_action *n, const char *batch,
		     int64_t now, struct tthc_err *err)
{
	struct store_action row = {
		.kind = (char *)n->kind, .case_id = (char *)n->case_id,
		.base_version = n->base_version, .on_behalf_of = (char *)n->on_behalf_of,
		.client_time = n->client_time, .queued_at = now,
		.new_state = (char *)n->new_state,
	};
	int rc;

	if (store_uuid(n->id, err) < 0 || check_shape(n, n->id, err) < 0)
		return -1;
	memcpy(row.id, n->id, sizeof row.id);
	snprintf(row.batch, sizeof row.batch, "%s", batch);
	row.payload = n->payload ? json_print(n->payload) : strdup("{}");
	if (!row.payload)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	rc = store_outbox_insert(st, &row, err);
	free(row.payload);
	if (rc < 0)
		return -1;
	FAULT_POINT(STORE_QUEUE_AFTER_INSERT);
	if (store_refresh_markers(st, n->case_id, err) < 0)
		return -1;
	FAULT_POINT(STORE_QUEUE_AFTER_MARK);
	return 0;
}

/* One transaction writing acts under batch b. */
static int queue_in(struct store *st, struct store_new_action *acts, size_t n, const char *b,
		    struct tthc_err *err)
{
	int64_t now = store_now();

	if (n == 0)
		return tthc_fail(err, TTHC_E_USAGE, NULL, _("no action to queue"));
	if (store_begin(st, err) < 0)
		return -1;
	FAULT_POINT(STORE_QUEUE_AFTER_BEGIN);
	for (size_t i = 0; i < n; i++) {
		if (queue_one(st, &acts[i], b, now, err) < 0) {
			char at[32];

			snprintf(at, sizeof at, "actions[%zu]", i);
			tthc_err_prefix(err, at);
			store_rollback(st);
			return -1;
		}
	}
	FAULT_POINT(STORE_QUEUE_BEFORE_COMMIT);
	if (store_commit(st, err) < 0)
		return -1;
	FAULT_POINT(STORE_QUEUE_AFTER_COMMIT);
	return 0;
}

int store_queue_actions(struct store *st, struct store_new_action *acts, size_t n,
			char batch[JSON_UUID_SIZE], struct tthc_err *err)
{
	char b[JSON_UUID_SIZE];

	if (n > 0 && store_uuid(b, err) < 0)
		return -1;
	if (queue_in(st, acts, n, b, err) < 0)
		return -1;
	if (batch)
		memcpy(batch, b, JSON_UUID_SIZE);
	return 0;
}

int store_queue_actions_join(struct store *st, struct store_new_action *acts, size_t n,
			     const char batch[JSON_UUID_SIZE], struct tthc_err *err)
{
	return queue_in(st, acts, n, batch, err);
}

/* Undo is refused once an action was taken for a push: it may have reached
 * the server, and only a replay under the same id keeps it to one effect. */
static int undoable(struct store *st, const char *sql, const char *param,
		    int64_t *count, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;
	int64_t sent = 0;

	*count = 0;
	if (store_prepare(st, sql, &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, param, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*count = sqlite3_column_int64(s, 0);
		sent = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sql_fail(st, rc, err);
	if (*count == 0)
		return tthc_fail(err, TTHC_E_NOT_FOUND, param,
				 _("no such action in the outbox"));
	if (sent > 0)
		return tthc_fail(err, TTHC_E_REFUSED, param,
				 _("this action has been sent to the server already; it can no longer be undone"));
	return 0;
}

struct strings {
	char **v;
	size_t n;
};

static void strings_free(struct strings *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* The first column of every row of s, which is finalized. */
static int collect(struct store *st, sqlite3_stmt *s, struct strings *out,
		   struct tthc_err *err)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char **more = realloc(out->v, (out->n + 1) * sizeof *out->v);

		if (!more) {
			sqlite3_finalize(s);
			return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
		}
		out->v = more;
		if (store_col_text(s, 0, &out->v[out->n], err) < 0) {
			sqlite3_finalize(s);
			return -1;
		}
		out->n++;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_sql_fail(st, rc, err);
}

/* Run sql (one parameter) on param. */
static int run1(struct store *st, const char *sql, const char *param, sqlite3_stmt **keep,
		struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st, sql, &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, param, -1, SQLITE_STATIC);
	if (keep) {
		*keep = s;
		return 0;
	}
	rc = store_step_done(st, s, err);
	sqlite3_finalize(s);
	return rc;
}

/* Delete the rows of the outbox whose col is param and unmark their cases,
 * inside the caller's transaction.  The cases are read first: once the
 * rows are gone nothing says which cases they marked. */
static int delete_and_unmark(struct store *st, const char *col, const char *param,
			     struct tthc_err *err)
{
	char sql[128];
	struct strings cases = { 0 };
	sqlite3_stmt *s;
	int rc;

	snprintf(sql, sizeof sql, "SELECT DISTINCT case_id FROM outbox WHERE %s = ?1", col);
	rc = run1(st, sql, param, &s, err);
	if (rc == 0)
		rc = collect(st, s, &cases, err);
	snprintf(sql, sizeof sql, "DELETE FROM outbox WHERE %s = ?1", col);
	if (rc == 0)
		rc = run1(st, sql, param, NULL, err);
	if (rc == 0)
		FAULT_POINT(STORE_UNDO_AFTER_DELETE);
	for (size_t i = 0; i < cases.n && rc == 0; i++)
		rc = store_refresh_markers(st, cases.v[i], err);
	strings_free(&cases);
	return rc;
}

int store_outbox_undo(struct store *st, const char *id, struct tthc_err *err)
{
	int64_t n;

	if (store_begin(st, err) < 0)
		return -1;
	if (undoable(st, "SELECT count(*), coalesce(sum(sends), 0) FROM outbox WHERE id = ?1",
		     id, &n, err) < 0 ||
	    delete_and_unmark(st, "id", id, err) < 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st, err) < 0)
		return -1;
	FAULT_POINT(STORE_UNDO_AFTER_COMMIT);
	return 0;
}

int store_outbox_undo_last_batch(struct store *st, size_t *n_undone, struct tthc_err *err)
{
	char *batch = NULL;
	int64_t n = 0;
	sqlite3_stmt *s;
	int rc;

	if (store_begin(st, err) < 0)
		return -1;
	rc = store_prepare(st, "SELECT batch FROM outbox ORDER BY seq DESC LIMIT 1", &s, err);
	if (rc == 0) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			rc = store_col_text(s, 0, &batch, err);
		else if (rc == SQLITE_DONE)
			rc = tthc_fail(err, TTHC_E_NOT_FOUND, NULL, _("the outbox is empty"));
		else
			rc = store_sql_fail(st, rc, err);
		sqlite3_finalize(s);
	}
	if (rc == 0)
		rc = undoable(st, "SELECT count(*), coalesce(sum(sends), 0) FROM outbox"
			      " WHERE batch = ?1", batch, &n, err);
	if (rc == 0)
		rc = delete_and_unmark(st, "batch", batch, err);
	free(batch);
	if (rc < 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st, err) < 0)
		return -1;
	FAULT_POINT(STORE_UNDO_AFTER_COMMIT);
	if (n_undone)
		*n_undone = (size_t)n;
	return 0;
}
