/* core/net: the client's HTTPS layer over libcurl.
 *
 * A struct net_conn is one server: its base URL (https only), its trust
 * settings, timeouts, bearer token, and one libcurl multi handle with one
 * easy handle that every request reuses, so the TLS connection and session
 * are kept alive between requests.  One request runs at a time on a conn.
 *
 * Trust (DESIGN.md section 8): certificate and host-name verification are
 * always on and cannot be turned off.  ca-file adds a province's own CA to
 * the system's; pin (sha256//BASE64, libcurl's CURLOPT_PINNEDPUBLICKEY) is an
 * extra check of the server's own key on top of that, never a replacement.
 * Proxies come from the environment as libcurl reads them (https_proxy,
 * HTTPS_PROXY, all_proxy, no_proxy); nothing here overrides them.
 *
 * A request is started, then pumped with net_poll(), which waits on the
 * network and on the caller's own descriptors (a terminal's stdin) at once,
 * so a screen keeps reading keys; it can be cancelled at any moment.
 * net_request_run() is the blocking form for the command line, on the same
 * path.  (The caller's descriptors go into libcurl's wait rather than
 * libcurl's into the caller's: libcurl 7.88 has no curl_multi_waitfds.)
 * A conn and its requests belong to one thread.  Transport failures are retried with exponential backoff and jitter
 * as the request's struct net_retry allows; an HTTP answer, whatever its
 * status, is returned and never retried (a 503 or 429 carries Retry-After
 * in the result, for the caller to schedule).
 *
 * Nothing here prints: failures come back as a class the sync layer acts on
 * and a message a person understands, with curl's detail appended. */
#ifndef TTHC_NET_H
#define TTHC_NET_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

struct config;

/* X(ID, NAME): what went wrong, in terms the sync layer can act on. */
#define NET_CLASSES(X) \
	X(OK,            "ok")             /* a 2xx answer */ \
	X(OFFLINE,       "offline")        /* no route, name not resolved, refused */ \
	X(TIMEOUT,       "timeout")        /* connect or total time ran out */ \
	X(TLS_UNTRUSTED, "tls-untrusted")  /* certificate from an unknown CA */ \
	X(TLS_HOSTNAME,  "tls-hostname")   /* certificate for another host name */ \
	X(TLS_EXPIRED,   "tls-expired")    /* certificate expired or not yet valid */ \
	X(TLS_PIN,       "tls-pin")        /* server key does not match the pin */ \
	X(TLS_OTHER,     "tls-other")      /* any other TLS failure */ \
	X(HTTP,          "http")           /* an answer other than 2xx: see status */ \
	X(CANCELLED,     "cancelled") \
	X(TOO_LARGE,     "too-large")      /* the answer is over max_response */ \
	X(INDETERMINATE, "indeterminate")  /* connection lost after sending */ \
	X(FAILED,        "failed")         /* anything else (out of memory, protocol) */

enum net_class {
#define X(id, name) NET_##id,
	NET_CLASSES(X)
#undef X
	NET_CLASS_COUNT
};

/* Did the request reach the server, in any of its attempts?  The sync
 * layer replays a MAYBE with the same idempotency keys (DESIGN.md section
 * 3), and only a NO lets a pushed action be taken back again. */
enum net_sent {
	NET_SENT_NO,     /* it surely never left: nothing was written */
	NET_SENT_MAYBE,  /* it may have been received, no answer came */
	NET_SENT_YES     /* the server answered */
};

enum net_method { NET_GET, NET_POST, NET_PUT, NET_DELETE };

#define NET_DEFAULT_MAX_RESPONSE (64u << 20)

struct net_options {
	const char *base_url;        /* https://host[:port][/prefix] */
	const char *ca_file;         /* PEM of extra CAs; NULL or "" for none */
	const char *pin;             /* sha256//...[;sha256//...]; NULL or "" */
	const char *token;           /* bearer token; NULL or "" for none */
	long connect_timeout_ms;     /* 0: libcurl's default */
	long timeout_ms;             /* whole request, per attempt; 0: none */
	size_t max_response;         /* decoded bytes; 0: NET_DEFAULT_MAX_RESPONSE */
};

/* Fill *o from the settings server, ca-file, pin, connect-timeout and
 * timeout; the strings point into cfg.  Other fields are left alone. */
void net_options_from_config(struct net_options *o, const struct config *cfg);

