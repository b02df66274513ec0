/* server/db_sqlite.c: the storage interface on a real SQLite file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <cmocka.h>

#include "../server/db.h"
#include "../support/srv_fixture.h"

static int setup(void **state)
{
	return srv_fx_setup(state, NULL, 0);
}

static int64_t count_orgs(struct db *db)
{
	struct db_tx *tx;
	struct db_stmt *st;
	int64_t n = -1;

	assert_int_equal(db_begin(db, DB_READ, &tx, NULL), 0);
	st = db_prepare(tx, "SELECT count(*) FROM orgs", NULL);
	assert_non_null(st);
	if (db_step(st, NULL) == 1)
		n = db_col_int(st, 0);
	db_finalize(st);
	db_rollback(tx);
	return n;
}

static void insert_org(struct db_tx *tx, const char *code, int expect)
{
	struct db_stmt *st = db_prepare(tx, "INSERT INTO orgs (code, name, type, created_at) "
					"VALUES (?, ?, 'province', 0)", NULL);
	struct tthc_err e = { 0 };

	assert_non_null(st);
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, "Đảng bộ tỉnh");
	assert_int_equal(db_step(st, &e), expect);
	if (expect < 0)
		assert_int_equal(e.code, TTHC_E_CONFLICT);
	db_finalize(st);
}

static void create_applies_every_migration(void **state)
{
	struct srv_fx *f = *state;
	struct tthc_err e;

	assert_int_equal(db_schema_version(f->db), DB_SCHEMA_VERSION);
	assert_int_equal(db_create(f->path, &(struct db *){ NULL }, &e), -1);
	assert_int_equal(e.code, TTHC_E_CONFLICT);
}

static void commit_keeps_and_rollback_drops(void **state)
{
	struct srv_fx *f = *state;
	struct db_tx *tx;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	insert_org(tx, "a", 0);
	db_rollback(tx);
	assert_int_equal(count_orgs(f->db), 0);
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	insert_org(tx, "a", 0);
	assert_int_equal(db_commit(tx, NULL), 0);
	assert_int_equal(count_orgs(f->db), 1);
}

static void unique_violation_is_a_conflict(void **state)
{
	struct srv_fx *f = *state;
	struct db_tx *tx;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	insert_org(tx, "a", 0);
	insert_org(tx, "a", -1);
	db_rollback(tx);
}

static void reopen_sees_committed_data(void **state)
{
	struct srv_fx *f = *state;
	struct db_tx *tx;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	insert_org(tx, "kept", 0);
	assert_int_equal(db_commit(tx, NULL), 0);
	db_close(f->db);
	assert_int_equal(db_open(f->path, &f->db, NULL), 0);
	assert_int_equal(count_orgs(f->db), 1);
}

static void sequences_count_up_without_gaps(void **state)
{
	struct srv_fx *f = *state;
	struct db_tx *tx;
	int64_t v = 0, i;
	struct tthc_err e;

	for (i = 1; i <= 5; i++) {
		assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
		assert_int_equal(db_seq_next(tx, "changes", &v, NULL), 0);
		assert_int_equal(v, i);
		assert_int_equal(db_commit(tx, NULL), 0);
	}
	/* A rolled-back value is given again: no gap in the feed. */
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(db_seq_next(tx, "changes", &v, NULL), 0);
	db_rollback(tx);
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(db_seq_next(tx, "changes", &v, NULL), 0);
	assert_int_equal(v, 6);
	assert_int_equal(db_commit(tx, NULL), 0);
	assert_int_equal(db_begin(f->db, DB_READ, &tx, NULL), 0);
	assert_int_equal(db_seq_next(tx, "changes", &v, &e), -1);
	db_rollback(tx);
}

/* Within one transaction the values after the first skip the upsert
 * (db_sqlite.c); the stored value still follows every one. */
