/* core/net transport: keep-alive, token and body, gzip, the size cap,
 * progress, the poll loop with the caller's own descriptors, cancel,
 * timeouts, offline, retries with backoff and the sent/indeterminate
 * distinction, against real HTTPS test servers on loopback. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../support/net_fixture.h"
#include "net/internal.h"
#include "net/net.h"
#include "text/utf8.h"
#include "util/i18n.h"

static void good_target(struct net_target *t)
{
	net_target(t, "127.0.0.1", test_server_port(NF.good), NF.ca);
}

/* Start r and pump it until pred says stop or it is done. */
static enum net_state pump_until(struct net_request *r, bool (*pred)(struct net_request *))
{
	enum net_state st = NET_RUNNING;

	assert_int_equal(net_request_start(r, NULL), 0);
	while (!pred(r) && (st = net_poll(r, 100, NULL, 0)) == NET_RUNNING)
		;
	return st;
}

static void token_and_json_body_are_sent(void **state)
{
	static const char body[] = "{\"actions\":[]}";
	struct net_target t;
	struct net_call k;

	(void)state;
	good_target(&t);
	t.o.token = "tok-123";
	net_call(&k, &t.o, NET_POST, "/echo", body, strlen(body), NULL);
	net_expect(k.res, NET_OK);
	assert_non_null(strstr(k.res->body, "\"method\":\"POST\""));
	assert_non_null(strstr(k.res->body, "\"auth\":\"Bearer tok-123\""));
	assert_non_null(strstr(k.res->body, "\"length\":14"));
	assert_non_null(strstr(k.res->body, "gzip"));
	net_call_end(&k);
}

static void token_that_would_break_a_header_is_refused(void **state)
{
	struct net_target t;
	struct tthc_err err = { 0 };
	struct net_conn *c;

	(void)state;
	good_target(&t);
	t.o.token = "tok\r\nX-Evil: 1";
	assert_null(net_conn_new(&t.o, &err));
	assert_int_equal(err.code, TTHC_E_INVALID);
	t.o.token = NULL;
	c = net_conn_new(&t.o, &err);
	assert_non_null(c);
	assert_int_equal(net_conn_set_token(c, "a b", &err), -1);
	assert_int_equal(net_conn_set_token(c, "fine", &err), 0);
	net_conn_free(c);
}

static void requests_on_one_conn_share_one_connection(void **state)
{
	struct net_target t;
	struct net_conn *c;
	unsigned before = test_server_connections(NF.good);
	int i;

	(void)state;
	good_target(&t);
	c = net_conn_new(&t.o, NULL);
	assert_non_null(c);
	for (i = 0; i < 3; i++) {
		struct net_request *r = net_request_new(c, i == 1 ? NET_DELETE : NET_GET, "/echo",
							NULL, 0, NULL);

		assert_non_null(r);
		assert_int_equal(net_request_run(r, NULL), 0);
		assert_non_null(strstr(net_request_result(r)->body,
				       i == 1 ? "\"method\":\"DELETE\"" : "\"method\":\"GET\""));
		net_request_free(r);
	}
	assert_int_equal(test_server_connections(NF.good) - before, 1);
	net_conn_free(c);
}

static void gzip_answer_arrives_decoded_and_smaller_on_the_wire(void **state)
{
	struct net_target t;
	struct net_call k;
	size_t line = strlen(TEST_GZIP_LINE), i;

	(void)state;
	good_target(&t);
	net_call(&k, &t.o, NET_GET, "/gzip", NULL, 0, NULL);
	net_expect(k.res, NET_OK);
	assert_int_equal(k.res->body_len, line * TEST_GZIP_REPEAT);
	for (i = 0; i < TEST_GZIP_REPEAT; i++)
		assert_memory_equal(k.res->body + i * line, TEST_GZIP_LINE, line);
	/* The server compresses only when asked: it was asked. */
	assert_true(k.req->progress.dl_now > 0);
	assert_true((size_t)k.req->progress.dl_now < k.res->body_len / 10);
	net_call_end(&k);
}

