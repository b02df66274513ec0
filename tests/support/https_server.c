/* See https_server.h.  One thread accepts; one thread per connection
 * serves it.  Every wait is a short poll that also watches the stop flag,
 * so test_server_stop never hangs on a client that went quiet. */
#include "https_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_CONNS 64
#define HEAD_MAX 16384

struct test_server {
	gnutls_certificate_credentials_t cred;
	int listen_fd;
	int port;
	atomic_bool stop;
	atomic_uint connections, requests;
	pthread_t acceptor;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t threads[MAX_CONNS];
	unsigned nthreads;
	unsigned long_answers_ended, long_answers_by_client;
};

struct client {
	struct test_server *srv;
	int fd;
	gnutls_session_t tls;
};

/* Wait for the socket to be readable (or the TLS layer to hold data);
 * false when the server is stopping. */
static bool wait_readable(struct client *c)
{
	struct pollfd p = { .fd = c->fd, .events = POLLIN };

	while (!atomic_load(&c->srv->stop)) {
		if (gnutls_record_check_pending(c->tls) > 0 || poll(&p, 1, 50) > 0)
			return true;
	}
	return false;
}

static ssize_t recv_some(struct client *c, char *buf, size_t size)
{
	ssize_t n;

	do {
		if (!wait_readable(c))
			return -1;
		n = gnutls_record_recv(c->tls, buf, size);
	} while (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED);
	return n;
}

