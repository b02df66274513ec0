/* /api/v1/reports: the periodic reports of reports.h. */
#include "api.h"
#include "reports.h"

void api_report_fees(struct http_req *r)
{
	static const char *const known[] = { "org", "period", NULL };
	struct tthc_err e;
	cJSON *res = NULL;

	if (http_query_check(r, known, &e) == 0)
		res = report_fees(r->srv, &r->actor, http_query(r, "org"), http_query(r, "period"),
				  &e);
	if (res)
		http_ok(r, 200, res);
	else
		http_fail_err(r, &e);
}

void api_report_cases(struct http_req *r)
{
	static const char *const known[] = { "org", NULL };
	struct tthc_err e;
	cJSON *res = NULL;

	if (http_query_check(r, known, &e) == 0)
		res = report_cases(r->srv, &r->actor, http_query(r, "org"), srv_now(), &e);
	if (res)
		http_ok(r, 200, res);
	else
		http_fail_err(r, &e);
}
