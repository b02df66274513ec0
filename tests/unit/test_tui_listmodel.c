/* tui/logic/listmodel over a real store file: search ignoring accents,
 * filters, tags, the tag prefix and the set an action applies to; paging
 * (only a window of rows in memory, tags kept as ids); and issue 7's
 * "approving 500 cases of a filtered list takes fewer than 30 keystrokes",
 * counted with the keys of the default keymap and run through the same
 * code the index view runs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../support/store_fixture.h"
#include "logic/keymap.h"
#include "logic/listmodel.h"
#include "model/vocab.h"

/* In the list's order (Vietnamese, by given name: An, Anh, Ánh, Dung,
 * Đức, Yến); written to the store backwards. */
static const struct {
	const char *id, *name, *state, *org;
} six[] = {
	{ "c-1", "Nguyễn Văn An", "paid", "o-2" },
	{ "c-2", "Lê Văn Anh", "paid", "o-3" },
	{ "c-3", "Trần Thị Ánh", "due", "o-3" },
	{ "c-4", "Nguyễn Thị Dung", "due", "o-2" },
	{ "c-5", "Đỗ Đức", "paid", "o-2" },
	{ "c-6", "Phạm Thị Yến", "paid", "o-3" },
};
#define N (sizeof six / sizeof six[0])

struct ctx {
	char *dir, *path;
	struct store *st;
	struct fx_page p;
};

static void add_case(struct ctx *c, const char *id, const char *name, const char *state,
		     const char *org)
{
	char member[32], *mj, *cj;

	snprintf(member, sizeof member, "m-%s", id);
	mj = fx_member_json(member, name, org);
	cj = fx_case_json(id, member, "fee", state, 1);
	fx_page_row(&c->p, "member", member, 1, org, mj);
	fx_page_row(&c->p, "case", id, 1, org, cj);
	free(mj);
	free(cj);
}

static void apply(struct ctx *c)
{
	struct tthc_err err = { 0 };

	if (fx_page_apply(c->st, &c->p, "k-1", &err) < 0)
		fail_msg("seed: %s: %s", err.where, err.msg);
}

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof *c);

	c->p.b = (struct buf)BUF_INIT;
	c->dir = fx_tmpdir();
	c->path = fx_path(c->dir, "t.db");
	c->st = fx_open(c->path);
	*state = c;
	return 0;
}

static int setup_six(void **state)
{
	struct ctx *c;

	setup(state);
	c = *state;
	for (size_t i = N; i-- > 0;)
		add_case(c, six[i].id, six[i].name, six[i].state, six[i].org);
	apply(c);
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	store_close(c->st);
	buf_free(&c->p.b);
	free(c->path);
	fx_rmtree(c->dir);
	free(c);
	return 0;
}

static void open_list(struct ctx *c, struct listmodel *lm)
{
	struct tthc_err err = { 0 };

	if (listmodel_init(lm, c->st, PROC_FEE, &err) < 0)
		fail_msg("listmodel_init: %s: %s", err.where, err.msg);
}

static const char *row_id(struct listmodel *lm, size_t v)
{
	struct tthc_err err = { 0 };
	const struct store_case_row *r = listmodel_row(lm, v, &err);

	assert_non_null(r);
	return r->id;
}

static void search_ignores_accents_and_keeps_order(void **state)
{
	struct tthc_err err = { 0 };
	struct listmodel lm;

	open_list(*state, &lm);
	assert_int_equal(lm.n_visible, N);
	assert_int_equal(lm.n, N);
	for (size_t i = 0; i < N; i++)
		assert_string_equal(row_id(&lm, i), six[i].id);
	assert_int_equal(listmodel_search(&lm, "nguyen", &err), 0);
	assert_int_equal(lm.n_visible, 2);
	assert_string_equal(row_id(&lm, 0), "c-1");
	assert_string_equal(row_id(&lm, 1), "c-4");
	/* Decomposed input is normalised: "Đức" typed with a combining acute. */
	assert_int_equal(listmodel_search(&lm, "\xc4\x90u\xcc\x9b\xcc\x81" "c", &err), 0);
	assert_int_equal(lm.n_visible, 1);
	assert_string_equal(row_id(&lm, 0), "c-5");
	assert_int_equal(listmodel_search(&lm, "zzz", &err), 0);
	assert_int_equal(lm.n_visible, 0);
	assert_null(listmodel_current(&lm, &err));
	assert_int_equal(err.code, TTHC_E_OK);  /* the end, not a failure */
	assert_int_equal(lm.n, N);
	listmodel_free(&lm);
}

