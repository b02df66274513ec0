#include "feed.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/vocab.h"
#include "rows.h"
#include "util/i18n.h"

#define DAY 86400
#define KEYS_KEEP_DAYS 180
#define SEQ_DIGITS_MAX 18       /* below 2^63 */

struct cursor {
	bool full;
	int64_t start;          /* full: the sequence when the sync began */
	int64_t seq;            /* everything up to here was sent */
};

static bool read_seq(const char **p, int64_t *out)
{
	const char *s = *p;
	int64_t v = 0;
	int n = 0;

	if (*s == '0' && s[1] >= '0' && s[1] <= '9')
		return false;   /* one spelling per number */
	while (*s >= '0' && *s <= '9' && n < SEQ_DIGITS_MAX) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (n == 0 || (*s >= '0' && *s <= '9'))
		return false;
	*p = s;
	*out = v;
	return true;
}

static int cursor_parse(const char *s, struct cursor *c, struct tthc_err *e)
{
	memset(c, 0, sizeof *c);
	if (!s || !*s) {
		c->full = true;
		c->start = -1;  /* the sequence now, read in the snapshot */
		return 0;
	}
	if (*s == 'i' && (s++, read_seq(&s, &c->seq)) && !*s)
		return 0;
	if (*s == 'f' && (s++, read_seq(&s, &c->start)) && *s++ == '.' &&
	    read_seq(&s, &c->seq) && !*s && c->seq <= c->start) {
		c->full = true;
		return 0;
	}
	return tthc_fail(e, TTHC_E_INVALID, "since", _("not a cursor this server gives"));
}

/* The integer the query gives (0 for no row or NULL); arg NULL: none. */
static int one_int(struct db_tx *tx, const char *sql, const int64_t *arg, int64_t *out,
		   struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, sql, e);
	int rc;

	if (!st)
		return -1;
	if (arg)
		db_bind_int(st, 1, *arg);
	rc = db_step(st, e);
	*out = rc == 1 && !db_col_null(st, 0) ? db_col_int(st, 0) : 0;
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* Where the cursor stands against the horizon, the caller's roles and the
 * sequence now (`now`, also the start of a new full sync).  The sequence is
 * read in the snapshot: it covers exactly the committed changes, because
 * writers are serialised and draw it inside their transaction (a PostgreSQL
 * backend must keep it so: its own SEQUENCE objects are not transactional). */
static int cursor_check(struct db_tx *tx, int64_t account, struct cursor *c, int64_t *now,
			struct tthc_err *e)
{
	int64_t horizon, roles, base;

	if (one_int(tx, "SELECT value FROM sequences WHERE name = 'changes'", NULL, now, e) < 0 ||
	    one_int(tx, "SELECT seq FROM change_horizon", NULL, &horizon, e) < 0 ||
	    one_int(tx, "SELECT roles_seq FROM accounts WHERE id = ?", &account, &roles, e) < 0)
		return -1;
	if (c->start < 0) {
		c->start = *now;
		return 0;
	}
	/* The point up to which the client's copy was made. */
	base = c->full ? c->start : c->seq;
	if (base > *now)
		return tthc_fail(e, TTHC_E_RESYNC, "since",
				 _("the cursor is ahead of this server; sync again from the start"));
	if (base < horizon)
		return tthc_fail(e, TTHC_E_CURSOR_EXPIRED, "since",
				 _("the cursor is older than the changes this server keeps; "
				   "sync again from the start"));
	if (roles > base)
		return tthc_fail(e, TTHC_E_RESYNC, "since",
				 _("your roles changed; sync again from the start"));
	return 0;
}

/* Whether the caller's scope meets side 0 (before) or 1 (after) of c.  The
 * CROSS JOIN keeps SQLite walking the change's few organisations and looking
 * each up in the scope, not probing the change for every organisation of a
 * province-wide scope (100 times slower for the province admin). */
#define SEEN(side) \
	"EXISTS (SELECT 1 FROM change_orgs x CROSS JOIN scope s WHERE x.seq = c.seq " \
	"AND x.side = " side " AND s.id = x.org_id)"

/* The page query: rows whose latest change is after S that the caller sees
 * now, or (after B) saw before; with each row's body from its kind's table. */
static char *page_sql(void)
{
	struct buf b = BUF_INIT;
	const char *table;
	int k;

	buf_puts(&b,
		"WITH RECURSIVE scope(id) AS ("
		"  SELECT org_id FROM account_roles WHERE account_id = ? "
		"  UNION SELECT o.id FROM orgs o JOIN scope ON o.parent_id = scope.id) "
		"SELECT c.seq, c.kind, c.code, c.version, ob.code, oa.code, c.tombstone, "
		SEEN("1") ", CASE c.kind");
	for (k = 0; k < ENTITY_COUNT; k++)
		if ((table = rows_table((enum entity_kind)k)))
			buf_printf(&b, " WHEN '%s' THEN (SELECT body FROM %s WHERE id = c.row_id)",
				   vocab_name(&vocab_entity_kinds, k), table);
	buf_puts(&b,
		" END FROM changes c "
		"LEFT JOIN orgs ob ON ob.id = c.org_before "
		"LEFT JOIN orgs oa ON oa.id = c.org_after "
		"WHERE c.seq > ? AND (" SEEN("1") " OR (c.seq > ? AND " SEEN("0") ")) "
		"ORDER BY c.seq LIMIT ?");
	return buf_detach(&b);
}

/* Strings from our own tables are ids, but a stray quote must never break
 * the document. */
