/* Exemptions and reductions of the fee (QĐ 01-QĐ/TW of 03/02/2026, per the
 * DESIGN.md §7 summary).  Exempt: 50 years of membership, social-pension
 * recipients, poor or near-poor households and serious illness (the last two
 * on application); the reasons are model/vocab.h's TTHC_EXEMPTIONS.
 * Reduced: 30, 50 or 70% for at most 12 months, by decision of the cấp ủy;
 * the month after the decision's last month pays in full again. */
#ifndef TTHC_FEE_RELIEF_H
#define TTHC_FEE_RELIEF_H

#include <stdbool.h>

#include "util/date.h"
#include "util/err.h"

/* A cấp ủy decision to reduce the fee; percent 0 means none. */
struct fee_reduction {
	int percent;                /* 30, 50 or 70: the part not paid */
	struct period from, until;  /* first and last month, inclusive */
};

#define FEE_REDUCTION_MAX_MONTHS 12

/* A reduction that is none, or an allowed percent over 1..12 months. */
int fee_reduction_check(const struct fee_reduction *rd, struct tthc_err *err);
bool fee_reduction_applies(const struct fee_reduction *rd, struct period p);
/* Whether percent is one the rules allow (30, 50, 70). */
bool fee_reduction_percent_allowed(int percent);

#endif
