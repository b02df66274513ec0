/* tui/logic/decide: core/proc's decision on cached cases of a real store
 * file, and what it allows queued as one batch (undone as one). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "logic/decide.h"
#include "../support/store_fixture.h"

struct fx {
	char *dir, *path;
	struct store *st;
};

static void org(struct fx_page *p, const char *id, const char *json)
{
	fx_page_row(p, "organisation", id, 1, id, json);
}

static void fee_case(struct fx_page *p, int i, const char *state, const char *own)
{
	char id[16], member[16], *mj, cj[512];

	snprintf(id, sizeof id, "c-%d", i);
	snprintf(member, sizeof member, "m-%d", i);
	mj = fx_member_json(member, "Nguyễn Văn An", own);
	snprintf(cj, sizeof cj, "{\"id\":\"%s\",\"procedure\":\"fee\",\"state\":\"%s\","
		 "\"version\":3,\"member\":\"%s\",\"orgs\":[{\"relation\":\"own\",\"org\":\"%s\"}],"
		 "\"fields\":{\"period\":\"2026-10\"},\"created_at\":\"2026-11-01T01:00:00Z\","
		 "\"updated_at\":\"2026-11-01T01:00:00Z\",\"deadlines\":[]}", id, state, member, own);
	fx_page_row(p, "member", member, 1, own, mj);
	fx_page_row(p, "case", id, 3, own, cj);
	free(mj);
}

/* A province o-0, base committee o-1 with branch o-2, another base
 * committee o-9; the session is finance officer of o-1.  c-1, c-2 paid in
 * o-2; c-3 due in o-2; c-4 paid in o-9 (out of scope). */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct fx_page p = { .b = BUF_INIT };
	struct tthc_err err = { 0 };

	f->dir = fx_tmpdir();
	f->path = fx_path(f->dir, "s.db");
	f->st = fx_open(f->path);
	org(&p, "o-0", "{\"id\":\"o-0\",\"type\":\"province\",\"name\":\"Tỉnh\"}");
	org(&p, "o-1", "{\"id\":\"o-1\",\"parent\":\"o-0\",\"type\":\"base-committee\","
		       "\"commune\":true,\"name\":\"Xã A\"}");
	org(&p, "o-2", "{\"id\":\"o-2\",\"parent\":\"o-1\",\"type\":\"sub-branch\",\"name\":\"Thôn\"}");
	org(&p, "o-9", "{\"id\":\"o-9\",\"parent\":\"o-0\",\"type\":\"base-committee\","
		       "\"commune\":true,\"name\":\"Xã B\"}");
	fee_case(&p, 1, "paid", "o-2");
	fee_case(&p, 2, "paid", "o-2");
	fee_case(&p, 3, "due", "o-2");
	fee_case(&p, 4, "paid", "o-9");
	assert_int_equal(fx_page_apply(f->st, &p, "k-1", &err), 0);
	assert_int_equal(store_set_roles(f->st, "[{\"role\":\"finance\",\"org\":\"o-1\"}]", &err), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	store_close(f->st);
	free(f->path);
	fx_rmtree(f->dir);
	free(f);
	return 0;
}

static void roles_come_from_the_session(void **state)
{
	struct fx *f = *state;
	struct tthc_err err = { 0 };
	struct decider *d = decider_new(f->st, &err);

	assert_non_null(d);
	assert_int_equal(decider_roles(d), ROLE_BIT(ROLE_FINANCE));
	decider_free(d);
}

static void open_actions_follow_state_and_the_org_tree(void **state)
{
	struct fx *f = *state;
	struct tthc_err err = { 0 };
	struct decider *d = decider_new(f->st, &err);
	const struct proc_action *open[8], *a;

	assert_int_equal(decider_open(d, "c-1", open, 8, &err), 2);
	assert_string_equal(open[0]->name, "return-amount");
	assert_string_equal(open[1]->name, "confirm");
	assert_non_null(a = decider_approve_action(d, "c-1", &err));
	assert_string_equal(a->name, "confirm");
	assert_int_equal(decider_open(d, "c-4", open, 8, &err), 0);
	assert_null(decider_approve_action(d, "c-3", &err));
	decider_free(d);
}

static void approve_queues_the_allowed_in_one_batch(void **state)
{
	static const char *const ids[] = { "c-1", "c-2", "c-3", "c-4" };
	struct fx *f = *state;
	struct tthc_err err = { 0 };
	struct decider *d = decider_new(f->st, &err);
	struct decide_result res;
	struct store_action_list out;
	size_t undone = 0;

	assert_int_equal(decider_queue(d, ids, 4, NULL, NULL, NULL, &res, &err), 0);
	assert_int_equal(res.queued, 2);
	assert_int_equal(res.refused, 2);
	assert_string_equal(res.first_refused, "c-3");
	assert_int_equal(store_outbox_list(f->st, &out, &err), 0);
	assert_int_equal(out.n, 2);
	assert_string_equal(out.items[0].kind, "confirm");
	assert_string_equal(out.items[0].new_state, "confirmed");
	assert_int_equal(out.items[0].base_version, 3);
	assert_string_equal(out.items[0].batch, out.items[1].batch);
	assert_string_equal(out.items[0].batch, res.batch);
	store_action_list_free(&out);
	assert_int_equal(store_outbox_undo_last_batch(f->st, &undone, &err), 0);
	assert_int_equal(undone, 2);
	fx_check_invariants(f->path);
	decider_free(d);
}