static void answer_over_the_cap_is_too_large(void **state)
{
	const char *paths[] = { "/big/200000", "/chunked/200000" };
	struct net_target t;
	struct net_call k;
	size_t i;

	(void)state;
	good_target(&t);
	t.o.max_response = 100000;
	for (i = 0; i < 2; i++) {
		net_call(&k, &t.o, NET_GET, paths[i], NULL, 0, NULL);
		net_expect(k.res, NET_TOO_LARGE);
		assert_int_equal(k.err.code, TTHC_E_TOO_LARGE);
		assert_true(k.res->body_len <= 100000);
		net_call_end(&k);
	}
	net_call(&k, &t.o, NET_GET, "/chunked/100000", NULL, 0, NULL);
	net_expect(k.res, NET_OK);
	assert_int_equal(k.res->body_len, 100000);
	net_call_end(&k);
}

struct seen {
	unsigned calls, waits;
	struct net_progress last;
};

static void record(void *ctx, const struct net_progress *p)
{
	struct seen *s = ctx;

	s->calls++;
	s->waits += p->waiting;
	s->last = *p;
}

static void progress_reports_bytes_and_totals(void **state)
{
	struct net_target t;
	struct net_conn *c;
	struct net_request *r;
	struct seen down = { 0 }, up = { 0 };
	char *body = malloc(300000);

	(void)state;
	assert_non_null(body);
	memset(body, ' ', 300000);
	good_target(&t);
	c = net_conn_new(&t.o, NULL);
	r = net_request_new(c, NET_GET, "/big/1000000", NULL, 0, NULL);
	net_request_set_progress(r, record, &down);
	assert_int_equal(net_request_run(r, NULL), 0);
	assert_true(down.calls >= 1);
	assert_int_equal(down.last.dl_now, 1000000);
	assert_int_equal(down.last.dl_total, 1000000);
	assert_int_equal(down.last.attempt, 1);
	net_request_free(r);
	r = net_request_new(c, NET_POST, "/echo", body, 300000, NULL);
	net_request_set_progress(r, record, &up);
	assert_int_equal(net_request_run(r, NULL), 0);
	assert_int_equal(up.last.ul_now, 300000);
	assert_int_equal(up.last.ul_total, 300000);
	assert_non_null(strstr(net_request_result(r)->body, "\"length\":300000"));
	net_request_free(r);
	net_conn_free(c);
	free(body);
}

static bool got_bytes(struct net_request *r)
{
	return r->progress.dl_now > 0;
}

static void cancel_during_a_stalled_answer_is_clean(void **state)
{
	struct net_target t;
	struct net_conn *c;
	struct net_request *r;
	const struct net_result *res;
	unsigned before = test_server_connections(NF.good);

	(void)state;
	good_target(&t);
	c = net_conn_new(&t.o, NULL);
	r = net_request_new(c, NET_GET, "/stall", NULL, 0, NULL);
	assert_int_equal(pump_until(r, got_bytes), NET_RUNNING);
	net_request_cancel(r);
	res = net_request_result(r);
	net_expect(res, NET_CANCELLED);
	assert_int_equal(res->sent, NET_SENT_YES);
	assert_int_equal(res->err.code, TTHC_E_CANCELLED);
	assert_string_equal(res->err.msg, "cancelled");
	assert_int_equal(net_poll(r, 0, NULL, 0), NET_DONE);
	/* The half-read connection is closed, not kept alive... */
	assert_true(test_server_wait_client_gone(NF.good));
	net_request_free(r);
	/* ...and the conn works again, on a new connection. */
	r = net_request_new(c, NET_GET, "/echo", NULL, 0, NULL);
	assert_int_equal(net_request_run(r, NULL), 0);
	assert_int_equal(test_server_connections(NF.good) - before, 2);
	net_request_free(r);
	net_conn_free(c);
}

struct cancel_ctx {
	struct net_request *r;
	unsigned calls_after;
	bool done;
};

static void cancel_on_first_bytes(void *ctx, const struct net_progress *p)
{
	struct cancel_ctx *k = ctx;

	if (k->done)
		k->calls_after++;
	if (p->dl_now > 0 && !k->done) {
		k->done = true;
		net_request_cancel(k->r);
	}
}

