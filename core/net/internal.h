/* Shared between the files of core/net; not for its users. */
#ifndef TTHC_NET_INTERNAL_H
#define TTHC_NET_INTERNAL_H

#include <curl/curl.h>

#include "net/net.h"
#include "util/buf.h"

struct net_conn {
	char *base_url;          /* without a trailing '/' */
	char *ca_file, *pin;
	char *auth_header;       /* "Authorization: Bearer ..." or NULL */
	long connect_timeout_ms, timeout_ms;
	size_t max_response;
	CURLM *multi;
	CURL *easy;              /* reused by every request: keep-alive */
	struct net_request *busy;  /* the request running, if any */
};

enum req_phase { PHASE_NEW, PHASE_TRANSFER, PHASE_BACKOFF, PHASE_DONE };

struct net_request {
	struct net_conn *conn;
	enum net_method method;
	char *url;
	char *body;
	size_t body_len;
	struct curl_slist *headers;
	struct net_retry retry;
	net_progress_fn *progress_fn;
	void *progress_ctx;
	enum req_phase phase;
	long long resume_at_ms;  /* PHASE_BACKOFF: when the next attempt starts */
	bool prereq_seen;        /* libcurl was about to send on a connection */
	bool over_cap;           /* the write callback refused the answer */
	/* libcurl forbids removing a transfer from inside its callbacks: a
	 * cancel from the progress callback is noted, then carried out. */
	bool in_callback, cancel_asked;
	struct buf answer;
	struct net_progress progress;
	char errbuf[CURL_ERROR_SIZE];
	struct net_result res;
};

/* trust.c: TLS and protocol options that hold for every request. */
int net_trust_apply(CURL *easy, const struct net_conn *c, struct tthc_err *err);

/* transfer.c: set up the conn's easy handle for one attempt of r. */
int net_transfer_setup(struct net_request *r, struct tthc_err *err);
/* Drop the handle's pointers into a request that is about to go. */
void net_transfer_release(struct net_conn *c);

/* attempt.c: call the progress callback (from anywhere: a cancel made in
 * it is noted in cancel_asked); begin an attempt (on failure the request is done, as
 * NET_FAILED), and end one that libcurl finished with rc: retry after a
 * backoff, or done. */
void net_notify(struct net_request *r);
int net_attempt_begin(struct net_request *r, struct tthc_err *err);
void net_attempt_end(struct net_request *r, CURLcode rc);

/* classify.c: fill r->res from the attempt that ended with rc. */
void net_classify(struct net_request *r, CURLcode rc);
/* Raise res->sent to sent (the most any attempt reached). */
void net_note_sent(struct net_result *res, enum net_sent sent);
/* res->err: the message for people of res->cls (and status, for NET_HTTP),
 * with curl's detail appended; where is the URL. */
void net_class_message(struct net_result *res, const char *where);

/* retry.c: may the attempt that ended as res be made again? */
bool net_retry_allowed(const struct net_retry *retry, const struct net_result *res);

long long net_now_ms(void);

#endif
