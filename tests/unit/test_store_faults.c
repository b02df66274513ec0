/* core/store under faults (DESIGN.md section 3: "a crash, kill -9 or power
 * cut at any instant leaves either no action or exactly one"; section 8: a
 * full or read-only disk simulated with RLIMIT_FSIZE and fault points).
 *
 * A script of every kind of write runs once to record the state after each
 * step.  Then, for every kill point in turn, a child runs the script with
 * TTHC_FAULT naming the point and dies by SIGKILL there; the parent reopens
 * the file and finds one of the recorded states (each operation all or
 * nothing: an action is there once or not at all, the cursor agrees with
 * the rows), an intact database and markers that agree with the outbox. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "model/vocab.h"
#include "store/query.h"
#include "util/fault.h"
#include "../support/store_fixture.h"

#define STEPS 11

/* The state of the file, in one line: schema version, cursor, cases with
 * the versions of two of them, the outbox (case:sends:base) and the
 * needs-attention list (case:status), both in queue order. */
static char *signature(const char *path)
{
	if (access(path, F_OK) != 0 || fx_count(path, "PRAGMA user_version") == 0)
		return strdup("new");
	return fx_text(path,
		"SELECT (SELECT user_version FROM pragma_user_version) || '|' ||"
		" COALESCE((SELECT value FROM meta WHERE key = 'cursor'), '-') || '|' ||"
		" (SELECT count(*) FROM cases) || '|' ||"
		" COALESCE((SELECT version FROM cases WHERE id = 'c-1'), '-') || '|' ||"
		" COALESCE((SELECT version FROM cases WHERE id = 'c-4'), '-') || '|' ||"
		" COALESCE((SELECT group_concat(x, ',') FROM (SELECT case_id || ':' || sends"
		"  || ':' || base_version AS x FROM outbox ORDER BY seq)), '') || '|' ||"
		" COALESCE((SELECT group_concat(x, ',') FROM (SELECT case_id || ':' || status"
		"  AS x FROM attention ORDER BY seq)), '')");
}

static int page(struct store *st, int which)
{
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };
	char id[16], member[16];

	if (which == 1) {
		/* A first pull in two pages: bulk mode from page 1 to page 2. */
		p.more = true;
		for (int i = 1; i <= 5; i++) {
			char *mj, *cj;

			snprintf(id, sizeof id, "c-%d", i);
			snprintf(member, sizeof member, "m-%d", i);
			mj = fx_member_json(member, "Trần Thị Ánh", "o-1");
			cj = fx_case_json(id, member, "fee", "submitted", 1);
			fx_page_row(&p, "member", member, 1, NULL, mj);
			fx_page_row(&p, "case", id, 1, NULL, cj);
			free(mj);
			free(cj);
		}
		return fx_page_apply(st, &p, "k-1", &err);
	}
	{
		char *c4 = fx_case_json("c-4", "m-4", "fee", "accepted", 2);
		char *c100 = fx_case_json("c-100", "m-1", "fee", "submitted", 1);

		fx_page_row(&p, "case", "c-4", 2, NULL, c4);
		fx_page_row(&p, "case", "c-100", 1, NULL, c100);
		fx_page_tombstone(&p, "case", "c-5", 1);
		free(c4);
		free(c100);
	}
	return fx_page_apply(st, &p, "k-2", &err);
}

/* The answers to the batch taken in step 6: c-1 applied, c-2 in conflict.
 * The ids are read, not taken again: a second take would be a write of
 * its own. */
static int push_answers(struct store *st)
{
	struct model_action_result r[2];
	struct model_actions_response resp = { .results = r, .n_results = 0 };
	struct store_action_list l;
	struct tthc_err err = { 0 };
	int rc;

	if (store_outbox_list(st, &l, &err) < 0)
		return -1;
	for (size_t i = 0; i < l.n && i < 2; i++) {
		bool first = strcmp(l.items[i].case_id, "c-1") == 0;

		r[resp.n_results++] = first
			? fx_result(l.items[i].id, RESULT_APPLIED, "c-1", 2, "accepted")
			: fx_result(l.items[i].id, RESULT_CONFLICT, "c-2", 5, "returned");
	}
	store_action_list_free(&l);
	rc = store_apply_results(st, &resp, NULL, &err);
	for (size_t i = 0; i < resp.n_results; i++) {
		model_case_free(r[i].case_row);
		free(r[i].case_row);
	}
	return rc;
}

