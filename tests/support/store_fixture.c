#include "store_fixture.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "model/vocab.h"

char *fx_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir;

	assert_true(asprintf(&dir, "%s/tthc-store-XXXXXX", base && *base ? base : "/tmp") > 0);
	assert_non_null(mkdtemp(dir));
	return dir;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

void fx_rmtree(char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

char *fx_path(const char *dir, const char *name)
{
	char *p;

	assert_true(asprintf(&p, "%s/%s", dir, name) > 0);
	return p;
}

struct store *fx_open(const char *path)
{
	struct tthc_err err = { 0 };
	struct store *st = store_open_path(path, &err);

	if (!st)
		fail_msg("store_open_path(%s): %s: %s", path, err.where, err.msg);
	return st;
}

char *fx_member_json(const char *id, const char *name, const char *org)
{
	char *j;

	assert_true(asprintf(&j, "{\"id\":\"%s\",\"card_number\":\"28012345\",\"name\":\"%s\","
			     "\"birth_date\":\"1980-05-17\",\"sex\":\"male\",\"org\":\"%s\","
			     "\"joined\":\"2005-03-02\",\"category\":\"salary\",\"base\":8000000,"
			     "\"region\":1}", id, name, org) > 0);
	return j;
}

char *fx_case_json(const char *id, const char *member, const char *procedure,
		   const char *state, int64_t version)
{
	char *j;

	assert_true(asprintf(&j, "{\"id\":\"%s\",\"procedure\":\"%s\",\"state\":\"%s\","
			     "\"version\":%lld,\"member\":\"%s\",\"orgs\":[{\"relation\":"
			     "\"own\",\"org\":\"o-1\"}],\"fields\":{},\"created_at\":"
			     "\"2026-11-20T01:00:00Z\",\"updated_at\":\"2026-11-21T02:30:00Z\","
			     "\"deadlines\":[{\"name\":\"notice\",\"due\":\"2026-11-21T09:30:00Z\"}]}",
			     id, procedure, state, (long long)version, member) > 0);
	return j;
}

static void page_sep(struct fx_page *p)
{
	buf_puts(&p->b, p->n++ ? "," : "{\"changes\":[");
}

void fx_page_row(struct fx_page *p, const char *kind, const char *id, int64_t version,
		 const char *org_after, const char *row_json)
{
	page_sep(p);
	buf_printf(&p->b, "{\"kind\":\"%s\",\"id\":\"%s\",\"version\":%lld,", kind, id,
		   (long long)version);
	if (org_after)
		buf_printf(&p->b, "\"org_after\":\"%s\",", org_after);
	buf_printf(&p->b, "\"tombstone\":false,\"row\":%s}", row_json);
}

void fx_page_tombstone(struct fx_page *p, const char *kind, const char *id, int64_t version)
{
	page_sep(p);
	buf_printf(&p->b, "{\"kind\":\"%s\",\"id\":\"%s\",\"version\":%lld,\"tombstone\":true}",
		   kind, id, (long long)version);
}

int fx_page_apply(struct store *st, struct fx_page *p, const char *next,
		  struct tthc_err *err)
{
	struct model_changes_page page;
	struct json_limits lim = { 64u << 20, 32 };
	cJSON *j;
	int rc;

	if (p->n == 0)
		buf_puts(&p->b, "{\"changes\":[");
	buf_printf(&p->b, "],\"next\":\"%s\",\"more\":%s}", next, p->more ? "true" : "false");
	assert_false(buf_failed(&p->b));
	j = json_parse(p->b.data, p->b.len, &lim, err);
	if (!j)
		fail_msg("page: %s: %s", err->where, err->msg);
	assert_int_equal(model_changes_page_decode(j, JSON_TOLERANT, &page, err), 0);
	cJSON_Delete(j);
	rc = store_apply_page(st, &page, err);
	model_changes_page_free(&page);
	buf_free(&p->b);
	p->n = 0;
	p->more = false;
	return rc;
}

static const char *const names[] = {
	"Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Anh", "Phạm Ân", "Hoàng Chi",
	"Vũ Cúc", "Đặng Thị Dung", "Đỗ Đức",
};

void fx_seed_cases(struct store *st, int n)
{
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };
	char id[32], member[32];

	for (int i = 1; i <= n; i++) {
		char *mj, *cj;

		snprintf(id, sizeof id, "c-%d", i);
		snprintf(member, sizeof member, "m-%d", i);
		mj = fx_member_json(member, names[(i - 1) % 8], "o-1");
		cj = fx_case_json(id, member, "official-transfer", "submitted", 1);
		fx_page_row(&p, "member", member, 1, NULL, mj);
		fx_page_row(&p, "case", id, 1, NULL, cj);
		free(mj);
		free(cj);
	}
	if (fx_page_apply(st, &p, "k-1", &err) < 0)
		fail_msg("seed: %s: %s", err.where, err.msg);
}

