#include "fee/calc.h"

#include "fee/amount.h"
#include "fee/round.h"
#include "util/i18n.h"

static unsigned basis_inputs(enum fee_basis b)
{
	switch (b) {
	case FEE_PERCENT_OF_BASE:
		return FEE_IN_BASE;
	case FEE_COUNTRY_GROUP:
		return FEE_IN_COUNTRY_GROUP;
	case FEE_MIN_WAGE:
		return FEE_IN_REGION | FEE_IN_RETIREMENT;
	case FEE_FLAT:
		break;
	}
	return 0;
}

unsigned fee_category_inputs(const struct fee_rules *r, enum income_category c)
{
	unsigned in = 0;
	size_t i;

	for (i = 0; i < r->n_rates; i++)
		if (r->rates[i].category == c)
			in |= basis_inputs(r->rates[i].basis);
	return in;
}

static const char *category_name(enum income_category c)
{
	return vocab_name(&vocab_income_categories, (int)c);
}

/* A value given for an input the category does not take. */
static int check_unused(const struct fee_member *m, unsigned in, struct tthc_err *err)
{
	static const struct {
		unsigned flag;
		const char *field;
	} fields[] = {
		{ FEE_IN_BASE, "base" },
		{ FEE_IN_REGION, "region" },
		{ FEE_IN_COUNTRY_GROUP, "country_group" },
	};
	const bool given[] = { m->base != 0, m->region != 0, m->country_group != 0 };
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (given[i] && !(in & fields[i].flag))
			return tthc_fail(err, TTHC_E_INVALID, fields[i].field,
					 _("category '%s' has no %s"),
					 category_name(m->category), fields[i].field);
	return 0;
}

int fee_member_check(const struct fee_rules *r, const struct fee_member *m,
		     struct tthc_err *err)
{
	unsigned in;

	if ((unsigned)m->category >= INCOME_COUNT)
		return tthc_fail(err, TTHC_E_INVALID, "category", "%s",
				 _("unknown income category"));
	in = fee_category_inputs(r, m->category);
	if (check_unused(m, in, err))
		return -1;
	if ((in & FEE_IN_BASE) && m->base <= 0)
		return tthc_fail(err, TTHC_E_RANGE, "base",
				 _("category '%s' needs a base greater than zero"),
				 category_name(m->category));
	if (m->base > FEE_AMOUNT_MAX)
		return tthc_fail(err, TTHC_E_RANGE, "base", "%s", _("the base is too large"));
	if ((in & FEE_IN_REGION) && (m->region < 1 || m->region > FEE_REGIONS))
		return tthc_fail(err, TTHC_E_RANGE, "region",
				 _("category '%s' needs the member's region, I, II, III or IV"),
				 category_name(m->category));
	if ((in & FEE_IN_COUNTRY_GROUP) && !fee_country_group_find(r, m->country_group, err))
		return -1;
	if (m->exempt && (unsigned)m->exempt_reason >= EXEMPT_COUNT)
		return tthc_fail(err, TTHC_E_INVALID, "exempt_reason", "%s",
				 _("unknown exemption reason"));
	return fee_reduction_check(&m->reduction, err);
}

static void explain_source(struct buf *ex, const char *source, bool to_confirm)
{
	if (!ex)
		return;
	buf_printf(ex, _("Source: %s"), _(source));
	if (to_confirm)
		buf_printf(ex, " %s", _("(to confirm)"));
	buf_putc(ex, '\n');
}

/* amount × bp, exactly: 1 bp of one đồng is 100 µđ. */
static int64_t percent_of(int64_t dong, int bp, struct buf *ex)
{
	int64_t micro = dong * bp * 100;
	char rate[FEE_RATE_TEXT], a[FEE_AMOUNT_TEXT], b[FEE_AMOUNT_TEXT];

	if (ex) {
		fee_bp_format(bp, rate);
		fee_amount_format(dong, a);
		fee_micro_format(micro, b);
		buf_printf(ex, "%s × %s = %s\n", rate, a, b);
	}
	return micro;
}

static void explain_rate(struct buf *ex, const struct fee_rate *rate, int bp, bool retired)
{
	char rs[FEE_RATE_TEXT];

	if (!ex)
		return;
	fee_bp_format(bp, rs);
	buf_printf(ex, _("Rate: %s of %s"), rs, _(rate->rule));
	if (retired)
		buf_printf(ex, " %s", _("(past retirement age)"));
	buf_putc(ex, '\n');
	explain_source(ex, rate->source, rate->to_confirm);
}

