/* Cases for the screens and `tthc cases`: filtered in SQL, searched on the
 * folded name (DESIGN.md section 5: "nguyen van an" finds "Nguyễn Văn An"),
 * sorted by the names-mode collation key stored with each row. */
#include "store/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/vocab.h"
#include "store/rows.h"
#include "text/fold.h"
#include "util/buf.h"
#include "util/i18n.h"

#define CASE_COLS \
	"id, procedure, COALESCE(local_state, state), state, version, member," \
	" member_name, org, deadline, pending, attention"

/* The WHERE clause and its parameters, in order. */
struct filter {
	struct buf sql;
	const char *params[6];
	int n;
};

static void add(struct filter *f, const char *cond, const char *param)
{
	buf_puts(&f->sql, f->n ? " AND " : " WHERE ");
	buf_puts(&f->sql, cond);
	f->params[f->n++] = param;
}

/* head: what to select; tail: what follows the filters, NULL for the
 * list's order and q's page. */
static int build(const struct store_case_query *q, const char *head, const char *tail,
		 char **fold, struct filter *f, struct tthc_err *err)
{
	buf_puts(&f->sql, head);
	if (q->procedure >= 0) {
		if (q->procedure >= PROC_COUNT)
			return tthc_fail(err, TTHC_E_INVALID, "procedure", _("unknown procedure"));
		add(f, "procedure = ?", vocab_name(&vocab_procedures, q->procedure));
	}
	if (q->state)
		add(f, "COALESCE(local_state, state) = ?", q->state);
	if (q->org)
		add(f, "org = ?", q->org);
	if (q->member)
		add(f, "member = ?", q->member);
	if (q->id)
		add(f, "id = ?", q->id);
	if (q->search && *q->search) {
		/* instr, not LIKE: the needle needs no escaping of % and _. */
		*fold = text_fold(q->search, strlen(q->search), NULL, err);
		if (!*fold) {
			tthc_err_prefix(err, "search");
			return -1;
		}
		add(f, "instr(name_fold, ?) > 0", *fold);
	}
	if (tail)
		buf_puts(&f->sql, tail);
	else
		buf_puts(&f->sql, " ORDER BY name_key, id");
	if (!tail && (q->limit || q->offset))
		buf_printf(&f->sql, " LIMIT %lld OFFSET %lld",
			   q->limit ? (long long)q->limit : -1LL, (long long)q->offset);
	return buf_failed(&f->sql) ? tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory")) : 0;
}

static int read_row(sqlite3_stmt *s, struct store_case_row *r, struct tthc_err *err)
{
	const unsigned char *proc = sqlite3_column_text(s, 1);

	memset(r, 0, sizeof *r);
	r->procedure = vocab_find(&vocab_procedures, proc ? (const char *)proc : "");
	r->version = sqlite3_column_int64(s, 4);
	r->has_deadline = sqlite3_column_type(s, 8) != SQLITE_NULL;
	r->deadline = sqlite3_column_int64(s, 8);
	r->pending = sqlite3_column_int64(s, 9);
	r->attention = sqlite3_column_int64(s, 10);
	if (store_col_text(s, 0, &r->id, err) < 0 || store_col_text(s, 2, &r->state, err) < 0 ||
	    store_col_text(s, 3, &r->server_state, err) < 0 ||
	    store_col_text(s, 5, &r->member, err) < 0 ||
	    store_col_text(s, 6, &r->member_name, err) < 0 ||
	    store_col_text(s, 7, &r->org, err) < 0)
		return -1;
	return 0;
}

static void row_free(struct store_case_row *r)
{
	free(r->id);
	free(r->state);
	free(r->server_state);
	free(r->member);
	free(r->member_name);
	free(r->org);
}

static int fetch(struct store *st, sqlite3_stmt *s, struct store_case_list *out,
		 struct tthc_err *err)
{
	size_t cap = 0;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct store_case_row *more = realloc(out->rows, ncap * sizeof *more);

			if (!more)
				return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
			out->rows = more;
			cap = ncap;
		}
		if (read_row(s, &out->rows[out->n], err) < 0) {
			row_free(&out->rows[out->n]);
			return -1;
		}
		out->n++;
	}
	return rc == SQLITE_DONE ? 0 : store_sql_fail(st, rc, err);
}

