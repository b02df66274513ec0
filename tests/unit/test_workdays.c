/* core/proc/workdays: working days over weekends and the holiday table, and
 * the working-hour clock of the incomplete-dossier notice.  Expected dates
 * are worked out by hand from the calendar and the announced holidays. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "proc/proc.h"
#include "proc/workdays.h"

static struct date D(const char *s)
{
	struct date d = { 0, 0, 0 };

	assert_int_equal(date_parse(s, &d, NULL), 0);
	return d;
}

/* "2026-11-23 09:00" in Vietnam, as an instant. */
static int64_t local(const char *s)
{
	char iso[32];
	int64_t t;

	snprintf(iso, sizeof iso, "%.10sT%.5s:00+07:00", s, s + 11);
	assert_int_equal(instant_parse(iso, &t, NULL), 0);
	return t;
}

static void assert_add(const char *from, int n, const char *want)
{
	struct date r;
	char got[11];

	assert_int_equal(workdays_add(D(from), n, &r, NULL), 0);
	date_format_iso(r, got);
	assert_string_equal(got, want);
}

static void weekends_are_skipped(void **state)
{
	(void)state;
	assert_add("2026-11-27", 1, "2026-11-30");   /* Friday -> Monday */
	assert_add("2026-11-28", 1, "2026-11-30");   /* Saturday -> Monday */
	assert_add("2026-11-23", 5, "2026-11-30");
	assert_add("2026-11-23", 0, "2026-11-23");
	assert_add("2026-11-30", -1, "2026-11-27");
}

static void tet_2026_is_skipped(void **state)
{
	(void)state;
	/* Off 14/02-22/02/2026: weekdays 16-20 and two weekends. */
	assert_add("2026-02-13", 1, "2026-02-23");
	assert_add("2026-02-12", 2, "2026-02-23");
	assert_add("2026-02-23", -1, "2026-02-13");
	assert_add("2026-02-14", 1, "2026-02-23");
}

static void tet_2027_is_skipped(void **state)
{
	(void)state;
	/* 05/02 and 08-11/02/2027 off, with the weekend of mùng 1-2 between. */
	assert_add("2027-02-04", 1, "2027-02-12");
	assert_add("2027-02-03", 2, "2027-02-12");
	assert_add("2027-02-12", -2, "2027-02-03");
}

static void other_holidays_and_days_in_lieu(void **state)
{
	(void)state;
	assert_add("2026-04-24", 1, "2026-04-28");   /* Hùng Kings on Sunday: Monday off */
	assert_add("2026-04-29", 1, "2026-05-04");   /* 30/4 and 1/5 */
	assert_add("2026-12-31", 1, "2027-01-04");   /* New Year on Friday */
	assert_add("2027-04-29", 1, "2027-05-04");   /* 1/5/2027 Saturday: 3/5 off */
	assert_add("2025-04-25", 1, "2025-04-26");   /* Saturday worked in exchange */
	assert_add("2025-04-29", 1, "2025-05-05");   /* ... for Friday 2/5 */
}

static void a_year_has_its_working_days(void **state)
{
	int n;

	(void)state;
	/* 2026: 261 weekdays less 11 weekday holidays (1/1, Tết 5, 27/4, 30/4,
	 * 1/5, 2/9, 3/9). */
	assert_int_equal(workdays_between(D("2025-12-31"), D("2026-12-31"), &n, NULL), 0);
	assert_int_equal(n, 250);
	assert_int_equal(workdays_between(D("2026-02-23"), D("2026-02-13"), &n, NULL), 0);
	assert_int_equal(n, -1);
	assert_int_equal(workdays_between(D("2026-02-13"), D("2026-02-22"), &n, NULL), 0);
	assert_int_equal(n, 0);
}

static void add_and_between_agree(void **state)
{
	struct date d = D("2025-06-01"), r;
	int i, n, back;

	(void)state;
	for (i = 0; i < 500; i += 3, d = date_add_days(d, 3))
		for (n = 0; n <= 70; n += 7) {
			assert_int_equal(workdays_add(d, n, &r, NULL), 0);
			assert_int_equal(workdays_between(d, r, &back, NULL), 0);
			assert_int_equal(back, n);
		}
}

static void years_outside_the_table_are_refused(void **state)
{
	struct tthc_err err;
	struct date r;
	bool working;

	(void)state;
	assert_int_equal(workdays_add(D("2027-12-20"), 30, &r, &err), -1);
	assert_int_equal(err.code, TTHC_E_RANGE);
	assert_non_null(strstr(err.msg, "2028"));
	assert_int_equal(workday_is(D("2024-05-02"), &working, &err), -1);
	assert_true(holidays_cover(2026) && holidays_cover(2027) && !holidays_cover(2028));
}