static int retry_first(struct store *st)
{
	struct store_attention_list l;
	struct tthc_err err = { 0 };
	int rc;

	if (store_attention_list(st, &l, &err) < 0 || l.n != 1)
		return -1;
	rc = store_attention_retry(st, l.items[0].action.id, NULL, &err);
	store_attention_list_free(&l);
	return rc;
}

/* Step k of the script (1..STEPS-1); -1 when it fails. */
static int step(struct store **st, const char *path, int k)
{
	struct tthc_err err = { 0 };
	struct store_new_action a[2] = { fx_action("c-1", 1, "accepted"),
					 fx_action("c-2", 1, "accepted") };
	struct store_new_action b = fx_action("c-3", 1, "returned");
	struct model_actions_request req;
	int rc;

	switch (k) {
	case 1:
		*st = store_open_path(path, &err);
		return *st ? 0 : -1;
	case 2:
		return page(*st, 1);
	case 3:
		return store_queue_actions(*st, a, 2, NULL, &err);
	case 4:
		return store_queue_actions(*st, &b, 1, NULL, &err);
	case 5:
		return store_outbox_undo_last_batch(*st, NULL, &err);
	case 6:
		rc = store_outbox_take(*st, 10, &req, &err);
		model_actions_request_free(&req);
		return rc;
	case 7:
		return push_answers(*st);
	case 8:
		return retry_first(*st);
	case 9:
		return page(*st, 2);
	case 10:
		return store_reset_cache(*st, &err);
	}
	return -1;
}

/* The script as the child runs it: exit status 0 when it ran to the end
 * (the point was never reached), 3 when a step failed. */
static void run_script(const char *path)
{
	struct store *st = NULL;

	for (int k = 1; k < STEPS; k++)
		if (step(&st, path, k) < 0)
			_exit(3);
	store_close(st);
	_exit(0);
}

struct reference {
	char *sig[STEPS];
};

static void record(struct reference *ref, const char *dir)
{
	char *path = fx_path(dir, "ref.db");
	struct store *st = NULL;

	ref->sig[0] = signature(path);
	for (int k = 1; k < STEPS; k++) {
		assert_int_equal(step(&st, path, k), 0);
		ref->sig[k] = signature(path);
	}
	store_close(st);
	free(path);
}

static bool known(const struct reference *ref, const char *sig)
{
	for (int k = 0; k < STEPS; k++)
		if (strcmp(ref->sig[k], sig) == 0)
			return true;
	return false;
}

static void check_after_kill(const struct reference *ref, const char *path, const char *point)
{
	char *sig = signature(path);
	struct tthc_err err = { 0 };
	struct store *st;

	if (!known(ref, sig))
		fail_msg("after a kill at %s the store is in no whole state: %s", point, sig);
	free(sig);
	/* Reopening recovers the WAL and finishes any migration. */
	st = store_open_path(path, &err);
	if (!st)
		fail_msg("reopen after %s: %s", point, err.msg);
	store_close(st);
	fx_check_invariants(path);
	/* ... and ends a first pull cut short: the screens' indexes are back. */
	assert_int_equal(fx_count(path, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
				  " AND name IN ('cases_sort', 'cases_member', 'cases_org')"), 3);
}

static void every_kill_point_leaves_a_whole_state(void **state)
{
	char *dir = fx_tmpdir();
	struct reference ref;
	int kills = 0;

	(void)state;
	record(&ref, dir);
	for (int p = 0; p < fault_count(); p++) {
		char name[64], *path;
		pid_t pid;
		int status;

		/* core/sync's points are walked by tests/e2e/kill_points.sh. */
		if (fault_kind(p) != FAULT_KILL || strncmp(fault_name(p), "store.", 6) != 0)
			continue;
		snprintf(name, sizeof name, "kill-%d.db", p);
		path = fx_path(dir, name);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			setenv("TTHC_FAULT", fault_name(p), 1);
			run_script(path);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
			fail_msg("%s was never reached (status %d)", fault_name(p), status);
		check_after_kill(&ref, path, fault_name(p));
		kills++;
		free(path);
	}
	print_message("# %d kill points, each reached and survived\n", kills);
	assert_true(kills >= 20);
	for (int k = 0; k < STEPS; k++)
		free(ref.sig[k]);
	fx_rmtree(dir);
}

/* A store with five cases and one queued action, closed. */
static char *prepared(const char *dir)
{
	char *path = fx_path(dir, "t.db");
	struct store *st = fx_open(path);
	struct store_new_action a = fx_action("c-1", 1, "accepted");
	struct tthc_err err = { 0 };

	fx_seed_cases(st, 5);
	assert_int_equal(store_queue_actions(st, &a, 1, NULL, &err), 0);
	store_close(st);
	return path;
}

