#include "api_util.h"

#include "util/i18n.h"

int api_query_int(const struct http_req *r, const char *name, int64_t min, int64_t max,
		  int64_t *out, struct tthc_err *e)
{
	const char *s = http_query(r, name), *p;
	int64_t v = 0;

	if (!s)
		return 0;
	for (p = s; *p >= '0' && *p <= '9' && v <= max; p++)
		v = v * 10 + (*p - '0');
	if (p == s || (*p && (*p < '0' || *p > '9')))
		return tthc_fail(e, TTHC_E_INVALID, name, _("not a whole number"));
	if (*p || v < min || v > max)
		return tthc_fail(e, TTHC_E_RANGE, name, _("must be from %lld to %lld"),
				 (long long)min, (long long)max);
	*out = v;
	return 0;
}

void api_attach_current(struct http_req *r, cJSON *current)
{
	if (current && r->json)
		cJSON_AddItemToObject(r->json, "current", current);
	else
		cJSON_Delete(current);
}
