/* The members of the synthetic province.  Each member's facts come from a
 * random stream of his own (seed, number), so they do not depend on the
 * order anything else is drawn in.  Proportions are plausible guesses, not
 * statistics: workplace branches (agencies, enterprises, a commune's police
 * and schools) are mostly salaried; village and street branches mostly
 * pensioners and people without social insurance (DESIGN.md section 7's
 * categories). */
#include <stdio.h>
#include <string.h>

#include "rows.h"
#include "seed_impl.h"

struct weight {
	enum income_category category;
	unsigned per_mille;
};

static const struct weight workplace_mix[] = {
	{ INCOME_SALARY, 880 }, { INCOME_ALLOWANCE, 40 }, { INCOME_NO_BHXH, 40 },
	{ INCOME_ABROAD_STATE, 30 }, { INCOME_ABROAD_OTHER, 10 },
};

static const struct weight residence_mix[] = {
	{ INCOME_PENSION, 420 }, { INCOME_NO_BHXH, 380 }, { INCOME_SALARY, 120 },
	{ INCOME_STUDENT, 50 }, { INCOME_ABROAD_OTHER, 20 }, { INCOME_ALLOWANCE, 10 },
};

/* Ages in years by category, and the base in thousands of đồng (the
 * salary base for BHXH, the pension, the allowance). */
static const struct {
	int age_min, age_max;
	long base_min, base_max;
} by_category[INCOME_COUNT] = {
	[INCOME_SALARY] = { 23, 60, 4800, 25000 },
	[INCOME_ALLOWANCE] = { 24, 45, 3000, 12000 },
	[INCOME_PENSION] = { 56, 95, 3000, 16000 },
	[INCOME_STUDENT] = { 18, 24, 0, 0 },
	[INCOME_ABROAD_STATE] = { 25, 50, 15000, 40000 },
	[INCOME_ABROAD_OTHER] = { 22, 55, 0, 0 },
	[INCOME_NO_BHXH] = { 25, 85, 0, 0 },
};

/* The retirement age in 2026 under the Labour Code 2019 (Bộ luật Lao động,
 * art. 169; Decree 135/2020): men 61 years 6 months, women 57 years.  Used
 * to mark past_retirement_age, which the no-bhxh rate reads. */
#define RETIREMENT_MONTHS_MALE (61 * 12 + 6)
#define RETIREMENT_MONTHS_FEMALE (57 * 12)

#define FEMALE_PERCENT 37       /* women among members: a rough public figure */
#define EXTRA_EXEMPT_PER_MILLE 12
#define REDUCED_PER_MILLE 15
#define UNDER_REVIEW_PER_MILLE 2

static enum income_category draw_category(struct rng *r, bool workplace)
{
	const struct weight *w = workplace ? workplace_mix : residence_mix;
	size_t n = workplace ? sizeof workplace_mix / sizeof *w : sizeof residence_mix / sizeof *w;
	unsigned pick = rng_below(r, 1000);
	size_t i;

	for (i = 0; i + 1 < n && pick >= w[i].per_mille; i++)
		pick -= w[i].per_mille;
	return w[i].category;
}

/* A whole number in [lo, hi] leaning to lo (the smaller of two draws):
 * there are more young workers than old and more small salaries than big. */
static long low_skewed(struct rng *r, long lo, long hi)
{
	long a = (long)rng_below(r, (uint32_t)(hi - lo + 1));
	long b = (long)rng_below(r, (uint32_t)(hi - lo + 1));

	return lo + (a < b ? a : b);
}

/* d moved by whole years (the 29th of February and later days become the
 * 28th, so that every year has the day), then by 0..364 days more. */
static struct date years_later(struct date d, int years, int64_t sign, struct rng *r)
{
	struct date y = { d.y + years, d.m, d.d > 28 ? 28 : d.d };

	return date_add_days(y, sign * (int64_t)rng_below(r, 365));
}

static int months_between(struct date a, struct date b)
{
	return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d);
}

static void exemptions(struct seed_ctx *c, struct rng *r, struct model_member *m,
		       struct model_exemption *ex, struct model_reduction *rd)
{
	struct date fifty = { m->joined.y + 50, m->joined.m, 1 };
	int first = period_index(c->first);