static cJSON *big_payload(void)
{
	cJSON *p = cJSON_CreateObject();
	size_t n = 400000;
	char *text = malloc(n + 1);

	memset(text, 'x', n);
	text[n] = '\0';
	cJSON_AddStringToObject(p, "note", text);
	free(text);
	return p;
}

/* In the child (no cmocka assertion may fail here: it would go on running
 * the tests in the child): the store opened, then the file size limit,
 * then a queue and a page that need more room than it leaves; each error
 * message on a line of its own. */
static void fill_the_disk(const char *path, int fd)
{
	struct tthc_err err = { 0 };
	struct store *st = store_open_path(path, &err);
	struct store_status s;
	struct rlimit lim = { 16384, 16384 };
	struct store_new_action a = fx_action("c-2", 1, "accepted");
	struct fx_page p = { .b = BUF_INIT };

	if (!st || store_status(st, &s, &err) < 0)
		_exit(3);
	store_status_free(&s);
	for (int i = 0; i < 500; i++) {
		char id[16], *cj;

		snprintf(id, sizeof id, "n-%d", i);
		cj = fx_case_json(id, "m-1", "fee", "submitted", 1);
		fx_page_row(&p, "case", id, 1, NULL, cj);
		free(cj);
	}
	a.payload = big_payload();
	signal(SIGXFSZ, SIG_IGN);       /* a write past the limit fails with EFBIG */
	if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
		_exit(4);
	if (store_queue_actions(st, &a, 1, NULL, &err) == 0)
		_exit(5);
	dprintf(fd, "%s\n", err.msg);
	if (fx_page_apply(st, &p, "k-9", &err) == 0)
		_exit(6);
	dprintf(fd, "%s\n", err.msg);
	_exit(0);
}

static void a_full_disk_is_a_clear_error_and_loses_nothing(void **state)
{
	char *dir = fx_tmpdir(), *path = prepared(dir);
	char *before = signature(path), *after, queue_msg[256] = "", page_msg[256] = "";
	int fds[2], status;
	pid_t pid;
	FILE *in;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		fill_the_disk(path, fds[1]);
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	assert_non_null(in);
	assert_non_null(fgets(queue_msg, sizeof queue_msg, in));
	assert_non_null(fgets(page_msg, sizeof page_msg, in));
	fclose(in);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_string_equal(queue_msg, "the disk is full: nothing was saved\n");
	assert_string_equal(page_msg, "the disk is full: nothing was saved\n");
	/* Nothing lost, nothing half-written: the same whole state. */
	after = signature(path);
	assert_string_equal(after, before);
	assert_int_equal(fx_count(path, "SELECT count(*) FROM cases WHERE id LIKE 'n-%'"), 0);
	fx_check_invariants(path);
	free(after);
	free(before);
	free(path);
	fx_rmtree(dir);
}

static void a_failed_write_is_a_clear_error_and_loses_nothing(void **state)
{
	char *dir = fx_tmpdir(), *path = prepared(dir);
	char *before = signature(path), *after;
	struct store *st = fx_open(path);
	struct store_new_action a = fx_action("c-2", 1, "accepted");
	struct model_actions_request req;
	struct tthc_err err = { 0 };

	(void)state;
	setenv("TTHC_FAULT_FAIL", fault_name(FAULT_STORE_IO_COMMIT), 1);
	assert_int_equal(store_queue_actions(st, &a, 1, NULL, &err), -1);
	assert_string_equal(err.msg, "the local database is read-only: nothing was saved");
	assert_string_equal(err.where, path);
	assert_int_equal(store_outbox_take(st, 10, &req, &err), -1);
	assert_int_equal(req.n_actions, 0);
	assert_int_equal(store_reset_cache(st, &err), -1);
	unsetenv("TTHC_FAULT_FAIL");
	after = signature(path);
	assert_string_equal(after, before);
	/* The same store works once the disk does. */
	assert_int_equal(store_queue_actions(st, &a, 1, NULL, &err), 0);
	store_close(st);
	fx_check_invariants(path);
	free(after);
	free(before);
	free(path);
	fx_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_kill_point_leaves_a_whole_state),
		cmocka_unit_test(a_full_disk_is_a_clear_error_and_loses_nothing),
		cmocka_unit_test(a_failed_write_is_a_clear_error_and_loses_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
