/* core/fee ledger: advance payments, "paid up to" for the introduction
 * paper, and the 3-unpaid-months flag. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fee/ledger.h"

#define P(y, m) ((struct period){ (y), (m) })

static void advance_sums_each_month(void **state)
{
	struct fee_member m = { .category = INCOME_SALARY, .base = 8000000 };
	int64_t total = -1;

	(void)state;
	assert_int_equal(fee_advance_total(&fee_rules_default, &m, P(2026, 8), P(2027, 1),
					   &total, NULL), 0);
	assert_int_equal(total, 6 * 80000);
	assert_int_equal(fee_advance_total(&fee_rules_default, &m, P(2026, 9), P(2026, 9),
					   &total, NULL), 0);
	assert_int_equal(total, 80000);
}

static void advance_follows_a_reduction_that_ends_inside_it(void **state)
{
	struct fee_member m = {
		.category = INCOME_SALARY, .base = 8000000,
		.reduction = { 50, { 2026, 6 }, { 2026, 10 } },
	};
	int64_t total = -1;

	(void)state;
	/* 08, 09, 10 at 40.000; 11, 12 at 80.000. */
	assert_int_equal(fee_advance_total(&fee_rules_default, &m, P(2026, 8), P(2026, 12),
					   &total, NULL), 0);
	assert_int_equal(total, 3 * 40000 + 2 * 80000);
}

static void advance_refusals_name_the_month(void **state)
{
	struct fee_member m = { .category = INCOME_NO_BHXH, .region = 2 };
	struct tthc_err err;
	int64_t total = -1;

	(void)state;
	/* No wage row for 2027: the first month of 2027 is named. */
	assert_int_equal(fee_advance_total(&fee_rules_default, &m, P(2026, 11), P(2027, 2),
					   &total, &err), -1);
	assert_string_equal(err.where, "2027-01.region");
	assert_int_equal(fee_advance_total(&fee_rules_default, &m, P(2026, 7), P(2026, 9),
					   &total, &err), -1);
	assert_int_equal(err.code, TTHC_E_REFUSED);
	assert_int_equal(fee_advance_total(&fee_rules_default, &m, P(2026, 9), P(2026, 8),
					   &total, &err), -1);
	assert_string_equal(err.where, "until");
	m = (struct fee_member){ .category = INCOME_STUDENT };
	assert_int_equal(fee_advance_total(&fee_rules_default, &m, P(2026, 8), P(2036, 8),
					   &total, &err), -1);
	assert_int_equal(err.code, TTHC_E_RANGE);
	assert_int_equal(total, -1);
}

static void paid_up_to_stops_at_the_first_gap(void **state)
{
	/* Out of order, a duplicate, a gap at 2026-12, a later payment. */
	const struct period paid[] = { P(2026, 9), P(2026, 8), P(2026, 11), P(2026, 10),
				       P(2026, 9), P(2027, 2) };
	struct period last = { 0, 0 };

	(void)state;
	assert_true(fee_paid_up_to(paid, 6, &last));
	assert_int_equal(last.y, 2026);
	assert_int_equal(last.m, 11);
	assert_true(fee_paid_up_to(paid, 2, &last));
	assert_int_equal(last.m, 9);
}

static void paid_up_to_runs_across_the_new_year(void **state)
{
	const struct period paid[] = { P(2026, 8), P(2026, 9), P(2026, 10), P(2026, 11),
				       P(2026, 12), P(2027, 1), P(2027, 2) };
	struct period last = { 0, 0 };

	(void)state;
	assert_true(fee_paid_up_to(paid, 7, &last));
	assert_int_equal(last.y, 2027);
	assert_int_equal(last.m, 2);
}

static void nothing_paid_from_august_2026_has_no_paid_up_to(void **state)
{
	const struct period paid[] = { P(2026, 7), P(2026, 9) };
	struct period last = { 1, 1 };

	(void)state;
	assert_false(fee_paid_up_to(paid, 2, &last));
	assert_false(fee_paid_up_to(NULL, 0, &last));
	assert_int_equal(last.y, 1);
}

static void three_unpaid_months_in_a_year_are_flagged(void **state)
{
	const struct period paid[] = { P(2027, 1), P(2027, 3), P(2027, 4), P(2027, 6) };
	struct fee_unpaid u;

	(void)state;
	/* Due by May: 02 and 05 unpaid, not yet three. */
	assert_int_equal(fee_unpaid_in_year(paid, 4, 2027, P(2027, 5), &u, NULL), 0);
	assert_int_equal(u.count, 2);
	assert_false(u.consider_removal);
	/* Due by July: 02, 05, 07 unpaid, not in a row: flagged. */
	assert_int_equal(fee_unpaid_in_year(paid, 4, 2027, P(2027, 7), &u, NULL), 0);
	assert_int_equal(u.count, 3);
	assert_true(u.consider_removal);
	assert_int_equal(u.months[0].m, 2);
	assert_int_equal(u.months[1].m, 5);
	assert_int_equal(u.months[2].m, 7);
}

static void unpaid_counts_only_from_august_2026(void **state)
{
	const struct period paid[] = { P(2026, 8), P(2026, 10) };
	struct fee_unpaid u;
	struct tthc_err err;

	(void)state;
	assert_int_equal(fee_unpaid_in_year(paid, 2, 2026, P(2027, 3), &u, NULL), 0);
	assert_int_equal(u.count, 3);                   /* 09, 11, 12 */
	assert_int_equal(u.months[0].m, 9);
	assert_true(u.consider_removal);
	/* A year wholly before the system, or not yet due, has nothing unpaid. */
	assert_int_equal(fee_unpaid_in_year(paid, 2, 2025, P(2027, 3), &u, NULL), 0);
	assert_int_equal(u.count, 0);
	assert_int_equal(fee_unpaid_in_year(paid, 2, 2028, P(2027, 3), &u, NULL), 0);
	assert_int_equal(u.count, 0);
	assert_false(u.consider_removal);
	assert_int_equal(fee_unpaid_in_year(paid, 2, 12345, P(2027, 3), &u, &err), -1);
	assert_string_equal(err.where, "year");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(advance_sums_each_month),
		cmocka_unit_test(advance_follows_a_reduction_that_ends_inside_it),
		cmocka_unit_test(advance_refusals_name_the_month),
		cmocka_unit_test(paid_up_to_stops_at_the_first_gap),
		cmocka_unit_test(paid_up_to_runs_across_the_new_year),
		cmocka_unit_test(nothing_paid_from_august_2026_has_no_paid_up_to),
		cmocka_unit_test(three_unpaid_months_in_a_year_are_flagged),
		cmocka_unit_test(unpaid_counts_only_from_august_2026),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