static bool send_all(struct client *c, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = gnutls_record_send(c->tls, p, len);

		if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* The value of header name (lower case, with ':') in head, or "". */
static void header(const char *head, const char *name, char *out, size_t size)
{
	const char *p = head;
	size_t nlen = strlen(name);

	out[0] = '\0';
	while ((p = strstr(p, "\r\n")) != NULL) {
		p += 2;
		if (!strncasecmp(p, name, nlen)) {
			size_t len;

			p += nlen;
			p += strspn(p, " \t");
			len = strcspn(p, "\r\n");
			snprintf(out, size, "%.*s", (int)(len < size ? len : size - 1), p);
			return;
		}
	}
}

struct request {
	char method[16], path[256];
	char auth[256], accept_encoding[128];
	size_t body_len;
};

/* Read one request, headers and body; false when the client went away. */
static bool read_request(struct client *c, struct request *rq, char *head, size_t *have)
{
	char value[64], *end = NULL, chunk[16384];
	size_t hlen, body_have;

	while (!(end = strstr(head, "\r\n\r\n"))) {
		ssize_t n;

		if (*have >= HEAD_MAX - 1)
			return false;
		n = recv_some(c, head + *have, HEAD_MAX - 1 - *have);
		if (n <= 0)
			return false;
		*have += (size_t)n;
		head[*have] = '\0';
	}
	hlen = (size_t)(end - head) + 4;
	*end = '\0';
	if (sscanf(head, "%15s %255s", rq->method, rq->path) != 2)
		return false;
	header(head, "authorization:", rq->auth, sizeof rq->auth);
	header(head, "accept-encoding:", rq->accept_encoding, sizeof rq->accept_encoding);
	header(head, "content-length:", value, sizeof value);
	rq->body_len = strtoul(value, NULL, 10);
	body_have = *have - hlen;
	while (body_have < rq->body_len) {
		ssize_t n = recv_some(c, chunk, sizeof chunk);

		if (n <= 0)
			return false;
		body_have += (size_t)n;
	}
	/* Anything past this body belongs to the next request. */
	memmove(head, head + hlen + rq->body_len, body_have - rq->body_len);
	*have = body_have - rq->body_len;
	head[*have] = '\0';
	atomic_fetch_add(&c->srv->requests, 1);
	return true;
}

static bool respond(struct client *c, int status, const char *extra, const char *body,
		    size_t len)
{
	char head[512];

	snprintf(head, sizeof head,
		 "HTTP/1.1 %d Test\r\nContent-Type: application/json\r\n%sContent-Length: %zu\r\n\r\n",
		 status, extra, len);
	return send_all(c, head, strlen(head)) && send_all(c, body, len);
}

static bool answer_echo(struct client *c, const struct request *rq)
{
	char body[1024];

	snprintf(body, sizeof body,
		 "{\"method\":\"%s\",\"auth\":\"%s\",\"length\":%zu,\"accept_encoding\":\"%s\"}",
		 rq->method, rq->auth, rq->body_len, rq->accept_encoding);
	return respond(c, 200, "", body, strlen(body));
}

static char *gzip_text(const char *text, size_t len, size_t *out_len)
{
	z_stream z = { 0 };
	size_t cap = compressBound(len) + 64;
	char *out = malloc(cap);

	/* windowBits 15 + 16: a gzip wrapper rather than zlib's. */
	if (!out || deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		free(out);
		return NULL;
	}
	z.next_in = (unsigned char *)text;
	z.avail_in = (uInt)len;
	z.next_out = (unsigned char *)out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	*out_len = z.total_out;
	deflateEnd(&z);
	return out;
}

static bool answer_gzip(struct client *c, const struct request *rq)
{
	size_t line = strlen(TEST_GZIP_LINE), len = line * TEST_GZIP_REPEAT, zlen;
	char *text = malloc(len), *z;
	bool ok;
	unsigned i;

	if (!text)
		return false;
	for (i = 0; i < TEST_GZIP_REPEAT; i++)
		memcpy(text + i * line, TEST_GZIP_LINE, line);
	if (!strstr(rq->accept_encoding, "gzip")) {
		ok = respond(c, 200, "", text, len);
		free(text);
		return ok;
	}
	z = gzip_text(text, len, &zlen);
	free(text);
	ok = z && respond(c, 200, "Content-Encoding: gzip\r\n", z, zlen);
	free(z);
	return ok;
}

static bool answer_big(struct client *c, size_t n, bool chunked)
{
	char chunk[8192], line[160];
	size_t sent = 0;

	memset(chunk, 'x', sizeof chunk);
	if (chunked)
		snprintf(line, sizeof line, "HTTP/1.1 200 Test\r\nTransfer-Encoding: chunked\r\n\r\n");
	else
		snprintf(line, sizeof line, "HTTP/1.1 200 Test\r\nContent-Length: %zu\r\n\r\n", n);
	if (!send_all(c, line, strlen(line)))
		return false;
	while (sent < n) {
		size_t len = n - sent < sizeof chunk ? n - sent : sizeof chunk;

		snprintf(line, sizeof line, "%zx\r\n", len);
		if ((chunked && !send_all(c, line, strlen(line))) || !send_all(c, chunk, len) ||
		    (chunked && !send_all(c, "\r\n", 2)))
			return false;
		sent += len;
	}
	return !chunked || send_all(c, "0\r\n\r\n", 5);
}

/* Hold the connection open until the client goes; record why it ended. */
static bool hold(struct client *c)
{
	char buf[256];
	struct test_server *s = c->srv;

	/* Whatever comes back (end of file, an error, stray bytes) means the
	 * client acted; only a stop of the server means it did not. */
	recv_some(c, buf, sizeof buf);
	pthread_mutex_lock(&s->lock);
	s->long_answers_ended++;
	if (!atomic_load(&s->stop))
		s->long_answers_by_client++;
	pthread_cond_broadcast(&s->cond);
	pthread_mutex_unlock(&s->lock);
	return false;
}

static bool answer(struct client *c, const struct request *rq)
{
	unsigned long n;
	int status;

	if (!strcmp(rq->path, "/echo"))
		return answer_echo(c, rq);
	if (!strcmp(rq->path, "/gzip"))
		return answer_gzip(c, rq);
	if (sscanf(rq->path, "/big/%lu", &n) == 1)
		return answer_big(c, n, false);
	if (sscanf(rq->path, "/chunked/%lu", &n) == 1)
		return answer_big(c, n, true);
	if (!strcmp(rq->path, "/stall")) {
		char part[1000];
		static const char head[] = "HTTP/1.1 200 Test\r\nContent-Length: 1000000\r\n\r\n";

		memset(part, 'x', sizeof part);
		if (!send_all(c, head, sizeof head - 1) || !send_all(c, part, sizeof part))
			return false;
		return hold(c);
	}
	if (!strcmp(rq->path, "/hang"))
		return hold(c);
	if (!strcmp(rq->path, "/drop"))
		return false;
	if (sscanf(rq->path, "/status/%d", &status) == 1)
		return respond(c, status, status == 503 ? "Retry-After: 7\r\n" : "",
			       "{\"error\":{\"code\":\"test\",\"message\":\"test\"}}", 41);
	return respond(c, 404, "", "{}", 2);
}

static void *serve(void *arg)
{
	struct client *c = arg;
	char *head = malloc(HEAD_MAX);
	size_t have = 0;
	struct request rq;

	if (head && gnutls_init(&c->tls, GNUTLS_SERVER) == GNUTLS_E_SUCCESS) {
		int rc;

		head[0] = '\0';
		gnutls_set_default_priority(c->tls);
		gnutls_credentials_set(c->tls, GNUTLS_CRD_CERTIFICATE, c->srv->cred);
		gnutls_transport_set_int(c->tls, c->fd);
		gnutls_handshake_set_timeout(c->tls, 5000);
		do
			rc = gnutls_handshake(c->tls);
		while (rc < 0 && !gnutls_error_is_fatal(rc));
		if (rc == GNUTLS_E_SUCCESS)
			while (memset(&rq, 0, sizeof rq), read_request(c, &rq, head, &have) &&
			       answer(c, &rq))
				;
		gnutls_deinit(c->tls);
	}
	free(head);
	close(c->fd);
	free(c);
	return NULL;
}

static void *accept_loop(void *arg)
{
	struct test_server *s = arg;
	struct pollfd p = { .fd = s->listen_fd, .events = POLLIN };

	while (!atomic_load(&s->stop)) {
		struct client *c;
		int fd;

		if (poll(&p, 1, 50) <= 0)
			continue;
		fd = accept(s->listen_fd, NULL, NULL);
		if (fd < 0)
			continue;
		c = calloc(1, sizeof *c);
		if (c) {
			c->srv = s;
			c->fd = fd;
		}
		pthread_mutex_lock(&s->lock);
		if (!c || s->nthreads == MAX_CONNS ||
		    pthread_create(&s->threads[s->nthreads], NULL, serve, c) != 0) {
			close(fd);
			free(c);
		} else {
			s->nthreads++;
			atomic_fetch_add(&s->connections, 1);
		}
		pthread_mutex_unlock(&s->lock);
	}
	return NULL;
}

struct test_server *test_server_start(const char *cert_file, const char *key_file)
{
	struct test_server *s = calloc(1, sizeof *s);
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t alen = sizeof a;
	int rc;

	if (!s)
		return NULL;
	/* A client that gives up mid-answer (a cancel, a size cap, a refused
	 * certificate) must not kill the test with SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	s->listen_fd = -1;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->cond, NULL);
	if (gnutls_certificate_allocate_credentials(&s->cred) != GNUTLS_E_SUCCESS)
		goto fail;
	rc = gnutls_certificate_set_x509_key_file(s->cred, cert_file, key_file,
						  GNUTLS_X509_FMT_PEM);
	if (rc < 0) {
		fprintf(stderr, "test server: %s: %s\n", cert_file, gnutls_strerror(rc));
		goto fail;
	}
	/* Port 0: the kernel picks a free one, read back with getsockname. */
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	if (s->listen_fd < 0 || bind(s->listen_fd, (struct sockaddr *)&a, sizeof a) != 0 ||
	    listen(s->listen_fd, 16) != 0 ||
	    getsockname(s->listen_fd, (struct sockaddr *)&a, &alen) != 0) {
		fprintf(stderr, "test server: %s\n", strerror(errno));
		goto fail;
	}
	s->port = ntohs(a.sin_port);
	if (pthread_create(&s->acceptor, NULL, accept_loop, s) != 0)
		goto fail;
	return s;
fail:
	if (s->listen_fd >= 0)
		close(s->listen_fd);
	if (s->cred)
		gnutls_certificate_free_credentials(s->cred);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->cond);
	free(s);
	return NULL;
}

