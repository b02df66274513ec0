#include "fee/round.h"

#include <string.h>

#include "fee/amount.h"
#include "util/i18n.h"

static const struct {
	const char *name;
	int64_t unit;
	bool to_confirm;
	const char *label;
} roundings[] = {
#define X(id, name, unit, confirm, label) { name, unit, confirm, label },
	TTHC_FEE_ROUNDINGS(X)
#undef X
};

int64_t fee_round(int64_t micro, enum fee_rounding rule)
{
	int64_t step = roundings[rule].unit * FEE_MICRO;

	/* Half up: a value exactly between two steps goes to the upper one. */
	return (micro + step / 2) / step * roundings[rule].unit;
}

int fee_rounding_parse(const char *name, enum fee_rounding *out, struct tthc_err *err)
{
	int i;

	for (i = 0; i < FEE_ROUND_COUNT; i++)
		if (name && !strcmp(name, roundings[i].name)) {
			*out = (enum fee_rounding)i;
			return 0;
		}
	return tthc_fail(err, TTHC_E_INVALID, "rounding",
			 _("unknown rounding '%s' (nearest-1000 or none)"), name ? name : "");
}

const char *fee_rounding_name(enum fee_rounding rule)
{
	return roundings[rule].name;
}

const char *fee_rounding_label(enum fee_rounding rule)
{
	return _(roundings[rule].label);
}

bool fee_rounding_to_confirm(enum fee_rounding rule)
{
	return roundings[rule].to_confirm;
}
