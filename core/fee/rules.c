#include "fee/rules.h"

#include <string.h>

#include "util/i18n.h"

const struct fee_rate *fee_rate_find(const struct fee_rules *r, enum income_category c,
				     struct period p, struct tthc_err *err)
{
	const struct fee_rate *found = NULL;
	size_t i;

	/* The latest row of the category that has started by p. */
	for (i = 0; i < r->n_rates; i++)
		if (r->rates[i].category == c &&
		    period_index(r->rates[i].from) <= period_index(p) &&
		    (!found || period_index(r->rates[i].from) > period_index(found->from)))
			found = &r->rates[i];
	if (!found) {
		char when[8];

		period_format_vn(p, when);
		tthc_fail(err, TTHC_E_NOT_FOUND, "category",
			  _("no fee rate is recorded for category '%s' in %s"),
			  vocab_name(&vocab_income_categories, (int)c), when);
	}
	return found;
}

int fee_min_wage_find(const struct fee_rules *r, int year, int region, int64_t *wage,
		      const struct fee_min_wage **row, struct tthc_err *err)
{
	size_t i;

	if (region < 1 || region > FEE_REGIONS)
		return tthc_fail(err, TTHC_E_RANGE, "region",
				 _("region must be I, II, III or IV"));
	for (i = 0; i < r->n_min_wages; i++)
		if (r->min_wages[i].year == year) {
			*wage = r->min_wages[i].wage[region - 1];
			if (row)
				*row = &r->min_wages[i];
			return 0;
		}
	return tthc_fail(err, TTHC_E_NOT_FOUND, "region",
			 _("no regional minimum wage is recorded for %d; the fee of a member "
			   "without social insurance cannot be computed until that year's "
			   "wages are added to the table"), year);
}

const struct fee_country_group *fee_country_group_find(const struct fee_rules *r, int group,
						       struct tthc_err *err)
{
	size_t i;

	for (i = 0; i < r->n_country_groups; i++)
		if (r->country_groups[i].group == group)
			return &r->country_groups[i];
	tthc_fail(err, TTHC_E_NOT_FOUND, "country_group",
		  _("unknown country group %d (groups 1 to %d)"), group,
		  (int)r->n_country_groups);
	return NULL;
}

bool fee_period_valid(struct period p)
{
	return p.y >= 1900 && p.y <= 9999 && p.m >= 1 && p.m <= 12;
}

int fee_period_check(struct period p, struct tthc_err *err)
{
	char when[8], first[8];

	if (!fee_period_valid(p))
		return tthc_fail(err, TTHC_E_INVALID, "period", "%s", _("not a real month"));
	if (period_index(p) >= period_index(fee_first_period))
		return 0;
	period_format_vn(p, when);
	period_format_vn(fee_first_period, first);
	return tthc_fail(err, TTHC_E_REFUSED, "period",
			 _("period %s is before %s: fees go through the electronic system "
			   "from %s and no back-payment is entered for earlier periods"),
			 when, first, first);
}

static const char *const region_names[FEE_REGIONS] = { "I", "II", "III", "IV" };

int fee_region_parse(const char *s, int *region, struct tthc_err *err)
{
	int i;

	for (i = 0; i < FEE_REGIONS; i++)
		if (s && !strcmp(s, region_names[i])) {
			*region = i + 1;
			return 0;
		}
	return tthc_fail(err, TTHC_E_INVALID, "region",
			 _("unknown region '%s' (I, II, III or IV)"), s ? s : "");
}

const char *fee_region_name(int region)
{
	return region >= 1 && region <= FEE_REGIONS ? region_names[region - 1] : "?";
}
