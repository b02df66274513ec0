/* core/fee monthly amounts: the worked examples of issue 4, relief,
 * the tables' years and refusals with reasons. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fee/amount.h"
#include "fee/calc.h"
#include "fee/rules.h"

static const struct period aug2026 = { 2026, 8 };

static int64_t fee(const struct fee_member *m, struct period p)
{
	struct tthc_err err;
	int64_t amount = -1;

	memset(&err, 0, sizeof err);
	if (fee_monthly_amount(&fee_rules_default, m, p, &amount, NULL, &err))
		fail_msg("refused: %s: %s", err.where, err.msg);
	return amount;
}

/* The refusal of m in p, checked to carry a reason. */
static struct tthc_err refusal(const struct fee_rules *r, const struct fee_member *m,
			       struct period p)
{
	struct tthc_err err;
	int64_t amount = 77;

	memset(&err, 0, sizeof err);
	assert_int_equal(fee_monthly_amount(r, m, p, &amount, NULL, &err), -1);
	assert_int_equal(amount, 77);
	assert_true(err.msg[0] != '\0');
	return err;
}

static void percent_categories_match_the_worked_examples(void **state)
{
	struct fee_member salary = { .category = INCOME_SALARY, .base = 8000000 };
	struct fee_member pension = { .category = INCOME_PENSION, .base = 5000000 };
	struct fee_member allowance = { .category = INCOME_ALLOWANCE, .base = 6200000 };
	struct fee_member abroad = { .category = INCOME_ABROAD_STATE, .base = 30000000 };

	(void)state;
	assert_int_equal(fee(&salary, aug2026), 80000);
	assert_int_equal(fee(&pension, aug2026), 25000);
	assert_int_equal(fee(&allowance, aug2026), 62000);
	assert_int_equal(fee(&abroad, aug2026), 300000);
}

static void flat_and_country_group_categories(void **state)
{
	struct fee_member student = { .category = INCOME_STUDENT };
	struct fee_member abroad = { .category = INCOME_ABROAD_OTHER, .country_group = 4 };
	struct period p = { 2030, 5 };

	(void)state;
	assert_int_equal(fee(&student, aug2026), 5000);
	assert_int_equal(fee(&student, p), 5000);
	assert_int_equal(fee(&abroad, aug2026), 400000);
	abroad.country_group = 1;
	assert_int_equal(fee(&abroad, aug2026), 30000);
	abroad.country_group = 9;
	assert_string_equal(refusal(&fee_rules_default, &abroad, aug2026).where,
			    "country_group");
}

static void no_bhxh_uses_the_regional_minimum_wage(void **state)
{
	struct fee_member m = { .category = INCOME_NO_BHXH, .region = 1 };
	struct period dec2026 = { 2026, 12 };

	(void)state;
	/* 0,3% × 5.310.000 = 15.930 → 16.000. */
	assert_int_equal(fee(&m, aug2026), 16000);
	/* 0,3% × 3.700.000 = 11.100 → 11.000. */
	m.region = 4;
	assert_int_equal(fee(&m, dec2026), 11000);
	/* Past retirement age 0,2% × 3.700.000 = 7.400 → 7.000. */
	m.past_retirement_age = true;
	assert_int_equal(fee(&m, dec2026), 7000);
	/* 0,2% × 4.730.000 = 9.460 → 9.000. */
	m.region = 2;
	assert_int_equal(fee(&m, dec2026), 9000);
}

static void no_bhxh_years_without_a_wage_row_are_refused(void **state)
{
	struct fee_member m = { .category = INCOME_NO_BHXH, .region = 1 };
	struct period p = { 2027, 1 };
	struct tthc_err err;

	(void)state;
	err = refusal(&fee_rules_default, &m, p);
	assert_int_equal(err.code, TTHC_E_NOT_FOUND);
	assert_non_null(strstr(err.msg, "2027"));
}

