/* core/store: the cases the screens ask for: accent-blind search, filters,
 * Vietnamese order by given name, pages. */
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

/* DESIGN.md section 8's order by name, given here shuffled. */
static const char *const by_name[] = {
	"Nguyên Thị An", "Nguyễn Văn An", "Lê Văn Anh", "Trần Thị Ánh", "Phạm Ân",
	"Hoàng Chi", "Vũ Cúc", "Đặng Thị Dung", "Đỗ Đức",
};
static const int shuffled[] = { 4, 8, 0, 6, 2, 7, 1, 5, 3 };
#define N_NAMES 9

static int setup(void **state)
{
	struct fx_store *c = fx_store_new();
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };
	static const char *const procs[] = { "official-transfer", "fee", "residence-comment" };

	for (int i = 0; i < N_NAMES; i++) {
		int k = shuffled[i];
		char id[16], member[16];
		char *mj, *cj;

		snprintf(id, sizeof id, "c-%d", i);
		snprintf(member, sizeof member, "m-%d", i);
		/* Cases before their members in the page: the names still
		 * reach the cases. */
		cj = fx_case_json(id, member, procs[i % 3], i % 2 ? "accepted" : "submitted", 1);
		mj = fx_member_json(member, by_name[k], i < 5 ? "o-1" : "o-2");
		fx_page_row(&p, "case", id, 1, i < 5 ? "o-1" : "o-2", cj);
		fx_page_row(&p, "member", member, 1, NULL, mj);
		free(cj);
		free(mj);
	}
	assert_int_equal(fx_page_apply(c->st, &p, "k-1", &err), 0);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	fx_store_free(*state);
	return 0;
}

static void query(struct store *st, const struct store_case_query *q, struct store_case_list *l)
{
	struct tthc_err err = { 0 };

	if (store_cases(st, q, l, &err) < 0)
		fail_msg("store_cases: %s: %s", err.where, err.msg);
}

static void cases_sort_by_given_name_in_vietnamese_order(void **state)
{
	struct fx_store *c = *state;
	struct store_case_query q = { .procedure = -1 };
	struct store_case_list l;

	query(c->st, &q, &l);
	assert_int_equal(l.n, N_NAMES);
	for (int i = 0; i < N_NAMES; i++)
		assert_string_equal(l.rows[i].member_name, by_name[i]);
	store_case_list_free(&l);
}

static void search_ignores_marks_and_case(void **state)
{
	struct fx_store *c = *state;
	struct store_case_query q = { .procedure = -1, .search = "nguyen van an" };
	struct store_case_list l;

	query(c->st, &q, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.rows[0].member_name, "Nguyễn Văn An");
	store_case_list_free(&l);
	q.search = "DUC";                        /* đ folds to d */
	query(c->st, &q, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.rows[0].member_name, "Đỗ Đức");
	store_case_list_free(&l);
	q.search = "an";                /* An twice, Anh, Ánh, Ân, Hoàng, Đặng */
	query(c->st, &q, &l);
	assert_int_equal(l.n, 7);
	store_case_list_free(&l);
	q.search = "%";                          /* no LIKE wildcard */
	query(c->st, &q, &l);
	assert_int_equal(l.n, 0);
	store_case_list_free(&l);
}

static void filters_by_procedure_state_and_org(void **state)
{
	struct fx_store *c = *state;
	struct store_case_query q = { .procedure = PROC_FEE };
	struct store_case_list l;
	struct store_new_action a = fx_action("c-0", 1, "returned");
	struct tthc_err err = { 0 };

	query(c->st, &q, &l);
	assert_int_equal(l.n, 3);                /* c-1, c-4, c-7 */
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.rows[i].procedure, PROC_FEE);
	store_case_list_free(&l);
	q = (struct store_case_query){ .procedure = -1, .org = "o-2", .state = "accepted" };
	query(c->st, &q, &l);
	assert_int_equal(l.n, 2);                /* c-5, c-7 */
	store_case_list_free(&l);
	/* The state a pending case shows is its new one. */
	assert_int_equal(store_queue_actions(c->st, &a, 1, NULL, &err), 0);
	q = (struct store_case_query){ .procedure = -1, .state = "returned" };
	query(c->st, &q, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.rows[0].id, "c-0");
	assert_string_equal(l.rows[0].server_state, "submitted");
	assert_int_equal(l.rows[0].pending, 1);
	assert_true(l.rows[0].has_deadline);
	assert_int_equal(l.rows[0].deadline, 1795253400);   /* 2026-11-21T09:30:00Z */
	store_case_list_free(&l);
}

