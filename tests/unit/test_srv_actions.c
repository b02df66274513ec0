/* server/action_key.c and server/orgtree.c: the canonical hash that tells a
 * replayed action from a reused key, and the per-request organisation tree
 * behind core/proc's subtree checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../server/action_key.h"
#include "../server/orgtree.h"
#include "../support/srv_fixture.h"

static void parse_action(const char *json, struct model_action *a)
{
	struct tthc_err e;

	assert_int_equal(model_action_parse(json, strlen(json), JSON_STRICT, a, &e), 0);
}

static void hash_of(const char *json, char out[ACTION_HASH_HEX])
{
	struct model_action a;

	parse_action(json, &a);
	assert_int_equal(action_hash(&a, out, NULL), 0);
	model_action_free(&a);
}

#define HEAD "{\"id\":\"6f1c0a52-3a8e-4f51-9d7e-0c1b2a3d4e5f\",\"kind\":\"pay\",\"case\":\"f1\","
#define TAIL ",\"client_time\":\"2026-11-25T08:00:00Z\"}"

static void hash_ignores_key_order_and_actor(void **state)
{
	char a[ACTION_HASH_HEX], b[ACTION_HASH_HEX], c[ACTION_HASH_HEX];

	(void)state;
	hash_of(HEAD "\"base_version\":1,\"payload\":{\"amount\":5,\"method\":\"cash\","
		"\"x\":{\"b\":1,\"a\":2}}" TAIL, a);
	hash_of("{\"payload\":{\"x\":{\"a\":2,\"b\":1},\"method\":\"cash\",\"amount\":5},"
		"\"actor\":\"someone\",\"client_time\":\"2026-11-25T08:00:00Z\","
		"\"base_version\":1,\"case\":\"f1\",\"kind\":\"pay\","
		"\"id\":\"6f1c0a52-3a8e-4f51-9d7e-0c1b2a3d4e5f\"}", b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 64);
	hash_of(HEAD "\"base_version\":1,\"payload\":{\"amount\":5,\"method\":\"cash\","
		"\"x\":{\"b\":1,\"a\":2}},\"on_behalf_of\":\"m1\"" TAIL, c);
	assert_string_not_equal(a, c);
}

static void hash_differs_with_any_field(void **state)
{
	static const char *const variants[] = {
		HEAD "\"base_version\":1,\"payload\":{\"amount\":5}" TAIL,
		HEAD "\"base_version\":2,\"payload\":{\"amount\":5}" TAIL,
		HEAD "\"base_version\":1,\"payload\":{\"amount\":6}" TAIL,
		HEAD "\"base_version\":1,\"payload\":{\"amount\":\"5\"}" TAIL,
		HEAD "\"base_version\":1,\"payload\":{}" TAIL,
		HEAD "\"base_version\":1,\"payload\":{\"amount\":5},"
		"\"client_time\":\"2026-11-25T08:00:01Z\"}",
	};
	char h[6][ACTION_HASH_HEX];
	size_t i, k;

	(void)state;
	for (i = 0; i < 6; i++)
		hash_of(variants[i], h[i]);
	for (i = 0; i < 6; i++)
		for (k = 0; k < i; k++)
			assert_string_not_equal(h[i], h[k]);
}

/* province(1) > xa1(2) > cb1(3), province > xa2(4). */
static void tree_answers_by_subtree(void **state)
{
	int64_t parent[] = { 0, 0, 1, 2, 1 };
	struct orgtree t = { parent, 4 };

	(void)state;
	assert_true(orgtree_within(&t, 1, 3));
	assert_true(orgtree_within(&t, 2, 3));
	assert_true(orgtree_within(&t, 3, 3));
	assert_false(orgtree_within(&t, 4, 3));
	assert_false(orgtree_within(&t, 3, 2));
	assert_false(orgtree_within(&t, 2, 9));
	assert_false(orgtree_within(&t, 0, 3));
}

static void tree_survives_a_cycle(void **state)
{
	int64_t parent[] = { 0, 2, 1 };
	struct orgtree t = { parent, 2 };

	(void)state;
	assert_false(orgtree_within(&t, 3, 1));
	assert_true(orgtree_within(&t, 2, 1));
}

static int tree_setup(void **state)
{
	return srv_fx_setup(state, "INSERT INTO orgs (id, code, name, type, parent_id, "
			    "created_at) VALUES (1, 'p', 'P', 'province', NULL, 0), "
			    "(2, 'x', 'X', 'base-committee', 1, 0), "
			    "(5, 'c', 'C', 'sub-branch', 2, 0)", SRV_FX_KEEP_TX);
}

static void tree_loads_from_the_database(void **state)
{
	struct srv_fx *f = *state;
	struct orgtree t;

	assert_int_equal(orgtree_load(f->tx, &t, NULL), 0);
	assert_int_equal(t.max_id, 5);
	assert_true(orgtree_within(&t, 1, 5));
	assert_false(orgtree_within(&t, 5, 2));
	orgtree_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash_ignores_key_order_and_actor),
		cmocka_unit_test(hash_differs_with_any_field),
		cmocka_unit_test(tree_answers_by_subtree),
		cmocka_unit_test(tree_survives_a_cycle),
		SRV_FX_TEST(tree_loads_from_the_database, tree_setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
