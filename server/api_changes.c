/* GET /api/v1/changes?since=CURSOR&limit=N (server/feed.h). */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "feed.h"
#include "util/i18n.h"

/* 1..FEED_LIMIT_MAX in plain decimal, or the default when absent. */
static int read_limit(const char *s, int *out, struct tthc_err *e)
{
	long v = 0;
	size_t n = s ? strspn(s, "0123456789") : 0;

	if (!s) {
		*out = FEED_LIMIT_DEFAULT;
		return 0;
	}
	if (n == 0 || s[n] || n > 5 || (v = strtol(s, NULL, 10)) < 1 || v > FEED_LIMIT_MAX)
		return tthc_fail(e, TTHC_E_RANGE, "limit", _("limit is a number from 1 to %d"),
				 FEED_LIMIT_MAX);
	*out = (int)v;
	return 0;
}

void api_changes(struct http_req *r)
{
	static const char *const allowed[] = { "since", "limit", NULL };
	struct buf out = BUF_INIT;
	struct tthc_err e;
	int limit = FEED_LIMIT_DEFAULT;

	if (http_query_check(r, allowed, &e) == 0 && read_limit(http_query(r, "limit"), &limit, &e) == 0 &&
		   feed_page(r->srv->db, r->caller.account_id, http_query(r, "since"), limit, &out,
			     &e) == 0) {
		http_ok_text(r, 200, buf_detach(&out));
		return;
	}
	buf_free(&out);
	http_fail_err(r, &e);
}