/* Run the query (see build) and read its rows with each(s, ctx). */
static int run(struct store *st, const struct store_case_query *q, const char *head,
	       const char *tail, int (*each)(struct store *st, sqlite3_stmt *s, void *ctx,
					 struct tthc_err *err),
	       void *ctx, struct tthc_err *err)
{
	struct filter f = { .sql = BUF_INIT };
	char *fold = NULL;
	sqlite3_stmt *s = NULL;
	int rc;

	rc = build(q, head, tail, &fold, &f, err);
	if (rc == 0)
		rc = store_prepare(st, f.sql.data, &s, err);
	for (int i = 0; rc == 0 && i < f.n; i++)
		sqlite3_bind_text(s, i + 1, f.params[i], -1, SQLITE_STATIC);
	if (rc == 0)
		rc = each(st, s, ctx, err);
	sqlite3_finalize(s);
	buf_free(&f.sql);
	free(fold);
	return rc;
}

static int fetch_cases(struct store *st, sqlite3_stmt *s, void *ctx, struct tthc_err *err)
{
	return fetch(st, s, ctx, err);
}

int store_cases(struct store *st, const struct store_case_query *q,
		struct store_case_list *out, struct tthc_err *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = run(st, q, "SELECT " CASE_COLS " FROM cases", NULL, fetch_cases, out, err);
	if (rc < 0)
		store_case_list_free(out);
	return rc;
}

static int fetch_count(struct store *st, sqlite3_stmt *s, void *ctx, struct tthc_err *err)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_ROW)
		return store_sql_fail(st, rc, err);
	*(int64_t *)ctx = sqlite3_column_int64(s, 0);
	return 0;
}

int store_count_cases(struct store *st, const struct store_case_query *q, int64_t *n,
		      struct tthc_err *err)
{
	*n = 0;
	return run(st, q, "SELECT count(*) FROM cases", "", fetch_count, n, err);
}

static int fetch_strings(struct store *st, sqlite3_stmt *s, void *ctx, struct tthc_err *err)
{
	struct store_strings *out = ctx;
	size_t cap = 0;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			char **more = realloc(out->v, ncap * sizeof *more);

			if (!more)
				return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
			out->v = more;
			cap = ncap;
		}
		if (store_col_text(s, 0, &out->v[out->n], err) < 0)
			return -1;
		out->n++;
	}
	return rc == SQLITE_DONE ? 0 : store_sql_fail(st, rc, err);
}

int store_case_ids(struct store *st, const struct store_case_query *q,
		   struct store_strings *out, struct tthc_err *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = run(st, q, "SELECT id FROM cases", NULL, fetch_strings, out, err);
	if (rc < 0)
		store_strings_free(out);
	return rc;
}

int store_case_values(struct store *st, const struct store_case_query *q,
		      enum store_case_field field, struct store_strings *out,
		      struct tthc_err *err)
{
	/* Each row numbered in the list's order; each value at its first. */
	static const char *const head[] = {
		[STORE_FIELD_STATE] = "SELECT v FROM (SELECT COALESCE(local_state, state) AS v,"
			" row_number() OVER (ORDER BY name_key, id) AS r FROM cases",
		[STORE_FIELD_ORG] = "SELECT v FROM (SELECT org AS v,"
			" row_number() OVER (ORDER BY name_key, id) AS r FROM cases",
	};
	int rc;

	memset(out, 0, sizeof *out);
	rc = run(st, q, head[field], ") WHERE v IS NOT NULL GROUP BY v ORDER BY min(r)",
		 fetch_strings, out, err);
	if (rc < 0)
		store_strings_free(out);
	return rc;
}

void store_strings_free(struct store_strings *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void store_case_list_free(struct store_case_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		row_free(&l->rows[i]);
	free(l->rows);
	memset(l, 0, sizeof *l);
}

static int count(struct store *st, const char *sql, int64_t *n, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*n = 0;
	if (store_prepare(st, sql, &s, err) < 0)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sql_fail(st, rc, err);
}

int store_count_pending(struct store *st, int64_t *n, struct tthc_err *err)
{
	return count(st, "SELECT count(*) FROM outbox", n, err);
}

int store_count_attention(struct store *st, int64_t *n, struct tthc_err *err)
{
	return count(st, "SELECT count(*) FROM attention", n, err);
}

char *store_row_json(struct store *st, int kind, const char *id, struct tthc_err *err)
{
	char sql[80];
	char *json = NULL;
	sqlite3_stmt *s;
	int rc;

	if (kind < 0 || kind >= ENTITY_COUNT)
		return tthc_fail(err, TTHC_E_INVALID, NULL, _("unknown kind of row")), NULL;
	snprintf(sql, sizeof sql, "SELECT json FROM %s WHERE id = ?1", store_cache_tables[kind]);
	if (store_prepare(st, sql, &s, err) < 0)
		return NULL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		store_col_text(s, 0, &json, err);
	else if (rc == SQLITE_DONE)
		tthc_fail(err, TTHC_E_NOT_FOUND, id, _("not in the local cache"));
	else
		store_sql_fail(st, rc, err);
	sqlite3_finalize(s);
	return json;
}
