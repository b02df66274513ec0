/* Rounding of the monthly fee.  QĐ 01-QĐ/TW as summarised gives no rule;
 * rounding to 1,000 đ is the common practice (DESIGN.md section 7, to
 * confirm), so the rule is a parameter with a wire name. */
#ifndef TTHC_FEE_ROUND_H
#define TTHC_FEE_ROUND_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

/* id, wire name, unit in đồng, to confirm, description (N_() msgid).  Both
 * round half up; "none" still rounds to a whole đồng, since there is no
 * smaller coin and amounts are integer đồng. */
#define TTHC_FEE_ROUNDINGS(X) \
	X(NEAREST_1000, "nearest-1000", 1000, true,  N_("nearest 1.000 đ, half up")) \
	X(NONE,         "none",         1,    false, N_("none (whole đồng, half up)"))

enum fee_rounding {
#define X(id, name, unit, confirm, label) FEE_ROUND_##id,
	TTHC_FEE_ROUNDINGS(X)
#undef X
	FEE_ROUND_COUNT
};

/* An exact non-negative value in micro-đồng to whole đồng by the rule. */
int64_t fee_round(int64_t micro, enum fee_rounding rule);

int fee_rounding_parse(const char *name, enum fee_rounding *out, struct tthc_err *err);
const char *fee_rounding_name(enum fee_rounding rule);
/* Translated description. */
const char *fee_rounding_label(enum fee_rounding rule);
/* Whether an official text has yet to confirm the rule. */
bool fee_rounding_to_confirm(enum fee_rounding rule);

#endif
