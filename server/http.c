#include "http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "files.h"
#include "listen.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/i18n.h"

#define GZIP_MIN 1024           /* smaller answers are not worth compressing */
#define MAX_PATH_LEN 1024
#define STOP_GRACE_MS 20000     /* the longest a stop waits for requests */

struct http_server {
	struct MHD_Daemon *daemon;
	atomic_int in_flight;   /* requests begun and not yet completed */
	struct srv *srv;
	struct http_opts opts;
	char *cert, *key;
};

/* Per request: the body as it arrives, then what the log line needs. */
struct conn {
	struct buf body;
	bool too_large;
	size_t dropped;         /* bytes read past the limit */
	struct timespec start;
	int status;
	size_t bytes;
	char method[16];
	char path[256];         /* libmicrohttpd has already cut the query off */
};

/* Each '*' matches one non-empty segment, which becomes an argument. */
static bool route_match(const char *pattern, const char *path, char args[2][MAX_PATH_LEN])
{
	size_t n, k = 0;

	while (*pattern && *path) {
		if (*pattern == '*') {
			n = strcspn(path, "/");
			if (n == 0 || k == 2)
				return false;
			memcpy(args[k], path, n);
			args[k++][n] = '\0';
			path += n;
			pattern++;
		} else if (*pattern++ != *path++) {
			return false;
		}
	}
	return !*pattern && !*path;
}

static const char *header(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

static bool authenticate(struct http_req *r, struct MHD_Connection *c, int flags)
{
	const char *auth = header(c, MHD_HTTP_HEADER_AUTHORIZATION);
	struct tthc_err e;

	if (flags & ROUTE_PUBLIC)
		return true;
	if (!auth || strncasecmp(auth, "Bearer ", 7) != 0) {
		http_fail(r, 401, "unauthenticated", _("log in first (Authorization: Bearer TOKEN)"),
			  NULL);
		return false;
	}
	if (session_check(r->srv, auth + 7, &r->caller, &e) < 0) {
		http_fail_err(r, &e);
		return false;
	}
	r->actor.account_id = r->caller.account_id;
	r->actor.name = r->caller.name;
	if (r->caller.must_change_password && !(flags & ROUTE_PW_CHANGE)) {
		http_fail(r, 403, "password-change-required",
			  _("change your password first (POST /api/v1/password)"), NULL);
		return false;
	}
	return true;
}

static bool json_body_ok(struct http_req *r, struct MHD_Connection *c)
{
	const char *type = header(c, MHD_HTTP_HEADER_CONTENT_TYPE);
	size_t n;

	if (r->body_len == 0)
		return true;
	n = type ? strcspn(type, "; ") : 0;
	if (!type || n != 16 || strncasecmp(type, "application/json", 16) != 0) {
		http_fail(r, 415, "unsupported-media-type", _("the body must be application/json"),
			  NULL);
		return false;
	}
	return true;
}

static void dispatch(struct http_req *r, struct MHD_Connection *c)
{
	char args[2][MAX_PATH_LEN];
	size_t i;
	bool path_known = false;

	if (strlen(r->path) >= MAX_PATH_LEN) {
		http_fail(r, 404, "not-found", _("no such resource"), NULL);
		return;
	}
	for (i = 0; i < http_n_routes; i++) {
		args[0][0] = args[1][0] = '\0';
		if (!route_match(http_routes[i].pattern, r->path, args))
			continue;
		path_known = true;
		if (strcmp(http_routes[i].method, r->method) != 0)
			continue;
		r->arg = args[0];
		r->arg2 = args[1];
		if (json_body_ok(r, c) && authenticate(r, c, http_routes[i].flags))
			http_routes[i].handler(r);
		r->arg = r->arg2 = NULL;
		return;
	}
	if (path_known)
		http_fail(r, 405, "method-not-allowed", _("method not allowed here"), NULL);
	else
		http_fail(r, 404, "not-found", _("no such resource"), NULL);
}

const char *http_query(const struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

struct query_scan {
	const char *const *known;
	struct tthc_err *e;
	int seen;               /* bit i: known[i] was given */
	bool bad;
};

static enum MHD_Result scan_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *value)
{
	struct query_scan *q = cls;
	int i;

	(void)kind;
	(void)value;
	for (i = 0; q->known[i] && strcmp(q->known[i], key) != 0; i++)
		;
	if (!q->known[i] || i >= 31)
		tthc_fail(q->e, TTHC_E_UNKNOWN_FIELD, key, _("unknown query parameter"));
	else if (q->seen & (1 << i))
		tthc_fail(q->e, TTHC_E_DUPLICATE_KEY, key, _("query parameter given twice"));
	else {
		q->seen |= 1 << i;
		return MHD_YES;
	}
	q->bad = true;
	return MHD_NO;
}

int http_query_check(const struct http_req *r, const char *const *known, struct tthc_err *e)
{
	struct query_scan q = { known, e, 0, false };

	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, scan_arg, &q);
	return q.bad ? -1 : 0;
}

