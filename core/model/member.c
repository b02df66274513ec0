#include "model/member.h"

#include "util/i18n.h"

#define EX(wire, member, t, fl) MODEL_FIELD(struct model_exemption, wire, member, t, fl)

static const struct jfield exemption_fields[] = {
	{ EX("reason", reason, JT_ENUM, JF_REQUIRED), .vocab = &vocab_exemptions },
	{ EX("from", from, JT_PERIOD, JF_REQUIRED) },
	{ EX("to", to, JT_PERIOD, JF_HAS), .aux = offsetof(struct model_exemption, has_to) },
};

static int check_exemption(const void *obj, struct tthc_err *err)
{
	const struct model_exemption *x = obj;

	if (x->has_to && period_index(x->to) < period_index(x->from))
		return tthc_fail(err, TTHC_E_RANGE, "to", _("ends before it starts"));
	return 0;
}

static const struct jschema exemption_schema =
	JSCHEMA(struct model_exemption, exemption_fields, check_exemption);

#define RD(wire, member, t, fl) MODEL_FIELD(struct model_reduction, wire, member, t, fl)

static const struct jfield reduction_fields[] = {
	{ RD("percent", percent, JT_INT, JF_REQUIRED), .min = 30, .max = 70 },
	{ RD("from", from, JT_PERIOD, JF_REQUIRED) },
	{ RD("to", to, JT_PERIOD, JF_REQUIRED) },
};

static int check_reduction(const void *obj, struct tthc_err *err)
{
	const struct model_reduction *r = obj;

	/* The only rates QĐ 01-QĐ/TW 2026 provides. */
	if (r->percent != 30 && r->percent != 50 && r->percent != 70)
		return tthc_fail(err, TTHC_E_RANGE, "percent", _("must be 30, 50 or 70"));
	if (period_index(r->to) < period_index(r->from))
		return tthc_fail(err, TTHC_E_RANGE, "to", _("ends before it starts"));
	return 0;
}

static const struct jschema reduction_schema =
	JSCHEMA(struct model_reduction, reduction_fields, check_reduction);

#define F(wire, member, t, fl) MODEL_FIELD(struct model_member, wire, member, t, fl)

static const struct jfield fields[] = {
	{ F("id", id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ F("card_number", card_number, JT_ID, JF_REQUIRED), .min = 1, .max = 20 },
	{ F("name", name, JT_STRING, JF_REQUIRED), .min = 1, .max = MODEL_NAME_MAX },
	{ F("birth_date", birth_date, JT_DATE, JF_REQUIRED) },
	{ F("sex", sex, JT_ENUM, JF_REQUIRED), .vocab = &vocab_sexes },
	{ F("org", org, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ F("joined", joined, JT_DATE, JF_REQUIRED) },
	{ F("category", category, JT_ENUM, JF_REQUIRED),
	  .vocab = &vocab_income_categories },
	{ F("base", base, JT_INT, JF_HAS), .aux = offsetof(struct model_member, has_base),
	  .min = 0, .max = MODEL_AMOUNT_MAX },
	{ F("region", region, JT_INT, JF_HAS),
	  .aux = offsetof(struct model_member, has_region), .min = 1, .max = 4 },
	{ F("past_retirement_age", past_retirement_age, JT_BOOL, 0) },
	{ F("under_inspection", under_inspection, JT_BOOL, 0) },
	{ F("under_complaint", under_complaint, JT_BOOL, 0) },
	{ F("exemption", exemption, JT_STRUCT, 0), .sub = &exemption_schema },
	{ F("reductions", reductions, JT_ARRAY, 0),
	  .aux = offsetof(struct model_member, n_reductions), .min = 0, .max = 64,
	  .sub = &reduction_schema },
};

static int check(const void *obj, struct tthc_err *err)
{
	const struct model_member *m = obj;

	if (date_cmp(m->joined, m->birth_date) <= 0)
		return tthc_fail(err, TTHC_E_RANGE, "joined", _("is not after the birth date"));
	return 0;
}

const struct jschema model_member_schema = JSCHEMA(struct model_member, fields, check);

MODEL_DEFINE(model_member, struct model_member)