/* Retries of transport failures (OFFLINE, TIMEOUT, INDETERMINATE): never of
 * an HTTP answer, never of a TLS refusal, never after a cancel. */
struct net_retry {
	unsigned max_attempts;   /* in all, first included; 0 or 1: no retry */
	unsigned base_delay_ms;  /* before the second attempt; doubles after */
	unsigned max_delay_ms;   /* cap of one delay; 0: no cap */
	/* The request may be sent twice: a GET, or a POST whose actions carry
	 * idempotency keys.  Without it, only a request that surely never left
	 * (NET_SENT_NO) is retried. */
	bool replay_safe;
};

/* 4 attempts, 500 ms, 8 s cap, replay_safe as given. */
struct net_retry net_retry_default(bool replay_safe);

/* The delay before attempt number `next` (2 for the first retry): half of
 * base * 2^(next-2), capped, plus a random part up to as much again
 * ("equal jitter"), so clients cut off together do not return together. */
unsigned net_retry_delay_ms(const struct net_retry *r, unsigned next);

struct net_progress {
	long long dl_now, dl_total;  /* bytes received on the wire; total 0 if unknown */
	long long ul_now, ul_total;  /* bytes of the body sent; total 0 if none */
	unsigned attempt;            /* from 1 */
	bool waiting;                /* between attempts, in backoff */
};

typedef void net_progress_fn(void *ctx, const struct net_progress *p);

struct net_result {
	enum net_class cls;
	enum net_sent sent;
	long status;                 /* HTTP status; 0 when none came */
	long retry_after_s;          /* Retry-After in seconds; -1 if absent */
	unsigned attempts;
	/* The answer, NUL-terminated, owned by the request; kept for an HTTP
	 * error too, whose {"error":{...}} the caller reads for the reason. */
	char *body;
	size_t body_len;
	char detail[256];            /* curl's own words, "" when none */
	struct tthc_err err;         /* for people, when cls != NET_OK */
};

struct net_conn;
struct net_request;

/* NULL with *err when the options are unusable (not https, a token that
 * cannot go in a header) or out of memory. */
struct net_conn *net_conn_new(const struct net_options *o, struct tthc_err *err);
void net_conn_free(struct net_conn *c);

/* After a login: token for the following requests ("" or NULL: none). */
int net_conn_set_token(struct net_conn *c, const char *token, struct tthc_err *err);

/* A request for base URL + path (path starts with '/'; query included).
 * body (JSON, copied) is sent as application/json when body_len > 0.
 * Retry defaults to none. */
struct net_request *net_request_new(struct net_conn *c, enum net_method m, const char *path,
				    const char *body, size_t body_len, struct tthc_err *err);
void net_request_set_retry(struct net_request *r, const struct net_retry *retry);
void net_request_set_progress(struct net_request *r, net_progress_fn *fn, void *ctx);

/* -1 with *err when another request is running on the conn. */
int net_request_start(struct net_request *r, struct tthc_err *err);

enum net_state { NET_RUNNING, NET_DONE };

#define NET_POLL_MAX_EXTRA 16

/* Do the work that is ready, then wait up to timeout_ms (-1: until
 * something happens, 0: not at all) for the network or for one of the
 * caller's extra descriptors (up to NET_POLL_MAX_EXTRA; the rest are not
 * watched), whose revents are filled in; then do the work that became
 * ready.  Returns NET_DONE once the result is final. */
enum net_state net_poll(struct net_request *r, int timeout_ms, struct pollfd *extra,
			unsigned n_extra);

/* Stop at once: the connection in use is closed, the result is CANCELLED.
 * Harmless on a request that is done or was never started.  From inside
 * the progress callback it takes effect as the callback returns (libcurl
 * allows no removal inside its callbacks). */
void net_request_cancel(struct net_request *r);

/* Valid once net_poll returned NET_DONE (or after a cancel); a request
 * never started is NET_DONE with class NET_FAILED. */
const struct net_result *net_request_result(const struct net_request *r);
/* Take the body: the caller frees it. */
char *net_request_take_body(struct net_request *r, size_t *len);

/* Start and poll until done: 0 for NET_OK, else -1 with *err copied from
 * the result (whose class and status say more). */
int net_request_run(struct net_request *r, struct tthc_err *err);

/* Cancels a running request first. */
void net_request_free(struct net_request *r);

const char *net_class_name(enum net_class cls);

#endif
