#include "util/date.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

/* days_from_civil / civil_from_days: Howard Hinnant's proleptic Gregorian
 * algorithms (public domain, "chrono-Compatible Low-Level Date
 * Algorithms"), exact for every date we accept and free of time zones. */
int64_t date_to_days(struct date d)
{
	int64_t y = d.y - (d.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date date_from_days(int64_t z)
{
	struct date d;
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(yoe + era * 400 + (d.m <= 2));
	return d;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

bool date_valid(struct date d)
{
	return d.y >= 1900 && d.y <= 9999 && d.m >= 1 && d.m <= 12 &&
	       d.d >= 1 && d.d <= days_in_month(d.y, d.m);
}

int date_weekday(struct date d)
{
	int64_t days = date_to_days(d);   /* 1970-01-01 was a Thursday (4) */
	int64_t w = (days % 7 + 7 + 3) % 7;

	return (int)w + 1;
}

struct date date_add_days(struct date d, int64_t n)
{
	return date_from_days(date_to_days(d) + n);
}

int date_cmp(struct date a, struct date b)
{
	int64_t x = date_to_days(a), y = date_to_days(b);

	return (x > y) - (x < y);
}

/* Exactly `width` ASCII digits at s. */
static bool digits(const char *s, int width, int *out)
{
	int i, v = 0;

	for (i = 0; i < width; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

int date_parse(const char *s, struct date *out, struct tthc_err *err)
{
	struct date d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4, &d.y) || !digits(s + 5, 2, &d.m) || !digits(s + 8, 2, &d.d))
		return tthc_fail(err, TTHC_E_INVALID, NULL,
				 _("'%s' is not a date of the form YYYY-MM-DD"), s ? s : "");
	if (!date_valid(d))
		return tthc_fail(err, TTHC_E_RANGE, NULL, _("'%s' is not a real date"), s);
	*out = d;
	return 0;
}

/* Write v as exactly `width` digits (values are valid dates, so positive
 * and in range; snprintf's "%02d" would need room for a sign). */
static char *put_digits(char *o, int v, int width)
{
	int i;

	for (i = width - 1; i >= 0; i--, v /= 10)
		o[i] = (char)('0' + (v % 10 + 10) % 10);
	return o + width;
}

static void format3(char *out, int a, int wa, char sep1, int b, int wb, char sep2,
		    int c, int wc)
{
	char *o = put_digits(out, a, wa);

	*o++ = sep1;
	o = put_digits(o, b, wb);
	if (sep2) {
		*o++ = sep2;
		o = put_digits(o, c, wc);
	}
	*o = '\0';
}

void date_format_iso(struct date d, char out[11])
{
	format3(out, d.y, 4, '-', d.m, 2, '-', d.d, 2);
}

void date_format_vn(struct date d, char out[11])
{
	format3(out, d.d, 2, '/', d.m, 2, '/', d.y, 4);
}

int period_parse(const char *s, struct period *out, struct tthc_err *err)
{
	struct period p;

	if (!s || strlen(s) != 7 || s[4] != '-' || !digits(s, 4, &p.y) ||
	    !digits(s + 5, 2, &p.m))
		return tthc_fail(err, TTHC_E_INVALID, NULL,
				 _("'%s' is not a month of the form YYYY-MM"), s ? s : "");
	if (p.y < 1900 || p.m < 1 || p.m > 12)
		return tthc_fail(err, TTHC_E_RANGE, NULL, _("'%s' is not a real month"), s);
	*out = p;
	return 0;
}

int period_index(struct period p)
{
	return p.y * 12 + p.m - 1;
}

struct period period_from_index(int index)
{
	struct period p = { index / 12, index % 12 + 1 };

	return p;
}

void period_format(struct period p, char out[8])
{
	format3(out, p.y, 4, '-', p.m, 2, 0, 0, 0);
}

void period_format_vn(struct period p, char out[8])
{
	format3(out, p.m, 2, '/', p.y, 4, 0, 0, 0);
}

/* "+07:00", "-05:30" or "Z" at s; the offset in seconds east of UTC. */
static bool parse_offset(const char *s, int *offset)
{
	int h, m;

	if (!strcmp(s, "Z")) {
		*offset = 0;
		return true;
	}
	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':' ||
	    !digits(s + 1, 2, &h) || !digits(s + 4, 2, &m) || h > 23 || m > 59)
		return false;
	*offset = (h * 3600 + m * 60) * (s[0] == '-' ? -1 : 1);
	return true;
}

int instant_parse(const char *s, int64_t *out, struct tthc_err *err)
{
	char day[11];
	struct date d;
	int hh, mm, ss, offset;
	const char *p;

	if (!s || strlen(s) < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		goto bad;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse(day, &d, NULL) < 0 || !digits(s + 11, 2, &hh) ||
	    !digits(s + 14, 2, &mm) || !digits(s + 17, 2, &ss) || hh > 23 || mm > 59 ||
	    ss > 60)
		goto bad;
	p = s + 19;
	if (*p == '.') {            /* fractions are dropped: we keep seconds */
		p++;
		if (*p < '0' || *p > '9')
			goto bad;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (!parse_offset(p, &offset))
		goto bad;
	*out = date_to_days(d) * 86400 + hh * 3600 + mm * 60 + (ss == 60 ? 59 : ss) - offset;
	return 0;
bad:
	return tthc_fail(err, TTHC_E_INVALID, NULL,
			 _("'%s' is not a time of the form YYYY-MM-DDTHH:MM:SSZ"), s ? s : "");
}

void instant_format(int64_t t, char out[21])
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int sod = (int)(t - days * 86400);
	struct date d = date_from_days(days);

	format3(out, d.y, 4, '-', d.m, 2, '-', d.d, 2);
	out[10] = 'T';
	format3(out + 11, sod / 3600, 2, ':', sod / 60 % 60, 2, ':', sod % 60, 2);
	out[19] = 'Z';
	out[20] = '\0';
}

struct date instant_local_date(int64_t t, int *seconds_of_day)
{
	int64_t local = t + TTHC_TZ_OFFSET_SECONDS;
	int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;

	if (seconds_of_day)
		*seconds_of_day = (int)(local - days * 86400);
	return date_from_days(days);
}

void instant_format_vn(int64_t t, char out[17])
{
	int sod;
	struct date d = instant_local_date(t, &sod);

	date_format_vn(d, out);
	out[10] = ' ';
	format3(out + 11, sod / 3600, 2, ':', sod / 60 % 60, 2, 0, 0, 0);
}
