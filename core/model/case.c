#include "model/case.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

#define O(wire, member, t, fl) MODEL_FIELD(struct model_case_org, wire, member, t, fl)

static const struct jfield org_fields[] = {
	{ O("relation", relation, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ O("org", org, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
};

static const struct jschema org_schema = JSCHEMA(struct model_case_org, org_fields, NULL);

#define D(wire, member, t, fl) MODEL_FIELD(struct model_deadline, wire, member, t, fl)

static const struct jfield deadline_fields[] = {
	{ D("name", name, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ D("due", due, JT_INSTANT, JF_REQUIRED) },
};

static const struct jschema deadline_schema =
	JSCHEMA(struct model_deadline, deadline_fields, NULL);

#define F(wire, member, t, fl) MODEL_FIELD(struct model_case, wire, member, t, fl)

static const struct jfield fields[] = {
	{ F("id", id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ F("procedure", procedure, JT_ENUM, JF_REQUIRED), .vocab = &vocab_procedures },
	{ F("state", state, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ F("version", version, JT_INT, JF_REQUIRED), .min = 1, .max = JSON_INT_LIMIT - 1 },
	{ F("member", member, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ F("orgs", orgs, JT_ARRAY, JF_REQUIRED), .aux = offsetof(struct model_case, n_orgs),
	  .min = 1, .max = 16, .sub = &org_schema },
	{ F("fields", fields, JT_OBJECT, JF_REQUIRED) },
	{ F("created_at", created_at, JT_INSTANT, JF_REQUIRED) },
	{ F("updated_at", updated_at, JT_INSTANT, JF_REQUIRED) },
	{ F("deadlines", deadlines, JT_ARRAY, 0),
	  .aux = offsetof(struct model_case, n_deadlines), .min = 0, .max = 16,
	  .sub = &deadline_schema },
};

static int check(const void *obj, struct tthc_err *err)
{
	const struct model_case *c = obj;
	size_t i, k;

	if (c->updated_at < c->created_at)
		return tthc_fail(err, TTHC_E_RANGE, "updated_at", _("is before created_at"));
	/* Each relation names one organisation, or "the sending org" would be
	 * ambiguous to the rules. */
	for (i = 0; i < c->n_orgs; i++)
		for (k = 0; k < i; k++)
			if (!strcmp(c->orgs[i].relation, c->orgs[k].relation)) {
				char where[48];

				snprintf(where, sizeof where, "orgs[%zu].relation", i);
				return tthc_fail(err, TTHC_E_INVALID, where,
						 _("relation given twice"));
			}
	return 0;
}

const struct jschema model_case_schema = JSCHEMA(struct model_case, fields, check);

MODEL_DEFINE(model_case, struct model_case)
