/* core/util/date: calendar arithmetic, strict parsing, Vietnam local time. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/date.h"

static void days_round_trip_across_centuries(void **state)
{
	int64_t n;
	struct date d;

	(void)state;
	for (n = -25567; n < 2932896; n += 97) {   /* 1900-01-01 .. 9999 */
		d = date_from_days(n);
		assert_true(date_valid(d));
		assert_int_equal(date_to_days(d), n);
	}
}

static void known_weekdays(void **state)
{
	struct date d;

	(void)state;
	assert_int_equal(date_parse("2026-11-25", &d, NULL), 0);
	assert_int_equal(date_weekday(d), 3);          /* a Wednesday */
	assert_int_equal(date_parse("2026-02-17", &d, NULL), 0);
	assert_int_equal(date_weekday(d), 2);          /* Tết 2026, a Tuesday */
	assert_int_equal(date_parse("2000-02-29", &d, NULL), 0);
	assert_int_equal(date_weekday(d), 2);
}

static void bad_dates_are_refused(void **state)
{
	static const char *bad[] = { "2026-02-29", "2026-13-01", "2026-00-10", "26-01-01",
				     "2026-1-01", "2026-01-01x", "", "2026/01/01", "1899-12-31" };
	struct tthc_err err;
	struct date d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(date_parse(bad[i], &d, &err), -1);
		assert_true(err.msg[0] != '\0');
	}
	assert_int_equal(date_parse("2024-02-29", &d, NULL), 0);
}

static void formats_for_wire_and_people(void **state)
{
	struct date d = { 2026, 8, 1 };
	struct period p = { 2026, 8 };
	char buf[21];

	(void)state;
	date_format_iso(d, buf);
	assert_string_equal(buf, "2026-08-01");
	date_format_vn(d, buf);
	assert_string_equal(buf, "01/08/2026");
	period_format(p, buf);
	assert_string_equal(buf, "2026-08");
	period_format_vn(p, buf);
	assert_string_equal(buf, "08/2026");
}

static void periods_parse_and_count(void **state)
{
	struct period p, q;

	(void)state;
	assert_int_equal(period_parse("2026-12", &p, NULL), 0);
	q = period_from_index(period_index(p) + 1);
	assert_int_equal(q.y, 2027);
	assert_int_equal(q.m, 1);
	assert_int_equal(period_parse("2026-13", &p, NULL), -1);
	assert_int_equal(period_parse("2026-8", &p, NULL), -1);
}

static void instants_in_utc_and_offsets(void **state)
{
	int64_t t, u;
	char buf[21];
	struct date local;
	int sod;

	(void)state;
	assert_int_equal(instant_parse("2026-11-25T00:30:00Z", &t, NULL), 0);
	instant_format(t, buf);
	assert_string_equal(buf, "2026-11-25T00:30:00Z");
	assert_int_equal(instant_parse("2026-11-25T07:30:00.123+07:00", &u, NULL), 0);
	assert_int_equal(u, t);
	local = instant_local_date(t, &sod);
	assert_int_equal(local.d, 25);
	assert_int_equal(sod, 7 * 3600 + 30 * 60);
	/* 20:00 UTC is already the next day in Vietnam. */
	assert_int_equal(instant_parse("2026-11-25T20:00:00Z", &t, NULL), 0);
	assert_int_equal(instant_local_date(t, NULL).d, 26);
	/* People read Vietnam's time: 20:00 UTC is 03:00 the next morning. */
	instant_format_vn(t, buf);
	assert_string_equal(buf, "26/11/2026 03:00");
	assert_int_equal(instant_parse("2026-11-25 07:30:00Z", &t, NULL), -1);
	assert_int_equal(instant_parse("2026-11-25T07:30:00", &t, NULL), -1);
	assert_int_equal(instant_parse("2026-11-25T24:00:00Z", &t, NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_round_trip_across_centuries),
		cmocka_unit_test(known_weekdays),
		cmocka_unit_test(bad_dates_are_refused),
		cmocka_unit_test(formats_for_wire_and_people),
		cmocka_unit_test(periods_parse_and_count),
		cmocka_unit_test(instants_in_utc_and_offsets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
