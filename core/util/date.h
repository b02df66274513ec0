/* Civil dates, fee periods and UTC instants, in integers only.
 * Wire forms are ISO 8601 (2026-11-25, 2026-08, 2026-11-25T07:30:00Z);
 * people see dd/mm/yyyy in Asia/Ho_Chi_Minh (UTC+7, no DST) per DESIGN.md
 * section 8. */
#ifndef TTHC_DATE_H
#define TTHC_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

struct date {
	int y, m, d;
};

/* A fee period: one calendar month. */
struct period {
	int y, m;
};

/* Vietnam has kept UTC+7 without daylight saving since 1975. */
#define TTHC_TZ_OFFSET_SECONDS (7 * 3600)

/* "YYYY-MM-DD", a real calendar date in years 1900..9999. */
int date_parse(const char *s, struct date *out, struct tthc_err *err);
bool date_valid(struct date d);
/* Days since 1970-01-01 (negative before), and back. */
int64_t date_to_days(struct date d);
struct date date_from_days(int64_t days);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int date_weekday(struct date d);
struct date date_add_days(struct date d, int64_t n);
int date_cmp(struct date a, struct date b);
/* "2026-11-25" and "25/11/2026"; out must hold 11 bytes. */
void date_format_iso(struct date d, char out[11]);
void date_format_vn(struct date d, char out[11]);

/* "YYYY-MM". */
int period_parse(const char *s, struct period *out, struct tthc_err *err);
/* Months since year 0, for arithmetic and comparison. */
int period_index(struct period p);
struct period period_from_index(int index);
/* "2026-08"; out must hold 8 bytes. "08/2026" for people. */
void period_format(struct period p, char out[8]);
void period_format_vn(struct period p, char out[8]);

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC; fractional seconds and "+07:00" offsets are
 * accepted and folded in) to seconds since the epoch. */
int instant_parse(const char *s, int64_t *out, struct tthc_err *err);
/* "2026-11-25T07:30:00Z"; out must hold 21 bytes. */
void instant_format(int64_t t, char out[21]);
/* "25/11/2026 22:32": an instant as people in Vietnam read it (UTC+7);
 * out must hold 17 bytes. */
void instant_format_vn(int64_t t, char out[17]);
/* The civil date and seconds-of-day in Vietnam of an instant. */
struct date instant_local_date(int64_t t, int *seconds_of_day);

#endif
