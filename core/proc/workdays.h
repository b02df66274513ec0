/* Working days and working hours: weekends and the public-holiday table
 * (holidays.c, data by year) are not worked.  Deadlines in the procedures
 * are counted in these units (QĐ 338-QĐ/TW; DESIGN.md sections 7 and 8).
 *
 * A year missing from the holiday table is an error, never a guess: a
 * deadline computed without that year's Tết would be days wrong. */
#ifndef TTHC_PROC_WORKDAYS_H
#define TTHC_PROC_WORKDAYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/date.h"
#include "util/err.h"

enum holiday_kind {
	HOLIDAY_OFF,        /* a weekday that is not worked */
	HOLIDAY_SWAP_WORK,  /* a weekend day worked in exchange for a day off */
};

struct holiday {
	struct date day;
	enum holiday_kind kind;
	const char *name;       /* N_() msgid */
	const char *source;     /* the announcement or the rule it comes from */
	bool to_confirm;        /* not yet confirmed by an official announcement */
};

/* The whole table, in date order. */
const struct holiday *holidays_table(size_t *count);
/* True when the table has the year (its holidays are known, or estimated
 * and marked to confirm). */
bool holidays_cover(int year);

/* Is d a working day?  Fails with TTHC_E_RANGE outside the table's years. */
int workday_is(struct date d, bool *working, struct tthc_err *err);

/* The date n working days after d (n < 0: before).  With n == 0, d itself.
 * "Within N working days of D" means on or before workdays_add(D, N). */
int workdays_add(struct date d, int n, struct date *out, struct tthc_err *err);

/* The number of working days in (a, b]; negative when b is before a. */
int workdays_between(struct date a, struct date b, int *n, struct tthc_err *err);

/* Office hours in Vietnam local time, in seconds of the day: a morning and
 * an afternoon span.  Each server sets its own (DESIGN.md section 8). */
struct work_hours {
	int morning_start, morning_end;
	int afternoon_start, afternoon_end;
};

/* 07:30-11:30 and 13:00-17:00. */
extern const struct work_hours work_hours_default;

/* Spans must be ordered and inside the day. */
bool work_hours_valid(const struct work_hours *wh);

/* Working seconds between two instants (negative when to < from). */
int workhours_elapsed(const struct work_hours *wh, int64_t from, int64_t to,
		      int64_t *seconds, struct tthc_err *err);

/* The instant at which `seconds` (>= 0) of working time have passed after
 * `from`.  Time outside the spans does not count, so a dossier received on
 * a Saturday starts its clock on the next working morning. */
int workhours_add(const struct work_hours *wh, int64_t from, int64_t seconds,
		  int64_t *out, struct tthc_err *err);

#endif
