/* A member's fee account over months: paying ahead, how far the payments
 * reach, and the months left unpaid in a year. */
#ifndef TTHC_FEE_LEDGER_H
#define TTHC_FEE_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fee/calc.h"
#include "util/date.h"
#include "util/err.h"

/* A bound on one advance payment: far beyond "several months", it only
 * keeps a mistyped year from walking thousands of periods. */
#define FEE_ADVANCE_MAX_MONTHS 120

/* The sum of the monthly fees from..until inclusive, each month computed on
 * its own (a reduction that ends or a rate that changes inside the range
 * counts month by month).  Refused like fee_monthly_amount, and when until
 * is before from or the range is longer than FEE_ADVANCE_MAX_MONTHS. */
int fee_advance_total(const struct fee_rules *r, const struct fee_member *m,
		      struct period from, struct period until, int64_t *total,
		      struct tthc_err *err);

/* The last month of the unbroken run of settled months that starts at
 * fee_first_period: what the transfer introduction paper states as "đã đóng
 * đảng phí hết tháng …".  settled lists the months paid or owing nothing
 * (exempt), in any order, duplicates allowed.  False when fee_first_period
 * itself is unsettled. */
bool fee_paid_up_to(const struct period *settled, size_t n, struct period *last);

/* Charter rule: 3 months unpaid in a year without good reason and the chi
 * bộ considers removal (xóa tên).  The reason is the chi bộ's judgement;
 * this only counts and flags. */
#define FEE_UNPAID_REMOVAL_MONTHS 3

struct fee_unpaid {
	int count;
	struct period months[12];   /* the unpaid months, in order */
	bool consider_removal;      /* count >= FEE_UNPAID_REMOVAL_MONTHS */
};

/* The months of `year` that are due by `as_of` (inclusive, and not before
 * fee_first_period) and not in settled. */
int fee_unpaid_in_year(const struct period *settled, size_t n, int year, struct period as_of,
		       struct fee_unpaid *out, struct tthc_err *err);

#endif
