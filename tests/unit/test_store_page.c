/* core/store: applying pages of the changes feed, the cursor in the same
 * transaction, tombstones, and the full resync that keeps the outbox. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/vocab.h"
#include "store/query.h"
#include "../support/store_fixture.h"

static int setup(void **state)
{
	struct fx_store *c = fx_store_new();

	*state = c;
	return 0;
}

static int teardown(void **state)
{
	fx_store_free(*state);
	return 0;
}

static char *cursor(struct store *st)
{
	struct store_status s;
	struct tthc_err err = { 0 };
	char *cur;

	assert_int_equal(store_status(st, &s, &err), 0);
	cur = s.cursor ? strdup(s.cursor) : NULL;
	store_status_free(&s);
	return cur;
}

static void put_case(struct store *st, int64_t version, const char *state, const char *next)
{
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };
	char *j = fx_case_json("c-1", "m-1", "official-transfer", state, version);

	fx_page_row(&p, "case", "c-1", version, NULL, j);
	free(j);
	assert_int_equal(fx_page_apply(st, &p, next, &err), 0);
}

static void a_page_caches_its_rows_and_its_cursor(void **state)
{
	struct fx_store *c = *state;
	struct store_status s;
	struct tthc_err err = { 0 };
	char *name;

	assert_null(cursor(c->st));
	fx_seed_cases(c->st, 3);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases"), 3);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM members"), 3);
	name = fx_text(c->path, "SELECT member_name FROM cases WHERE id = 'c-2'");
	assert_string_equal(name, "Trần Thị Ánh");
	free(name);
	assert_int_equal(store_status(c->st, &s, &err), 0);
	assert_string_equal(s.cursor, "k-1");
	assert_true(s.last_sync > 0);
	store_status_free(&s);
}

static void a_newer_version_wins_and_an_older_one_is_ignored(void **state)
{
	struct fx_store *c = *state;
	char *st;

	put_case(c->st, 3, "accepted", "k-1");
	put_case(c->st, 2, "older", "k-2");
	put_case(c->st, 3, "same-version", "k-3");
	st = fx_text(c->path, "SELECT state || ' ' || version FROM cases WHERE id = 'c-1'");
	assert_string_equal(st, "accepted 3");
	free(st);
	put_case(c->st, 4, "approved", "k-4");
	st = fx_text(c->path, "SELECT state || ' ' || version FROM cases WHERE id = 'c-1'");
	assert_string_equal(st, "approved 4");
	free(st);
	/* The cursor moves on even when every row was old news. */
	st = cursor(c->st);
	assert_string_equal(st, "k-4");
	free(st);
}

static void a_tombstone_deletes_unless_the_row_is_newer(void **state)
{
	struct fx_store *c = *state;
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };

	put_case(c->st, 5, "accepted", "k-1");
	fx_page_tombstone(&p, "case", "c-1", 4);
	assert_int_equal(fx_page_apply(c->st, &p, "k-2", &err), 0);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases"), 1);
	fx_page_tombstone(&p, "case", "c-1", 5);
	fx_page_tombstone(&p, "member", "m-unknown", 1);
	assert_int_equal(fx_page_apply(c->st, &p, "k-3", &err), 0);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases"), 0);
	/* A row coming back into scope arrives whole again. */
	put_case(c->st, 5, "accepted", "k-4");
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases"), 1);
}

static void a_bad_row_refuses_the_whole_page_and_keeps_the_cursor(void **state)
{
	struct fx_store *c = *state;
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };
	char *good = fx_case_json("c-7", "m-1", "fee", "open", 1);
	char *cur;

	fx_seed_cases(c->st, 1);
	fx_page_row(&p, "case", "c-7", 1, NULL, good);
	fx_page_row(&p, "case", "c-8", 1, NULL, "{\"id\":\"c-8\",\"procedure\":\"fee\"}");
	free(good);
	assert_int_equal(fx_page_apply(c->st, &p, "k-2", &err), -1);
	assert_int_equal(err.code, TTHC_E_MISSING);
	assert_string_equal(err.where, "changes[1].row.state");
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases WHERE id = 'c-7'"), 0);
	cur = cursor(c->st);
	assert_string_equal(cur, "k-1");
	free(cur);
	/* A row under another id than its change's is refused too. */
	good = fx_case_json("c-7", "m-1", "fee", "open", 1);
	fx_page_row(&p, "case", "c-8", 1, NULL, good);
	free(good);
	assert_int_equal(fx_page_apply(c->st, &p, "k-2", &err), -1);
	assert_string_equal(err.where, "changes[0].row.id");
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases WHERE id IN ('c-7', 'c-8')"), 0);
}