static void sequences_count_up_within_a_transaction_and_stay_stored(void **state)
{
	struct srv_fx *f = *state;
	struct db_tx *tx;
	int64_t v = 0, i;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	for (i = 1; i <= 3; i++) {
		assert_int_equal(db_seq_next(tx, "changes", &v, NULL), 0);
		assert_int_equal(v, i);
		assert_int_equal(srv_fx_int(tx, "SELECT value FROM sequences "
					    "WHERE name = 'changes'"), i);
	}
	assert_int_equal(db_seq_next(tx, "other", &v, NULL), 0);
	assert_int_equal(v, 1);
	assert_int_equal(db_seq_next(tx, "changes", &v, NULL), 0);
	assert_int_equal(v, 4);
	db_rollback(tx);
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(db_seq_next(tx, "changes", &v, NULL), 0);
	assert_int_equal(v, 1);
	assert_int_equal(db_seq_next(tx, "changes", &v, NULL), 0);
	assert_int_equal(v, 2);
	assert_int_equal(db_commit(tx, NULL), 0);
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(db_seq_next(tx, "changes", &v, NULL), 0);
	assert_int_equal(v, 3);
	db_rollback(tx);
}

/* Migration 6 fills the members' flag columns from the bodies stored
 * before it: the database is taken back to version 5 and reopened. */
static void migration_6_takes_member_flags_from_the_body(void **state)
{
	struct srv_fx *f = *state;
	struct db_tx *tx;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(db_exec(tx,
		"ALTER TABLE members DROP COLUMN under_inspection;"
		"ALTER TABLE members DROP COLUMN under_complaint;"
		"DELETE FROM schema_migrations WHERE version = 6;"
		"INSERT INTO orgs (id, code, name, type, created_at) "
		"VALUES (1, 'p', 'P', 'province', 0);"
		"INSERT INTO members (code, org_id, card_number, name, name_fold, category, body, "
		"version, updated_at) VALUES "
		"('a', 1, '1', 'A', 'a', 'salary', '{\"under_complaint\":true}', 1, 0),"
		"('b', 1, '2', 'B', 'b', 'salary', '{\"under_inspection\":true,"
		"\"under_complaint\":false}', 1, 0),"
		"('c', 1, '3', 'C', 'c', 'salary', '{}', 1, 0)", NULL), 0);
	assert_int_equal(db_commit(tx, NULL), 0);
	db_close(f->db);
	assert_int_equal(db_open(f->path, &f->db, NULL), 0);
	assert_int_equal(db_schema_version(f->db), DB_SCHEMA_VERSION);
	assert_int_equal(db_begin(f->db, DB_READ, &tx, NULL), 0);
	/* inspection in the tens, complaint in the units */
#define FLAGS(code) \
	"SELECT 10 * under_inspection + under_complaint FROM members WHERE code = '" code "'"
	assert_int_equal(srv_fx_int(tx, FLAGS("a")), 1);
	assert_int_equal(srv_fx_int(tx, FLAGS("b")), 10);
	assert_int_equal(srv_fx_int(tx, FLAGS("c")), 0);
#undef FLAGS
	db_rollback(tx);
}

static int failing_hook(struct db_tx *tx, void *arg, struct tthc_err *e)
{
	(void)tx;
	++*(int *)arg;
	return tthc_fail(e, TTHC_E_REFUSED, "hook", "no");
}

static void a_failing_commit_hook_rolls_back(void **state)
{
	struct srv_fx *f = *state;
	struct db_tx *tx;
	int calls = 0;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	insert_org(tx, "a", 0);
	assert_int_equal(db_before_commit(tx, failing_hook, &calls, NULL), 0);
	assert_int_equal(db_before_commit(tx, failing_hook, &calls, NULL), 0);
	assert_int_equal(db_commit(tx, NULL), -1);
	assert_int_equal(calls, 1);
	assert_int_equal(count_orgs(f->db), 0);
}

struct writer {
	struct db *db;
	int n;
};

static void *write_many(void *arg)
{
	struct writer *w = arg;
	struct db_tx *tx;
	struct db_stmt *st;
	int i;

	for (i = 0; i < w->n; i++) {
		if (db_begin(w->db, DB_WRITE, &tx, NULL) < 0)
			return NULL;
		/* Read, then write what was read: a lost update would show. */
		st = db_prepare(tx, "INSERT INTO sequences (name, value) VALUES ('n', 1) "
				"ON CONFLICT (name) DO UPDATE SET value = "
				"(SELECT value FROM sequences WHERE name = 'n') + 1", NULL);
		db_step(st, NULL);
		db_finalize(st);
		db_commit(tx, NULL);
	}
	return NULL;
}

static void concurrent_writers_lose_nothing(void **state)
{
	struct srv_fx *f = *state;
	struct writer w = { f->db, 200 };
	pthread_t t[4];
	struct db_tx *tx;
	struct db_stmt *st;
	int i;

	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, write_many, &w);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(db_begin(f->db, DB_READ, &tx, NULL), 0);
	st = db_prepare(tx, "SELECT value FROM sequences WHERE name = 'n'", NULL);
	assert_int_equal(db_step(st, NULL), 1);
	assert_int_equal(db_col_int(st, 0), 800);
	db_finalize(st);
	db_rollback(tx);
}