/* The 2028 step, with a wage row for 2028 as an official table would add. */
static void no_bhxh_rate_rises_in_2028(void **state)
{
	static const struct fee_min_wage wages[] = {
		{ 2027, { 5310000, 4730000, 4140000, 3700000 }, "test", true },
		{ 2028, { 6000000, 5000000, 4000000, 3000000 }, "test", true },
	};
	struct fee_rules r = fee_rules_default;
	struct fee_member m = { .category = INCOME_NO_BHXH, .region = 1 };
	struct period dec2027 = { 2027, 12 }, jan2028 = { 2028, 1 };
	int64_t a;

	(void)state;
	r.min_wages = wages;
	r.n_min_wages = 2;
	r.rounding = FEE_ROUND_NONE;
	assert_int_equal(fee_monthly_amount(&r, &m, dec2027, &a, NULL, NULL), 0);
	assert_int_equal(a, 15930);                     /* 0,3% */
	assert_int_equal(fee_monthly_amount(&r, &m, jan2028, &a, NULL, NULL), 0);
	assert_int_equal(a, 30000);                     /* 0,5% × 6.000.000 */
	m.past_retirement_age = true;
	assert_int_equal(fee_monthly_amount(&r, &m, jan2028, &a, NULL, NULL), 0);
	assert_int_equal(a, 18000);                     /* 0,3% */
	assert_int_equal(fee_monthly_amount(&r, &m, dec2027, &a, NULL, NULL), 0);
	assert_int_equal(a, 10620);                     /* 0,2% × 5.310.000 */
}

static void rounding_is_a_parameter(void **state)
{
	struct fee_rules r = fee_rules_default;
	struct fee_member m = { .category = INCOME_SALARY, .base = 1249900 };
	int64_t a;

	(void)state;
	/* 1% × 1.249.900 = 12.499 → 12.000; 1.250.000 → 12.500 → 13.000. */
	assert_int_equal(fee(&m, aug2026), 12000);
	m.base = 1250000;
	assert_int_equal(fee(&m, aug2026), 13000);
	r.rounding = FEE_ROUND_NONE;
	assert_int_equal(fee_monthly_amount(&r, &m, aug2026, &a, NULL, NULL), 0);
	assert_int_equal(a, 12500);
	m.base = 1249999;                               /* 12.499,99 đ */
	assert_int_equal(fee_monthly_amount(&r, &m, aug2026, &a, NULL, NULL), 0);
	assert_int_equal(a, 12500);
}

static void exemptions_owe_nothing(void **state)
{
	struct fee_member m = { .category = INCOME_SALARY, .base = 8000000, .exempt = true };
	struct fee_member abroad = { .category = INCOME_NO_BHXH, .region = 1, .exempt = true };
	struct period p2027 = { 2027, 3 };
	int reason;

	(void)state;
	for (reason = 0; reason < EXEMPT_COUNT; reason++) {
		m.exempt_reason = (enum exemption)reason;
		assert_int_equal(fee(&m, aug2026), 0);
	}
	/* No wage row for 2027, but an exempt member owes 0 all the same. */
	assert_int_equal(fee(&abroad, p2027), 0);
	m.exempt_reason = (enum exemption)EXEMPT_COUNT;
	assert_string_equal(refusal(&fee_rules_default, &m, aug2026).where, "exempt_reason");
}

static void reductions_apply_until_their_end_month(void **state)
{
	struct fee_member m = {
		.category = INCOME_SALARY, .base = 8000000,
		.reduction = { 50, { 2026, 8 }, { 2027, 1 } },
	};
	struct period jan2027 = { 2027, 1 }, feb2027 = { 2027, 2 }, jul2026 = { 2026, 7 };

	(void)state;
	assert_int_equal(fee(&m, aug2026), 40000);
	assert_int_equal(fee(&m, jan2027), 40000);
	assert_int_equal(fee(&m, feb2027), 80000);      /* the month after pays in full */
	m.reduction.percent = 30;
	assert_int_equal(fee(&m, aug2026), 56000);
	m.reduction.percent = 70;
	assert_int_equal(fee(&m, aug2026), 24000);
	/* A decision that started before the electronic system still counts. */
	m.reduction.from = jul2026;
	assert_int_equal(fee(&m, aug2026), 24000);
}

