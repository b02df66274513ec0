/* One action as a row: reading and writing struct store_action. */
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/outbox.h"
#include "util/i18n.h"

static void copy_id(char out[JSON_UUID_SIZE], sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	snprintf(out, JSON_UUID_SIZE, "%s", t ? (const char *)t : "");
}

int store_read_action(sqlite3_stmt *s, struct store_action *a, struct tthc_err *err)
{
	memset(a, 0, sizeof *a);
	copy_id(a->id, s, 0);
	copy_id(a->batch, s, 1);
	a->base_version = sqlite3_column_int64(s, 4);
	a->client_time = sqlite3_column_int64(s, 7);
	a->queued_at = sqlite3_column_int64(s, 8);
	a->sends = sqlite3_column_int64(s, 10);
	if (store_col_text(s, 2, &a->kind, err) < 0 ||
	    store_col_text(s, 3, &a->case_id, err) < 0 ||
	    store_col_text(s, 5, &a->payload, err) < 0 ||
	    store_col_text(s, 6, &a->on_behalf_of, err) < 0 ||
	    store_col_text(s, 9, &a->new_state, err) < 0) {
		store_action_free(a);
		return -1;
	}
	return 0;
}

void store_action_free(struct store_action *a)
{
	free(a->kind);
	free(a->case_id);
	free(a->payload);
	free(a->on_behalf_of);
	free(a->new_state);
	memset(a, 0, sizeof *a);
}

int store_outbox_insert(struct store *st, const struct store_action *a,
			struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st, "INSERT INTO outbox(" STORE_ACTION_COLS ")"
			  " VALUES(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 2, a->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, a->batch, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, a->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, a->case_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, a->base_version);
	sqlite3_bind_text(s, 7, a->payload, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, a->on_behalf_of, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 9, a->client_time);
	sqlite3_bind_int64(s, 10, a->queued_at);
	sqlite3_bind_text(s, 11, a->new_state, -1, SQLITE_STATIC);
	rc = store_step_done(st, s, err);
	sqlite3_finalize(s);
	return rc;
}

void store_action_list_free(struct store_action_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		store_action_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}
