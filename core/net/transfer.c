/* One attempt of a request on the conn's easy handle.  The handle is
 * reused for keep-alive, so every per-request option is set again here,
 * whatever the previous request left behind. */
#include "net/internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/i18n.h"

static size_t on_body(char *data, size_t size, size_t n, void *ctx)
{
	struct net_request *r = ctx;
	size_t len = size * n;

	/* The cap is on decoded bytes: it also stops a gzip bomb, which the
	 * Content-Length check (CURLOPT_MAXFILESIZE) cannot see. */
	if (len > r->conn->max_response - r->answer.len) {
		r->over_cap = true;
		return 0;
	}
	buf_append(&r->answer, data, len);
	return buf_failed(&r->answer) ? 0 : len;
}

/* RFC 9110 section 10.2.3: delay-seconds or an HTTP date. */
static long retry_after(const char *v)
{
	char *end;
	long s = strtol(v, &end, 10);
	time_t when;

	if (end != v && (*end == '\0' || *end == '\r' || *end == '\n') && s >= 0)
		return s;
	when = curl_getdate(v, NULL);
	if (when < 0)
		return -1;
	return when > time(NULL) ? (long)(when - time(NULL)) : 0;
}

static size_t on_header(char *data, size_t size, size_t n, void *ctx)
{
	static const char name[] = "Retry-After:";
	struct net_request *r = ctx;
	size_t len = size * n, nlen = sizeof name - 1;
	char value[64];

	/* A new status line (after a 100 Continue, say) starts a new answer. */
	if (len >= 5 && !memcmp(data, "HTTP/", 5))
		r->res.retry_after_s = -1;
	else if (len > nlen && len - nlen < sizeof value && !strncasecmp(data, name, nlen)) {
		memcpy(value, data + nlen, len - nlen);
		value[len - nlen] = '\0';
		r->res.retry_after_s = retry_after(value + strspn(value, " \t"));
	}
	return len;
}

static int on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	struct net_request *r = ctx;
	struct net_progress *p = &r->progress;

	if (p->dl_now != dlnow || p->dl_total != dltotal || p->ul_now != ulnow ||
	    p->ul_total != ultotal) {
		p->dl_now = dlnow;
		p->dl_total = dltotal;
		p->ul_now = ulnow;
		p->ul_total = ultotal;
		net_notify(r);
	}
	/* Non-zero makes libcurl stop the transfer (CURLE_ABORTED_BY_CALLBACK);
	 * net_attempt_end then sees the cancel. */
	return r->cancel_asked;
}

/* libcurl calls this once a connection is ready (TLS verified, pin
 * checked) and just before it writes the request: from here on a failure
 * may leave the server with the request. */
static int on_prereq(void *ctx, char *conn_primary_ip, char *conn_local_ip,
		     int conn_primary_port, int conn_local_port)
{
	struct net_request *r = ctx;

	(void)conn_primary_ip;
	(void)conn_local_ip;
	(void)conn_primary_port;
	(void)conn_local_port;
	r->prereq_seen = true;
	return CURL_PREREQFUNC_OK;
}

static int set_method(CURL *e, const struct net_request *r)
{
	static const char *const custom[] = {
		[NET_GET] = NULL, [NET_POST] = NULL, [NET_PUT] = "PUT", [NET_DELETE] = "DELETE",
	};
	CURLcode rc;

	if (r->method == NET_POST || r->method == NET_PUT || r->body_len > 0) {
		rc = curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->body_len);
		if (rc == CURLE_OK)
			rc = curl_easy_setopt(e, CURLOPT_POSTFIELDS, r->body ? r->body : "");
	} else {
		rc = curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
	}
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, custom[r->method]);
	return rc == CURLE_OK ? 0 : -1;
}

int net_transfer_setup(struct net_request *r, struct tthc_err *err)
{
	const struct net_conn *c = r->conn;
	CURL *e = c->easy;
	CURLcode rc = CURLE_OK;

#define SET(opt, val) if (rc == CURLE_OK) rc = curl_easy_setopt(e, opt, val)
	SET(CURLOPT_URL, r->url);
	SET(CURLOPT_HTTPHEADER, r->headers);
	SET(CURLOPT_USERAGENT, "tthc/" TTHC_VERSION);
	/* "" offers every encoding libcurl can decode (gzip, deflate, br,
	 * zstd), and libcurl decodes it before on_body sees it. */
	SET(CURLOPT_ACCEPT_ENCODING, "");
	SET(CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
	SET(CURLOPT_TIMEOUT_MS, c->timeout_ms);
	SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_response);
	/* No signals in a library: a front end has its own handlers. */
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_TCP_KEEPALIVE, 1L);
	SET(CURLOPT_ERRORBUFFER, r->errbuf);
	SET(CURLOPT_WRITEFUNCTION, on_body);
	SET(CURLOPT_WRITEDATA, r);
	SET(CURLOPT_HEADERFUNCTION, on_header);
	SET(CURLOPT_HEADERDATA, r);
	SET(CURLOPT_NOPROGRESS, 0L);
	SET(CURLOPT_XFERINFOFUNCTION, on_progress);
	SET(CURLOPT_XFERINFODATA, r);
	SET(CURLOPT_PREREQFUNCTION, on_prereq);
	SET(CURLOPT_PREREQDATA, r);
#undef SET
	if (rc != CURLE_OK || set_method(e, r) < 0)
		return tthc_fail(err, TTHC_E_INVALID, r->url,
				 _("the network library refused a setting: %s"),
				 curl_easy_strerror(rc));
	return 0;
}

void net_transfer_release(struct net_conn *c)
{
	/* libcurl keeps these pointers, not copies; the request that owns
	 * them may be freed before the next one sets its own. */
	curl_easy_setopt(c->easy, CURLOPT_ERRORBUFFER, NULL);
	curl_easy_setopt(c->easy, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(c->easy, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(c->easy, CURLOPT_WRITEDATA, NULL);
	curl_easy_setopt(c->easy, CURLOPT_HEADERDATA, NULL);
	curl_easy_setopt(c->easy, CURLOPT_XFERINFODATA, NULL);
	curl_easy_setopt(c->easy, CURLOPT_PREREQDATA, NULL);
}
