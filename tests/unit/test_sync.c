/* core/sync without a server: the session file, what needs a login, and
 * the job a screen drives (keys read while a request hangs, progress,
 * cancel that loses nothing).  The end-to-end tests (tests/e2e) run the
 * same code against a real tthcd. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/outbox.h"
#include "sync/internal.h"
#include "../support/store_fixture.h"

struct ctx {
	char *dir;
	int listener;           /* accepts TCP (the kernel does) but never answers */
	char url[64];
};

static int setup(void **state)
{
	struct ctx *c = calloc(1, sizeof *c);
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof a;

	c->dir = fx_tmpdir();
	setenv("XDG_DATA_HOME", c->dir, 1);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	c->listener = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(c->listener >= 0);
	assert_int_equal(bind(c->listener, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(c->listener, 4), 0);
	assert_int_equal(getsockname(c->listener, (struct sockaddr *)&a, &len), 0);
	snprintf(c->url, sizeof c->url, "https://127.0.0.1:%d", ntohs(a.sin_port));
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	struct ctx *c = *state;

	close(c->listener);
	fx_rmtree(c->dir);
	free(c);
	return 0;
}

static struct sync_client *open_client(struct ctx *c)
{
	struct net_options o = { .base_url = c->url, .timeout_ms = 600000 };
	struct tthc_err err = { 0 };
	struct sync_client *cl = sync_client_open(&o, "bt.xa1", &err);

	if (!cl)
		fail_msg("open: %s: %s", err.where, err.msg);
	return cl;
}

/* Log "in" by writing the session file as a login would. */
static void save_token(struct sync_client *cl, int64_t expires_at)
{
	struct sync_token t = { .token = "tok", .expires_at = expires_at,
				.roles = "[{\"role\":\"finance\",\"org\":\"xa1\"}]",
				.ca_file = "/etc/ssl/certs/ca-certificates.crt" };

	assert_int_equal(sync_token_write(sync_client_token_path(cl), &t, NULL), 0);
}

static void session_file_is_private_and_read_back_whole(void **state)
{
	struct ctx *c = *state;
	struct sync_client *cl = open_client(c);
	struct sync_token t;
	struct stat sb;

	save_token(cl, 2000000000);
	assert_int_equal(stat(sync_client_token_path(cl), &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(sync_token_read(sync_client_token_path(cl), &t, NULL), 0);
	assert_string_equal(t.token, "tok");
	assert_int_equal(t.expires_at, 2000000000);
	assert_string_equal(t.roles, "[{\"role\":\"finance\",\"org\":\"xa1\"}]");
	assert_string_equal(t.ca_file, "/etc/ssl/certs/ca-certificates.crt");
	assert_null(t.pin);
	sync_token_free(&t);
	sync_client_close(cl);
	/* A client opened later finds the session and its CA file. */
	cl = open_client(c);
	assert_non_null(sync_client_token(cl));
	assert_string_equal(cl->opts.ca_file, "/etc/ssl/certs/ca-certificates.crt");
	sync_client_close(cl);
}

static void damaged_session_file_counts_as_logged_out(void **state)
{
	struct ctx *c = *state;
	struct sync_client *cl = open_client(c);
	FILE *f = fopen(sync_client_token_path(cl), "w");

	fputs("{\"token\":1}", f);
	fclose(f);
	sync_client_close(cl);
	cl = open_client(c);
	assert_null(sync_client_token(cl));
	sync_client_close(cl);
}

static void push_and_pull_need_a_live_session_before_any_byte_is_sent(void **state)
{
	struct ctx *c = *state;
	struct sync_client *cl = open_client(c);
	struct tthc_err err = { 0 };

	assert_null(sync_job_new(cl, SYNC_PUSH | SYNC_PULL, NULL, &err));
	assert_int_equal(err.code, TTHC_E_UNAUTHENTICATED);
	assert_non_null(strstr(err.msg, "not logged in"));
	save_token(cl, 1000);
	sync_client_close(cl);
	cl = open_client(c);
	assert_null(sync_job_new(cl, SYNC_PULL, NULL, &err));
	assert_int_equal(err.code, TTHC_E_UNAUTHENTICATED);
	assert_non_null(strstr(err.msg, "expired"));
	assert_null(sync_job_new(cl, SYNC_LOGIN, NULL, &err));
	assert_int_equal(err.code, TTHC_E_USAGE);
	sync_client_close(cl);
}

static void no_server_or_user_is_a_usage_error(void **state)
{
	struct ctx *c = *state;
	struct net_options o = { .base_url = "" };
	struct tthc_err err = { 0 };

	assert_null(sync_client_open(&o, "bt.xa1", &err));
	assert_int_equal(err.code, TTHC_E_USAGE);
	o.base_url = c->url;
	assert_null(sync_client_open(&o, "", &err));
	assert_int_equal(err.code, TTHC_E_USAGE);
}

static void logout_offline_removes_the_session(void **state)
{
	struct ctx *c = *state;
	struct sync_client *cl = open_client(c);
	struct sync_report rep;
	struct sync_job *j;
	struct tthc_err err = { 0 };

	save_token(cl, 2000000000);
	sync_client_close(cl);
	cl = open_client(c);
	/* The closed port: nothing answers, and the file goes all the same. */
	cl->opts.connect_timeout_ms = 1;
	cl->opts.base_url = "https://127.0.0.1:1";
	j = sync_job_new(cl, SYNC_LOGOUT, NULL, &err);
	assert_non_null(j);
	assert_int_equal(sync_job_run(j, &rep, &err), 0);
	assert_true(rep.logged_out_offline);
	assert_null(sync_client_token(cl));
	assert_int_equal(access(sync_client_token_path(cl), F_OK), -1);
	sync_job_free(j);
	sync_client_close(cl);
}

/* A screen's loop: keys are read while the push hangs; a cancel ends it at
 * once and the action stays in the outbox. */
static void a_screen_reads_keys_during_a_push_and_cancel_keeps_the_action_undoable(void **state)
{
	struct ctx *c = *state;
	struct sync_client *cl = open_client(c);
	struct store_new_action a = fx_action("c-1", 1, "accepted");
	struct store_action_list l;
	struct sync_progress p;
	struct sync_report rep;
	struct sync_job *j;
	struct tthc_err err = { 0 };
	struct pollfd key;
	int fds[2];

	save_token(cl, 2000000000);
	sync_client_close(cl);
	cl = open_client(c);
	fx_seed_cases(sync_client_store(cl), 1);
	assert_int_equal(store_queue_actions(sync_client_store(cl), &a, 1, NULL, &err), 0);
	j = sync_job_new(cl, SYNC_PUSH | SYNC_PULL, NULL, &err);
	assert_non_null(j);
	assert_int_equal(sync_job_poll(j, 0, NULL, 0), SYNC_RUNNING);
	sync_job_progress(j, &p);
	assert_int_equal(p.phase, SYNC_PHASE_PUSH);
	assert_int_equal(p.requests, 1);

	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], "q", 1), 1);
	key = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	/* No timeout: only the key can end this wait, the server is silent. */
	assert_int_equal(sync_job_poll(j, -1, &key, 1), SYNC_RUNNING);
	assert_true(key.revents & POLLIN);

	sync_job_cancel(j);
	assert_int_equal(sync_job_poll(j, -1, NULL, 0), SYNC_DONE);
	assert_int_equal(sync_job_result(j, &rep, &err), -1);
	assert_int_equal(err.code, TTHC_E_CANCELLED);
	assert_int_equal(rep.push.applied, 0);
	assert_int_equal(store_outbox_list(sync_client_store(cl), &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].id, a.id);
	/* The TLS handshake never ended: the batch surely never left, so it
	 * is as if never taken, and can still be undone. */
	assert_int_equal(l.items[0].sends, 0);
	store_action_list_free(&l);
	assert_int_equal(store_outbox_undo(sync_client_store(cl), a.id, &err), 0);
	sync_job_free(j);
	sync_client_close(cl);
	close(fds[0]);
	close(fds[1]);
}