static void filters_step_through_values_then_off(void **state)
{
	struct tthc_err err = { 0 };
	struct listmodel lm;

	open_list(*state, &lm);
	assert_int_equal(listmodel_act(&lm, ACT_FILTER_STATE, 10, &err), 1);
	assert_string_equal(lm.state, "paid");  /* c-1's, the first */
	assert_int_equal(lm.n_visible, 4);
	assert_int_equal(listmodel_act(&lm, ACT_FILTER_STATE, 10, &err), 1);
	assert_string_equal(lm.state, "due");
	assert_int_equal(lm.n_visible, 2);
	assert_int_equal(listmodel_act(&lm, ACT_FILTER_ORG, 10, &err), 1);
	assert_string_equal(lm.org, "o-2");     /* first seen, in list order */
	assert_int_equal(lm.n_visible, 1);
	assert_string_equal(row_id(&lm, 0), "c-4");
	assert_int_equal(listmodel_act(&lm, ACT_FILTER_STATE, 10, &err), 1);
	assert_null(lm.state);
	assert_int_equal(lm.n_visible, 3);      /* o-2 only */
	assert_int_equal(listmodel_act(&lm, ACT_CLEAR, 10, &err), 1);
	assert_int_equal(lm.n_visible, N);
	listmodel_free(&lm);
}

static void without_prefix_the_set_is_the_current_row(void **state)
{
	struct tthc_err err = { 0 };
	struct listmodel lm;
	struct store_strings set;

	open_list(*state, &lm);
	listmodel_act(&lm, ACT_TAG_MATCHING, 10, &err);
	assert_int_equal(lm.n_tagged, N);
	listmodel_act(&lm, ACT_MOVE_DOWN, 10, &err);
	listmodel_act(&lm, ACT_MOVE_DOWN, 10, &err);
	assert_int_equal(listmodel_targets(&lm, &set, &err), 0);
	assert_int_equal(set.n, 1);
	assert_string_equal(set.v[0], "c-3");
	store_strings_free(&set);
	listmodel_free(&lm);
}

static void prefix_takes_every_tagged_row_once(void **state)
{
	struct tthc_err err = { 0 };
	struct listmodel lm;
	struct store_strings set;

	open_list(*state, &lm);
	listmodel_act(&lm, ACT_TAG_PREFIX, 10, &err);
	assert_false(lm.prefix);                /* nothing tagged: no prefix */
	listmodel_act(&lm, ACT_TAG, 10, &err);  /* c-1, and moves down */
	listmodel_act(&lm, ACT_TAG, 10, &err);  /* c-2 */
	listmodel_act(&lm, ACT_MOVE_UP, 10, &err);
	listmodel_act(&lm, ACT_TAG, 10, &err);  /* c-2 again: untagged */
	assert_int_equal(lm.n_tagged, 1);
	assert_true(listmodel_tagged(&lm, "c-1"));
	assert_false(listmodel_tagged(&lm, "c-2"));
	listmodel_act(&lm, ACT_TAG_INVERT, 10, &err);
	assert_int_equal(lm.n_tagged, N - 1);
	assert_false(listmodel_tagged(&lm, "c-1"));
	listmodel_act(&lm, ACT_TAG_PREFIX, 10, &err);
	assert_true(lm.prefix);
	assert_int_equal(listmodel_targets(&lm, &set, &err), 0);
	assert_int_equal(set.n, N - 1);
	for (size_t i = 0; i < set.n; i++)      /* in list order */
		assert_string_equal(set.v[i], six[i + 1].id);
	store_strings_free(&set);
	assert_false(lm.prefix);                /* for one action only */
	listmodel_act(&lm, ACT_TAG_PREFIX, 10, &err);
	listmodel_act(&lm, ACT_MOVE_DOWN, 10, &err);
	assert_false(lm.prefix);
	listmodel_act(&lm, ACT_UNTAG_ALL, 10, &err);
	assert_int_equal(lm.n_tagged, 0);
	listmodel_free(&lm);
}

static void tags_survive_a_new_search(void **state)
{
	struct tthc_err err = { 0 };
	struct listmodel lm;
	size_t added;

	open_list(*state, &lm);
	assert_int_equal(listmodel_search(&lm, "an", &err), 0);
	assert_int_equal(listmodel_tag_matching(&lm, &added, &err), 0);
	assert_int_equal(added, 3);             /* An, Anh, Ánh */
	assert_int_equal(listmodel_search(&lm, "dung", &err), 0);
	assert_int_equal(listmodel_tag_matching(&lm, &added, &err), 0);
	assert_int_equal(added, 1);
	assert_int_equal(listmodel_search(&lm, "", &err), 0);
	assert_int_equal(listmodel_tag_matching(&lm, &added, &err), 0);
	assert_int_equal(added, 2);             /* only the two untagged */
	assert_int_equal(lm.n_tagged, N);
	listmodel_free(&lm);
}

