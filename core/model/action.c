#include "model/action.h"

#include "util/i18n.h"

#define A(wire, member, t, fl) MODEL_FIELD(struct model_action, wire, member, t, fl)

static const struct jfield action_fields[] = {
	{ A("id", id, JT_UUID, JF_REQUIRED) },
	{ A("kind", kind, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ A("case", case_id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ A("base_version", base_version, JT_INT, JF_REQUIRED), .min = 0,
	  .max = JSON_INT_LIMIT - 1 },
	{ A("payload", payload, JT_OBJECT, JF_REQUIRED) },
	{ A("on_behalf_of", on_behalf_of, JT_ID, 0), .min = 1, .max = MODEL_ID_MAX },
	{ A("actor", actor, JT_ID, 0), .min = 1, .max = MODEL_ID_MAX },
	{ A("client_time", client_time, JT_INSTANT, JF_REQUIRED) },
};

const struct jschema model_action_schema =
	JSCHEMA(struct model_action, action_fields, NULL);

static const struct jfield request_fields[] = {
	{ MODEL_FIELD(struct model_actions_request, "actions", actions, JT_ARRAY, JF_REQUIRED),
	  .aux = offsetof(struct model_actions_request, n_actions), .min = 1,
	  .max = MODEL_ACTIONS_MAX, .sub = &model_action_schema },
};

const struct jschema model_actions_request_schema =
	JSCHEMA(struct model_actions_request, request_fields, NULL);

#define R(wire, member, t, fl) MODEL_FIELD(struct model_action_result, wire, member, t, fl)

static const struct jfield result_fields[] = {
	{ R("id", id, JT_UUID, JF_REQUIRED) },
	{ R("status", status, JT_ENUM, JF_REQUIRED), .vocab = &vocab_result_statuses },
	{ R("version", version, JT_INT, JF_HAS),
	  .aux = offsetof(struct model_action_result, has_version), .min = 1,
	  .max = JSON_INT_LIMIT - 1 },
	{ R("case", case_row, JT_STRUCT, 0), .sub = &model_case_schema },
	{ R("error", error, JT_STRUCT, 0), .sub = &model_api_error_schema },
};

static int check_result(const void *obj, struct tthc_err *err)
{
	const struct model_action_result *r = obj;

	if (r->status == RESULT_REJECTED && !r->error)
		return tthc_fail(err, TTHC_E_MISSING, "error",
				 _("a rejected action needs its reasons"));
	return 0;
}

const struct jschema model_action_result_schema =
	JSCHEMA(struct model_action_result, result_fields, check_result);

static const struct jfield response_fields[] = {
	{ MODEL_FIELD(struct model_actions_response, "results", results, JT_ARRAY, JF_REQUIRED),
	  .aux = offsetof(struct model_actions_response, n_results), .min = 0,
	  .max = MODEL_ACTIONS_MAX, .sub = &model_action_result_schema },
};

const struct jschema model_actions_response_schema =
	JSCHEMA(struct model_actions_response, response_fields, NULL);

MODEL_DEFINE(model_action, struct model_action)
MODEL_DEFINE(model_actions_request, struct model_actions_request)
MODEL_DEFINE(model_action_result, struct model_action_result)
MODEL_DEFINE(model_actions_response, struct model_actions_response)