void test_server_stop(struct test_server *s)
{
	unsigned i;

	if (!s)
		return;
	atomic_store(&s->stop, true);
	pthread_join(s->acceptor, NULL);
	for (i = 0; i < s->nthreads; i++)
		pthread_join(s->threads[i], NULL);
	close(s->listen_fd);
	gnutls_certificate_free_credentials(s->cred);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->cond);
	free(s);
}

int test_server_port(const struct test_server *s)
{
	return s->port;
}

unsigned test_server_connections(const struct test_server *s)
{
	return atomic_load(&((struct test_server *)s)->connections);
}

unsigned test_server_requests(const struct test_server *s)
{
	return atomic_load(&((struct test_server *)s)->requests);
}

bool test_server_wait_client_gone(struct test_server *s)
{
	bool by_client = false;
	struct timespec until;
	int rc = 0;

	/* A guard against a hang, not a measure: a client that never goes
	 * fails the test after a minute instead of blocking it. */
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 60;
	pthread_mutex_lock(&s->lock);
	while (s->long_answers_ended == 0 && rc == 0)
		rc = pthread_cond_timedwait(&s->cond, &s->lock, &until);
	if (s->long_answers_ended == 0) {
		pthread_mutex_unlock(&s->lock);
		return false;
	}
	s->long_answers_ended--;
	by_client = s->long_answers_by_client > 0;
	if (by_client)
		s->long_answers_by_client--;
	pthread_mutex_unlock(&s->lock);
	return by_client;
}