static int min_wage_part(const struct fee_rules *r, const struct fee_rate *rate,
			 const struct fee_member *m, struct period p, int64_t *micro,
			 struct buf *ex, struct tthc_err *err)
{
	const struct fee_min_wage *row;
	int64_t wage;
	int bp = m->past_retirement_age ? rate->bp_retired : rate->bp;
	char w[FEE_AMOUNT_TEXT];

	if (fee_min_wage_find(r, p.y, m->region, &wage, &row, err))
		return -1;
	explain_rate(ex, rate, bp, m->past_retirement_age);
	if (ex) {
		fee_amount_format(wage, w);
		buf_printf(ex, _("Regional minimum wage %d, region %s: %s\n"), p.y,
			   fee_region_name(m->region), w);
		explain_source(ex, row->source, row->to_confirm);
	}
	*micro = percent_of(wage, bp, ex);
	return 0;
}

static void fixed_part(const struct fee_rate *rate, int64_t dong, int group,
		       int64_t *micro, struct buf *ex)
{
	char a[FEE_AMOUNT_TEXT];

	*micro = dong * FEE_MICRO;
	if (!ex)
		return;
	fee_amount_format(dong, a);
	if (group)
		buf_printf(ex, _("Rate: %s, %s (group %d)\n"), a, _(rate->rule), group);
	else
		buf_printf(ex, _("Rate: %s, %s\n"), a, _(rate->rule));
}

/* The exact fee before relief and rounding, in micro-đồng. */
static int full_fee(const struct fee_rules *r, const struct fee_rate *rate,
		    const struct fee_member *m, struct period p, int64_t *micro,
		    struct buf *ex, struct tthc_err *err)
{
	const struct fee_country_group *g;

	switch (rate->basis) {
	case FEE_PERCENT_OF_BASE:
		explain_rate(ex, rate, rate->bp, false);
		*micro = percent_of(m->base, rate->bp, ex);
		return 0;
	case FEE_FLAT:
		fixed_part(rate, rate->flat, 0, micro, ex);
		explain_source(ex, rate->source, rate->to_confirm);
		return 0;
	case FEE_COUNTRY_GROUP:
		g = fee_country_group_find(r, m->country_group, err);
		if (!g)
			return -1;
		fixed_part(rate, g->amount, g->group, micro, ex);
		explain_source(ex, g->source, g->to_confirm);
		return 0;
	case FEE_MIN_WAGE:
		return min_wage_part(r, rate, m, p, micro, ex, err);
	}
	return tthc_fail(err, TTHC_E_INVALID, "category", "%s", _("unknown income category"));
}

static void explain_head(const struct fee_member *m, struct period p, struct buf *ex)
{
	char when[8];

	period_format_vn(p, when);
	buf_printf(ex, _("Category: %s (%s)\n"),
		   vocab_label(&vocab_income_categories, (int)m->category),
		   category_name(m->category));
	buf_printf(ex, _("Period: %s\n"), when);
}

static int64_t reduce(const struct fee_reduction *rd, int64_t micro, struct buf *ex)
{
	char from[8], until[8], a[FEE_AMOUNT_TEXT];

	/* Exact: every full fee is a whole multiple of 100 µđ. */
	micro = micro / 100 * (100 - rd->percent);
	if (ex) {
		period_format_vn(rd->from, from);
		period_format_vn(rd->until, until);
		fee_micro_format(micro, a);
		buf_printf(ex, _("Reduction of %d%% by decision of the cấp ủy, %s to %s: %s\n"),
			   rd->percent, from, until, a);
	}
	return micro;
}

int fee_monthly_amount(const struct fee_rules *r, const struct fee_member *m,
		       struct period p, int64_t *amount, struct buf *explain,
		       struct tthc_err *err)
{
	const struct fee_rate *rate;
	int64_t micro = 0;
	char a[FEE_AMOUNT_TEXT];

	if (fee_period_check(p, err) || fee_member_check(r, m, err))
		return -1;
	if (explain)
		explain_head(m, p, explain);
	if (m->exempt) {
		if (explain)
			buf_printf(explain, _("Exempt: %s: 0 đ\n"),
				   vocab_label(&vocab_exemptions, (int)m->exempt_reason));
		*amount = 0;
		return 0;
	}
	rate = fee_rate_find(r, m->category, p, err);
	if (!rate || full_fee(r, rate, m, p, &micro, explain, err))
		return -1;
	if (fee_reduction_applies(&m->reduction, p))
		micro = reduce(&m->reduction, micro, explain);
	*amount = fee_round(micro, r->rounding);
	if (explain) {
		fee_amount_format(*amount, a);
		buf_printf(explain, _("Rounding: %s"), fee_rounding_label(r->rounding));
		if (fee_rounding_to_confirm(r->rounding))
			buf_printf(explain, " %s", _("(to confirm)"));
		buf_printf(explain, ": %s\n", a);
	}
	return 0;
}