	/* QĐ 01-QĐ/TW 2026: exempt from the month of 50 years of membership. */
	if (date_cmp(fifty, c->o->today) <= 0) {
		int from = period_index((struct period){ fifty.y, fifty.m });

		ex->reason = EXEMPT_MEMBERSHIP_50_YEARS;
		ex->from = period_from_index(from > first ? from : first);
		m->exemption = ex;
	} else if (rng_below(r, 1000) < EXTRA_EXEMPT_PER_MILLE) {
		static const enum exemption others[] = {
			EXEMPT_SOCIAL_PENSION, EXEMPT_POOR_HOUSEHOLD, EXEMPT_SERIOUS_ILLNESS,
		};

		ex->reason = others[rng_below(r, 3)];
		ex->from = period_from_index(first + (int)rng_below(r, 3));
		m->exemption = ex;
	} else if (rng_below(r, 1000) < REDUCED_PER_MILLE) {
		static const int percents[] = { 30, 50, 70 };

		rd->percent = percents[rng_below(r, 3)];
		rd->from = period_from_index(first + (int)rng_below(r, 3));
		rd->to = period_from_index(period_index(rd->from) + 2 + (int)rng_below(r, 10));
		m->reductions = rd;
		m->n_reductions = 1;
	}
}

void seed_member_make(struct seed_ctx *c, long i, int org, struct model_member *m,
		      struct seed_member_text *t, struct seed_member_extra *x)
{
	struct rng r;
	struct demo_name name;
	int age, join_age, limit;

	seed_rng(c, STREAM_MEMBERS, (uint64_t)i, &r);
	memset(m, 0, sizeof *m);
	memset(x, 0, sizeof *x);
	demo_name_draw_sex(&r, rng_below(&r, 100) < FEMALE_PERCENT ? DEMO_FEMALE : DEMO_MALE,
			   &name);
	demo_name_format(&name, t->name, sizeof t->name);
	snprintf(t->id, sizeof t->id, "m%06ld", i + 1);
	/* A bijection of 0..999999 (7919 is prime to 10^6), so cards are unique
	 * and do not follow the member numbers. */
	snprintf(t->card, sizeof t->card, "%02u.%06lld", c->card_prefix,
		 (long long)(((int64_t)i * 7919 + (int64_t)c->card_offset) % 1000000));
	snprintf(t->org, sizeof t->org, "%s", c->plan.orgs[org].code);
	m->id = t->id;
	m->card_number = t->card;
	m->name = t->name;
	m->org = t->org;
	m->sex = name.sex == DEMO_FEMALE ? SEX_FEMALE : SEX_MALE;
	m->category = draw_category(&r, c->plan.orgs[org].workplace);
	age = by_category[m->category].age_min +
	      (int)low_skewed(&r, 0, by_category[m->category].age_max -
				      by_category[m->category].age_min);
	m->birth_date = years_later(c->o->today, -age, -1, &r);
	/* Admission at 18 at the earliest (Charter, art. 1), mostly young. */
	join_age = 18 + (int)low_skewed(&r, 0, age - 18 > 30 ? 30 : age - 18);
	m->joined = years_later(m->birth_date, join_age, 1, &r);
	if (date_cmp(m->joined, c->o->today) >= 0)
		m->joined = date_add_days(c->o->today, -(int64_t)rng_below(&r, 300) - 1);
	if (by_category[m->category].base_max) {
		m->has_base = true;
		m->base = 1000 * low_skewed(&r, by_category[m->category].base_min,
					    by_category[m->category].base_max);
	}
	if (m->category == INCOME_NO_BHXH) {
		m->has_region = true;
		m->region = 1 + (int64_t)rng_below(&r, 4);
	}
	if (m->category == INCOME_ABROAD_OTHER)
		x->country_group = 1 + (int)rng_below(&r, 4);
	limit = m->sex == SEX_FEMALE ? RETIREMENT_MONTHS_FEMALE : RETIREMENT_MONTHS_MALE;
	m->past_retirement_age = months_between(m->birth_date, c->o->today) >= limit;
	m->under_inspection = rng_below(&r, 1000) < UNDER_REVIEW_PER_MILLE;
	m->under_complaint = rng_below(&r, 1000) < UNDER_REVIEW_PER_MILLE;
	exemptions(c, &r, m, &x->exemption, &x->reduction);
	x->payer = rng_below(&r, 1000);
}

int seed_members_write(struct seed_ctx *c, struct tthc_err *e)
{
	size_t b;
	long done = 0;

	for (b = 0; b < c->plan.n_branches; b++) {
		int org = c->plan.branches[b];
		const struct seed_org *o = &c->plan.orgs[org];
		long i;

		for (i = o->first_member; i < o->first_member + o->n_members; i++) {
			struct model_member m;
			struct seed_member_text t;
			struct seed_member_extra x;

			seed_member_make(c, i, org, &m, &t, &x);
			if (rows_put_member(c->tx, &m, c->now, NULL, e) < 0) {
				tthc_err_prefix(e, t.id);
				return -1;
			}
			c->res->members++;
			c->res->exempt += m.exemption != NULL;
			c->res->reduced += m.n_reductions > 0;
			if (seed_member_fees(c, i, &m, &x, org, e) < 0)
				return -1;
			seed_progress(c, "members", ++done, c->o->members);
		}
	}
	return 0;
}