/* Offline, the finance officer returns a wrong payment (paid -> due), then
 * the member's payment is keyed in: the second is decided on the state the
 * first leads to and goes out against the version it will make. */
static void a_later_action_follows_the_queued_ones(void **state)
{
	static const char *const ids[] = { "c-1" };
	struct fx *f = *state;
	struct tthc_err err = { 0 };
	struct decider *d = decider_new(f->st, &err);
	const struct proc_action *open[8];
	struct decide_result res;
	cJSON *why = cJSON_Parse("{\"reason\":\"Nộp nhầm\"}");
	cJSON *pay = cJSON_Parse("{\"amount\":80000,\"paid_on\":\"2026-11-20\","
				 "\"method\":\"cash\"}");
	struct store_action_list out;

	assert_int_equal(decider_queue(d, ids, 1, "return-amount", why, NULL, &res, &err), 0);
	assert_int_equal(res.queued, 1);
	assert_int_equal(decider_queued(d, "c-1"), 1);
	assert_int_equal(decider_open(d, "c-1", open, 8, &err), 1);
	assert_string_equal(open[0]->name, "pay");
	assert_int_equal(decider_queue(d, ids, 1, "pay", pay, "m-1", &res, &err), 0);
	assert_int_equal(res.queued, 1);
	assert_int_equal(store_outbox_list(f->st, &out, &err), 0);
	assert_int_equal(out.n, 2);
	assert_int_equal(out.items[0].base_version, 3);
	assert_int_equal(out.items[1].base_version, 4);
	assert_string_equal(out.items[1].new_state, "paid");
	store_action_list_free(&out);
	/* confirm is approve's step again, now after both. */
	assert_int_equal(decider_queue(d, ids, 1, NULL, NULL, NULL, &res, &err), 0);
	assert_int_equal(res.queued, 1);
	assert_int_equal(decider_queued(d, "c-1"), 3);
	fx_check_invariants(f->path);
	cJSON_Delete(why);
	cJSON_Delete(pay);
	decider_free(d);
}

static void a_form_action_is_checked_with_core_proc_messages(void **state)
{
	struct fx *f = *state;
	struct tthc_err err = { 0 };
	struct decider *d = decider_new(f->st, &err);
	struct proc_verdict v;
	cJSON *p = cJSON_CreateObject();

	assert_int_equal(decider_check(d, "c-1", "return-amount", p, NULL, &v, &err), 0);
	assert_int_equal(v.outcome, PROC_REFUSED);
	assert_true(v.n_reasons >= 1);
	assert_non_null(strstr(v.reasons[0].path, "reason"));
	cJSON_AddStringToObject(p, "reason", "Nộp nhầm số tiền");
	assert_int_equal(decider_check(d, "c-1", "return-amount", p, NULL, &v, &err), 0);
	assert_int_equal(v.outcome, PROC_ALLOWED);
	cJSON_Delete(p);
	decider_free(d);
}

struct stop_after {
	size_t calls, stop_at;
	size_t done[4];
};

static bool count_chunks(void *ctx, size_t done, size_t n)
{
	struct stop_after *s = ctx;

	assert_int_equal(n, 4);
	s->done[s->calls++] = done;
	return s->calls < s->stop_at;
}

/* c-1, c-2 allowed, c-3, c-4 refused: chunks of one, all in one batch. */
static void chunks_share_one_batch_and_can_be_stopped(void **state)
{
	static const char *const ids[] = { "c-1", "c-3", "c-2", "c-4" };
	struct fx *f = *state;
	struct tthc_err err = { 0 };
	struct decider *d = decider_new(f->st, &err);
	struct stop_after s = { .stop_at = 99 };
	struct decide_result res;
	size_t undone = 0;

	decider_set_progress(d, 1, count_chunks, &s);
	assert_int_equal(decider_queue(d, ids, 4, NULL, NULL, NULL, &res, &err), 0);
	assert_int_equal(res.queued, 2);
	assert_int_equal(res.refused, 2);
	assert_int_equal(s.calls, 3);           /* between chunks, not after the last */
	assert_int_equal(s.done[0], 1);
	assert_int_equal(s.done[2], 3);
	assert_int_equal(fx_count(f->path, "SELECT count(DISTINCT batch) FROM outbox"), 1);
	assert_int_equal(store_outbox_undo_last_batch(f->st, &undone, &err), 0);
	assert_int_equal(undone, 2);            /* u takes both chunks back */
	/* Stopped after the first chunk: c-1 queued, the rest left alone. */
	s = (struct stop_after){ .stop_at = 1 };
	assert_int_equal(decider_queue(d, ids, 4, NULL, NULL, NULL, &res, &err), 0);
	assert_int_equal(res.queued, 1);
	assert_int_equal(s.calls, 1);
	assert_int_equal(fx_count(f->path, "SELECT count(*) FROM outbox WHERE case_id = 'c-1'"), 1);
	assert_int_equal(fx_count(f->path, "SELECT count(*) FROM outbox"), 1);
	decider_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(roles_come_from_the_session, setup, teardown),
		cmocka_unit_test_setup_teardown(open_actions_follow_state_and_the_org_tree, setup,
						teardown),
		cmocka_unit_test_setup_teardown(approve_queues_the_allowed_in_one_batch, setup,
						teardown),
		cmocka_unit_test_setup_teardown(a_later_action_follows_the_queued_ones, setup,
						teardown),
		cmocka_unit_test_setup_teardown(a_form_action_is_checked_with_core_proc_messages,
						setup, teardown),
		cmocka_unit_test_setup_teardown(chunks_share_one_batch_and_can_be_stopped, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
