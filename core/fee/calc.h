/* The monthly fee of one member for one period, with the rule applied in
 * words.  Exact arithmetic in micro-đồng, one rounding at the end (so a
 * reduction of a rounded amount cannot round twice). */
#ifndef TTHC_FEE_CALC_H
#define TTHC_FEE_CALC_H

#include <stdbool.h>
#include <stdint.h>

#include "fee/relief.h"
#include "fee/rules.h"
#include "model/vocab.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"

/* What the fee depends on.  Fields a category does not use stay 0; a value
 * there is refused, so a wrong category cannot pass silently. */
struct fee_member {
	enum income_category category;
	int64_t base;               /* đồng: salary base, allowance, pension */
	int region;                 /* 1..4 (I..IV), no-bhxh only */
	int country_group;          /* abroad-other only */
	bool past_retirement_age;   /* read by no-bhxh, a fact elsewhere */
	bool exempt;
	enum exemption exempt_reason;
	struct fee_reduction reduction;
};

/* The inputs a category takes besides itself, from its rate rows. */
enum fee_input {
	FEE_IN_BASE = 1,
	FEE_IN_REGION = 2,
	FEE_IN_COUNTRY_GROUP = 4,
	FEE_IN_RETIREMENT = 8,
};
unsigned fee_category_inputs(const struct fee_rules *r, enum income_category c);

/* Every field in range and present exactly where the category needs it. */
int fee_member_check(const struct fee_rules *r, const struct fee_member *m,
		     struct tthc_err *err);

/* The fee of member m for period p in whole đồng.  explain (may be NULL)
 * receives the rule applied, one line per step, each ending in '\n':
 * category, rate, source (marked "to confirm" where it is), the exact
 * amount, exemption or reduction, rounding.  Refused: a period before
 * fee_first_period, an inconsistent member, a year without a minimum-wage
 * row (no-bhxh).  An exempt member owes 0 whatever the tables say. */
int fee_monthly_amount(const struct fee_rules *r, const struct fee_member *m,
		       struct period p, int64_t *amount, struct buf *explain,
		       struct tthc_err *err);

#endif