static void every_kind_of_row_is_cached_with_its_json(void **state)
{
	struct fx_store *c = *state;
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };
	char *json;

	fx_page_row(&p, "organisation", "o-1", 1, NULL,
		    "{\"id\":\"o-1\",\"type\":\"province\",\"name\":\"Đảng bộ tỉnh Hà Nam\"}");
	fx_page_row(&p, "account", "a-1", 2, NULL,
		    "{\"id\":\"a-1\",\"username\":\"an\",\"status\":\"active\",\"roles\":"
		    "[{\"role\":\"clerk\",\"org\":\"o-1\"}]}");
	fx_page_row(&p, "fee-period", "f-1", 1, "o-1",
		    "{\"id\":\"f-1\",\"org\":\"o-1\",\"period\":\"2026-11\",\"state\":\"open\"}");
	fx_page_row(&p, "payment", "p-1", 1, "o-1",
		    "{\"id\":\"p-1\",\"member\":\"m-1\",\"period\":\"2026-11\",\"amount\":80000,"
		    "\"method\":\"cash\",\"paid_on\":\"2026-11-20\",\"receipt\":\"new field\"}");
	fx_page_row(&p, "bank-account", "b-1", 1, NULL,
		    "{\"id\":\"b-1\",\"org\":\"o-1\",\"bank\":\"Vietcombank\",\"number\":\"0123\","
		    "\"holder\":\"Đảng ủy\"}");
	assert_int_equal(fx_page_apply(c->st, &p, "k-1", &err), 0);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM orgs WHERE org = 'o-1'"
				  " AND name_fold = 'dang bo tinh ha nam'"), 1);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM accounts WHERE org = 'o-1'"
				  " AND version = 2"), 1);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM fee_periods WHERE period = '2026-11'"), 1);
	assert_int_equal(fx_count(c->path, "SELECT amount FROM payments WHERE org = 'o-1'"), 80000);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM bank_accounts WHERE bank = 'Vietcombank'"), 1);
	/* The JSON as received, unknown fields included, for a later reader. */
	json = store_row_json(c->st, ENTITY_PAYMENT, "p-1", &err);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"receipt\":\"new field\""));
	free(json);
	assert_null(store_row_json(c->st, ENTITY_CASE, "c-404", &err));
	assert_int_equal(err.code, TTHC_E_NOT_FOUND);
}

static void a_renamed_member_renames_his_cases(void **state)
{
	struct fx_store *c = *state;
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };
	char *m = fx_member_json("m-1", "Nguyễn Văn Bình", "o-1");
	char *name;

	fx_seed_cases(c->st, 1);
	fx_page_row(&p, "member", "m-1", 2, NULL, m);
	free(m);
	assert_int_equal(fx_page_apply(c->st, &p, "k-2", &err), 0);
	name = fx_text(c->path, "SELECT member_name || '|' || name_fold FROM cases WHERE id = 'c-1'");
	assert_string_equal(name, "Nguyễn Văn Bình|nguyen van binh");
	free(name);
}

static void a_full_resync_empties_the_cache_and_keeps_the_outbox(void **state)
{
	struct fx_store *c = *state;
	struct store_new_action a = fx_action("c-1", 1, "accepted");
	struct tthc_err err = { 0 };
	char *cur;

	fx_seed_cases(c->st, 3);
	assert_int_equal(store_queue_actions(c->st, &a, 1, NULL, &err), 0);
	assert_int_equal(store_reset_cache(c->st, &err), 0);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases"), 0);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM members"), 0);
	assert_null(cursor(c->st));
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM outbox"), 1);
	/* Pulled again, the case is pending again. */
	fx_seed_cases(c->st, 3);
	assert_int_equal(fx_count(c->path, "SELECT pending FROM cases WHERE id = 'c-1'"), 1);
	cur = fx_text(c->path, "SELECT local_state FROM cases WHERE id = 'c-1'");
	assert_string_equal(cur, "accepted");
	free(cur);
}