/* n cases of one name, so that the list's order is the ids' (strcmp):
 * c-0001...; every sixth due, the rest paid. */
static void seed_same_name(struct ctx *c, int n)
{
	for (int i = 0; i < n; i++) {
		char id[16];

		snprintf(id, sizeof id, "c-%04d", i);
		add_case(c, id, "Nguyễn Văn An", i % 6 == 5 ? "due" : "paid", "o-1");
	}
	apply(c);
}

static void only_a_window_of_rows_is_read_and_tags_are_ids(void **state)
{
	struct ctx *c = *state;
	struct tthc_err err = { 0 };
	struct listmodel lm;
	struct store_strings set;
	size_t added;

	seed_same_name(c, 1000);
	open_list(c, &lm);
	assert_int_equal(lm.n_visible, 1000);
	assert_int_equal(lm.win.n, 0);          /* counted, nothing read yet */
	assert_string_equal(row_id(&lm, 0), "c-0000");
	assert_int_equal(lm.win.n, LISTMODEL_WINDOW);
	/* Tagging all 1,000 reads their ids, not their rows. */
	assert_int_equal(listmodel_tag_matching(&lm, &added, &err), 0);
	assert_int_equal(added, 1000);
	assert_int_equal(lm.win.n, LISTMODEL_WINDOW);
	assert_int_equal(lm.win_off, 0);
	/* Scrolling past the window reads the rows there. */
	listmodel_move(&lm, 700, 20);
	assert_string_equal(row_id(&lm, lm.cur), "c-0700");
	assert_true(lm.win_off > 0 && lm.win_off <= 700);
	assert_true(listmodel_tagged(&lm, "c-0700"));
	assert_int_equal(listmodel_tag(&lm, &err), 0);  /* c-0700 off */
	assert_false(listmodel_tagged(&lm, "c-0700"));
	listmodel_move(&lm, -700, 20);
	assert_string_equal(row_id(&lm, lm.cur), "c-0000");
	assert_int_equal(lm.win_off, 0);
	lm.prefix = true;
	assert_int_equal(listmodel_targets(&lm, &set, &err), 0);
	assert_int_equal(set.n, 999);
	assert_string_equal(set.v[699], "c-0699");
	assert_string_equal(set.v[700], "c-0701");
	store_strings_free(&set);
	listmodel_free(&lm);
}

/* 600 cases, 500 of them paid: filter to paid, tag what is shown, the tag
 * prefix, approve, and y at the confirmation. */
static void approving_500_filtered_cases_takes_under_30_keys(void **state)
{
	static const enum action plan[] = {
		ACT_FILTER_STATE, ACT_TAG_MATCHING, ACT_TAG_PREFIX, ACT_APPROVE,
	};
	struct ctx *c = *state;
	struct tthc_err err = { 0 };
	struct listmodel lm;
	struct keymap km;
	struct store_strings set = { 0 };
	int keys = 0;

	seed_same_name(c, 600);
	assert_int_equal(keymap_init(&km, "default", &err), 0);
	open_list(c, &lm);
	for (size_t p = 0; p < sizeof plan / sizeof plan[0]; p++) {
		int key;
		const struct binding *b;

		assert_int_equal(keymap_keys_for(&km, VIEW_INDEX, plan[p], &key, 1) > 0, 1);
		b = keymap_lookup(&km, VIEW_INDEX, key);
		keys++;
		if (b->action == ACT_APPROVE)
			assert_int_equal(listmodel_targets(&lm, &set, &err), 0);
		else
			assert_int_equal(listmodel_act(&lm, b->action, 20, &err), 1);
	}
	keys++;                                 /* y */
	assert_int_equal(set.n, 500);
	for (size_t i = 0; i < set.n; i++)      /* every sixth, c-0005..., is due */
		assert_int_not_equal(atoi(set.v[i] + 2) % 6, 5);
	assert_true(keys < 30);
	store_strings_free(&set);
	listmodel_free(&lm);
	keymap_free(&km);
}

#define SIX(f) cmocka_unit_test_setup_teardown(f, setup_six, teardown)
#define EMPTY(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		SIX(search_ignores_accents_and_keeps_order),
		SIX(filters_step_through_values_then_off),
		SIX(without_prefix_the_set_is_the_current_row),
		SIX(prefix_takes_every_tagged_row_once),
		SIX(tags_survive_a_new_search),
		EMPTY(only_a_window_of_rows_is_read_and_tags_are_ids),
		EMPTY(approving_500_filtered_cases_takes_under_30_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
