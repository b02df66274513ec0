/* Reading the outbox and the needs-attention list (`tthc outbox list`,
 * `tthc conflicts list|show`). */
#include "store/outbox.h"

#include <stdlib.h>
#include <string.h>

#include "model/vocab.h"
#include "store/internal.h"
#include "util/i18n.h"

/* Grow a list by one zeroed item of size sz; NULL when out of memory. */
static void *grow(void **items, size_t *n, size_t sz, struct tthc_err *err)
{
	char *more = realloc(*items, (*n + 1) * sz);

	if (!more)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory")), NULL;
	*items = more;
	memset(more + *n * sz, 0, sz);
	return more + (*n)++ * sz;
}

int store_outbox_list(struct store *st, struct store_action_list *out, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (store_prepare(st, "SELECT " STORE_ACTION_COLS ", case_id IN"
			  " (SELECT case_id FROM attention) FROM outbox ORDER BY seq", &s, err) < 0)
		return -1;
	while (rc == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_action *a = grow((void **)&out->items, &out->n, sizeof *a, err);

		rc = a ? store_read_action(s, a, err) : -1;
		if (rc == 0)
			a->held = sqlite3_column_int(s, STORE_ACTION_NCOLS) != 0;
		else if (a)
			out->n--;
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = store_sql_fail(st, rc, err);
	sqlite3_finalize(s);
	if (rc < 0)
		store_action_list_free(out);
	return rc;
}

static int read_attention(sqlite3_stmt *s, struct store_attention *a, struct tthc_err *err)
{
	const unsigned char *status = sqlite3_column_text(s, STORE_ACTION_NCOLS);

	memset(a, 0, sizeof *a);
	if (store_read_action(s, &a->action, err) < 0)
		return -1;
	a->status = vocab_find(&vocab_result_statuses, status ? (const char *)status : "");
	a->server_version = sqlite3_column_int64(s, STORE_ACTION_NCOLS + 1);
	a->answered_at = sqlite3_column_int64(s, STORE_ACTION_NCOLS + 4);
	if (store_col_text(s, STORE_ACTION_NCOLS + 2, &a->server_case, err) < 0 ||
	    store_col_text(s, STORE_ACTION_NCOLS + 3, &a->error, err) < 0) {
		store_attention_free(a);
		return -1;
	}
	return 0;
}

#define ATTENTION_SELECT \
	"SELECT " STORE_ACTION_COLS ", status, server_version, server_case, error," \
	" answered_at FROM attention"

int store_attention_list(struct store *st, struct store_attention_list *out,
			 struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (store_prepare(st, ATTENTION_SELECT " ORDER BY seq", &s, err) < 0)
		return -1;
	while (rc == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_attention *a = grow((void **)&out->items, &out->n, sizeof *a, err);

		rc = a ? read_attention(s, a, err) : -1;
		if (rc < 0 && a)
			out->n--;
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = store_sql_fail(st, rc, err);
	sqlite3_finalize(s);
	if (rc < 0)
		store_attention_list_free(out);
	return rc;
}

int store_attention_get(struct store *st, const char *id, struct store_attention *out,
			struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if (store_prepare(st, ATTENTION_SELECT " WHERE id = ?1", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rc = read_attention(s, out, err);
	else if (rc == SQLITE_DONE)
		rc = tthc_fail(err, TTHC_E_NOT_FOUND, id,
			       _("no such action in the needs-attention list"));
	else
		rc = store_sql_fail(st, rc, err);
	sqlite3_finalize(s);
	return rc;
}

void store_attention_free(struct store_attention *a)
{
	store_action_free(&a->action);
	free(a->server_case);
	free(a->error);
	memset(a, 0, sizeof *a);
}

void store_attention_list_free(struct store_attention_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		store_attention_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}