#define LATE_INDEXES "SELECT count(*) FROM sqlite_master WHERE type = 'index'" \
	" AND name IN ('cases_sort', 'cases_member', 'cases_org')"

/* A first pull in pages: c-1 first, its member in the last page. */
static void first_page_of_a_first_pull(struct fx_store *c)
{
	struct fx_page p = { .b = BUF_INIT, .more = true };
	struct tthc_err err = { 0 };
	char *j = fx_case_json("c-1", "m-1", "fee", "submitted", 1);

	fx_page_row(&p, "case", "c-1", 1, NULL, j);
	free(j);
	assert_int_equal(fx_page_apply(c->st, &p, "k-1", &err), 0);
}

static void last_page_of_a_first_pull(struct fx_store *c)
{
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };
	char *j = fx_member_json("m-1", "Đỗ Đức", "o-1");

	fx_page_row(&p, "member", "m-1", 1, NULL, j);
	free(j);
	assert_int_equal(fx_page_apply(c->st, &p, "k-2", &err), 0);
}

static void a_first_pull_in_pages_builds_its_indexes_at_the_end(void **state)
{
	struct fx_store *c = *state;
	char *name;

	assert_int_equal(fx_count(c->path, LATE_INDEXES), 3);
	first_page_of_a_first_pull(c);
	assert_int_equal(fx_count(c->path, LATE_INDEXES), 0);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases WHERE member_name IS NULL"), 1);
	last_page_of_a_first_pull(c);
	assert_int_equal(fx_count(c->path, LATE_INDEXES), 3);
	name = fx_text(c->path, "SELECT member_name || '|' || name_fold FROM cases");
	assert_string_equal(name, "Đỗ Đức|do duc");
	free(name);
}

static void a_first_pull_stopped_half_way_is_ended_on_open(void **state)
{
	struct fx_store *c = *state;

	first_page_of_a_first_pull(c);
	store_close(c->st);
	assert_int_equal(fx_count(c->path, LATE_INDEXES), 0);
	c->st = fx_open(c->path);
	assert_int_equal(fx_count(c->path, LATE_INDEXES), 3);
}

static void a_later_pull_in_pages_keeps_the_indexes(void **state)
{
	struct fx_store *c = *state;
	struct fx_page p = { .b = BUF_INIT, .more = true };
	struct tthc_err err = { 0 };
	char *j = fx_case_json("c-9", "m-1", "fee", "submitted", 1);

	fx_seed_cases(c->st, 2);
	fx_page_row(&p, "case", "c-9", 1, NULL, j);
	free(j);
	assert_int_equal(fx_page_apply(c->st, &p, "k-2", &err), 0);
	assert_int_equal(fx_count(c->path, LATE_INDEXES), 3);
	/* Not in bulk: the case takes its member's name at once. */
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM cases WHERE id = 'c-9'"
				  " AND member_name = 'Nguyễn Văn An'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_page_caches_its_rows_and_its_cursor, setup, teardown),
		cmocka_unit_test_setup_teardown(a_newer_version_wins_and_an_older_one_is_ignored, setup, teardown),
		cmocka_unit_test_setup_teardown(a_tombstone_deletes_unless_the_row_is_newer, setup, teardown),
		cmocka_unit_test_setup_teardown(a_bad_row_refuses_the_whole_page_and_keeps_the_cursor, setup, teardown),
		cmocka_unit_test_setup_teardown(every_kind_of_row_is_cached_with_its_json, setup, teardown),
		cmocka_unit_test_setup_teardown(a_renamed_member_renames_his_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(a_full_resync_empties_the_cache_and_keeps_the_outbox, setup, teardown),
		cmocka_unit_test_setup_teardown(a_first_pull_in_pages_builds_its_indexes_at_the_end, setup, teardown),
		cmocka_unit_test_setup_teardown(a_first_pull_stopped_half_way_is_ended_on_open, setup, teardown),
		cmocka_unit_test_setup_teardown(a_later_pull_in_pages_keeps_the_indexes, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