/* A screen may check for ESC in its progress callback. */
static void cancel_from_the_progress_callback_is_clean(void **state)
{
	struct net_target t;
	struct net_conn *c;
	struct cancel_ctx k = { 0 };

	(void)state;
	good_target(&t);
	c = net_conn_new(&t.o, NULL);
	k.r = net_request_new(c, NET_GET, "/stall", NULL, 0, NULL);
	net_request_set_progress(k.r, cancel_on_first_bytes, &k);
	assert_int_equal(net_request_run(k.r, NULL), -1);
	net_expect(net_request_result(k.r), NET_CANCELLED);
	assert_true(k.done);
	assert_int_equal(k.calls_after, 0);
	assert_true(test_server_wait_client_gone(NF.good));
	net_request_free(k.r);
	net_conn_free(c);
}

static void freeing_a_running_request_cancels_it(void **state)
{
	struct net_target t;
	struct net_conn *c;
	struct net_request *r;

	(void)state;
	good_target(&t);
	c = net_conn_new(&t.o, NULL);
	r = net_request_new(c, NET_GET, "/stall", NULL, 0, NULL);
	assert_int_equal(pump_until(r, got_bytes), NET_RUNNING);
	net_request_free(r);
	assert_true(test_server_wait_client_gone(NF.good));
	net_conn_free(c);
}

static void poll_returns_when_a_key_is_typed(void **state)
{
	struct net_target t;
	struct net_conn *c;
	struct net_request *r;
	struct pollfd key;
	int p[2];

	(void)state;
	assert_int_equal(pipe(p), 0);
	good_target(&t);
	c = net_conn_new(&t.o, NULL);
	r = net_request_new(c, NET_GET, "/stall", NULL, 0, NULL);
	assert_int_equal(pump_until(r, got_bytes), NET_RUNNING);
	assert_int_equal(write(p[1], "q", 1), 1);
	key.fd = p[0];
	key.events = POLLIN;
	/* No timeout: only the key can end this wait, the server is silent. */
	assert_int_equal(net_poll(r, -1, &key, 1), NET_RUNNING);
	assert_true(key.revents & POLLIN);
	net_request_cancel(r);
	assert_true(test_server_wait_client_gone(NF.good));
	net_request_free(r);
	net_conn_free(c);
	close(p[0]);
	close(p[1]);
}

static void second_request_while_one_runs_is_refused(void **state)
{
	struct net_target t;
	struct net_conn *c;
	struct net_request *a, *b;
	struct tthc_err err = { 0 };

	(void)state;
	good_target(&t);
	c = net_conn_new(&t.o, NULL);
	a = net_request_new(c, NET_GET, "/stall", NULL, 0, NULL);
	b = net_request_new(c, NET_GET, "/echo", NULL, 0, NULL);
	assert_int_equal(pump_until(a, got_bytes), NET_RUNNING);
	assert_int_equal(net_request_start(b, &err), -1);
	assert_int_equal(err.code, TTHC_E_USAGE);
	assert_non_null(strstr(err.msg, "still running"));
	net_request_free(a);
	assert_true(test_server_wait_client_gone(NF.good));
	assert_int_equal(net_request_run(b, NULL), 0);
	/* A request runs once: a new one is made for a new try. */
	assert_int_equal(net_request_start(b, &err), -1);
	assert_non_null(strstr(err.msg, "already been started"));
	net_request_free(b);
	net_conn_free(c);
}

static void server_down_is_offline_and_surely_not_sent(void **state)
{
	struct net_target t;
	struct net_call k;

	(void)state;
	net_target(&t, "127.0.0.1", net_closed_port(), NF.ca);
	net_call(&k, &t.o, NET_POST, "/echo", "{}", 2, NULL);
	net_expect(k.res, NET_OFFLINE);
	assert_int_equal(k.res->sent, NET_SENT_NO);
	assert_int_equal(k.res->attempts, 1);
	assert_int_equal(k.err.code, TTHC_E_NETWORK);
	assert_non_null(strstr(k.err.msg, "offline"));
	net_call_end(&k);
}

static void refused_connection_is_retried_up_to_the_limit(void **state)
{
	struct net_retry retry = { .max_attempts = 3, .base_delay_ms = 1, .max_delay_ms = 2 };
	struct net_target t;
	struct net_conn *c;
	struct net_request *r;
	struct seen s = { 0 };

	(void)state;
	net_target(&t, "127.0.0.1", net_closed_port(), NF.ca);
	c = net_conn_new(&t.o, NULL);
	/* A POST without replay_safe: retried all the same, since a refused
	 * connection never carried it. */
	r = net_request_new(c, NET_POST, "/echo", "{}", 2, NULL);
	net_request_set_retry(r, &retry);
	net_request_set_progress(r, record, &s);
	assert_int_equal(net_request_run(r, NULL), -1);
	net_expect(net_request_result(r), NET_OFFLINE);
	assert_int_equal(net_request_result(r)->attempts, 3);
	assert_int_equal(s.waits, 2);
	assert_int_equal(s.last.attempt, 3);
	net_request_free(r);
	net_conn_free(c);
}

