/* POST /api/v1/actions: a batch of pushed actions (docs/API.md, Actions;
 * actions.h does the work). */
#include <stdlib.h>

#include "actions.h"
#include "api.h"
#include "util/i18n.h"

void api_actions_push(struct http_req *r)
{
	struct model_actions_request q;
	struct model_actions_response res;
	struct tthc_err e;
	size_t i;
	cJSON *j;

	/* Strict: unknown fields, wrong types, more than MODEL_ACTIONS_MAX
	 * actions are 400 with the path of the problem. */
	if (model_actions_request_parse(r->body, r->body_len, JSON_STRICT, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	/* The actor is the caller, whatever a client wrote. */
	for (i = 0; i < q.n_actions; i++) {
		free(q.actions[i].actor);
		q.actions[i].actor = NULL;
	}
	if (actions_apply(r->srv, &r->actor, &q, srv_now(), &res, &e) < 0) {
		http_fail_err(r, &e);
	} else if (!(j = model_actions_response_encode(&res))) {
		http_fail(r, 500, "internal", _("out of memory"), NULL);
	} else {
		http_ok(r, 200, j);
	}
	model_actions_response_free(&res);
	model_actions_request_free(&q);
}
