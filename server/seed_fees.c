/* Party fees of the synthetic province (DESIGN.md section 7): each
 * branch's fee periods from 08/2026 (the first electronic period) to the
 * seed's month, each member's payments at the amounts core/fee computes,
 * and the open fee cases: this month's (due, paid, or confirmed where the
 * branch has confirmed), last month's still waiting for the level above in
 * branches that have remitted, and the months a member still owes. */
#include <stdio.h>

#include "fee/calc.h"
#include "rows.h"
#include "seed_impl.h"
#include "util/i18n.h"

#define ONLINE_PERCENT 45
#define REMITTED_PERCENT 25     /* branches whose last month awaits the level above */
#define CONFIRMED_PERCENT 30    /* branches that confirmed this month's payments already */

/* How many of the latest past months a member has not paid, by his payer
 * draw (0..999): most pay every month; a few are one or two months late;
 * 1% pay nothing, the case where the branch considers removal (three
 * months unpaid, DESIGN.md section 7). */
static int months_owed(unsigned payer, int past_months)
{
	int owed = payer < 10 ? past_months : payer < 30 ? 2 : payer < 70 ? 1 : 0;

	return owed < past_months ? owed : past_months;
}

struct branch_flags {
	bool remitted, confirmed;
};

static struct branch_flags branch_flags(const struct seed_ctx *c, int org)
{
	struct rng r;
	struct branch_flags f;

	seed_rng(c, STREAM_FEES, (uint64_t)org, &r);
	f.remitted = rng_below(&r, 100) < REMITTED_PERCENT;
	f.confirmed = rng_below(&r, 100) < CONFIRMED_PERCENT;
	return f;
}

int seed_fee_periods_write(struct seed_ctx *c, struct tthc_err *e)
{
	int last = period_index(c->last), p;
	size_t b;

	for (b = 0; b < c->plan.n_branches; b++) {
		const struct seed_org *o = &c->plan.orgs[c->plan.branches[b]];
		struct branch_flags f = branch_flags(c, c->plan.branches[b]);

		for (p = period_index(c->first); p <= last; p++) {
			char id[96], month[8];
			struct model_fee_period fp = { .id = id, .org = (char *)o->code };

			fp.period = period_from_index(p);
			period_format(fp.period, month);
			snprintf(id, sizeof id, "fp.%s.%s", o->code, month);
			fp.state = (char *)seed_state(PROC_FEE, p == last ? "due" :
						      p == last - 1 && f.remitted ? "remitted" :
						      "settled");
			if (!fp.state)
				return tthc_fail(e, TTHC_E_INVALID, id, _("no such state in "
									 "procedure '%s'"), "fee");
			if (rows_put_fee_period(c->tx, &fp, c->now, NULL, e) < 0)
				return -1;
			c->res->fee_periods++;
		}
	}
	return 0;
}

static int amount_for(const struct model_member *m, const struct seed_member_extra *x,
		      struct period p, int64_t *amount, struct tthc_err *e)
{
	struct fee_member fm = {
		.category = (enum income_category)m->category,
		.base = m->has_base ? m->base : 0,
		.region = m->has_region ? (int)m->region : 0,
		.country_group = x->country_group,
		.past_retirement_age = m->past_retirement_age,
	};
	const struct model_exemption *ex = m->exemption;

	if (ex && period_index(ex->from) <= period_index(p) &&
	    (!ex->has_to || period_index(p) <= period_index(ex->to))) {
		fm.exempt = true;
		fm.exempt_reason = (enum exemption)ex->reason;
	}
	if (m->n_reductions)
		fm.reduction = (struct fee_reduction){ (int)m->reductions[0].percent,
						       m->reductions[0].from, m->reductions[0].to };
	return fee_monthly_amount(&fee_rules_default, &fm, p, amount, NULL, e);
}

static int put_payment(struct seed_ctx *c, const struct model_member *m, struct period p,
		       int64_t amount, struct rng *r, struct model_payment *pay, char id[64],
		       struct tthc_err *e)
{
	char month[8];
	bool current = period_index(p) == period_index(c->last);
	int days = current ? c->o->today.d : 28;

	period_format(p, month);
	snprintf(id, 64, "pay.%s.%s", m->id, month);
	*pay = (struct model_payment){
		.id = id, .member = m->id, .period = p, .amount = amount,
		.method = rng_below(r, 100) < ONLINE_PERCENT ? PAY_ONLINE : PAY_CASH,
		.paid_on = { p.y, p.m, 1 + (int)rng_below(r, (uint32_t)days) },
	};
	c->res->payments++;
	return rows_put_payment(c->tx, pay, c->now, NULL, e);
}

static int put_fee_case(struct seed_ctx *c, const struct model_member *m, int org,
			struct period p, const char *state, const struct model_payment *pay,
			struct tthc_err *e)
{
	const struct seed_org *o = &c->plan.orgs[org];
	struct model_case_org rel[] = {
		{ "own", (char *)o->code }, { "upper", c->plan.orgs[o->parent].code },
	};
	char id[64], month[8], paid_on[11];
	cJSON *fields = cJSON_CreateObject();
	int rc;

	period_format(p, month);
	snprintf(id, sizeof id, "fee.%s.%s", m->id, month);
	cJSON_AddStringToObject(fields, "period", month);
	/* The pay action's fields (core/proc table_fee.c) when he has paid. */
	if (pay) {
		date_format_iso(pay->paid_on, paid_on);
		cJSON_AddNumberToObject(fields, "amount", (double)pay->amount);
		cJSON_AddStringToObject(fields, "paid_on", paid_on);
		cJSON_AddStringToObject(fields, "method",
					vocab_name(&vocab_payment_methods, pay->method));
	}
	rc = seed_case_put(c, id, PROC_FEE, state, m->id, rel, 2, fields, 0, e);
	cJSON_Delete(fields);
	return rc;
}

int seed_member_fees(struct seed_ctx *c, long i, const struct model_member *m,
		     const struct seed_member_extra *x, int org, struct tthc_err *e)
{
	int first = period_index(c->first), last = period_index(c->last), p;
	int owed = months_owed(x->payer, last - first);
	struct branch_flags f = branch_flags(c, org);
	struct rng r;
	bool in_arrears = false;

	seed_rng(c, STREAM_PAYMENTS, (uint64_t)i, &r);
	for (p = first; p <= last; p++) {
		struct period per = period_from_index(p);
		struct model_payment pay;
		char pay_id[64];
		int64_t amount;
		bool paid;

		if (amount_for(m, x, per, &amount, e) < 0) {
			tthc_err_prefix(e, m->id);
			return -1;
		}
		if (amount == 0)        /* exempt */
			continue;
		/* This month, the later in the month the more have paid: a
		 * fifth on the 1st, nine in ten from the 24th. */
		paid = p < last ? p < last - owed
				: rng_below(&r, 100) < (uint32_t)(20 + 3 * c->o->today.d);
		if (paid && put_payment(c, m, per, amount, &r, &pay, pay_id, e) < 0)
			return -1;
		if (!paid && p < last)
			in_arrears = true;
		if (p == last && put_fee_case(c, m, org, per, !paid ? "due" : f.confirmed ?
					      "confirmed" : "paid", paid ? &pay : NULL, e) < 0)
			return -1;
		if (p < last && !paid && put_fee_case(c, m, org, per, "due", NULL, e) < 0)
			return -1;
		if (p == last - 1 && paid && f.remitted &&
		    put_fee_case(c, m, org, per, "remitted", &pay, e) < 0)
			return -1;
	}
	c->res->arrears += in_arrears;
	return 0;
}
