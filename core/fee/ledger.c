#include "fee/ledger.h"

#include <string.h>

#include "util/i18n.h"

int fee_advance_total(const struct fee_rules *r, const struct fee_member *m,
		      struct period from, struct period until, int64_t *total,
		      struct tthc_err *err)
{
	int first = period_index(from), last = period_index(until), i;
	int64_t sum = 0, month;
	char where[16];

	if (last < first)
		return tthc_fail(err, TTHC_E_INVALID, "until", "%s",
				 _("an advance payment ends before it starts"));
	if (last - first + 1 > FEE_ADVANCE_MAX_MONTHS)
		return tthc_fail(err, TTHC_E_RANGE, "until",
				 _("an advance payment covers at most %d months"),
				 FEE_ADVANCE_MAX_MONTHS);
	for (i = first; i <= last; i++) {
		if (fee_monthly_amount(r, m, period_from_index(i), &month, NULL, err)) {
			period_format(period_from_index(i), where);
			tthc_err_prefix(err, where);
			return -1;
		}
		/* No overflow: 120 months of at most FEE_AMOUNT_MAX each. */
		sum += month;
	}
	*total = sum;
	return 0;
}

static bool settled_has(const struct period *settled, size_t n, int month)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (period_index(settled[i]) == month)
			return true;
	return false;
}

bool fee_paid_up_to(const struct period *settled, size_t n, struct period *last)
{
	int month = period_index(fee_first_period);

	if (!settled_has(settled, n, month))
		return false;
	while (settled_has(settled, n, month + 1))
		month++;
	*last = period_from_index(month);
	return true;
}

int fee_unpaid_in_year(const struct period *settled, size_t n, int year, struct period as_of,
		       struct fee_unpaid *out, struct tthc_err *err)
{
	struct period jan = { year, 1 }, dec = { year, 12 };
	int first = period_index(jan), last = period_index(dec), i;

	if (year < 1900 || year > 9999)
		return tthc_fail(err, TTHC_E_RANGE, "year", _("year %d is out of range"), year);
	if (first < period_index(fee_first_period))
		first = period_index(fee_first_period);
	if (last > period_index(as_of))
		last = period_index(as_of);
	memset(out, 0, sizeof *out);
	for (i = first; i <= last; i++)
		if (!settled_has(settled, n, i))
			out->months[out->count++] = period_from_index(i);
	out->consider_removal = out->count >= FEE_UNPAID_REMOVAL_MONTHS;
	return 0;
}