struct store_new_action fx_action(const char *case_id, int64_t base, const char *new_state)
{
	struct store_new_action a = {
		.kind = "accept", .case_id = case_id, .base_version = base,
		.client_time = 1795000000, .new_state = new_state,
	};

	return a;
}

struct model_action_result fx_result(const char *id, int status, const char *case_id,
				     int64_t version, const char *state)
{
	struct model_action_result r = { .status = status };
	struct tthc_err err = { 0 };

	snprintf(r.id, sizeof r.id, "%s", id);
	if (case_id) {
		char *j = fx_case_json(case_id, "m-1", "official-transfer", state, version);

		r.case_row = calloc(1, sizeof *r.case_row);
		assert_non_null(r.case_row);
		assert_int_equal(model_case_parse(j, strlen(j), JSON_TOLERANT, r.case_row, &err), 0);
		free(j);
		r.version = version;
		r.has_version = true;
	}
	if (status == RESULT_REJECTED) {
		static const char body[] = "{\"code\":\"refused\",\"message\":\"not allowed\","
					   "\"reasons\":[{\"code\":\"under-inspection\","
					   "\"message\":\"the member is under inspection\"}]}";

		r.error = calloc(1, sizeof *r.error);
		assert_non_null(r.error);
		assert_int_equal(model_api_error_parse(body, strlen(body), JSON_TOLERANT,
						       r.error, &err), 0);
	}
	return r;
}

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	return db;
}

int64_t fx_count(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *s;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

char *fx_text(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *s;
	char *t = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		t = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return t;
}

void fx_check_invariants(const char *path)
{
	char *ok = fx_text(path, "PRAGMA integrity_check");

	assert_non_null(ok);
	assert_string_equal(ok, "ok");
	free(ok);
	assert_int_equal(fx_count(path, "SELECT count(*) FROM cases WHERE pending <>"
				  " (SELECT count(*) FROM outbox o WHERE o.case_id = cases.id)"), 0);
	assert_int_equal(fx_count(path, "SELECT count(*) FROM cases WHERE attention <>"
				  " (SELECT count(*) FROM attention a WHERE a.case_id = cases.id)"), 0);
	assert_int_equal(fx_count(path, "SELECT count(*) FROM cases WHERE local_state IS NOT"
				  " (SELECT new_state FROM outbox o WHERE o.case_id = cases.id"
				  " AND new_state IS NOT NULL ORDER BY seq DESC LIMIT 1)"), 0);
	assert_int_equal(fx_count(path, "SELECT count(*) FROM outbox o JOIN attention a"
				  " ON a.id = o.id"), 0);
}

struct fx_store *fx_store_new(void)
{
	struct fx_store *c = calloc(1, sizeof *c);

	assert_non_null(c);
	c->dir = fx_tmpdir();
	c->path = fx_path(c->dir, "t.db");
	c->st = fx_open(c->path);
	return c;
}

void fx_store_free(struct fx_store *c)
{
	store_close(c->st);
	fx_check_invariants(c->path);
	free(c->path);
	fx_rmtree(c->dir);
	free(c);
}
