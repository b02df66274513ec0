/* server/feed.c: pages of the changes feed, read back with the client's own
 * tolerant decoder (model_changes_page_parse), on a real SQLite file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../server/feed.h"
#include "../server/rows.h"
#include "../support/model_samples.h"
#include "../support/srv_fixture.h"
#include "model/changes.h"

#define NOW 1796000000
#define DAY 86400
#define SECRETARY 7     /* secretary of o-cb-1 */
#define ADMIN 8         /* admin of the province */

static int setup(void **state)
{
	return srv_fx_setup(state,
			    SRV_FX_TREE
			    "INSERT INTO accounts (id, name, pw_hash, status, created_at) VALUES "
			    "(7, 'bt1', 'x', 'active', 0), (8, 'qt', 'x', 'active', 0);"
			    "INSERT INTO account_roles VALUES (7, 'secretary', 3), (8, 'admin', 1)",
			    0);
}

/* Write in one transaction: put member id in org, or delete it (org NULL). */
static void member(struct srv_fx *f, const char *id, const char *org, int64_t at)
{
	const struct model_sample *s = model_sample("member");
	struct model_member m;
	struct db_tx *tx;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	if (org) {
		assert_int_equal(model_member_parse(s->json, strlen(s->json), JSON_STRICT, &m,
						    NULL), 0);
		free(m.id);
		free(m.card_number);
		free(m.org);
		m.id = strdup(id);
		m.card_number = strdup(id);     /* unique, as the id */
		m.org = strdup(org);
		assert_int_equal(rows_put_member(tx, &m, at, NULL, NULL), 0);
		model_member_free(&m);
	} else {
		assert_int_equal(rows_delete(tx, ENTITY_MEMBER, id, at, NULL), 0);
	}
	assert_int_equal(db_commit(tx, NULL), 0);
}

/* Put the sample case of the sample member m-1 with these sending and
 * receiving organisations. */
static void put_case(struct srv_fx *f, const char *sending, const char *receiving)
{
	const struct model_sample *s = model_sample("case");
	struct model_case c;
	struct db_tx *tx;

	assert_int_equal(model_case_parse(s->json, strlen(s->json), JSON_STRICT, &c, NULL), 0);
	free(c.orgs[0].org);
	c.orgs[0].org = strdup(sending);
	free(c.orgs[1].org);
	c.orgs[1].org = strdup(receiving);
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(rows_put_case(tx, &c, 0, NOW, NULL), 0);
	assert_int_equal(db_commit(tx, NULL), 0);
	model_case_free(&c);
}

/* One page, decoded as the client decodes it. */
static int page(struct srv_fx *f, int64_t account, const char *since, int limit,
		struct model_changes_page *p, struct tthc_err *e)
{
	struct buf b = BUF_INIT;
	int rc = feed_page(f->db, account, since, limit, &b, e);

	memset(p, 0, sizeof *p);
	if (rc == 0)
		assert_int_equal(model_changes_page_parse(b.data, b.len, JSON_TOLERANT, p, NULL), 0);
	buf_free(&b);
	return rc;
}

/* Every page from since on: "id:version:w|t ..." into out, the last cursor
 * into next. */
static void pull(struct srv_fx *f, int64_t account, const char *since, int limit, char *out,
		 size_t size, char next[64])
{
	struct model_changes_page p;
	size_t len = 0, i;
	char cursor[64];
	bool more;

	snprintf(cursor, sizeof cursor, "%s", since);
	out[0] = '\0';
	do {
		assert_int_equal(page(f, account, cursor, limit, &p, NULL), 0);
		assert_true(p.n_changes <= (size_t)limit);
		for (i = 0; i < p.n_changes; i++)
			len += (size_t)snprintf(out + len, size - len, "%s%s:%lld:%c",
						len ? " " : "", p.changes[i].id,
						(long long)p.changes[i].version,
						p.changes[i].tombstone ? 't' : 'w');
		snprintf(cursor, sizeof cursor, "%s", p.next);
		more = p.more;
		model_changes_page_free(&p);
	} while (more);
	snprintf(next, 64, "%s", cursor);
}

