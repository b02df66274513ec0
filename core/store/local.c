/* What a decision taken on the client reads from the cache: the
 * organisation tree (a role covers its organisation's subtree, DESIGN.md
 * section 4) and a case as it will stand once the outbox is pushed. */
#include "store/query.h"

#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "util/i18n.h"

void store_org_tree_free(struct store_org_tree *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->code[i]);
		free(t->parent[i]);
	}
	free(t->code);
	free(t->parent);
	memset(t, 0, sizeof *t);
}

static int grow(struct store_org_tree *t, size_t *cap, struct tthc_err *err)
{
	size_t n = *cap ? *cap * 2 : 64;
	char **c, **p;

	if (t->n < *cap)
		return 0;
	c = realloc(t->code, n * sizeof *c);
	if (c)
		t->code = c;
	p = c ? realloc(t->parent, n * sizeof *p) : NULL;
	if (p)
		t->parent = p;
	if (!c || !p)
		return tthc_fail(err, TTHC_E_NOMEM, "orgs", _("out of memory"));
	*cap = n;
	return 0;
}

int store_org_tree(struct store *st, struct store_org_tree *out, struct tthc_err *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (store_prepare(st, "SELECT id, parent FROM orgs ORDER BY id", &s, err) < 0)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (grow(out, &cap, err) < 0)
			goto fail;
		out->parent[out->n] = NULL;
		if (store_col_text(s, 0, &out->code[out->n], err) < 0)
			goto fail;
		if (store_col_text(s, 1, &out->parent[out->n], err) < 0) {
			free(out->code[out->n]);
			goto fail;
		}
		out->n++;
	}
	if (rc != SQLITE_DONE) {
		store_sql_fail(st, rc, err);
		goto fail;
	}
	sqlite3_finalize(s);
	return 0;
fail:
	sqlite3_finalize(s);
	store_org_tree_free(out);
	return -1;
}

void store_case_local_free(struct store_case_local *c)
{
	free(c->json);
	free(c->state);
	memset(c, 0, sizeof *c);
}

int store_case_local(struct store *st, const char *id, struct store_case_local *out,
		     struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if (store_prepare(st, "SELECT json, COALESCE(local_state, state), version, "
			  "(SELECT count(*) FROM outbox o WHERE o.case_id = c.id) "
			  "FROM cases c WHERE id = ?", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->version = sqlite3_column_int64(s, 2);
		out->pending = sqlite3_column_int64(s, 3);
		if (store_col_text(s, 0, &out->json, err) < 0 ||
		    store_col_text(s, 1, &out->state, err) < 0) {
			store_case_local_free(out);
			rc = -1;
		} else {
			rc = 0;
		}
	} else if (rc == SQLITE_DONE) {
		rc = tthc_fail(err, TTHC_E_NOT_FOUND, id, _("no such case in the local copy"));
	} else {
		rc = store_sql_fail(st, rc, err);
	}
	sqlite3_finalize(s);
	return rc;
}