static void a_reader_keeps_its_snapshot(void **state)
{
	struct srv_fx *f = *state;
	struct db_tx *r, *w;
	struct db_stmt *st;

	assert_int_equal(db_begin(f->db, DB_READ, &r, NULL), 0);
	st = db_prepare(r, "SELECT count(*) FROM orgs", NULL);
	assert_int_equal(db_step(st, NULL), 1);
	assert_int_equal(db_col_int(st, 0), 0);
	db_finalize(st);
	assert_int_equal(db_begin(f->db, DB_WRITE, &w, NULL), 0);
	insert_org(w, "new", 0);
	assert_int_equal(db_commit(w, NULL), 0);
	st = db_prepare(r, "SELECT count(*) FROM orgs", NULL);
	assert_int_equal(db_step(st, NULL), 1);
	assert_int_equal(db_col_int(st, 0), 0);
	db_finalize(st);
	db_rollback(r);
	assert_int_equal(count_orgs(f->db), 1);
}

/* The writer keeps statements prepared (db_sqlite.c's cache): the same SQL
 * run inside a loop over itself must still get a statement of its own. */
static void a_statement_nested_in_itself_runs_on_its_own(void **state)
{
	struct srv_fx *f = *state;
	const char *sql = "SELECT code FROM orgs ORDER BY code";
	struct db_tx *tx;
	struct db_stmt *outer, *inner;
	int n_inner = 0;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	insert_org(tx, "a", 0);
	insert_org(tx, "b", 0);
	insert_org(tx, "c", 0);
	outer = db_prepare(tx, sql, NULL);
	assert_non_null(outer);
	assert_int_equal(db_step(outer, NULL), 1);
	assert_string_equal(db_col_text(outer, 0), "a");
	inner = db_prepare(tx, sql, NULL);
	assert_non_null(inner);
	while (db_step(inner, NULL) == 1)
		n_inner++;
	db_finalize(inner);
	assert_int_equal(n_inner, 3);
	assert_int_equal(db_step(outer, NULL), 1);
	assert_string_equal(db_col_text(outer, 0), "b");
	db_finalize(outer);
	db_rollback(tx);
}

/* A statement handed out again starts from the beginning with no values
 * bound: a value left from its last use must never leak into the next. */
static void a_reused_statement_starts_unbound(void **state)
{
	struct srv_fx *f = *state;
	const char *sql = "INSERT INTO orgs (code, name, type, created_at) VALUES (?, ?, 'province', 0)";
	struct db_tx *tx;
	struct db_stmt *st;
	struct tthc_err e = { 0 };

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	st = db_prepare(tx, sql, NULL);
	db_bind_text(st, 1, "x1");
	db_bind_text(st, 2, "Đảng bộ tỉnh");
	assert_int_equal(db_step(st, NULL), 0);
	db_finalize(st);
	st = db_prepare(tx, sql, NULL);
	db_bind_text(st, 1, "x2");
	assert_int_equal(db_step(st, &e), -1);  /* name is NULL now: NOT NULL fails */
	assert_int_equal(e.code, TTHC_E_DB);
	db_finalize(st);
	db_rollback(tx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SRV_FX_TEST(create_applies_every_migration, setup),
		SRV_FX_TEST(commit_keeps_and_rollback_drops, setup),
		SRV_FX_TEST(unique_violation_is_a_conflict, setup),
		SRV_FX_TEST(reopen_sees_committed_data, setup),
		SRV_FX_TEST(sequences_count_up_without_gaps, setup),
		SRV_FX_TEST(sequences_count_up_within_a_transaction_and_stay_stored, setup),
		SRV_FX_TEST(migration_6_takes_member_flags_from_the_body, setup),
		SRV_FX_TEST(a_failing_commit_hook_rolls_back, setup),
		SRV_FX_TEST(concurrent_writers_lose_nothing, setup),
		SRV_FX_TEST(a_reader_keeps_its_snapshot, setup),
		SRV_FX_TEST(a_statement_nested_in_itself_runs_on_its_own, setup),
		SRV_FX_TEST(a_reused_statement_starts_unbound, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
