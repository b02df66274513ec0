#include "model/org.h"

#include "util/i18n.h"

#define F(wire, member, t, fl) MODEL_FIELD(struct model_org, wire, member, t, fl)

static const struct jfield fields[] = {
	{ F("id", id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ F("parent", parent, JT_ID, 0), .min = 1, .max = MODEL_ID_MAX },
	{ F("type", type, JT_ENUM, JF_REQUIRED), .vocab = &vocab_org_types },
	{ F("name", name, JT_STRING, JF_REQUIRED), .min = 1, .max = MODEL_NAME_MAX },
	{ F("commune", commune, JT_BOOL, JF_HAS),
	  .aux = offsetof(struct model_org, has_commune) },
};

static int check(const void *obj, struct tthc_err *err)
{
	const struct model_org *o = obj;
	bool base = o->type == ORG_BASE_COMMITTEE;

	if ((o->parent == NULL) != (o->type == ORG_PROVINCE))
		return tthc_fail(err, TTHC_E_INVALID, "parent", o->parent
				 ? _("the provincial committee has no parent")
				 : _("required for every organisation but the province"));
	if (o->has_commune != base)
		return tthc_fail(err, base ? TTHC_E_MISSING : TTHC_E_INVALID, "commune",
				 base ? _("required for a base committee")
				 : _("only a base committee has this flag"));
	return 0;
}

const struct jschema model_org_schema = JSCHEMA(struct model_org, fields, check);

MODEL_DEFINE(model_org, struct model_org)
