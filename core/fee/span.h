/* The spans that fee reports cover (DESIGN.md section 4: periodic reports by
 * quarter, half-year and year), as a first and last month. */
#ifndef TTHC_FEE_SPAN_H
#define TTHC_FEE_SPAN_H

#include "util/date.h"
#include "util/err.h"

struct fee_span {
	struct period from, to;         /* inclusive */
};

/* "2026" (the year), "2026-H2" (a half), "2026-Q4" (a quarter) or "2026-09"
 * (one month).  TTHC_E_INVALID for another form, TTHC_E_RANGE for a year
 * before 1900, a quarter outside 1..4 or a half outside 1..2. */
int fee_span_parse(const char *s, struct fee_span *out, struct tthc_err *err);

#endif