static bool wants_gzip(struct MHD_Connection *c)
{
	const char *ae = header(c, MHD_HTTP_HEADER_ACCEPT_ENCODING);

	return ae && strstr(ae, "gzip") != NULL;
}

/* A gzip stream (windowBits 15 + 16) of data; NULL if zlib fails. */
static char *gzip(const char *data, size_t len, size_t *out_len)
{
	z_stream z = { 0 };
	uLong cap = compressBound((uLong)len) + 32;
	char *out = malloc(cap);

	if (!out || deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
				 Z_DEFAULT_STRATEGY) != Z_OK) {
		free(out);
		return NULL;
	}
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
		deflateEnd(&z);
		free(out);
		return NULL;
	}
	*out_len = z.total_out;
	deflateEnd(&z);
	return out;
}

static enum MHD_Result respond(struct MHD_Connection *c, struct conn *cn, struct http_req *r)
{
	struct MHD_Response *resp;
	char *text = r->json ? cJSON_PrintUnformatted(r->json) : r->text, *packed = NULL;
	size_t len = 0, packed_len = 0;
	enum MHD_Result ret;

	r->text = NULL;         /* now text's */
	if (r->json && !text) {
		r->status = 500;
		text = strdup("{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}");
	}
	if (text)
		len = strlen(text);
	if (text && len > GZIP_MIN && wants_gzip(c) && (packed = gzip(text, len, &packed_len))) {
		free(text);
		text = packed;
		len = packed_len;
	}
	resp = MHD_create_response_from_buffer(len, text ? text : (char *)"",
					       text ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!resp) {
		free(text);
		return MHD_NO;
	}
	if (text)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
					"application/json; charset=utf-8");
	if (packed)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (r->status == 401)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
	if (r->retry_after > 0) {
		char secs[24];

		snprintf(secs, sizeof secs, "%ld", r->retry_after);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, secs);
	}
	cn->status = r->status;
	cn->bytes = len;
	ret = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

#ifdef TTHC_FAULTS
/* Test builds only: TTHCD_FAULT_SLOW_REQUEST=FILE makes each request create
 * FILE and then take a second more, so that a test can stop the server while
 * a request is surely in progress. */
static void fault_slow_request(void)
{
	const char *marker = getenv("TTHCD_FAULT_SLOW_REQUEST");
	FILE *f;

	if (!marker || !*marker || !(f = fopen(marker, "w")))
		return;
	fclose(f);
	sleep(1);
}
#endif

