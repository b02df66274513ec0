/* core/demo/rng: reproducible sequences and unbiased bounded draws. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "demo/rng.h"

static void splitmix64_matches_the_reference_outputs(void **state)
{
	/* The first outputs for seed 1234567 printed by Vigna's reference
	 * splitmix64.c, and for seed 0. */
	uint64_t s = 1234567;

	(void)state;
	assert_true(rng_splitmix64(&s) == UINT64_C(6457827717110365317));
	assert_true(rng_splitmix64(&s) == UINT64_C(3203168211198807973));
	s = 0;
	assert_true(rng_splitmix64(&s) == UINT64_C(0xE220A8397B1DCDAF));
}

static void same_seed_same_sequence(void **state)
{
	struct rng a, b, c;
	int i, differ = 0;

	(void)state;
	rng_seed(&a, 2026);
	rng_seed(&b, 2026);
	rng_seed(&c, 2027);
	for (i = 0; i < 1000; i++) {
		uint64_t x = rng_next(&a);

		assert_true(x == rng_next(&b));
		differ += x != rng_next(&c);
	}
	assert_true(differ > 990);
}

static void below_stays_in_range_and_covers_it(void **state)
{
	struct rng r;
	unsigned seen[7] = { 0 };
	int i;

	(void)state;
	rng_seed(&r, 1);
	for (i = 0; i < 70000; i++) {
		uint32_t v = rng_below(&r, 7);

		assert_true(v < 7);
		seen[v]++;
	}
	/* Each value expected 10000 times; a wide band, not a timing. */
	for (i = 0; i < 7; i++)
		assert_in_range(seen[i], 9000, 11000);
	assert_int_equal(rng_below(&r, 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splitmix64_matches_the_reference_outputs),
		cmocka_unit_test(same_seed_same_sequence),
		cmocka_unit_test(below_stays_in_range_and_covers_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
