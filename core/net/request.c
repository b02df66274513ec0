/* A request: what to send, how to retry, where its progress goes, and its
 * result once done. */
#include "net/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

static int add_header(struct net_request *r, const char *h)
{
	struct curl_slist *l = curl_slist_append(r->headers, h);

	if (!l)
		return -1;
	r->headers = l;
	return 0;
}

static int build(struct net_request *r, const char *path, const char *body, size_t len)
{
	const struct net_conn *c = r->conn;
	size_t n = strlen(c->base_url) + strlen(path) + 1;

	r->url = malloc(n);
	if (!r->url)
		return -1;
	snprintf(r->url, n, "%s%s", c->base_url, path);
	if (len > 0) {
		r->body = malloc(len);
		if (!r->body)
			return -1;
		memcpy(r->body, body, len);
		r->body_len = len;
	}
	/* An empty Expect: stops libcurl from waiting for a 100 Continue
	 * before a large body, a round trip lost on a slow line. */
	if (add_header(r, "Accept: application/json") < 0 || add_header(r, "Expect:") < 0)
		return -1;
	if (len > 0 && add_header(r, "Content-Type: application/json") < 0)
		return -1;
	if (c->auth_header && add_header(r, c->auth_header) < 0)
		return -1;
	return 0;
}

struct net_request *net_request_new(struct net_conn *c, enum net_method m, const char *path,
				    const char *body, size_t body_len, struct tthc_err *err)
{
	struct net_request *r;

	if ((unsigned)m > NET_DELETE || !path || path[0] != '/') {
		tthc_fail(err, TTHC_E_USAGE, path, "%s", _("a request path must start with '/'"));
		return NULL;
	}
	r = calloc(1, sizeof *r);
	if (!r) {
		tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
		return NULL;
	}
	r->conn = c;
	r->method = m;
	r->retry.max_attempts = 1;
	r->res.retry_after_s = -1;
	r->res.cls = NET_FAILED;    /* until it has run */
	if (build(r, path, body, body_len) < 0) {
		net_request_free(r);
		tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
		return NULL;
	}
	return r;
}

void net_request_set_retry(struct net_request *r, const struct net_retry *retry)
{
	r->retry = *retry;
	if (r->retry.max_attempts < 1)
		r->retry.max_attempts = 1;
}

void net_request_set_progress(struct net_request *r, net_progress_fn *fn, void *ctx)
{
	r->progress_fn = fn;
	r->progress_ctx = ctx;
}

const struct net_result *net_request_result(const struct net_request *r)
{
	return &r->res;
}

char *net_request_take_body(struct net_request *r, size_t *len)
{
	char *body = r->res.body;

	if (len)
		*len = r->res.body_len;
	r->res.body = NULL;
	r->res.body_len = 0;
	return body;
}

void net_request_free(struct net_request *r)
{
	if (!r)
		return;
	net_request_cancel(r);
	free(r->url);
	free(r->body);
	curl_slist_free_all(r->headers);
	buf_free(&r->answer);
	free(r->res.body);
	free(r);
}