/* Content-Length, or 0 when absent (a chunked body is measured as it comes). */
static unsigned long long declared_length(struct MHD_Connection *c)
{
	const char *v = header(c, MHD_HTTP_HEADER_CONTENT_LENGTH);

	return v ? strtoull(v, NULL, 10) : 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **con_cls)
{
	struct http_server *h = cls;
	struct conn *cn = *con_cls;
	struct http_req r = { .srv = h->srv, .method = method, .path = url,
			     .conn = c };
	enum MHD_Result ret;

	(void)version;
	if (!cn) {
		if (!(cn = calloc(1, sizeof *cn)))
			return MHD_NO;
		atomic_fetch_add(&h->in_flight, 1);
		clock_gettime(CLOCK_MONOTONIC, &cn->start);
		snprintf(cn->method, sizeof cn->method, "%s", method);
		snprintf(cn->path, sizeof cn->path, "%s", url);
		*con_cls = cn;
		/* A body announced too large is refused before it is read (the
		 * client that sent Expect: 100-continue sends nothing more). */
		if (declared_length(c) > h->opts.max_body) {
			http_fail(&r, 413, "too-large", _("the request body is too large"), NULL);
			ret = respond(c, cn, &r);
			cJSON_Delete(r.json);
			return ret;
		}
		return MHD_YES;
	}
	if (*upload_size) {
		/* Read and drop the rest of a body that is too large, so that the
		 * client gets its 413 instead of a reset connection; but a client
		 * that goes on far past the limit is cut off. */
		if (cn->dropped > 4 * h->opts.max_body)
			return MHD_NO;
		cn->dropped += cn->too_large ? *upload_size : 0;
		if (!cn->too_large && cn->body.len + *upload_size > h->opts.max_body) {
			cn->too_large = true;
			buf_free(&cn->body);
		}
		if (!cn->too_large)
			buf_append(&cn->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	r.body = cn->body.data ? cn->body.data : "";
	r.body_len = cn->body.len;
	if (cn->too_large)
		http_fail(&r, 413, "too-large", _("the request body is too large"), NULL);
	else if (buf_failed(&cn->body))
		http_fail(&r, 500, "internal", _("out of memory"), NULL);
	else
		dispatch(&r, c);
#ifdef TTHC_FAULTS
	fault_slow_request();
#endif
	ret = respond(c, cn, &r);
	cJSON_Delete(r.json);
	return ret;
}

/* One line per request on stderr: never the query string, a body or a
 * header, so no password or token can reach the log. */
/* One line per request: no body, no query string, no header (so no
 * password and no token ever reaches the log). */
static void log_request(struct MHD_Connection *c, const struct conn *cn,
			enum MHD_RequestTerminationCode why)
{
	const union MHD_ConnectionInfo *ci;
	char remote[INET6_ADDRSTRLEN] = "-", when[21], path[sizeof cn->path];
	struct timespec now;
	double ms;

	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)ci->client_addr)->sin_addr,
			  remote, sizeof remote);
	else if (ci && ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)(void *)ci->client_addr)->sin6_addr,
			  remote, sizeof remote);
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - cn->start.tv_sec) * 1e3 +
	     (double)(now.tv_nsec - cn->start.tv_nsec) / 1e6;
	instant_format(srv_now(), when);
	/* Control bytes in a path must not forge log lines. */
	snprintf(path, sizeof path, "%s", cn->path);
	for (char *p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	fprintf(stderr, "%s %s %s %s %d %zu %.1fms%s\n", when, remote, cn->method, path,
		cn->status, cn->bytes, ms,
		why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode why)
{
	struct conn *cn = *con_cls;
	struct http_server *h = cls;

	if (!cn)
		return;
	atomic_fetch_sub(&h->in_flight, 1);
	if (!h->opts.quiet)
		log_request(c, cn, why);
	buf_free(&cn->body);
	free(cn);
	*con_cls = NULL;
}

static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("tthcd: ", stderr);
	vfprintf(stderr, fmt, ap);
}

int http_start(struct srv *s, const struct http_opts *o, struct http_server **out,
	       unsigned *port, struct tthc_err *e)
{
	struct http_server *h = calloc(1, sizeof *h);
	struct sockaddr_storage ss;
	char path[PATH_MAX];
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_TLS | MHD_USE_ERROR_LOG |
			 MHD_USE_ITC;

	if (!h)
		return tthc_fail(e, TTHC_E_NOMEM, "http", _("out of memory"));
	h->srv = s;
	h->opts = *o;
	if (listen_parse(o->listen, &ss, e) < 0 ||
	    path_join(path, sizeof path, s->dir, "server.pem", e) < 0 ||
	    !(h->cert = file_read(path, 1 << 20, NULL, e)) ||
	    path_join(path, sizeof path, s->dir, "server.key", e) < 0 ||
	    !(h->key = file_read(path, 1 << 20, NULL, e)))
		goto fail;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	h->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, h,
		MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_HTTPS_MEM_CERT, h->cert,
		MHD_OPTION_HTTPS_MEM_KEY, h->key,
		MHD_OPTION_HTTPS_PRIORITIES, "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
		MHD_OPTION_THREAD_POOL_SIZE, o->threads,
		MHD_OPTION_CONNECTION_LIMIT, o->max_connections,
		MHD_OPTION_CONNECTION_TIMEOUT, o->timeout,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
		MHD_OPTION_END);
	if (!h->daemon) {
		tthc_fail(e, TTHC_E_IO, o->listen, _("cannot listen here"));
		goto fail;
	}
	*port = listen_port(MHD_get_daemon_info(h->daemon, MHD_DAEMON_INFO_LISTEN_FD)->listen_fd);
	*out = h;
	return 0;
fail:
	free(h->cert);
	free(h->key);
	free(h);
	return -1;
}

void http_stop(struct http_server *h)
{
	if (!h)
		return;
	int waited;

	/* Stop accepting, then let the requests in progress run to their end
	 * and their answers go out: MHD_stop_daemon alone would close their
	 * connections unanswered.  An idle keep-alive connection holds no
	 * request and does not delay the stop. */
	MHD_quiesce_daemon(h->daemon);
	for (waited = 0; atomic_load(&h->in_flight) > 0 && waited < STOP_GRACE_MS; waited += 10)
		usleep(10 * 1000);
	MHD_stop_daemon(h->daemon);
	sodium_memzero(h->key, strlen(h->key));
	free(h->cert);
	free(h->key);
	free(h);
}
