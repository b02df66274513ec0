#include "orgtree.h"

#include <stdlib.h>

#include "util/i18n.h"

int orgtree_load(struct db_tx *tx, struct orgtree *out, struct tthc_err *e)
{
	struct db_stmt *st;
	int64_t id;
	int rc;

	out->parent = NULL;
	out->max_id = 0;
	st = db_prepare(tx, "SELECT max(id) FROM orgs", e);
	if (!st)
		return -1;
	rc = db_step(st, e);
	if (rc == 1)
		out->max_id = db_col_int(st, 0);
	db_finalize(st);
	if (rc < 0)
		return -1;
	/* Ids are INTEGER PRIMARY KEYs handed out in order, so an array
	 * indexed by id is both small and the fastest lookup. */
	out->parent = calloc((size_t)out->max_id + 1, sizeof *out->parent);
	if (!out->parent)
		return tthc_fail(e, TTHC_E_NOMEM, "orgs", _("out of memory"));
	st = db_prepare(tx, "SELECT id, parent_id FROM orgs WHERE parent_id IS NOT NULL", e);
	if (!st) {
		orgtree_free(out);
		return -1;
	}
	while ((rc = db_step(st, e)) == 1) {
		id = db_col_int(st, 0);
		if (id > 0 && id <= out->max_id)
			out->parent[id] = db_col_int(st, 1);
	}
	db_finalize(st);
	if (rc < 0)
		orgtree_free(out);
	return rc < 0 ? -1 : 0;
}

void orgtree_free(struct orgtree *t)
{
	free(t->parent);
	t->parent = NULL;
	t->max_id = 0;
}

bool orgtree_within(void *ctx, long ancestor, long org)
{
	const struct orgtree *t = ctx;
	int64_t at = org, steps;

	if (ancestor <= 0 || org <= 0)
		return false;
	/* The bound stops a loop that only a corrupted table could hold. */
	for (steps = 0; at > 0 && at <= t->max_id && steps <= t->max_id; steps++) {
		if (at == ancestor)
			return true;
		at = t->parent[at];
	}
	return false;
}
