#include "rows_change.h"

#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "util/i18n.h"

int orgset_add(struct orgset *s, int64_t id, struct tthc_err *e)
{
	size_t i = 0;
	int64_t *grown;

	while (i < s->n && s->ids[i] < id)
		i++;
	if (i < s->n && s->ids[i] == id)
		return 0;
	if (s->n == s->cap) {
		grown = realloc(s->ids, (s->cap * 2 + 4) * sizeof *grown);
		if (!grown)
			return tthc_fail(e, TTHC_E_NOMEM, "orgs", _("out of memory"));
		s->ids = grown;
		s->cap = s->cap * 2 + 4;
	}
	memmove(s->ids + i + 1, s->ids + i, (s->n - i) * sizeof *s->ids);
	s->ids[i] = id;
	s->n++;
	return 0;
}

void orgset_free(struct orgset *s)
{
	free(s->ids);
	memset(s, 0, sizeof *s);
}

/* Run sql with n integer parameters; no rows expected. */
static int run(struct db_tx *tx, const char *sql, const int64_t *v, int n, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, sql, e);
	int i, rc;

	if (!st)
		return -1;
	for (i = 0; i < n; i++)
		db_bind_int(st, i + 1, v[i]);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* The previous change's seq (0: none), its "before" set added to carried;
 * one query for both, as it runs on every put. */
static int previous(struct db_tx *tx, const struct change *c, int64_t *seq,
		    struct orgset *carried, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT c.seq, o.org_id FROM changes c "
					"LEFT JOIN change_orgs o ON o.seq = c.seq AND o.side = 0 "
					"WHERE c.kind = ? AND c.code = ?", e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, vocab_name(&vocab_entity_kinds, (int)c->kind));
	db_bind_text(st, 2, c->code);
	*seq = 0;
	while ((rc = db_step(st, e)) == 1) {
		*seq = db_col_int(st, 0);
		if (!db_col_null(st, 1) && orgset_add(carried, db_col_int(st, 1), e) < 0) {
			rc = -1;
			break;
		}
	}
	db_finalize(st);
	return rc;
}

static int insert_side(struct db_tx *tx, int64_t seq, int side, const struct orgset *s,
		       struct tthc_err *e)
{
	size_t i;

	for (i = 0; s && i < s->n; i++)
		if (run(tx, "INSERT INTO change_orgs (seq, side, org_id) VALUES (?, ?, ?)",
			(int64_t[]){ seq, side, s->ids[i] }, 3, e) < 0)
			return -1;
	return 0;
}

static void bind_org(struct db_stmt *st, int index, int64_t org)
{
	if (org)
		db_bind_int(st, index, org);
	else
		db_bind_null(st, index);
}

int change_append(struct db_tx *tx, const struct change *c, struct tthc_err *e)
{
	struct orgset before = { 0 };
	struct db_stmt *st;
	int64_t old = 0, seq;
	size_t i;
	int rc = -1;

	if (previous(tx, c, &old, &before, e) < 0)
		goto out;
	for (i = 0; c->before && i < c->before->n; i++)
		if (orgset_add(&before, c->before->ids[i], e) < 0)
			goto out;
	if (old && (run(tx, "DELETE FROM change_orgs WHERE seq = ?", &old, 1, e) < 0 ||
		    run(tx, "DELETE FROM changes WHERE seq = ?", &old, 1, e) < 0))
		goto out;
	if (db_seq_next(tx, "changes", &seq, e) < 0)
		goto out;
	st = db_prepare(tx, "INSERT INTO changes (seq, kind, row_id, code, version, org_before, "
			"org_after, tombstone, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		goto out;
	db_bind_int(st, 1, seq);
	db_bind_text(st, 2, vocab_name(&vocab_entity_kinds, (int)c->kind));
	db_bind_int(st, 3, c->row_id);
	db_bind_text(st, 4, c->code);
	db_bind_int(st, 5, c->version);
	bind_org(st, 6, c->home_before);
	bind_org(st, 7, c->home_after);
	db_bind_int(st, 8, c->after == NULL);
	db_bind_int(st, 9, c->at);
	rc = db_step(st, e) < 0 ? -1 : 0;
	db_finalize(st);
	if (rc == 0)
		rc = insert_side(tx, seq, 0, &before, e) < 0 || insert_side(tx, seq, 1, c->after, e) < 0
			? -1 : 0;
out:
	orgset_free(&before);
	return rc;
}

int rows_roles_changed(struct db_tx *tx, int64_t account_id, struct tthc_err *e)
{
	int64_t seq;

	if (db_seq_next(tx, "changes", &seq, e) < 0)
		return -1;
	return run(tx, "UPDATE accounts SET roles_seq = ? WHERE id = ?",
		   (int64_t[]){ seq, account_id }, 2, e);
}