static void lost_after_sending_is_indeterminate_and_replayed_only_when_safe(void **state)
{
	struct net_retry retry = { .max_attempts = 3, .base_delay_ms = 1, .max_delay_ms = 2 };
	struct net_target t;
	struct net_call k;
	unsigned before;

	(void)state;
	good_target(&t);
	before = test_server_requests(NF.good);
	net_call(&k, &t.o, NET_POST, "/drop", "{}", 2, &retry);
	net_expect(k.res, NET_INDETERMINATE);
	assert_int_equal(k.res->sent, NET_SENT_MAYBE);
	assert_int_equal(k.res->attempts, 1);
	assert_int_equal(test_server_requests(NF.good) - before, 1);
	net_call_end(&k);

	retry.replay_safe = true;
	before = test_server_requests(NF.good);
	net_call(&k, &t.o, NET_POST, "/drop", "{}", 2, &retry);
	net_expect(k.res, NET_INDETERMINATE);
	assert_int_equal(k.res->attempts, 3);
	assert_int_equal(test_server_requests(NF.good) - before, 3);
	net_call_end(&k);
}

static void http_errors_are_returned_not_retried(void **state)
{
	struct net_retry retry = { .max_attempts = 3, .base_delay_ms = 1, .replay_safe = true };
	struct net_target t;
	struct net_call k;

	(void)state;
	good_target(&t);
	net_call(&k, &t.o, NET_GET, "/status/500", NULL, 0, &retry);
	net_expect(k.res, NET_HTTP);
	assert_int_equal(k.res->status, 500);
	assert_int_equal(k.res->attempts, 1);
	assert_int_equal(k.res->sent, NET_SENT_YES);
	assert_int_equal(k.err.code, TTHC_E_HTTP);
	assert_non_null(strstr(k.err.msg, "HTTP 500"));
	/* The body of an error answer is kept: it says what was wrong. */
	assert_non_null(strstr(k.res->body, "\"error\""));
	assert_int_equal(k.res->retry_after_s, -1);
	net_call_end(&k);
	net_call(&k, &t.o, NET_GET, "/status/503", NULL, 0, &retry);
	assert_int_equal(k.res->status, 503);
	assert_int_equal(k.res->attempts, 1);
	assert_int_equal(k.res->retry_after_s, 7);
	net_call_end(&k);
	net_call(&k, &t.o, NET_GET, "/status/401", NULL, 0, &retry);
	assert_non_null(strstr(k.err.msg, "log in again"));
	net_call_end(&k);
}

/* The kernel completes the TCP handshake of a listening socket that never
 * accepts, so the client waits for a TLS answer that never comes. */
static void no_tls_answer_is_a_timeout_before_sending(void **state)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct net_target t;
	struct net_call k;

	(void)state;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(fd, 4), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	net_target(&t, "127.0.0.1", ntohs(a.sin_port), NF.ca);
	t.o.connect_timeout_ms = 200;
	net_call(&k, &t.o, NET_POST, "/echo", "{}", 2, NULL);
	net_expect(k.res, NET_TIMEOUT);
	assert_int_equal(k.res->sent, NET_SENT_NO);
	net_call_end(&k);
	close(fd);
}

static void no_answer_after_sending_is_a_timeout_maybe_sent(void **state)
{
	struct net_retry retry = { .max_attempts = 3, .base_delay_ms = 1 };
	struct net_target t;
	struct net_call k;

	(void)state;
	good_target(&t);
	/* Long enough for the handshake on a loaded machine, so that the
	 * time runs out after sending, which is what this test is about. */
	t.o.timeout_ms = 2000;
	net_call(&k, &t.o, NET_POST, "/hang", "{}", 2, &retry);
	net_expect(k.res, NET_TIMEOUT);
	assert_int_equal(k.res->sent, NET_SENT_MAYBE);
	/* Not replay-safe and maybe received: not sent again. */
	assert_int_equal(k.res->attempts, 1);
	net_call_end(&k);
	assert_true(test_server_wait_client_gone(NF.good));
}