static void put_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		if ((unsigned char)*s < 0x20)
			buf_printf(b, "\\u%04x", (unsigned char)*s);
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void put_change(struct buf *b, struct db_stmt *st)
{
	bool whole = db_col_int(st, 7) == 1 && !db_col_null(st, 8);

	buf_puts(b, "{\"kind\":");
	put_str(b, db_col_text(st, 1));
	buf_puts(b, ",\"id\":");
	put_str(b, db_col_text(st, 2));
	buf_printf(b, ",\"version\":%" PRId64, db_col_int(st, 3));
	if (!db_col_null(st, 4)) {
		buf_puts(b, ",\"org_before\":");
		put_str(b, db_col_text(st, 4));
	}
	if (!db_col_null(st, 5)) {
		buf_puts(b, ",\"org_after\":");
		put_str(b, db_col_text(st, 5));
	}
	/* Deleted, or out of the caller's scope now: a tombstone for him. */
	if (whole) {
		buf_puts(b, ",\"tombstone\":false,\"row\":");
		buf_puts(b, db_col_text(st, 8));
		buf_putc(b, '}');
	} else {
		buf_puts(b, ",\"tombstone\":true}");
	}
}

static void put_next(struct buf *b, const struct cursor *c, int64_t last, bool more,
		     int64_t now)
{
	/* A finished page has seen the whole sequence up to now. */
	int64_t upto = more ? last : now;

	if (c->full && upto < c->start)
		buf_printf(b, "],\"next\":\"f%" PRId64 ".%" PRId64 "\"", c->start, upto);
	else
		buf_printf(b, "],\"next\":\"i%" PRId64 "\"", upto);
	buf_printf(b, ",\"more\":%s}", more ? "true" : "false");
}

int feed_page(struct db *db, int64_t account_id, const char *since, int limit,
	      struct buf *out, struct tthc_err *e)
{
	struct cursor c;
	struct db_tx *tx;
	struct db_stmt *st = NULL;
	char *sql = NULL;
	int64_t now, last = 0;
	int n = 0, rc = -1;

	if (cursor_parse(since, &c, e) < 0 || db_begin(db, DB_READ, &tx, e) < 0)
		return -1;
	if (cursor_check(tx, account_id, &c, &now, e) < 0)
		goto out;
	if (!(sql = page_sql())) {
		tthc_fail(e, TTHC_E_NOMEM, "changes", _("out of memory"));
		goto out;
	}
	if (!(st = db_prepare(tx, sql, e)))
		goto out;
	db_bind_int(st, 1, account_id);
	db_bind_int(st, 2, c.seq);
	/* Tombstones only for what the client may hold: after its cursor,
	 * or, in a full sync, for rows changed since the sync began. */
	db_bind_int(st, 3, c.full ? c.start : c.seq);
	db_bind_int(st, 4, (int64_t)limit + 1);
	buf_puts(out, "{\"changes\":[");
	while ((rc = db_step(st, e)) == 1 && n < limit) {
		if (n++)
			buf_putc(out, ',');
		put_change(out, st);
		last = db_col_int(st, 0);
	}
	if (rc < 0)
		goto out;
	put_next(out, &c, last, rc == 1, now);
	rc = buf_failed(out) ? tthc_fail(e, TTHC_E_NOMEM, "changes", _("out of memory")) : 0;
out:
	db_finalize(st);
	db_rollback(tx);
	free(sql);
	return rc < 0 ? -1 : 0;
}

/* Run sql, which binds one integer and returns no rows. */
static int exec_int(struct db_tx *tx, const char *sql, int64_t arg, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, sql, e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, arg);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

int feed_prune(struct db *db, int64_t now, int keep_days, struct feed_pruned *out,
	       struct tthc_err *e)
{
	int64_t cutoff = now - (int64_t)keep_days * DAY, old, keys_cutoff;
	struct db_tx *tx;

	keys_cutoff = now - (int64_t)(keep_days > KEYS_KEEP_DAYS ? keep_days : KEYS_KEEP_DAYS) * DAY;
	memset(out, 0, sizeof *out);
	if (db_begin(db, DB_WRITE, &tx, e) < 0)
		return -1;
	/* Changes are appended in time order: the newest one before the
	 * cutoff is the new horizon. */
	if (one_int(tx, "SELECT max(seq) FROM changes WHERE at < ?", &cutoff, &old, e) < 0 ||
	    one_int(tx, "SELECT seq FROM change_horizon", NULL, &out->horizon, e) < 0)
		goto fail;
	if (old > out->horizon)
		out->horizon = old;
	if (one_int(tx, "SELECT count(*) FROM changes WHERE tombstone = 1 AND seq <= ?",
		    &out->horizon, &out->tombstones, e) < 0 ||
	    one_int(tx, "SELECT count(*) FROM idempotency WHERE created_at < ?", &keys_cutoff,
		    &out->keys, e) < 0 ||
	    exec_int(tx, "DELETE FROM change_orgs WHERE seq IN (SELECT seq FROM changes "
		     "WHERE tombstone = 1 AND seq <= ?)", out->horizon, e) < 0 ||
	    exec_int(tx, "DELETE FROM changes WHERE tombstone = 1 AND seq <= ?", out->horizon,
		     e) < 0 ||
	    /* Who saw a row before an old change matters only to older cursors. */
	    exec_int(tx, "DELETE FROM change_orgs WHERE side = 0 AND seq <= ?", out->horizon,
		     e) < 0 ||
	    exec_int(tx, "UPDATE change_horizon SET seq = ?", out->horizon, e) < 0 ||
	    exec_int(tx, "DELETE FROM idempotency WHERE created_at < ?", keys_cutoff, e) < 0)
		goto fail;
	return db_commit(tx, e);
fail:
	db_rollback(tx);
	return -1;
}
