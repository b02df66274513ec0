#include "proc/workdays.h"

#include "util/i18n.h"

int workday_is(struct date d, bool *working, struct tthc_err *err)
{
	const struct holiday *h;
	size_t i, n;
	int wd;

	if (!date_valid(d) || !holidays_cover(d.y))
		return tthc_fail(err, TTHC_E_RANGE, NULL,
				 _("no public-holiday table for the year %d"), d.y);
	h = holidays_table(&n);
	for (i = 0; i < n; i++)
		if (date_cmp(h[i].day, d) == 0) {
			*working = h[i].kind == HOLIDAY_SWAP_WORK;
			return 0;
		}
	wd = date_weekday(d);
	*working = wd <= 5;
	return 0;
}

int workdays_add(struct date d, int n, struct date *out, struct tthc_err *err)
{
	int step = n < 0 ? -1 : 1;
	bool working;

	if (!date_valid(d))
		return tthc_fail(err, TTHC_E_RANGE, NULL, _("not a real date"));
	while (n != 0) {
		d = date_add_days(d, step);
		if (workday_is(d, &working, err) < 0)
			return -1;
		if (working)
			n -= step;
	}
	*out = d;
	return 0;
}

int workdays_between(struct date a, struct date b, int *n, struct tthc_err *err)
{
	int sign = 1, count = 0;
	struct date t;
	bool working;

	if (date_cmp(b, a) < 0) {
		t = a, a = b, b = t;
		sign = -1;
	}
	while (date_cmp(a, b) < 0) {
		a = date_add_days(a, 1);
		if (workday_is(a, &working, err) < 0)
			return -1;
		count += working;
	}
	*n = sign * count;
	return 0;
}
