/* Actions pushed by clients and the server's answer to each (DESIGN.md
 * section 3; issue 5: POST /api/v1/actions). */
#ifndef TTHC_MODEL_ACTION_H
#define TTHC_MODEL_ACTION_H

#include "model/api_error.h"
#include "model/case.h"
#include "model/model.h"

/* The most actions in one request (issue 5). */
#define MODEL_ACTIONS_MAX 1000

struct model_action {
	char id[JSON_UUID_SIZE];        /* the client's UUID: the idempotency key */
	char *kind;                     /* core/proc's action name */
	char *case_id;                  /* "case" on the wire */
	int64_t base_version;           /* the case version it was decided on;
					 * 0 for an action that opens a case */
	cJSON *payload;                 /* an object, checked by core/proc */
	char *on_behalf_of;             /* the member staff act for (QĐ 338) */
	char *actor;                    /* set by the server from the token;
					 * a client's value is not trusted */
	int64_t client_time;
};

struct model_actions_request {
	struct model_action *actions;   /* 1..MODEL_ACTIONS_MAX */
	size_t n_actions;
};

struct model_action_result {
	char id[JSON_UUID_SIZE];
	int status;                     /* enum result_status */
	int64_t version;                /* the case's version after it */
	bool has_version;
	/* The case as it stands: after the action when applied, the
	 * server's current copy on a conflict. */
	struct model_case *case_row;    /* "case" on the wire */
	struct model_api_error *error;  /* required when rejected */
};

struct model_actions_response {
	struct model_action_result *results;
	size_t n_results;
};

MODEL_DECLARE(model_action, struct model_action)
MODEL_DECLARE(model_actions_request, struct model_actions_request)
MODEL_DECLARE(model_action_result, struct model_action_result)
MODEL_DECLARE(model_actions_response, struct model_actions_response)

#endif
