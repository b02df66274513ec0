/* Working-hour arithmetic for the incomplete-dossier notice (QĐ 338: within
 * 8 working hours of receiving the dossier).  Time is walked day by day in
 * Vietnam local time; each working day contributes its two spans. */
#include "proc/workdays.h"

#include "util/i18n.h"

const struct work_hours work_hours_default = {
	7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60,
	13 * 3600, 17 * 3600,
};

bool work_hours_valid(const struct work_hours *wh)
{
	return wh && 0 <= wh->morning_start && wh->morning_start < wh->morning_end &&
	       wh->morning_end <= wh->afternoon_start &&
	       wh->afternoon_start < wh->afternoon_end && wh->afternoon_end <= 86400;
}

static void spans_of(const struct work_hours *wh, int spans[2][2])
{
	spans[0][0] = wh->morning_start;
	spans[0][1] = wh->morning_end;
	spans[1][0] = wh->afternoon_start;
	spans[1][1] = wh->afternoon_end;
}

/* Working seconds of one local day that fall in [lo, hi) seconds-of-day. */
static int64_t day_overlap(const struct work_hours *wh, int lo, int hi)
{
	int spans[2][2];
	int64_t total = 0;
	int i, a, b;

	spans_of(wh, spans);
	for (i = 0; i < 2; i++) {
		a = spans[i][0] > lo ? spans[i][0] : lo;
		b = spans[i][1] < hi ? spans[i][1] : hi;
		if (b > a)
			total += b - a;
	}
	return total;
}

static int check_hours(const struct work_hours *wh, struct tthc_err *err)
{
	if (!work_hours_valid(wh))
		return tthc_fail(err, TTHC_E_INVALID, NULL, _("working hours are not valid"));
	return 0;
}

int workhours_elapsed(const struct work_hours *wh, int64_t from, int64_t to,
		      int64_t *seconds, struct tthc_err *err)
{
	int sign = 1, sod_from, sod_to, lo, hi;
	struct date d, first, last;
	int64_t total = 0, t;
	bool working;

	if (check_hours(wh, err) < 0)
		return -1;
	if (to < from) {
		t = from, from = to, to = t;
		sign = -1;
	}
	d = first = instant_local_date(from, &sod_from);
	last = instant_local_date(to, &sod_to);
	for (;;) {
		if (workday_is(d, &working, err) < 0)
			return -1;
		lo = date_cmp(d, first) == 0 ? sod_from : 0;
		hi = date_cmp(d, last) == 0 ? sod_to : 86400;
		if (working)
			total += day_overlap(wh, lo, hi);
		if (date_cmp(d, last) >= 0)
			break;
		d = date_add_days(d, 1);
	}
	*seconds = sign * total;
	return 0;
}

int workhours_add(const struct work_hours *wh, int64_t from, int64_t seconds,
		  int64_t *out, struct tthc_err *err)
{
	int spans[2][2];
	int sod, i, lo;
	int64_t midnight, room;
	struct date d;
	bool working;

	if (check_hours(wh, err) < 0)
		return -1;
	if (seconds < 0)
		return tthc_fail(err, TTHC_E_RANGE, NULL, _("a duration cannot be negative"));
	spans_of(wh, spans);
	d = instant_local_date(from, &sod);
	midnight = from - sod;
	for (;;) {
		if (workday_is(d, &working, err) < 0)
			return -1;
		for (i = 0; working && i < 2; i++) {
			lo = spans[i][0] > sod ? spans[i][0] : sod;
			room = spans[i][1] - lo;
			if (room <= 0)
				continue;
			if (seconds <= room) {
				*out = midnight + lo + seconds;
				return 0;
			}
			seconds -= room;
		}
		d = date_add_days(d, 1);
		midnight += 86400;
		sod = 0;
	}
}