static void bad_reductions_are_refused(void **state)
{
	struct fee_member m = {
		.category = INCOME_SALARY, .base = 8000000,
		.reduction = { 40, { 2026, 8 }, { 2026, 9 } },
	};
	struct tthc_err err;

	(void)state;
	err = refusal(&fee_rules_default, &m, aug2026);
	assert_string_equal(err.where, "reduction.percent");
	m.reduction.percent = 50;
	m.reduction.until = (struct period){ 2027, 8 };  /* 13 months */
	err = refusal(&fee_rules_default, &m, aug2026);
	assert_non_null(strstr(err.msg, "at most 12 months"));
	m.reduction.until = (struct period){ 2027, 7 };  /* 12 months */
	assert_int_equal(fee(&m, aug2026), 40000);
	m.reduction.until = (struct period){ 2026, 7 };
	err = refusal(&fee_rules_default, &m, aug2026);
	assert_string_equal(err.where, "reduction.until");
}

static void periods_before_august_2026_are_refused(void **state)
{
	struct fee_member m = { .category = INCOME_STUDENT };
	struct period jul2026 = { 2026, 7 }, old = { 2010, 1 };
	struct tthc_err err;

	(void)state;
	err = refusal(&fee_rules_default, &m, jul2026);
	assert_int_equal(err.code, TTHC_E_REFUSED);
	assert_string_equal(err.where, "period");
	assert_non_null(strstr(err.msg, "07/2026"));
	assert_non_null(strstr(err.msg, "no back-payment"));
	m.exempt = true;                                /* exempt or not */
	assert_int_equal(refusal(&fee_rules_default, &m, old).code, TTHC_E_REFUSED);
	err = refusal(&fee_rules_default, &m, (struct period){ 2026, 13 });
	assert_int_equal(err.code, TTHC_E_INVALID);
	m.exempt = false;
	m.reduction = (struct fee_reduction){ 30, { 2026, 0 }, { 2026, 9 } };
	assert_string_equal(refusal(&fee_rules_default, &m, aug2026).where, "reduction");
}

static void inconsistent_members_are_refused(void **state)
{
	struct fee_member m = { .category = INCOME_SALARY, .base = -8000000 };
	struct tthc_err err;

	(void)state;
	err = refusal(&fee_rules_default, &m, aug2026);
	assert_string_equal(err.where, "base");
	assert_int_equal(err.code, TTHC_E_RANGE);
	m.base = 0;
	assert_string_equal(refusal(&fee_rules_default, &m, aug2026).where, "base");
	m.base = INT64_MAX;                             /* no overflow, a reason */
	err = refusal(&fee_rules_default, &m, aug2026);
	assert_non_null(strstr(err.msg, "too large"));
	m = (struct fee_member){ .category = INCOME_STUDENT, .base = 100 };
	err = refusal(&fee_rules_default, &m, aug2026);
	assert_non_null(strstr(err.msg, "has no base"));
	m = (struct fee_member){ .category = INCOME_NO_BHXH, .region = 5 };
	assert_string_equal(refusal(&fee_rules_default, &m, aug2026).where, "region");
	m.region = 0;
	assert_string_equal(refusal(&fee_rules_default, &m, aug2026).where, "region");
	m = (struct fee_member){ .category = INCOME_SALARY, .base = 1000, .region = 1 };
	assert_string_equal(refusal(&fee_rules_default, &m, aug2026).where, "region");
	m = (struct fee_member){ .category = (enum income_category)INCOME_COUNT };
	assert_string_equal(refusal(&fee_rules_default, &m, aug2026).where, "category");
	m = (struct fee_member){ .category = (enum income_category)-1 };
	assert_string_equal(refusal(&fee_rules_default, &m, aug2026).where, "category");
}

