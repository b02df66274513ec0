#include "fee/relief.h"

#include "fee/rules.h"
#include "util/i18n.h"

/* The reductions a cấp ủy may decide (DESIGN.md §7). */
static const int reduction_percents[] = { 30, 50, 70 };

bool fee_reduction_percent_allowed(int percent)
{
	size_t i;

	for (i = 0; i < sizeof reduction_percents / sizeof reduction_percents[0]; i++)
		if (reduction_percents[i] == percent)
			return true;
	return false;
}

int fee_reduction_check(const struct fee_reduction *rd, struct tthc_err *err)
{
	int months;

	if (rd->percent == 0)
		return 0;
	if (!fee_reduction_percent_allowed(rd->percent))
		return tthc_fail(err, TTHC_E_INVALID, "reduction.percent",
				 _("a reduction is 30, 50 or 70%%, not %d%%"), rd->percent);
	if (!fee_period_valid(rd->from) || !fee_period_valid(rd->until))
		return tthc_fail(err, TTHC_E_INVALID, "reduction", "%s", _("not a real month"));
	months = period_index(rd->until) - period_index(rd->from) + 1;
	if (months < 1)
		return tthc_fail(err, TTHC_E_INVALID, "reduction.until",
				 "%s", _("a reduction ends before it starts"));
	if (months > FEE_REDUCTION_MAX_MONTHS)
		return tthc_fail(err, TTHC_E_RANGE, "reduction.until",
				 _("a reduction lasts at most %d months, not %d"),
				 FEE_REDUCTION_MAX_MONTHS, months);
	return 0;
}

bool fee_reduction_applies(const struct fee_reduction *rd, struct period p)
{
	return rd->percent != 0 && period_index(p) >= period_index(rd->from) &&
	       period_index(p) <= period_index(rd->until);
}
