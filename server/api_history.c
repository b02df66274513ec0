/* GET /api/v1/cases/ID/history: the case's audit entries (history.h). */
#include "api.h"
#include "history.h"

void api_case_history(struct http_req *r)
{
	struct tthc_err e;
	cJSON *h = history_get(r->srv, &r->actor, r->arg, &e);

	if (h)
		http_ok(r, 200, h);
	else
		http_fail_err(r, &e);
}
