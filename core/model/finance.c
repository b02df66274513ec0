#include "model/finance.h"

#define FP(wire, member, t, fl) MODEL_FIELD(struct model_fee_period, wire, member, t, fl)

static const struct jfield period_fields[] = {
	{ FP("id", id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ FP("org", org, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ FP("period", period, JT_PERIOD, JF_REQUIRED) },
	{ FP("state", state, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
};

const struct jschema model_fee_period_schema =
	JSCHEMA(struct model_fee_period, period_fields, NULL);

#define P(wire, member, t, fl) MODEL_FIELD(struct model_payment, wire, member, t, fl)

static const struct jfield payment_fields[] = {
	{ P("id", id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ P("member", member, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ P("period", period, JT_PERIOD, JF_REQUIRED) },
	{ P("amount", amount, JT_INT, JF_REQUIRED), .min = 1, .max = MODEL_AMOUNT_MAX },
	{ P("method", method, JT_ENUM, JF_REQUIRED), .vocab = &vocab_payment_methods },
	{ P("paid_on", paid_on, JT_DATE, JF_REQUIRED) },
};

const struct jschema model_payment_schema =
	JSCHEMA(struct model_payment, payment_fields, NULL);

#define B(wire, member, t, fl) MODEL_FIELD(struct model_bank_account, wire, member, t, fl)

static const struct jfield bank_fields[] = {
	{ B("id", id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ B("org", org, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ B("bank", bank, JT_STRING, JF_REQUIRED), .min = 1, .max = MODEL_NAME_MAX },
	/* ISO 13616 caps an account number (IBAN) at 34 characters. */
	{ B("number", number, JT_ID, JF_REQUIRED), .min = 1, .max = 34 },
	{ B("holder", holder, JT_STRING, JF_REQUIRED), .min = 1, .max = MODEL_NAME_MAX },
};

const struct jschema model_bank_account_schema =
	JSCHEMA(struct model_bank_account, bank_fields, NULL);

MODEL_DEFINE(model_fee_period, struct model_fee_period)
MODEL_DEFINE(model_payment, struct model_payment)
MODEL_DEFINE(model_bank_account, struct model_bank_account)
