/* core/fee/span: the spans of periodic reports (year, half, quarter, month). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fee/span.h"

static void assert_span(const char *s, int y1, int m1, int y2, int m2)
{
	struct fee_span sp;
	struct tthc_err e;

	assert_int_equal(fee_span_parse(s, &sp, &e), 0);
	assert_int_equal(sp.from.y, y1);
	assert_int_equal(sp.from.m, m1);
	assert_int_equal(sp.to.y, y2);
	assert_int_equal(sp.to.m, m2);
}

static void assert_refused(const char *s, enum tthc_code code)
{
	struct fee_span sp;
	struct tthc_err e;

	assert_int_equal(fee_span_parse(s, &sp, &e), -1);
	assert_int_equal(e.code, code);
}

static void a_year_covers_twelve_months(void **state)
{
	(void)state;
	assert_span("2026", 2026, 1, 2026, 12);
}

static void halves_cover_six_months(void **state)
{
	(void)state;
	assert_span("2026-H1", 2026, 1, 2026, 6);
	assert_span("2026-H2", 2026, 7, 2026, 12);
}

static void quarters_cover_three_months(void **state)
{
	(void)state;
	assert_span("2026-Q1", 2026, 1, 2026, 3);
	assert_span("2026-Q3", 2026, 7, 2026, 9);
	assert_span("2026-Q4", 2026, 10, 2026, 12);
}

static void a_month_covers_itself(void **state)
{
	(void)state;
	assert_span("2026-09", 2026, 9, 2026, 9);
}

static void other_forms_are_refused(void **state)
{
	(void)state;
	assert_refused("", TTHC_E_INVALID);
	assert_refused("26", TTHC_E_INVALID);
	assert_refused("2026-q4", TTHC_E_INVALID);
	assert_refused("2026-X1", TTHC_E_INVALID);
	assert_refused("2026Q4", TTHC_E_INVALID);
	assert_refused("2026-Q", TTHC_E_INVALID);
	assert_refused("2026-Q10", TTHC_E_INVALID);
	assert_refused("20a6", TTHC_E_INVALID);
	assert_refused(NULL, TTHC_E_INVALID);
}

static void impossible_quarters_halves_and_months_are_out_of_range(void **state)
{
	(void)state;
	assert_refused("2026-Q0", TTHC_E_RANGE);
	assert_refused("2026-Q5", TTHC_E_RANGE);
	assert_refused("2026-H3", TTHC_E_RANGE);
	assert_refused("2026-13", TTHC_E_RANGE);
	assert_refused("1899", TTHC_E_RANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_year_covers_twelve_months),
		cmocka_unit_test(halves_cover_six_months),
		cmocka_unit_test(quarters_cover_three_months),
		cmocka_unit_test(a_month_covers_itself),
		cmocka_unit_test(other_forms_are_refused),
		cmocka_unit_test(impossible_quarters_halves_and_months_are_out_of_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