static void limit_and_offset_page_through_the_order(void **state)
{
	struct fx_store *c = *state;
	struct store_case_query q = { .procedure = -1, .limit = 4, .offset = 3 };
	struct store_case_list l;

	query(c->st, &q, &l);
	assert_int_equal(l.n, 4);
	for (int i = 0; i < 4; i++)
		assert_string_equal(l.rows[i].member_name, by_name[3 + i]);
	store_case_list_free(&l);
	q.offset = 8;
	query(c->st, &q, &l);
	assert_int_equal(l.n, 1);
	store_case_list_free(&l);
}

/* List order: c-2 c-6 c-4 c-8 c-0 c-7 c-3 c-5 c-1 (by_name via shuffled). */
static void count_and_ids_follow_the_filters_without_rows(void **state)
{
	static const char *const order[] = { "c-2", "c-6", "c-4", "c-8", "c-0", "c-7", "c-3",
					      "c-5", "c-1" };
	struct fx_store *c = *state;
	struct store_case_query q = { .procedure = -1, .limit = 2, .offset = 1 };
	struct store_strings ids;
	struct tthc_err err = { 0 };
	int64_t n;

	assert_int_equal(store_count_cases(c->st, &q, &n, &err), 0);
	assert_int_equal(n, N_NAMES);           /* limit and offset aside */
	assert_int_equal(store_case_ids(c->st, &q, &ids, &err), 0);
	assert_int_equal(ids.n, 2);
	assert_string_equal(ids.v[0], order[1]);
	assert_string_equal(ids.v[1], order[2]);
	store_strings_free(&ids);
	q = (struct store_case_query){ .procedure = -1, .search = "an" };
	assert_int_equal(store_count_cases(c->st, &q, &n, &err), 0);
	assert_int_equal(n, 7);                 /* An, An, Anh, Ánh, Ân, Hoàng, Đặng */
	q = (struct store_case_query){ .procedure = -1, .state = "accepted" };
	assert_int_equal(store_case_ids(c->st, &q, &ids, &err), 0);
	assert_int_equal(ids.n, 4);
	assert_string_equal(ids.v[0], "c-7");
	assert_string_equal(ids.v[3], "c-1");
	store_strings_free(&ids);
	q = (struct store_case_query){ .procedure = -1, .id = "c-7" };
	assert_int_equal(store_count_cases(c->st, &q, &n, &err), 0);
	assert_int_equal(n, 1);
	q.id = "c-9";
	assert_int_equal(store_count_cases(c->st, &q, &n, &err), 0);
	assert_int_equal(n, 0);
}

static void filter_values_come_in_order_of_their_first_case(void **state)
{
	struct fx_store *c = *state;
	struct store_case_query q = { .procedure = -1 };
	struct store_strings v;
	struct tthc_err err = { 0 };

	assert_int_equal(store_case_values(c->st, &q, STORE_FIELD_STATE, &v, &err), 0);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0], "submitted");       /* c-2 comes first */
	assert_string_equal(v.v[1], "accepted");
	store_strings_free(&v);
	q.state = "accepted";
	assert_int_equal(store_case_values(c->st, &q, STORE_FIELD_ORG, &v, &err), 0);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0], "o-2");             /* c-7 before c-3 */
	assert_string_equal(v.v[1], "o-1");
	store_strings_free(&v);
}

static void bad_search_text_is_an_error(void **state)
{
	struct fx_store *c = *state;
	struct store_case_query q = { .procedure = -1, .search = "ab\xC3" };
	struct store_case_list l;
	struct tthc_err err = { 0 };

	assert_int_equal(store_cases(c->st, &q, &l, &err), -1);
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
	assert_int_equal(l.n, 0);
	q = (struct store_case_query){ .procedure = PROC_COUNT };
	assert_int_equal(store_cases(c->st, &q, &l, &err), -1);
	assert_int_equal(err.code, TTHC_E_INVALID);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(cases_sort_by_given_name_in_vietnamese_order),
		T(search_ignores_marks_and_case),
		T(filters_by_procedure_state_and_org),
		T(limit_and_offset_page_through_the_order),
		T(count_and_ids_follow_the_filters_without_rows),
		T(filter_values_come_in_order_of_their_first_case),
		T(bad_search_text_is_an_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
