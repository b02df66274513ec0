/* tthcd's HTTPS front: libmicrohttpd with TLS (GnuTLS), a thread pool,
 * limits, a route table, JSON responses with optional gzip, one log line per
 * request on stderr. */
#ifndef TTHCD_HTTP_H
#define TTHCD_HTTP_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "session.h"

struct MHD_Connection;
#include "srv.h"

struct MHD_Connection;

struct http_opts {
	const char *listen;     /* "127.0.0.1:8443", "[::1]:0" */
	unsigned threads;
	unsigned max_connections;
	unsigned timeout;       /* seconds of idleness before a connection closes */
	size_t max_body;        /* bytes; a larger body gets 413 */
	bool quiet;             /* no request log (benchmarks measuring the server) */
};

#define HTTP_OPTS_DEFAULT { "127.0.0.1:8443", 4, 256, 30, 1024 * 1024, false }

/* One request as a handler sees it, and the answer it leaves. */
struct http_req {
	struct srv *srv;
	const char *method;
	const char *path;
	const char *body;
	size_t body_len;
	const char *arg;        /* the segments that the route's '*'s matched */
	const char *arg2;
	struct caller caller;   /* for routes that need a session */
	struct actor actor;     /* the caller as the audit log names it */
	int status;
	cJSON *json;            /* the response body; NULL for none (204) */
	char *text;             /* or the body as JSON text already (malloc'd) */
	long retry_after;       /* seconds, for a Retry-After header; 0 = none */
	struct MHD_Connection *conn;    /* for the query string (http_query) */
};

typedef void (*http_handler)(struct http_req *r);

enum {
	ROUTE_PUBLIC = 1,       /* no session needed */
	ROUTE_PW_CHANGE = 2,    /* allowed while the password must be changed */
};

struct http_route {
	const char *method;
	const char *pattern;    /* '*' stands for one segment of the path */
	http_handler handler;
	int flags;
};

extern const struct http_route http_routes[];
extern const size_t http_n_routes;

/* Answer with an error: {"error":{"code","message"[,"path"]}}. */
void http_fail(struct http_req *r, int status, const char *code, const char *message,
	       const char *path);
/* The same from an error value; the HTTP status follows from its code, and
 * an internal error is logged, not shown. */
void http_fail_err(struct http_req *r, const struct tthc_err *e);
int http_status_of(enum tthc_code code);
void http_ok(struct http_req *r, int status, cJSON *json);
/* The same with the body as JSON text the handler wrote (taken over): a
 * large answer is then not built as a tree first. */
void http_ok_text(struct http_req *r, int status, char *text);

/* The value of query parameter `name` (already %-decoded), or NULL. */
const char *http_query(const struct http_req *r, const char *name);
/* Queries are as strict as bodies (DESIGN.md section 8): a parameter not
 * in the NULL-terminated `known`, or given twice, is TTHC_E_UNKNOWN_FIELD /
 * TTHC_E_DUPLICATE_KEY with its name as where. */
int http_query_check(const struct http_req *r, const char *const *known, struct tthc_err *e);

struct http_server;

/* Start serving; *port gets the port bound (useful when it was 0). */
int http_start(struct srv *s, const struct http_opts *o, struct http_server **out,
	       unsigned *port, struct tthc_err *e);
/* Stop accepting, let the requests in progress finish, free. */
void http_stop(struct http_server *h);

#endif
