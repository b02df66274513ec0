/* Pushing the outbox (DESIGN.md section 3, "Push"; issue 6, core/sync):
 * taking a batch, and applying the server's answer to each action. */
#include "store/outbox.h"

#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "store/rows.h"
#include "util/fault.h"
#include "util/i18n.h"

/* Later actions on a case whose earlier action needs attention are held
 * (DESIGN.md section 8); other cases go on. */
#define NOT_HELD "case_id NOT IN (SELECT case_id FROM attention)"

static int to_model(struct store_action *sa, struct model_action *a, struct tthc_err *err)
{
	memset(a, 0, sizeof *a);
	memcpy(a->id, sa->id, sizeof a->id);
	a->payload = json_parse(sa->payload, strlen(sa->payload), NULL, err);
	if (!a->payload) {
		tthc_err_prefix(err, "payload");
		return -1;
	}
	a->kind = sa->kind;
	a->case_id = sa->case_id;
	a->on_behalf_of = sa->on_behalf_of;
	sa->kind = sa->case_id = sa->on_behalf_of = NULL;
	a->base_version = sa->base_version;
	a->client_time = sa->client_time;
	return 0;
}

static int read_rows(struct store *st, size_t max, struct model_actions_request *out,
		     struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st, "SELECT " STORE_ACTION_COLS " FROM outbox WHERE " NOT_HELD
			  " ORDER BY seq LIMIT ?1", &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)max);
	out->actions = calloc(max ? max : 1, sizeof *out->actions);
	rc = out->actions ? 0 : tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	while (rc == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_action sa;

		rc = store_read_action(s, &sa, err);
		if (rc == 0 && (rc = to_model(&sa, &out->actions[out->n_actions], err)) == 0)
			out->n_actions++;
		store_action_free(&sa);
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = store_sql_fail(st, rc, err);
	sqlite3_finalize(s);
	return rc;
}

/* Counted as sent before any byte leaves: from now on the action may reach
 * the server, so undo is refused and only a replay is allowed. */
static int mark_sent(struct store *st, const struct model_actions_request *out,
		     struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc = 0;

	if (store_prepare(st, "UPDATE outbox SET sends = sends + 1 WHERE id = ?1", &s, err) < 0)
		return -1;
	for (size_t i = 0; i < out->n_actions && rc == 0; i++) {
		sqlite3_bind_text(s, 1, out->actions[i].id, -1, SQLITE_STATIC);
		rc = store_step_done(st, s, err);
	}
	sqlite3_finalize(s);
	return rc;
}

int store_outbox_take(struct store *st, size_t max, struct model_actions_request *out,
		      struct tthc_err *err)
{
	memset(out, 0, sizeof *out);
	if (max > MODEL_ACTIONS_MAX)
		max = MODEL_ACTIONS_MAX;
	if (store_begin(st, err) < 0)
		return -1;
	if (read_rows(st, max, out, err) < 0 || mark_sent(st, out, err) < 0) {
		store_rollback(st);
		model_actions_request_free(out);
		return -1;
	}
	FAULT_POINT(STORE_TAKE_AFTER_MARK);
	if (store_commit(st, err) < 0) {
		model_actions_request_free(out);
		return -1;
	}
	FAULT_POINT(STORE_TAKE_AFTER_COMMIT);
	return 0;
}

int store_outbox_release(struct store *st, const struct model_actions_request *batch,
			 struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc = 0;

	if (store_begin(st, err) < 0)
		return -1;
	if (store_prepare(st, "UPDATE outbox SET sends = sends - 1 WHERE id = ?1 AND sends > 0",
			  &s, err) < 0) {
		store_rollback(st);
		return -1;
	}
	for (size_t i = 0; i < batch->n_actions && rc == 0; i++) {
		sqlite3_bind_text(s, 1, batch->actions[i].id, -1, SQLITE_STATIC);
		rc = store_step_done(st, s, err);
	}
	sqlite3_finalize(s);
	if (rc < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, err);
}

/* The action's case, or 1 when it is not in the outbox (an answer to an
 * action undone or answered before: nothing to do). */