static void a_full_sync_pages_through_every_visible_row_once(void **state)
{
	struct srv_fx *f = *state;
	struct model_changes_page p;
	char got[512], next[64];

	member(f, "m1", "o-cb-1", NOW);
	member(f, "m2", "o-cb-1", NOW);
	member(f, "m3", "o-cb-2", NOW);
	member(f, "m1", "o-cb-1", NOW);        /* version 2, now the newest */
	assert_int_equal(page(f, ADMIN, "", 2, &p, NULL), 0);
	assert_int_equal(p.n_changes, 2);
	assert_true(p.more);
	assert_int_equal(p.next[0], 'f');
	assert_string_equal(p.changes[0].org_after, "o-cb-1");
	assert_non_null(p.changes[0].row);
	model_changes_page_free(&p);
	pull(f, ADMIN, "", 2, got, sizeof got, next);
	assert_string_equal(got, "m2:1:w m3:1:w m1:2:w");
	assert_int_equal(next[0], 'i');
	pull(f, ADMIN, next, 2, got, sizeof got, next);
	assert_string_equal(got, "");
}

static void a_secretary_sees_only_her_branch(void **state)
{
	struct srv_fx *f = *state;
	char got[512], next[64];

	member(f, "m1", "o-cb-1", NOW);
	member(f, "m3", "o-cb-2", NOW);
	pull(f, SECRETARY, "", 10, got, sizeof got, next);
	assert_string_equal(got, "m1:1:w");
}

static void a_move_is_a_tombstone_for_the_old_scope_and_whole_for_the_new(void **state)
{
	struct srv_fx *f = *state;
	char got[512], s_next[64], a_next[64];
	struct model_changes_page p;

	member(f, "m1", "o-cb-1", NOW);
	member(f, "m3", "o-cb-2", NOW);
	pull(f, SECRETARY, "", 10, got, sizeof got, s_next);
	pull(f, ADMIN, "", 10, got, sizeof got, a_next);
	member(f, "m1", "o-cb-2", NOW);        /* leaves her branch */
	member(f, "m3", "o-cb-1", NOW);        /* enters it */
	assert_int_equal(page(f, SECRETARY, s_next, 10, &p, NULL), 0);
	assert_int_equal(p.n_changes, 2);
	assert_string_equal(p.changes[0].id, "m1");
	assert_true(p.changes[0].tombstone);
	assert_null(p.changes[0].row);
	assert_string_equal(p.changes[0].org_before, "o-cb-1");
	assert_string_equal(p.changes[1].id, "m3");
	assert_false(p.changes[1].tombstone);
	assert_non_null(p.changes[1].row);
	model_changes_page_free(&p);
	pull(f, ADMIN, a_next, 10, got, sizeof got, a_next);
	assert_string_equal(got, "m1:2:w m3:2:w");
}

static void deletes_are_tombstones_but_not_in_a_new_full_sync(void **state)
{
	struct srv_fx *f = *state;
	char got[512], next[64], full[64];

	member(f, "m1", "o-cb-1", NOW);
	member(f, "m2", "o-cb-1", NOW);
	pull(f, SECRETARY, "", 10, got, sizeof got, next);
	member(f, "m1", NULL, NOW);
	pull(f, SECRETARY, next, 10, got, sizeof got, next);
	assert_string_equal(got, "m1:2:t");
	pull(f, SECRETARY, "", 10, got, sizeof got, full);
	assert_string_equal(got, "m2:1:w");
}

/* A row the first pages already sent, then deleted, must not stay behind. */
static void a_row_deleted_during_a_full_sync_arrives_as_a_tombstone(void **state)
{
	struct srv_fx *f = *state;
	struct model_changes_page p;
	char got[512], next[64];

	member(f, "m1", "o-cb-1", NOW);
	member(f, "m2", "o-cb-1", NOW);
	assert_int_equal(page(f, SECRETARY, "", 1, &p, NULL), 0);
	assert_string_equal(p.changes[0].id, "m1");
	member(f, "m1", NULL, NOW);
	pull(f, SECRETARY, p.next, 1, got, sizeof got, next);
	assert_string_equal(got, "m2:1:w m1:2:t");
	model_changes_page_free(&p);
}

/* A case is seen by each organisation it relates to, and leaves the scope
 * of one it no longer relates to. */
