/* Resolving the needs-attention list (DESIGN.md section 8: "A conflict can
 * be dropped or re-decided on the new version", `tthc conflicts retry`). */
#include "store/outbox.h"

#include <string.h>

#include "store/internal.h"
#include "util/fault.h"
#include "util/i18n.h"

static int remove_entry(struct store *st, const char *id, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st, "DELETE FROM attention WHERE id = ?1", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	rc = store_step_done(st, s, err);
	sqlite3_finalize(s);
	if (rc == 0 && sqlite3_changes(st->db) == 0)
		rc = tthc_fail(err, TTHC_E_NOT_FOUND, id,
			       _("no such action in the needs-attention list"));
	return rc;
}

int store_attention_drop(struct store *st, const char *id, struct tthc_err *err)
{
	struct store_attention a;

	if (store_begin(st, err) < 0)
		return -1;
	if (store_attention_get(st, id, &a, err) < 0 || remove_entry(st, id, err) < 0 ||
	    store_refresh_markers(st, a.action.case_id, err) < 0) {
		store_attention_free(&a);
		store_rollback(st);
		return -1;
	}
	store_attention_free(&a);
	return store_commit(st, err);
}

/* The old id's answer is fixed on the server (the idempotency key would
 * only bring back the conflict), so the same decision gets a new id.  It is
 * based on the version the server reported, and keeps its old place (seq),
 * ahead of the later actions it held. */
static int requeue(struct store *st, const struct store_attention *a,
		   char new_id[JSON_UUID_SIZE], struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_uuid(new_id, err) < 0)
		return -1;
	if (store_prepare(st, "INSERT INTO outbox(seq, " STORE_ACTION_COLS ")"
			  " SELECT seq, ?2, batch, kind, case_id,"
			  " CASE WHEN server_version > 0 THEN server_version ELSE base_version END,"
			  " payload, on_behalf_of, client_time, ?3, new_state, 0"
			  " FROM attention WHERE id = ?1", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, a->action.id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, new_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, store_now());
	rc = store_step_done(st, s, err);
	sqlite3_finalize(s);
	if (rc == 0)
		FAULT_POINT(STORE_RETRY_AFTER_QUEUE);
	if (rc == 0)
		rc = remove_entry(st, a->action.id, err);
	if (rc == 0)
		rc = store_refresh_markers(st, a->action.case_id, err);
	return rc;
}

int store_attention_retry(struct store *st, const char *id, char new_id[JSON_UUID_SIZE],
			  struct tthc_err *err)
{
	struct store_attention a;
	char fresh[JSON_UUID_SIZE];

	if (store_begin(st, err) < 0)
		return -1;
	if (store_attention_get(st, id, &a, err) < 0 || requeue(st, &a, fresh, err) < 0) {
		store_attention_free(&a);
		store_rollback(st);
		return -1;
	}
	store_attention_free(&a);
	FAULT_POINT(STORE_RETRY_BEFORE_COMMIT);
	if (store_commit(st, err) < 0)
		return -1;
	if (new_id)
		memcpy(new_id, fresh, JSON_UUID_SIZE);
	return 0;
}