static int queued_case(struct store *st, const char *id, char **case_id,
		       struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*case_id = NULL;
	if (store_prepare(st, "SELECT case_id FROM outbox WHERE id = ?1", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rc = store_col_text(s, 0, case_id, err);
	else if (rc == SQLITE_DONE)
		rc = 1;
	else
		rc = store_sql_fail(st, rc, err);
	sqlite3_finalize(s);
	return rc;
}

static int delete_queued(struct store *st, const char *id, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st, "DELETE FROM outbox WHERE id = ?1", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	rc = store_step_done(st, s, err);
	sqlite3_finalize(s);
	return rc;
}

/* Applied or duplicate: the server's case replaces ours when newer. */
static int settle(struct store *st, struct putter *p, const struct model_action_result *r,
		  struct tthc_err *err)
{
	char *json;
	int rc;

	if (delete_queued(st, r->id, err) < 0)
		return -1;
	FAULT_POINT(STORE_PUSH_AFTER_REMOVE);
	if (!r->case_row)
		return 0;
	json = model_case_to_json(r->case_row);
	if (!json)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	rc = putter_obj(p, ENTITY_CASE, r->case_row->version, NULL, r->case_row, json, err);
	free(json);
	FAULT_POINT(STORE_PUSH_AFTER_CASE);
	return rc;
}

/* Conflict or rejected: to the needs-attention list, with the server's
 * case and reasons, never dropped or merged (DESIGN.md section 3). */
static int hold(struct store *st, const struct model_action_result *r,
		struct tthc_err *err)
{
	char *server_case = r->case_row ? model_case_to_json(r->case_row) : NULL;
	char *error = r->error ? model_api_error_to_json(r->error) : NULL;
	int64_t version = r->case_row ? r->case_row->version : r->has_version ? r->version : 0;
	sqlite3_stmt *s;
	int rc = -1;

	if ((r->case_row && !server_case) || (r->error && !error))
		tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	else if (store_prepare(st, "INSERT INTO attention(seq, " STORE_ACTION_COLS ", status,"
			       " server_version, server_case, error, answered_at)"
			       " SELECT seq, " STORE_ACTION_COLS ", ?2, ?3, ?4, ?5, ?6"
			       " FROM outbox WHERE id = ?1", &s, err) == 0) {
		sqlite3_bind_text(s, 1, r->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, vocab_name(&vocab_result_statuses, r->status), -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, version);
		sqlite3_bind_text(s, 4, server_case, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, error, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 6, store_now());
		rc = store_step_done(st, s, err);
		sqlite3_finalize(s);
	}
	free(server_case);
	free(error);
	if (rc == 0)
		rc = delete_queued(st, r->id, err);
	if (rc == 0)
		FAULT_POINT(STORE_PUSH_AFTER_ATTENTION);
	return rc;
}

static int apply_one(struct store *st, struct putter *p, const struct model_action_result *r,
		     struct store_push_summary *sum, struct tthc_err *err)
{
	char *case_id;
	int rc = queued_case(st, r->id, &case_id, err);

	if (rc != 0) {
		sum->unknown += rc == 1;
		return rc == 1 ? 0 : -1;
	}
	switch (r->status) {
	case RESULT_APPLIED:
	case RESULT_DUPLICATE:
		rc = settle(st, p, r, err);
		sum->applied++;
		break;
	case RESULT_CONFLICT:
	case RESULT_REJECTED:
		rc = hold(st, r, err);
		sum->attention++;
		break;
	default:
		rc = tthc_fail(err, TTHC_E_INVALID, r->id, _("unknown result status"));
	}
	if (rc == 0)
		rc = store_refresh_markers(st, case_id, err);
	free(case_id);
	return rc;
}

int store_apply_results(struct store *st, const struct model_actions_response *resp,
			struct store_push_summary *sum, struct tthc_err *err)
{
	struct store_push_summary local = { 0 };
	struct putter p;
	int rc = 0;

	if (store_begin(st, err) < 0)
		return -1;
	putter_init(&p, st);
	for (size_t i = 0; i < resp->n_results && rc == 0; i++)
		rc = apply_one(st, &p, &resp->results[i], &local, err);
	putter_free(&p);
	if (rc < 0) {
		store_rollback(st);
		return -1;
	}
	FAULT_POINT(STORE_PUSH_BEFORE_COMMIT);
	if (store_commit(st, err) < 0)
		return -1;
	FAULT_POINT(STORE_PUSH_AFTER_COMMIT);
	if (sum)
		*sum = local;
	return 0;
}
