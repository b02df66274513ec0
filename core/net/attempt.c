/* The life of a request: attempts on the conn's handles, the backoff
 * between them, the end (done or cancelled).  A request holds its conn
 * from start to end, one at a time, because the conn has one easy handle. */
#include "net/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

void net_notify(struct net_request *r)
{
	if (!r->progress_fn)
		return;
	r->in_callback = true;
	r->progress_fn(r->progress_ctx, &r->progress);
	r->in_callback = false;
}

/* Outside libcurl's callbacks: carry out a cancel asked for in one. */
static void notify(struct net_request *r)
{
	net_notify(r);
	if (r->cancel_asked)
		net_request_cancel(r);
}

static void finish(struct net_request *r)
{
	size_t len = r->answer.len;

	r->phase = PHASE_DONE;
	r->conn->busy = NULL;
	r->progress.waiting = false;
	net_transfer_release(r->conn);
	free(r->res.body);
	r->res.body = buf_detach(&r->answer);
	r->res.body_len = r->res.body ? len : 0;
	if (!r->res.body && r->res.cls == NET_OK) {
		r->res.cls = NET_FAILED;
		tthc_fail(&r->res.err, TTHC_E_NOMEM, r->url, "%s", _("out of memory"));
	}
}

/* An attempt that cannot even be set up ends the request. */
static void fail_to_start(struct net_request *r, const struct tthc_err *why)
{
	r->res.cls = NET_FAILED;
	r->res.err = *why;
	finish(r);
}

int net_attempt_begin(struct net_request *r, struct tthc_err *err)
{
	struct tthc_err why = { 0 };

	buf_free(&r->answer);
	r->over_cap = false;
	r->prereq_seen = false;
	r->errbuf[0] = '\0';
	r->res.retry_after_s = -1;
	r->res.attempts++;
	memset(&r->progress, 0, sizeof r->progress);
	r->progress.attempt = r->res.attempts;
	if (net_transfer_setup(r, &why) < 0 ||
	    curl_multi_add_handle(r->conn->multi, r->conn->easy) != CURLM_OK) {
		if (!why.msg[0])
			tthc_fail(&why, TTHC_E_NOMEM, r->url, "%s", _("out of memory"));
		fail_to_start(r, &why);
		if (err)
			*err = why;
		return -1;
	}
	r->phase = PHASE_TRANSFER;
	notify(r);
	return 0;
}

void net_attempt_end(struct net_request *r, CURLcode rc)
{
	curl_multi_remove_handle(r->conn->multi, r->conn->easy);
	net_classify(r, rc);
	if (r->cancel_asked) {
		r->res.cls = NET_CANCELLED;
		net_class_message(&r->res, r->url);
		finish(r);
		return;
	}
	if (!net_retry_allowed(&r->retry, &r->res)) {
		finish(r);
		return;
	}
	r->phase = PHASE_BACKOFF;
	r->resume_at_ms = net_now_ms() + net_retry_delay_ms(&r->retry, r->res.attempts + 1);
	r->progress.waiting = true;
	notify(r);
}

int net_request_start(struct net_request *r, struct tthc_err *err)
{
	if (r->phase != PHASE_NEW)
		return tthc_fail(err, TTHC_E_USAGE, r->url, "%s",
				 _("this request has already been started"));
	if (r->conn->busy)
		return tthc_fail(err, TTHC_E_USAGE, r->url, "%s",
				 _("another request to this server is still running"));
	r->conn->busy = r;
	return net_attempt_begin(r, err);
}

void net_request_cancel(struct net_request *r)
{
	if (r->phase == PHASE_NEW || r->phase == PHASE_DONE)
		return;
	if (r->in_callback) {
		r->cancel_asked = true;
		return;
	}
	/* Removing a transfer that is half done makes libcurl close its
	 * connection rather than keep it alive with an answer half read. */
	if (r->phase == PHASE_TRANSFER) {
		curl_multi_remove_handle(r->conn->multi, r->conn->easy);
		curl_easy_getinfo(r->conn->easy, CURLINFO_RESPONSE_CODE, &r->res.status);
		net_note_sent(&r->res, r->res.status > 0 ? NET_SENT_YES
				       : r->prereq_seen ? NET_SENT_MAYBE : NET_SENT_NO);
	}
	r->res.cls = NET_CANCELLED;
	net_class_message(&r->res, r->url);
	finish(r);
}
