#include "model/changes.h"

#include "util/i18n.h"

#define C(wire, member, t, fl) MODEL_FIELD(struct model_change, wire, member, t, fl)

static const struct jfield change_fields[] = {
	{ C("kind", kind, JT_ENUM, JF_REQUIRED), .vocab = &vocab_entity_kinds },
	{ C("id", id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ C("version", version, JT_INT, JF_REQUIRED), .min = 1, .max = JSON_INT_LIMIT - 1 },
	{ C("org_before", org_before, JT_ID, 0), .min = 1, .max = MODEL_ID_MAX },
	{ C("org_after", org_after, JT_ID, 0), .min = 1, .max = MODEL_ID_MAX },
	{ C("tombstone", tombstone, JT_BOOL, 0) },
	{ C("row", row, JT_OBJECT, 0) },
};

static int check_change(const void *obj, struct tthc_err *err)
{
	const struct model_change *c = obj;

	if (c->tombstone && c->row)
		return tthc_fail(err, TTHC_E_INVALID, "row", _("a tombstone has no row"));
	if (!c->tombstone && !c->row)
		return tthc_fail(err, TTHC_E_MISSING, "row", _("missing field"));
	return 0;
}

const struct jschema model_change_schema =
	JSCHEMA(struct model_change, change_fields, check_change);

#define P(wire, member, t, fl) MODEL_FIELD(struct model_changes_page, wire, member, t, fl)

static const struct jfield page_fields[] = {
	{ P("changes", changes, JT_ARRAY, JF_REQUIRED),
	  .aux = offsetof(struct model_changes_page, n_changes), .min = 0,
	  .max = MODEL_CHANGES_MAX, .sub = &model_change_schema },
	{ P("next", next, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ P("more", more, JT_BOOL, JF_REQUIRED) },
};

const struct jschema model_changes_page_schema =
	JSCHEMA(struct model_changes_page, page_fields, NULL);

MODEL_DEFINE(model_change, struct model_change)
MODEL_DEFINE(model_changes_page, struct model_changes_page)
