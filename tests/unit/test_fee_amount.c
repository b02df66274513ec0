/* core/fee amounts and rounding: integer đồng in, Vietnamese grouping,
 * half-up rounding on exact micro-đồng values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fee/amount.h"
#include "fee/round.h"

static void amounts_parse_plain_and_grouped(void **state)
{
	int64_t v = -1;

	(void)state;
	assert_int_equal(fee_amount_parse("8000000", &v, NULL), 0);
	assert_int_equal(v, 8000000);
	assert_int_equal(fee_amount_parse("8.000.000", &v, NULL), 0);
	assert_int_equal(v, 8000000);
	assert_int_equal(fee_amount_parse("12.500", &v, NULL), 0);
	assert_int_equal(v, 12500);
	assert_int_equal(fee_amount_parse("0", &v, NULL), 0);
	assert_int_equal(v, 0);
	assert_int_equal(fee_amount_parse("100.000.000.000", &v, NULL), 0);
	assert_int_equal(v, FEE_AMOUNT_MAX);
}

static void malformed_amounts_are_refused(void **state)
{
	static const char *bad[] = { "", "8,000,000", "8.00.000", "8000.000.0", ".000",
				     "8.", "8 000 000", "8e6", "+8", "0x10", "8.000.0000",
				     "1234.567" };
	struct tthc_err err;
	int64_t v = 7;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(fee_amount_parse(bad[i], &v, &err), -1);
		assert_int_equal(err.code, TTHC_E_INVALID);
		assert_non_null(strstr(err.msg, "not an amount"));
	}
	assert_int_equal(v, 7);
}

static void negative_and_huge_amounts_are_refused_with_reasons(void **state)
{
	struct tthc_err err;
	int64_t v = 7;

	(void)state;
	assert_int_equal(fee_amount_parse("-8000000", &v, &err), -1);
	assert_int_equal(err.code, TTHC_E_RANGE);
	assert_non_null(strstr(err.msg, "negative"));
	assert_int_equal(fee_amount_parse("100000000001", &v, &err), -1);
	assert_non_null(strstr(err.msg, "too large"));
	/* Far past int64_t: refused, never wrapped. */
	assert_int_equal(fee_amount_parse("99999999999999999999999999999999", &v, &err), -1);
	assert_int_equal(err.code, TTHC_E_RANGE);
	assert_int_equal(v, 7);
}

static void amounts_format_the_vietnamese_way(void **state)
{
	char out[FEE_AMOUNT_TEXT], rate[FEE_RATE_TEXT];

	(void)state;
	fee_amount_format(80000, out);
	assert_string_equal(out, "80.000 đ");
	fee_amount_format(5310000, out);
	assert_string_equal(out, "5.310.000 đ");
	fee_amount_format(0, out);
	assert_string_equal(out, "0 đ");
	fee_amount_format(INT64_MIN, out);
	assert_string_equal(out, "-9.223.372.036.854.775.808 đ");
	fee_micro_format(INT64_C(25000005000), out);
	assert_string_equal(out, "25.000,005 đ");
	fee_micro_format(INT64_C(15930000000), out);
	assert_string_equal(out, "15.930 đ");
	fee_bp_format(100, rate);
	assert_string_equal(rate, "1%");
	fee_bp_format(50, rate);
	assert_string_equal(rate, "0,5%");
	fee_bp_format(25, rate);
	assert_string_equal(rate, "0,25%");
	fee_bp_format(3000, rate);
	assert_string_equal(rate, "30%");
}

static int64_t dong(int64_t d)
{
	return d * FEE_MICRO;
}

static void rounding_to_1000_is_half_up(void **state)
{
	(void)state;
	assert_int_equal(fee_round(dong(12500), FEE_ROUND_NEAREST_1000), 13000);
	assert_int_equal(fee_round(dong(12499), FEE_ROUND_NEAREST_1000), 12000);
	/* Half a đồng below the half still goes down: the value is exact. */
	assert_int_equal(fee_round(dong(12500) - FEE_MICRO / 2, FEE_ROUND_NEAREST_1000), 12000);
	assert_int_equal(fee_round(dong(15930), FEE_ROUND_NEAREST_1000), 16000);
	assert_int_equal(fee_round(dong(80000), FEE_ROUND_NEAREST_1000), 80000);
	assert_int_equal(fee_round(dong(499), FEE_ROUND_NEAREST_1000), 0);
	assert_int_equal(fee_round(dong(500), FEE_ROUND_NEAREST_1000), 1000);
	assert_int_equal(fee_round(0, FEE_ROUND_NEAREST_1000), 0);
}

static void rounding_none_keeps_whole_dong(void **state)
{
	(void)state;
	assert_int_equal(fee_round(dong(12499), FEE_ROUND_NONE), 12499);
	assert_int_equal(fee_round(dong(15930), FEE_ROUND_NONE), 15930);
	/* 25.000,5 đ: half a đồng goes up; 25.000,005 đ goes down. */
	assert_int_equal(fee_round(dong(25000) + FEE_MICRO / 2, FEE_ROUND_NONE), 25001);
	assert_int_equal(fee_round(dong(25000) + 5000, FEE_ROUND_NONE), 25000);
}

static void rounding_rules_have_wire_names(void **state)
{
	enum fee_rounding r = FEE_ROUND_NEAREST_1000;
	struct tthc_err err;

	(void)state;
	assert_int_equal(fee_rounding_parse("none", &r, NULL), 0);
	assert_int_equal(r, FEE_ROUND_NONE);
	assert_int_equal(fee_rounding_parse("nearest-1000", &r, NULL), 0);
	assert_int_equal(r, FEE_ROUND_NEAREST_1000);
	assert_string_equal(fee_rounding_name(FEE_ROUND_NONE), "none");
	assert_true(fee_rounding_to_confirm(FEE_ROUND_NEAREST_1000));
	assert_int_equal(fee_rounding_parse("up", &r, &err), -1);
	assert_string_equal(err.where, "rounding");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(amounts_parse_plain_and_grouped),
		cmocka_unit_test(malformed_amounts_are_refused),
		cmocka_unit_test(negative_and_huge_amounts_are_refused_with_reasons),
		cmocka_unit_test(amounts_format_the_vietnamese_way),
		cmocka_unit_test(rounding_to_1000_is_half_up),
		cmocka_unit_test(rounding_none_keeps_whole_dong),
		cmocka_unit_test(rounding_rules_have_wire_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