static void inputs_follow_the_rate_table(void **state)
{
	(void)state;
	assert_int_equal(fee_category_inputs(&fee_rules_default, INCOME_SALARY), FEE_IN_BASE);
	assert_int_equal(fee_category_inputs(&fee_rules_default, INCOME_STUDENT), 0);
	assert_int_equal(fee_category_inputs(&fee_rules_default, INCOME_ABROAD_OTHER),
			 FEE_IN_COUNTRY_GROUP);
	assert_int_equal(fee_category_inputs(&fee_rules_default, INCOME_NO_BHXH),
			 FEE_IN_REGION | FEE_IN_RETIREMENT);
}

static void every_row_names_its_source(void **state)
{
	const struct fee_rules *r = &fee_rules_default;
	size_t i;

	(void)state;
	for (i = 0; i < r->n_rates; i++) {
		assert_non_null(r->rates[i].source);
		assert_true(period_index(r->rates[i].from) >= period_index(fee_first_period));
	}
	for (i = 0; i < r->n_min_wages; i++)
		assert_true(r->min_wages[i].to_confirm);
	for (i = 0; i < r->n_country_groups; i++)
		assert_true(r->country_groups[i].to_confirm);
	/* Every category has a rate from the first period. */
	for (i = 0; i < INCOME_COUNT; i++)
		assert_non_null(fee_rate_find(r, (enum income_category)i, fee_first_period, NULL));
}

static void explanation_names_rule_source_and_steps(void **state)
{
	struct fee_member m = {
		.category = INCOME_NO_BHXH, .region = 1,
		.reduction = { 50, { 2026, 8 }, { 2026, 12 } },
	};
	struct buf ex = BUF_INIT;
	int64_t a;

	(void)state;
	assert_int_equal(fee_monthly_amount(&fee_rules_default, &m, aug2026, &a, &ex, NULL), 0);
	assert_int_equal(a, 8000);                      /* 7.965 → 8.000 */
	assert_non_null(strstr(ex.data, "Period: 08/2026\n"));
	assert_non_null(strstr(ex.data, "Rate: 0,3% of the regional minimum wage\n"));
	assert_non_null(strstr(ex.data, "Decree 293/2025"));
	assert_non_null(strstr(ex.data, "(to confirm)"));
	assert_non_null(strstr(ex.data, "region I: 5.310.000 đ\n"));
	assert_non_null(strstr(ex.data, "0,3% × 5.310.000 đ = 15.930 đ\n"));
	assert_non_null(strstr(ex.data, "Reduction of 50%"));
	assert_non_null(strstr(ex.data, "7.965 đ\n"));
	assert_non_null(strstr(ex.data, ": 8.000 đ\n"));
	buf_free(&ex);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(percent_categories_match_the_worked_examples),
		cmocka_unit_test(flat_and_country_group_categories),
		cmocka_unit_test(no_bhxh_uses_the_regional_minimum_wage),
		cmocka_unit_test(no_bhxh_years_without_a_wage_row_are_refused),
		cmocka_unit_test(no_bhxh_rate_rises_in_2028),
		cmocka_unit_test(rounding_is_a_parameter),
		cmocka_unit_test(exemptions_owe_nothing),
		cmocka_unit_test(reductions_apply_until_their_end_month),
		cmocka_unit_test(bad_reductions_are_refused),
		cmocka_unit_test(periods_before_august_2026_are_refused),
		cmocka_unit_test(inconsistent_members_are_refused),
		cmocka_unit_test(inputs_follow_the_rate_table),
		cmocka_unit_test(every_row_names_its_source),
		cmocka_unit_test(explanation_names_rule_source_and_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