static void a_case_follows_its_organisations(void **state)
{
	struct srv_fx *f = *state;
	char got[512], next[64];

	member(f, "m-1", "o-cb-2", NOW);
	put_case(f, "o-cb-2", "o-cb-1");
	pull(f, SECRETARY, "", 10, got, sizeof got, next);
	assert_string_equal(got, "c-1:1:w");
	put_case(f, "o-cb-2", "o-cb-2");
	pull(f, SECRETARY, next, 10, got, sizeof got, next);
	assert_string_equal(got, "c-1:2:t");
	put_case(f, "o-cb-1", "o-cb-2");
	pull(f, SECRETARY, next, 10, got, sizeof got, next);
	assert_string_equal(got, "c-1:3:w");
}

static void bad_and_stale_cursors_are_refused(void **state)
{
	struct srv_fx *f = *state;
	static const char *const bad[] = { "x", "i", "i-1", "i01", "i1x", "f1", "f1.2", "f.1",
					   "i1234567890123456789", "1" };
	struct model_changes_page p;
	struct tthc_err e;
	char got[512], next[64];
	struct db_tx *tx;
	size_t i;

	member(f, "m1", "o-cb-1", NOW);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&e, 0, sizeof e);
		assert_int_equal(page(f, SECRETARY, bad[i], 10, &p, &e), -1);
		assert_int_equal(e.code, TTHC_E_INVALID);
		assert_string_equal(e.where, "since");
	}
	assert_int_equal(page(f, SECRETARY, "i99", 10, &p, &e), -1);
	assert_int_equal(e.code, TTHC_E_RESYNC);
	pull(f, SECRETARY, "", 10, got, sizeof got, next);
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(rows_roles_changed(tx, SECRETARY, NULL), 0);
	assert_int_equal(db_commit(tx, NULL), 0);
	assert_int_equal(page(f, SECRETARY, next, 10, &p, &e), -1);
	assert_int_equal(e.code, TTHC_E_RESYNC);
	assert_int_equal(page(f, ADMIN, next, 10, &p, NULL), 0);
	model_changes_page_free(&p);
}

static void prune_expires_old_cursors_and_drops_old_tombstones(void **state)
{
	struct srv_fx *f = *state;
	struct model_changes_page p;
	struct feed_pruned pr;
	struct tthc_err e;
	char got[512], before[64], after[64];
	struct db_tx *tx;

	member(f, "m1", "o-cb-1", NOW - 40 * DAY);
	pull(f, SECRETARY, "", 10, got, sizeof got, before);
	member(f, "m2", "o-cb-1", NOW - 40 * DAY);
	member(f, "m2", NULL, NOW - 35 * DAY);
	pull(f, SECRETARY, before, 10, got, sizeof got, after);
	member(f, "m3", "o-cb-1", NOW - DAY);
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(db_exec(tx, "INSERT INTO idempotency VALUES "
				 "('k-old', 7, 'h', '{}', 1796000000 - 200 * 86400),"
				 "('k-new', 7, 'h', '{}', 1796000000 - 100 * 86400)", NULL), 0);
	assert_int_equal(db_commit(tx, NULL), 0);
	assert_int_equal(feed_prune(f->db, NOW, 30, &pr, NULL), 0);
	assert_int_equal(pr.tombstones, 1);
	assert_int_equal(pr.keys, 1);
	assert_int_equal(page(f, SECRETARY, before, 10, &p, &e), -1);
	assert_int_equal(e.code, TTHC_E_CURSOR_EXPIRED);
	pull(f, SECRETARY, after, 10, got, sizeof got, after);
	assert_string_equal(got, "m3:1:w");
	pull(f, SECRETARY, "", 10, got, sizeof got, after);
	assert_string_equal(got, "m1:1:w m3:1:w");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) SRV_FX_TEST(name, setup)
		T(a_full_sync_pages_through_every_visible_row_once),
		T(a_secretary_sees_only_her_branch),
		T(a_move_is_a_tombstone_for_the_old_scope_and_whole_for_the_new),
		T(deletes_are_tombstones_but_not_in_a_new_full_sync),
		T(a_row_deleted_during_a_full_sync_arrives_as_a_tombstone),
		T(a_case_follows_its_organisations),
		T(bad_and_stale_cursors_are_refused),
		T(prune_expires_old_cursors_and_drops_old_tombstones),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