static void proxy_comes_from_the_environment(void **state)
{
	struct net_target t;
	struct net_call k;
	char proxy[64];

	(void)state;
	good_target(&t);
	snprintf(proxy, sizeof proxy, "http://127.0.0.1:%d", net_closed_port());
	setenv("https_proxy", proxy, 1);
	net_call(&k, &t.o, NET_GET, "/echo", NULL, 0, NULL);
	net_expect(k.res, NET_OFFLINE);
	net_call_end(&k);
	setenv("no_proxy", "127.0.0.1", 1);
	net_call(&k, &t.o, NET_GET, "/echo", NULL, 0, NULL);
	net_expect(k.res, NET_OK);
	net_call_end(&k);
	unsetenv("https_proxy");
	unsetenv("no_proxy");
}

static void backoff_doubles_within_its_jitter_and_cap(void **state)
{
	struct net_retry r = { .max_attempts = 10, .base_delay_ms = 100, .max_delay_ms = 1000 };
	unsigned next, i, want[] = { 0, 0, 100, 200, 400, 800, 1000, 1000 };

	(void)state;
	for (next = 2; next < 8; next++)
		for (i = 0; i < 50; i++) {
			unsigned d = net_retry_delay_ms(&r, next);

			assert_in_range(d, want[next] / 2, want[next]);
		}
	r.max_delay_ms = 0;
	assert_in_range(net_retry_delay_ms(&r, 40), 100u << 19, 100u << 20);
}

/* Every class has a message, in each language, that leaves room for
 * curl's detail without cutting a character in two. */
static void every_message_leaves_room_for_the_detail(void **state)
{
	const char *langs[] = { "en", "vi" };
	struct net_result res;
	size_t l;
	int c;

	(void)state;
	for (l = 0; l < 2; l++) {
		i18n_init(langs[l]);
		for (c = NET_OFFLINE; c < NET_CLASS_COUNT; c++) {
			memset(&res, 0, sizeof res);
			res.cls = (enum net_class)c;
			res.status = 503;
			memset(res.detail, 'd', 100);
			net_class_message(&res, "https://example/");
			assert_true(utf8_valid(res.err.msg, strlen(res.err.msg), NULL));
			if (c != NET_HTTP && c != NET_CANCELLED && !strstr(res.err.msg, res.detail))
				fail_msg("%s %s: detail cut: %s", langs[l],
					 net_class_name(res.cls), res.err.msg);
		}
	}
	i18n_init("en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(token_and_json_body_are_sent),
		cmocka_unit_test(token_that_would_break_a_header_is_refused),
		cmocka_unit_test(requests_on_one_conn_share_one_connection),
		cmocka_unit_test(gzip_answer_arrives_decoded_and_smaller_on_the_wire),
		cmocka_unit_test(answer_over_the_cap_is_too_large),
		cmocka_unit_test(progress_reports_bytes_and_totals),
		cmocka_unit_test(cancel_during_a_stalled_answer_is_clean),
		cmocka_unit_test(cancel_from_the_progress_callback_is_clean),
		cmocka_unit_test(freeing_a_running_request_cancels_it),
		cmocka_unit_test(poll_returns_when_a_key_is_typed),
		cmocka_unit_test(second_request_while_one_runs_is_refused),
		cmocka_unit_test(server_down_is_offline_and_surely_not_sent),
		cmocka_unit_test(refused_connection_is_retried_up_to_the_limit),
		cmocka_unit_test(lost_after_sending_is_indeterminate_and_replayed_only_when_safe),
		cmocka_unit_test(http_errors_are_returned_not_retried),
		cmocka_unit_test(no_tls_answer_is_a_timeout_before_sending),
		cmocka_unit_test(no_answer_after_sending_is_a_timeout_maybe_sent),
		cmocka_unit_test(proxy_comes_from_the_environment),
		cmocka_unit_test(backoff_doubles_within_its_jitter_and_cap),
		cmocka_unit_test(every_message_leaves_room_for_the_detail),
	};
	return cmocka_run_group_tests(tests, net_fixture_setup, net_fixture_teardown);
}
