/* The meta table: server, user, roles, sync cursor and time; and the
 * status that `tthc status` shows. */
#include "store/internal.h"

#include <stdlib.h>
#include <string.h>

#include "store/query.h"
#include "util/i18n.h"

int store_meta_set(struct store *st, const char *key, const char *value,
		   struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	/* Unchanged values are not written: opening a store then needs no
	 * write, and works on a full disk. */
	if (store_prepare(st, "INSERT INTO meta(key, value) VALUES(?1, ?2)"
			  " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
			  " WHERE value IS NOT excluded.value", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	rc = store_step_done(st, s, err);
	sqlite3_finalize(s);
	return rc;
}

int store_meta_get(struct store *st, const char *key, char **value,
		   struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*value = NULL;
	if (store_prepare(st, "SELECT value FROM meta WHERE key = ?1", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rc = store_col_text(s, 0, value, err);
	else if (rc == SQLITE_DONE)
		rc = 0;
	else
		rc = store_sql_fail(st, rc, err);
	sqlite3_finalize(s);
	return rc;
}

int store_set_roles(struct store *st, const char *roles_json, struct tthc_err *err)
{
	return store_meta_set(st, "roles", roles_json, err);
}

int store_status(struct store *st, struct store_status *out, struct tthc_err *err)
{
	char *last = NULL;

	memset(out, 0, sizeof *out);
	if (store_meta_get(st, "server", &out->server, err) < 0 ||
	    store_meta_get(st, "user", &out->user, err) < 0 ||
	    store_meta_get(st, "roles", &out->roles, err) < 0 ||
	    store_meta_get(st, "cursor", &out->cursor, err) < 0 ||
	    store_meta_get(st, "last_sync", &last, err) < 0 ||
	    store_count_pending(st, &out->pending, err) < 0 ||
	    store_count_attention(st, &out->attention, err) < 0) {
		free(last);
		store_status_free(out);
		return -1;
	}
	out->last_sync = last ? strtoll(last, NULL, 10) : 0;
	free(last);
	return 0;
}

void store_status_free(struct store_status *s)
{
	free(s->server);
	free(s->user);
	free(s->roles);
	free(s->cursor);
	memset(s, 0, sizeof *s);
}
