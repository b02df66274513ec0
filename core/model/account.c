#include "model/account.h"

/* A person holds few roles; 64 leaves room and bounds the work. */
#define MAX_ROLES 64

#define G(wire, member, t, fl) MODEL_FIELD(struct model_grant, wire, member, t, fl)

static const struct jfield grant_fields[] = {
	{ G("role", role, JT_ENUM, JF_REQUIRED), .vocab = &vocab_roles },
	{ G("org", org, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
};

const struct jschema model_grant_schema = JSCHEMA(struct model_grant, grant_fields, NULL);

#define A(wire, member, t, fl) MODEL_FIELD(struct model_account, wire, member, t, fl)

static const struct jfield account_fields[] = {
	{ A("id", id, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ A("username", username, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ A("status", status, JT_ENUM, JF_REQUIRED), .vocab = &vocab_account_statuses },
	{ A("roles", roles, JT_ARRAY, JF_REQUIRED),
	  .aux = offsetof(struct model_account, n_roles), .min = 0, .max = MAX_ROLES,
	  .sub = &model_grant_schema },
	{ A("member", member, JT_ID, 0), .min = 1, .max = MODEL_ID_MAX },
	{ A("must_change_password", must_change_password, JT_BOOL, 0) },
};

const struct jschema model_account_schema =
	JSCHEMA(struct model_account, account_fields, NULL);

#define R(wire, member, t, fl) MODEL_FIELD(struct model_session_request, wire, member, t, fl)

static const struct jfield request_fields[] = {
	{ R("username", username, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	/* Characters, not bytes: a Vietnamese pass phrase is welcome. */
	{ R("password", password, JT_STRING, JF_REQUIRED), .min = 1, .max = 1024 },
};

const struct jschema model_session_request_schema =
	JSCHEMA(struct model_session_request, request_fields, NULL);

#define S(wire, member, t, fl) MODEL_FIELD(struct model_session, wire, member, t, fl)

static const struct jfield session_fields[] = {
	{ S("token", token, JT_ID, JF_REQUIRED), .min = 16, .max = 256 },
	{ S("expires_at", expires_at, JT_INSTANT, JF_REQUIRED) },
	{ S("roles", roles, JT_ARRAY, JF_REQUIRED),
	  .aux = offsetof(struct model_session, n_roles), .min = 0, .max = MAX_ROLES,
	  .sub = &model_grant_schema },
	{ S("member", member, JT_ID, 0), .min = 1, .max = MODEL_ID_MAX },
};

const struct jschema model_session_schema =
	JSCHEMA(struct model_session, session_fields, NULL);

MODEL_DEFINE(model_account, struct model_account)
MODEL_DEFINE(model_session_request, struct model_session_request)
MODEL_DEFINE(model_session, struct model_session)
