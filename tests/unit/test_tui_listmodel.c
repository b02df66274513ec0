/* tui/logic/listmodel: search ignoring accents, filters, tags, the tag
 * prefix and the set an action applies to; and issue 7's "approving 500
 * cases of a filtered list takes fewer than 30 keystrokes", counted with
 * the keys of the default keymap and run through the same code the index
 * view runs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "logic/keymap.h"
#include "logic/listmodel.h"

static const struct list_row rows[] = {
	{ "c-1", "Nguyễn Văn An", "paid", "o-2" },
	{ "c-2", "Trần Thị Ánh", "due", "o-3" },
	{ "c-3", "Lê Văn Anh", "paid", "o-3" },
	{ "c-4", "Đỗ Đức", "paid", "o-2" },
	{ "c-5", NULL, "paid", NULL },
	{ "c-6", "Nguyễn Thị Dung", "due", "o-2" },
};
#define N (sizeof rows / sizeof rows[0])

static void search_ignores_accents_and_keeps_order(void **state)
{
	struct tthc_err err = { 0 };
	struct listmodel lm;

	(void)state;
	assert_int_equal(listmodel_init(&lm, rows, N, &err), 0);
	assert_int_equal(lm.n_visible, N);
	assert_int_equal(listmodel_search(&lm, "nguyen", &err), 0);
	assert_int_equal(lm.n_visible, 2);
	assert_int_equal(lm.visible[0], 0);
	assert_int_equal(lm.visible[1], 5);
	/* Decomposed input is normalised: "Đức" typed with a combining acute. */
	assert_int_equal(listmodel_search(&lm, "\xc4\x90u\xcc\x9b\xcc\x81" "c", &err), 0);
	assert_int_equal(lm.n_visible, 1);
	assert_int_equal(lm.visible[0], 3);
	assert_int_equal(listmodel_search(&lm, "zzz", &err), 0);
	assert_int_equal(lm.n_visible, 0);
	assert_int_equal(listmodel_current(&lm), (size_t)-1);
	listmodel_free(&lm);
}

static void filters_step_through_values_then_off(void **state)
{
	struct tthc_err err = { 0 };
	struct listmodel lm;

	(void)state;
	assert_int_equal(listmodel_init(&lm, rows, N, &err), 0);
	assert_int_equal(listmodel_act(&lm, ACT_FILTER_STATE, 10, &err), 1);
	assert_string_equal(lm.state, "paid");
	assert_int_equal(lm.n_visible, 4);
	assert_int_equal(listmodel_act(&lm, ACT_FILTER_STATE, 10, &err), 1);
	assert_string_equal(lm.state, "due");
	assert_int_equal(lm.n_visible, 2);
	assert_int_equal(listmodel_act(&lm, ACT_FILTER_ORG, 10, &err), 1);
	assert_string_equal(lm.org, "o-2");     /* first seen, in list order */
	assert_int_equal(lm.n_visible, 1);
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
	size_t *set;

	(void)state;
	assert_int_equal(listmodel_init(&lm, rows, N, &err), 0);
	listmodel_act(&lm, ACT_TAG_MATCHING, 10, &err);
	assert_int_equal(lm.n_tagged, N);
	listmodel_act(&lm, ACT_MOVE_DOWN, 10, &err);
	listmodel_act(&lm, ACT_MOVE_DOWN, 10, &err);
	assert_int_equal(listmodel_targets(&lm, &set), 1);
	assert_int_equal(set[0], 2);
	free(set);
	listmodel_free(&lm);
}

static void prefix_takes_every_tagged_row_once(void **state)
{
	struct tthc_err err = { 0 };
	struct listmodel lm;
	size_t *set;

	(void)state;
	assert_int_equal(listmodel_init(&lm, rows, N, &err), 0);
	listmodel_act(&lm, ACT_TAG_PREFIX, 10, &err);
	assert_false(lm.prefix);                /* nothing tagged: no prefix */
	listmodel_act(&lm, ACT_TAG, 10, &err);  /* c-1, and moves down */
	listmodel_act(&lm, ACT_TAG, 10, &err);  /* c-2 */
	listmodel_act(&lm, ACT_MOVE_UP, 10, &err);
	listmodel_act(&lm, ACT_TAG, 10, &err);  /* c-2 again: untagged */
	assert_int_equal(lm.n_tagged, 1);
	listmodel_act(&lm, ACT_TAG_INVERT, 10, &err);
	assert_int_equal(lm.n_tagged, N - 1);
	listmodel_act(&lm, ACT_TAG_PREFIX, 10, &err);
	assert_true(lm.prefix);
	assert_int_equal(listmodel_targets(&lm, &set), N - 1);
	assert_int_equal(set[0], 1);
	assert_int_equal(set[N - 2], N - 1);
	free(set);
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

	(void)state;
	assert_int_equal(listmodel_init(&lm, rows, N, &err), 0);
	assert_int_equal(listmodel_search(&lm, "an", &err), 0);
	assert_int_equal(listmodel_tag_matching(&lm), 3);
	assert_int_equal(listmodel_search(&lm, "dung", &err), 0);
	assert_int_equal(listmodel_tag_matching(&lm), 1);
	assert_int_equal(lm.n_tagged, 4);
	listmodel_free(&lm);
}

/* 600 cases, 500 of them paid: filter to paid, tag what is shown, the tag
 * prefix, approve, and y at the confirmation. */
static void approving_500_filtered_cases_takes_under_30_keys(void **state)
{
	static const enum action plan[] = {
		ACT_FILTER_STATE, ACT_TAG_MATCHING, ACT_TAG_PREFIX, ACT_APPROVE,
	};
	struct list_row *many = calloc(600, sizeof *many);
	struct tthc_err err = { 0 };
	struct listmodel lm;
	struct keymap km;
	size_t *set = NULL, n = 0;
	int keys = 0;

	(void)state;
	for (int i = 0; i < 600; i++)
		many[i] = (struct list_row){ "c", "Nguyễn Văn An", i % 6 == 5 ? "due" : "paid", "o-1" };
	assert_int_equal(keymap_init(&km, "default", &err), 0);
	assert_int_equal(listmodel_init(&lm, many, 600, &err), 0);
	for (size_t p = 0; p < sizeof plan / sizeof plan[0]; p++) {
		int key;
		const struct binding *b;

		assert_int_equal(keymap_keys_for(&km, VIEW_INDEX, plan[p], &key, 1) > 0, 1);
		b = keymap_lookup(&km, VIEW_INDEX, key);
		keys++;
		if (b->action == ACT_APPROVE)
			n = listmodel_targets(&lm, &set);
		else
			assert_int_equal(listmodel_act(&lm, b->action, 20, &err), 1);
	}
	keys++;                                 /* y */
	assert_int_equal(n, 500);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(many[set[i]].state, "paid");
	assert_true(keys < 30);
	free(set);
	listmodel_free(&lm);
	keymap_free(&km);
	free(many);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(search_ignores_accents_and_keeps_order),
		cmocka_unit_test(filters_step_through_values_then_off),
		cmocka_unit_test(without_prefix_the_set_is_the_current_row),
		cmocka_unit_test(prefix_takes_every_tagged_row_once),
		cmocka_unit_test(tags_survive_a_new_search),
		cmocka_unit_test(approving_500_filtered_cases_takes_under_30_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