/* An API error body (API.md, Errors). */
#define ERROR_BODY(code) "{\"error\":{\"code\":\"" code "\",\"message\":\"x\"}}"

/* An HTTP answer as net gives it, for sync_answer_error. */
static enum tthc_code code_of(long status, const char *body)
{
	struct net_result r = { .cls = NET_HTTP, .status = status, .body = (char *)body,
				.body_len = body ? strlen(body) : 0 };
	struct tthc_err err = { 0 };

	snprintf(r.err.msg, sizeof r.err.msg, "HTTP %ld", status);
	assert_int_equal(sync_answer_error(&r, "pull", &err), -1);
	assert_string_equal(err.where, "pull");
	return err.code;
}

static void answers_become_errors_a_front_end_can_act_on(void **state)
{
	struct net_result offline = { .cls = NET_OFFLINE };
	struct tthc_err err = { 0 };

	(void)state;
	assert_int_equal(code_of(401, ERROR_BODY("unauthenticated")), TTHC_E_UNAUTHENTICATED);
	assert_int_equal(code_of(410, ERROR_BODY("cursor-expired")), TTHC_E_CURSOR_EXPIRED);
	assert_int_equal(code_of(410, ERROR_BODY("resync-required")), TTHC_E_RESYNC);
	/* Busy or broken servers are passing trouble: sync again later. */
	assert_int_equal(code_of(503, NULL), TTHC_E_NETWORK);
	assert_int_equal(code_of(500, ERROR_BODY("internal")), TTHC_E_NETWORK);
	assert_int_equal(code_of(429, NULL), TTHC_E_NETWORK);
	assert_int_equal(code_of(400, ERROR_BODY("invalid")), TTHC_E_HTTP);
	assert_int_equal(code_of(403, "not json"), TTHC_E_HTTP);

	tthc_fail(&offline.err, TTHC_E_NETWORK, "https://x", "cannot reach the server");
	assert_int_equal(sync_answer_error(&offline, "push", &err), -1);
	assert_int_equal(err.code, TTHC_E_NETWORK);
	assert_string_equal(err.where, "push");
	assert_string_equal(err.msg, "cannot reach the server");
}

static void a_refusal_carries_the_servers_own_words(void **state)
{
	struct net_result r = { .cls = NET_HTTP, .status = 403,
				.body = "{\"error\":{\"code\":\"forbidden\",\"message\":\"không được phép\"}}" };
	struct tthc_err err = { 0 };

	(void)state;
	r.body_len = strlen(r.body);
	sync_answer_error(&r, "push", &err);
	assert_non_null(strstr(err.msg, "không được phép"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(session_file_is_private_and_read_back_whole,
						setup, teardown),
		cmocka_unit_test_setup_teardown(damaged_session_file_counts_as_logged_out, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			push_and_pull_need_a_live_session_before_any_byte_is_sent, setup, teardown),
		cmocka_unit_test_setup_teardown(no_server_or_user_is_a_usage_error, setup, teardown),
		cmocka_unit_test_setup_teardown(logout_offline_removes_the_session, setup, teardown),
		cmocka_unit_test_setup_teardown(
			a_screen_reads_keys_during_a_push_and_cancel_keeps_the_action_undoable, setup,
			teardown),
		cmocka_unit_test(answers_become_errors_a_front_end_can_act_on),
		cmocka_unit_test(a_refusal_carries_the_servers_own_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
