/* core/fee retention: shares up the tree and an exact split. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fee/amount.h"
#include "fee/retention.h"

static const struct fee_level commune_path[] = {
	{ ORG_SUB_BRANCH, false }, { ORG_BASE_COMMITTEE, true }, { ORG_PROVINCE, false },
};

static int64_t sum(const int64_t *v, size_t n)
{
	int64_t s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i];
	return s;
}

static void shares_come_from_the_table(void **state)
{
	struct fee_level l = { ORG_BASE_COMMITTEE, true };
	const struct fee_retention *row = NULL;
	int share = 0;

	(void)state;
	assert_int_equal(fee_retention_share(&fee_rules_default, l, &share, &row, NULL), 0);
	assert_int_equal(share, 9000);
	assert_true(row->to_confirm);
	l.commune = false;
	assert_int_equal(fee_retention_share(&fee_rules_default, l, &share, NULL, NULL), 0);
	assert_int_equal(share, 7000);
	l = (struct fee_level){ ORG_BASE_BRANCH, false };
	assert_int_equal(fee_retention_share(&fee_rules_default, l, &share, NULL, NULL), 0);
	assert_int_equal(share, 7000);
	l = (struct fee_level){ ORG_PROVINCE, false };
	assert_int_equal(fee_retention_share(&fee_rules_default, l, &share, NULL, NULL), 0);
	assert_int_equal(share, 5000);
	l = (struct fee_level){ ORG_SUB_BRANCH, false };
	assert_int_equal(fee_retention_share(&fee_rules_default, l, &share, NULL, NULL), 0);
	assert_int_equal(share, fee_rules_default.branch_share_bp);
}

static void split_of_a_round_amount(void **state)
{
	int64_t kept[4];

	(void)state;
	/* 1.000.000: chi bộ 30% = 300.000; commune 90% of 700.000 = 630.000;
	 * province 50% of 70.000 = 35.000; 35.000 goes above. */
	assert_int_equal(fee_split(&fee_rules_default, 1000000, commune_path, 3, kept, NULL), 0);
	assert_int_equal(kept[0], 300000);
	assert_int_equal(kept[1], 630000);
	assert_int_equal(kept[2], 35000);
	assert_int_equal(kept[3], 35000);
}

static void split_sums_exactly_for_awkward_totals(void **state)
{
	static const int64_t totals[] = { 0, 1, 2, 3, 7, 99, 1001, 12345, 999999, 1000003,
					  987654321, FEE_AMOUNT_MAX };
	static const struct fee_level agency[] = {
		{ ORG_SUB_BRANCH, false }, { ORG_SUB_COMMITTEE, false },
		{ ORG_BASE_COMMITTEE, false }, { ORG_PROVINCE, false },
	};
	int64_t kept[5];
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof totals / sizeof totals[0]; i++) {
		assert_int_equal(fee_split(&fee_rules_default, totals[i], commune_path, 3, kept,
					   NULL), 0);
		assert_int_equal(sum(kept, 4), totals[i]);
		assert_int_equal(fee_split(&fee_rules_default, totals[i], agency, 4, kept, NULL), 0);
		assert_int_equal(sum(kept, 5), totals[i]);
		for (k = 0; k < 5; k++)
			assert_true(kept[k] >= 0);
	}
	/* 7 đ: 30% is 2,1 → 2 kept, the part of a đồng goes up. */
	assert_int_equal(fee_split(&fee_rules_default, 7, commune_path, 3, kept, NULL), 0);
	assert_int_equal(kept[0], 2);
	assert_int_equal(kept[1], 4);                   /* 90% of 5 = 4,5 */
	assert_int_equal(kept[2], 0);                   /* 50% of 1 */
	assert_int_equal(kept[3], 1);
}

static void branch_share_is_a_parameter_within_30_to_50(void **state)
{
	struct fee_rules r = fee_rules_default;
	struct tthc_err err;
	int64_t kept[4];

	(void)state;
	r.branch_share_bp = 5000;
	assert_int_equal(fee_split(&r, 1000000, commune_path, 3, kept, NULL), 0);
	assert_int_equal(kept[0], 500000);
	assert_int_equal(sum(kept, 4), 1000000);
	r.branch_share_bp = 6000;
	assert_int_equal(fee_split(&r, 1000000, commune_path, 3, kept, &err), -1);
	assert_string_equal(err.where, "path[0].branch_share");
}

static void bad_paths_and_totals_are_refused(void **state)
{
	static const struct fee_level down[] = {
		{ ORG_BASE_BRANCH, true }, { ORG_SUB_COMMITTEE, false },
	};
	static const struct fee_level from_top[] = { { ORG_PROVINCE, false } };
	static const struct fee_level bogus[] = {
		{ ORG_SUB_BRANCH, false }, { (enum org_type)ORG_TYPE_COUNT, false },
	};
	struct tthc_err err;
	int64_t kept[3];

	(void)state;
	assert_int_equal(fee_split(&fee_rules_default, -1, commune_path, 3, kept, &err), -1);
	assert_string_equal(err.where, "total");
	assert_int_equal(fee_split(&fee_rules_default, FEE_AMOUNT_MAX + 1, commune_path, 3, kept,
				   &err), -1);
	assert_int_equal(fee_split(&fee_rules_default, 100, commune_path, 0, kept, &err), -1);
	assert_string_equal(err.where, "path");
	assert_int_equal(fee_split(&fee_rules_default, 100, down, 2, kept, &err), -1);
	assert_string_equal(err.where, "path[1]");
	assert_int_equal(fee_split(&fee_rules_default, 100, from_top, 1, kept, &err), -1);
	assert_string_equal(err.where, "path[0]");
	assert_int_equal(fee_split(&fee_rules_default, 100, bogus, 2, kept, &err), -1);
	assert_string_equal(err.where, "path[1]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shares_come_from_the_table),
		cmocka_unit_test(split_of_a_round_amount),
		cmocka_unit_test(split_sums_exactly_for_awkward_totals),
		cmocka_unit_test(branch_share_is_a_parameter_within_30_to_50),
		cmocka_unit_test(bad_paths_and_totals_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