static void holiday_table_is_ordered_and_sourced(void **state)
{
	const struct holiday *h;
	size_t i, n;
	int wd;

	(void)state;
	h = holidays_table(&n);
	assert_true(n > 20);
	for (i = 0; i < n; i++) {
		assert_true(date_valid(h[i].day));
		assert_true(h[i].source && h[i].source[0]);
		if (i)
			assert_true(date_cmp(h[i - 1].day, h[i].day) < 0);
		/* A day off on a weekend would be a no-op row; a swapped working
		 * day is always a weekend day. */
		wd = date_weekday(h[i].day);
		assert_true(h[i].kind == HOLIDAY_OFF ? wd <= 5 : wd >= 6);
	}
}

static void assert_deadline(const char *received, const char *want)
{
	int64_t due;

	assert_int_equal(proc_notice_deadline(local(received), NULL, &due, NULL), 0);
	assert_int_equal(due, local(want));
}

static void notice_clock_across_lunch_evening_weekend(void **state)
{
	(void)state;
	assert_deadline("2026-11-23 09:00", "2026-11-24 09:00");   /* 2.5 + 4 + 1.5 */
	assert_deadline("2026-11-23 11:00", "2026-11-24 11:00");   /* across lunch */
	assert_deadline("2026-11-23 12:00", "2026-11-24 11:30");   /* at lunch: from 13:00 */
	assert_deadline("2026-11-23 19:00", "2026-11-24 17:00");   /* evening: next morning */
	assert_deadline("2026-11-23 07:30", "2026-11-23 17:00");   /* one full day */
	assert_deadline("2026-11-27 15:00", "2026-11-30 15:00");   /* Friday to Monday */
	assert_deadline("2026-11-28 10:00", "2026-11-30 17:00");   /* Saturday */
}

static void notice_clock_across_tet(void **state)
{
	(void)state;
	assert_deadline("2026-02-13 14:00", "2026-02-23 14:00");
	assert_deadline("2027-02-04 16:00", "2027-02-12 16:00");
}

static void time_left_counts_working_time_only(void **state)
{
	int64_t left;

	(void)state;
	assert_int_equal(proc_notice_time_left(local("2026-11-23 09:00"),
					       local("2026-11-23 14:00"), NULL, &left, NULL), 0);
	assert_int_equal(left, 4 * 3600 + 1800);
	assert_int_equal(proc_notice_time_left(local("2026-11-23 09:00"),
					       local("2026-11-24 10:00"), NULL, &left, NULL), 0);
	assert_int_equal(left, -3600);
	assert_int_equal(proc_notice_time_left(local("2026-02-13 16:00"),
					       local("2026-02-22 23:00"), NULL, &left, NULL), 0);
	assert_int_equal(left, 7 * 3600);
}

static void elapsed_and_add_agree(void **state)
{
	int64_t t = local("2026-01-30 06:00"), due, used;
	int i;

	(void)state;
	for (i = 0; i < 400; i++, t += 5 * 3600 + 17 * 60) {
		assert_int_equal(workhours_add(&work_hours_default, t, 8 * 3600, &due, NULL), 0);
		assert_int_equal(workhours_elapsed(&work_hours_default, t, due, &used, NULL), 0);
		assert_int_equal(used, 8 * 3600);
		assert_int_equal(workhours_elapsed(&work_hours_default, due, t, &used, NULL), 0);
		assert_int_equal(used, -8 * 3600);
	}
}

static void hours_are_a_parameter(void **state)
{
	const struct work_hours late = { 8 * 3600, 12 * 3600, 13 * 3600 + 1800, 17 * 3600 + 1800 };
	const struct work_hours bad = { 13 * 3600, 12 * 3600, 14 * 3600, 17 * 3600 };
	struct tthc_err err;
	int64_t due;

	(void)state;
	assert_int_equal(proc_notice_deadline(local("2026-11-23 09:00"), &late, &due, NULL), 0);
	assert_int_equal(due, local("2026-11-24 09:00"));    /* 3 + 4 + 1 */
	assert_int_equal(proc_notice_deadline(local("2026-11-23 12:30"), &late, &due, NULL), 0);
	assert_int_equal(due, local("2026-11-24 12:00"));    /* 4 + 4 */
	assert_false(work_hours_valid(&bad));
	assert_int_equal(proc_notice_deadline(0, &bad, &due, &err), -1);
	assert_int_equal(err.code, TTHC_E_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(weekends_are_skipped),
		cmocka_unit_test(tet_2026_is_skipped),
		cmocka_unit_test(tet_2027_is_skipped),
		cmocka_unit_test(other_holidays_and_days_in_lieu),
		cmocka_unit_test(a_year_has_its_working_days),
		cmocka_unit_test(add_and_between_agree),
		cmocka_unit_test(years_outside_the_table_are_refused),
		cmocka_unit_test(holiday_table_is_ordered_and_sourced),
		cmocka_unit_test(notice_clock_across_lunch_evening_weekend),
		cmocka_unit_test(notice_clock_across_tet),
		cmocka_unit_test(time_left_counts_working_time_only),
		cmocka_unit_test(elapsed_and_add_agree),
		cmocka_unit_test(hours_are_a_parameter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
