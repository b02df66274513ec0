/* core/store: the outbox (queue, undo, batches, taking a batch to push,
 * the server's answers) and the needs-attention list (drop, retry). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/vocab.h"
#include "store/query.h"
#include "../support/store_fixture.h"

static int setup(void **state)
{
	struct fx_store *c = fx_store_new();

	fx_seed_cases(c->st, 4);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	fx_store_free(*state);
	return 0;
}

static void queue(struct store *st, const char *case_id, int64_t base, const char *state,
		  char id[JSON_UUID_SIZE])
{
	struct store_new_action a = fx_action(case_id, base, state);
	struct tthc_err err = { 0 };

	if (store_queue_actions(st, &a, 1, NULL, &err) < 0)
		fail_msg("queue: %s: %s", err.where, err.msg);
	if (id)
		memcpy(id, a.id, JSON_UUID_SIZE);
}

static char *case_text(const char *path, const char *id)
{
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT COALESCE(local_state, state) || ' v' || version ||"
		 " ' p' || pending || ' a' || attention FROM cases WHERE id = '%s'", id);
	return fx_text(path, sql);
}

static void assert_case(const char *path, const char *id, const char *want)
{
	char *got = case_text(path, id);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void take(struct store *st, size_t max, struct model_actions_request *out)
{
	struct tthc_err err = { 0 };

	if (store_outbox_take(st, max, out, &err) < 0)
		fail_msg("take: %s: %s", err.where, err.msg);
}

static void answer(struct store *st, struct model_action_result *r, size_t n,
		   struct store_push_summary *sum)
{
	struct model_actions_response resp = { .results = r, .n_results = n };
	struct tthc_err err = { 0 };

	if (store_apply_results(st, &resp, sum, &err) < 0)
		fail_msg("results: %s: %s", err.where, err.msg);
	for (size_t i = 0; i < n; i++) {
		if (r[i].case_row)
			model_case_free(r[i].case_row);
		free(r[i].case_row);
		if (r[i].error)
			model_api_error_free(r[i].error);
		free(r[i].error);
	}
}

static void queuing_marks_the_case_pending_with_its_new_state(void **state)
{
	struct fx_store *c = *state;
	struct store_action_list l;
	struct tthc_err err = { 0 };
	char id[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", id);
	assert_case(c->path, "c-1", "accepted v1 p1 a0");
	assert_int_equal(store_outbox_list(c->st, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].id, id);
	assert_string_equal(l.items[0].kind, "accept");
	assert_string_equal(l.items[0].case_id, "c-1");
	assert_string_equal(l.items[0].payload, "{}");
	assert_int_equal(l.items[0].base_version, 1);
	assert_int_equal(l.items[0].client_time, 1795000000);
	assert_true(l.items[0].queued_at > 0);
	assert_int_equal(l.items[0].sends, 0);
	assert_false(l.items[0].held);
	store_action_list_free(&l);
}

static void action_ids_are_lowercase_uuid_v4_and_distinct(void **state)
{
	struct fx_store *c = *state;
	char a[JSON_UUID_SIZE], b[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, NULL, a);
	queue(c->st, "c-1", 2, NULL, b);
	assert_int_equal(strlen(a), 36);
	assert_int_equal(strspn(a, "0123456789abcdef-"), 36);
	assert_int_equal(a[14], '4');
	assert_non_null(strchr("89ab", a[19]));
	assert_true(a[8] == '-' && a[13] == '-' && a[18] == '-' && a[23] == '-');
	assert_string_not_equal(a, b);
}

static void a_bad_action_refuses_the_whole_batch(void **state)
{
	struct fx_store *c = *state;
	struct store_new_action a[2] = { fx_action("c-1", 1, "x"), fx_action("c-2", 1, "y") };
	struct tthc_err err = { 0 };

	a[1].kind = "accept now";
	assert_int_equal(store_queue_actions(c->st, a, 2, NULL, &err), -1);
	assert_string_equal(err.where, "actions[1].kind");
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM outbox"), 0);
	assert_case(c->path, "c-1", "submitted v1 p0 a0");
	assert_int_equal(store_queue_actions(c->st, a, 0, NULL, &err), -1);
	assert_int_equal(err.code, TTHC_E_USAGE);
}

static void a_payload_the_server_would_refuse_is_refused_now(void **state)
{
	struct fx_store *c = *state;
	struct store_new_action a = fx_action("c-1", 1, "x");
	cJSON *payload = cJSON_CreateObject();
	struct tthc_err err = { 0 };

	/* "Nguyễn" decomposed: e + U+0302 + U+0303 is not NFC. */
	cJSON_AddStringToObject(payload, "note", "Nguye\xCC\x82\xCC\x83n");
	a.payload = payload;
	assert_int_equal(store_queue_actions(c->st, &a, 1, NULL, &err), -1);
	assert_int_equal(err.code, TTHC_E_NOT_NFC);
	assert_string_equal(err.where, "actions[0].payload.note");
	cJSON_Delete(payload);
	payload = cJSON_CreateArray();
	a.payload = payload;
	assert_int_equal(store_queue_actions(c->st, &a, 1, NULL, &err), -1);
	assert_string_equal(err.where, "actions[0].payload");
	cJSON_Delete(payload);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM outbox"), 0);
}

static void undo_takes_the_action_back_and_unmarks_the_case(void **state)
{
	struct fx_store *c = *state;
	struct tthc_err err = { 0 };
	char first[JSON_UUID_SIZE], second[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", first);
	queue(c->st, "c-1", 2, "approved", second);
	assert_case(c->path, "c-1", "approved v1 p2 a0");
	assert_int_equal(store_outbox_undo(c->st, second, &err), 0);
	assert_case(c->path, "c-1", "accepted v1 p1 a0");
	assert_int_equal(store_outbox_undo(c->st, first, &err), 0);
	assert_case(c->path, "c-1", "submitted v1 p0 a0");
	assert_int_equal(store_outbox_undo(c->st, first, &err), -1);
	assert_int_equal(err.code, TTHC_E_NOT_FOUND);
}

static void undo_last_batch_takes_back_the_whole_batch(void **state)
{
	struct fx_store *c = *state;
	struct store_new_action a[3] = { fx_action("c-2", 1, "x"), fx_action("c-3", 1, "x"),
					 fx_action("c-4", 1, "x") };
	struct tthc_err err = { 0 };
	char batch[JSON_UUID_SIZE];
	size_t n = 0;

	queue(c->st, "c-1", 1, "accepted", NULL);
	assert_int_equal(store_queue_actions(c->st, a, 3, batch, &err), 0);
	assert_int_equal(fx_count(c->path, "SELECT count(DISTINCT batch) FROM outbox"), 2);
	assert_int_equal(store_outbox_undo_last_batch(c->st, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM outbox"), 1);
	assert_case(c->path, "c-3", "submitted v1 p0 a0");
	assert_case(c->path, "c-1", "accepted v1 p1 a0");
	assert_int_equal(store_outbox_undo_last_batch(c->st, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_outbox_undo_last_batch(c->st, &n, &err), -1);
	assert_int_equal(err.code, TTHC_E_NOT_FOUND);
}

static void an_action_taken_for_a_push_cannot_be_undone(void **state)
{
	struct fx_store *c = *state;
	struct model_actions_request req;
	struct tthc_err err = { 0 };
	char id[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", id);
	take(c->st, 10, &req);
	assert_int_equal(req.n_actions, 1);
	model_actions_request_free(&req);
	assert_int_equal(store_outbox_undo(c->st, id, &err), -1);
	assert_int_equal(err.code, TTHC_E_REFUSED);
	assert_int_equal(store_outbox_undo_last_batch(c->st, NULL, &err), -1);
	assert_int_equal(err.code, TTHC_E_REFUSED);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM outbox"), 1);
}

static void a_push_that_never_left_is_released_and_undoable_again(void **state)
{
	struct fx_store *c = *state;
	struct model_actions_request req;
	struct tthc_err err = { 0 };
	char id[JSON_UUID_SIZE], other[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", id);
	take(c->st, 10, &req);
	model_actions_request_free(&req);
	/* Taken twice: the first push may have arrived, the second never left. */
	queue(c->st, "c-2", 1, "accepted", other);
	take(c->st, 10, &req);
	assert_int_equal(req.n_actions, 2);
	assert_int_equal(store_outbox_release(c->st, &req, &err), 0);
	model_actions_request_free(&req);
	assert_int_equal(store_outbox_undo(c->st, other, &err), 0);
	assert_int_equal(store_outbox_undo(c->st, id, &err), -1);
	assert_int_equal(err.code, TTHC_E_REFUSED);
	assert_int_equal(fx_count(c->path, "SELECT sends FROM outbox"), 1);
}

static void take_gives_the_oldest_first_at_most_max(void **state)
{
	struct fx_store *c = *state;
	struct model_actions_request req;
	char ids[3][JSON_UUID_SIZE];

	queue(c->st, "c-3", 1, NULL, ids[0]);
	queue(c->st, "c-1", 1, NULL, ids[1]);
	queue(c->st, "c-2", 1, NULL, ids[2]);
	take(c->st, 2, &req);
	assert_int_equal(req.n_actions, 2);
	assert_string_equal(req.actions[0].id, ids[0]);
	assert_string_equal(req.actions[1].id, ids[1]);
	assert_string_equal(req.actions[0].case_id, "c-3");
	assert_string_equal(req.actions[0].kind, "accept");
	assert_true(cJSON_IsObject(req.actions[0].payload));
	model_actions_request_free(&req);
	assert_int_equal(fx_count(c->path, "SELECT sum(sends) FROM outbox"), 2);
}

static void applied_and_duplicate_leave_the_outbox_and_update_the_case(void **state)
{
	struct fx_store *c = *state;
	struct model_action_result r[2];
	struct store_push_summary sum;
	char a[JSON_UUID_SIZE], b[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", a);
	queue(c->st, "c-2", 1, "accepted", b);
	r[0] = fx_result(a, RESULT_APPLIED, "c-1", 2, "accepted");
	r[1] = fx_result(b, RESULT_DUPLICATE, "c-2", 2, "accepted");
	answer(c->st, r, 2, &sum);
	assert_int_equal(sum.applied, 2);
	assert_int_equal(sum.attention, 0);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM outbox"), 0);
	assert_case(c->path, "c-1", "accepted v2 p0 a0");
	assert_case(c->path, "c-2", "accepted v2 p0 a0");
}

static void conflict_moves_to_attention_and_holds_later_actions(void **state)
{
	struct fx_store *c = *state;
	struct model_action_result r;
	struct store_push_summary sum;
	struct store_attention at;
	struct store_action_list l;
	struct model_actions_request req;
	struct tthc_err err = { 0 };
	char a[JSON_UUID_SIZE], later[JSON_UUID_SIZE], other[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", a);
	queue(c->st, "c-1", 2, "approved", later);
	queue(c->st, "c-2", 1, "accepted", other);
	r = fx_result(a, RESULT_CONFLICT, "c-1", 7, "returned");
	answer(c->st, &r, 1, &sum);
	assert_int_equal(sum.attention, 1);
	/* The cache keeps the server's last pulled row; the conflict keeps
	 * the server's copy beside the action. */
	assert_case(c->path, "c-1", "approved v1 p1 a1");
	assert_int_equal(store_attention_get(c->st, a, &at, &err), 0);
	assert_int_equal(at.status, RESULT_CONFLICT);
	assert_int_equal(at.server_version, 7);
	assert_non_null(strstr(at.server_case, "\"state\":\"returned\""));
	assert_null(at.error);
	assert_string_equal(at.action.case_id, "c-1");
	assert_int_equal(at.action.sends, 0);
	store_attention_free(&at);
	assert_int_equal(store_outbox_list(c->st, &l, &err), 0);
	assert_int_equal(l.n, 2);
	assert_true(l.items[0].held);
	assert_false(l.items[1].held);
	store_action_list_free(&l);
	/* Other cases go on (DESIGN.md section 8). */
	take(c->st, 10, &req);
	assert_int_equal(req.n_actions, 1);
	assert_string_equal(req.actions[0].id, other);
	model_actions_request_free(&req);
}

static void rejected_keeps_the_reasons(void **state)
{
	struct fx_store *c = *state;
	struct model_action_result r;
	struct store_attention_list l;
	struct tthc_err err = { 0 };
	int64_t n;
	char a[JSON_UUID_SIZE];

	queue(c->st, "c-3", 1, "accepted", a);
	r = fx_result(a, RESULT_REJECTED, NULL, 0, NULL);
	answer(c->st, &r, 1, NULL);
	assert_int_equal(store_attention_list(c->st, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].status, RESULT_REJECTED);
	assert_null(l.items[0].server_case);
	assert_non_null(strstr(l.items[0].error, "under-inspection"));
	assert_true(l.items[0].answered_at > 0);
	store_attention_list_free(&l);
	assert_case(c->path, "c-3", "submitted v1 p0 a1");
	assert_int_equal(store_count_attention(c->st, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_count_pending(c->st, &n, &err), 0);
	assert_int_equal(n, 0);
}

static void an_unanswered_action_stays_queued_with_the_same_id(void **state)
{
	struct fx_store *c = *state;
	struct model_actions_request first, again;
	struct model_action_result r;
	struct store_push_summary sum;
	char a[JSON_UUID_SIZE], b[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", a);
	queue(c->st, "c-2", 1, "accepted", b);
	take(c->st, 10, &first);
	/* The answer covers only a (a cut connection would cover none). */
	r = fx_result(a, RESULT_APPLIED, "c-1", 2, "accepted");
	answer(c->st, &r, 1, &sum);
	take(c->st, 10, &again);
	assert_int_equal(again.n_actions, 1);
	assert_string_equal(again.actions[0].id, b);
	assert_string_equal(again.actions[0].id, first.actions[1].id);
	assert_int_equal(fx_count(c->path, "SELECT sends FROM outbox"), 2);
	model_actions_request_free(&first);
	model_actions_request_free(&again);
}

static void an_answer_for_an_unknown_action_is_ignored(void **state)
{
	struct fx_store *c = *state;
	struct model_action_result r;
	struct store_push_summary sum;

	queue(c->st, "c-1", 1, "accepted", NULL);
	r = fx_result("00000000-0000-4000-8000-000000000000", RESULT_APPLIED, "c-1", 9, "x");
	answer(c->st, &r, 1, &sum);
	assert_int_equal(sum.unknown, 1);
	assert_int_equal(sum.applied, 0);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM outbox"), 1);
	assert_case(c->path, "c-1", "accepted v1 p1 a0");
}

static void retry_requeues_with_a_new_id_on_the_new_version_in_the_old_place(void **state)
{
	struct fx_store *c = *state;
	struct model_action_result r;
	struct model_actions_request req;
	struct tthc_err err = { 0 };
	char a[JSON_UUID_SIZE], later[JSON_UUID_SIZE], fresh[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", a);
	queue(c->st, "c-1", 2, "approved", later);
	r = fx_result(a, RESULT_CONFLICT, "c-1", 7, "returned");
	answer(c->st, &r, 1, NULL);
	assert_int_equal(store_attention_retry(c->st, a, fresh, &err), 0);
	assert_string_not_equal(fresh, a);
	assert_int_equal(fx_count(c->path, "SELECT count(*) FROM attention"), 0);
	take(c->st, 10, &req);
	assert_int_equal(req.n_actions, 2);
	assert_string_equal(req.actions[0].id, fresh);
	assert_int_equal(req.actions[0].base_version, 7);
	assert_string_equal(req.actions[1].id, later);
	model_actions_request_free(&req);
	assert_case(c->path, "c-1", "approved v1 p2 a0");
	assert_int_equal(store_attention_retry(c->st, a, fresh, &err), -1);
	assert_int_equal(err.code, TTHC_E_NOT_FOUND);
}

static void drop_forgets_the_entry_and_releases_held_actions(void **state)
{
	struct fx_store *c = *state;
	struct model_action_result r;
	struct model_actions_request req;
	struct tthc_err err = { 0 };
	char a[JSON_UUID_SIZE], later[JSON_UUID_SIZE];

	queue(c->st, "c-1", 1, "accepted", a);
	queue(c->st, "c-1", 2, "approved", later);
	r = fx_result(a, RESULT_CONFLICT, "c-1", 7, "returned");
	answer(c->st, &r, 1, NULL);
	take(c->st, 10, &req);
	assert_int_equal(req.n_actions, 0);
	model_actions_request_free(&req);
	assert_int_equal(store_attention_drop(c->st, a, &err), 0);
	assert_case(c->path, "c-1", "approved v1 p1 a0");
	take(c->st, 10, &req);
	assert_int_equal(req.n_actions, 1);
	assert_string_equal(req.actions[0].id, later);
	model_actions_request_free(&req);
	assert_int_equal(store_attention_drop(c->st, a, &err), -1);
	assert_int_equal(err.code, TTHC_E_NOT_FOUND);
}

static void an_action_that_opens_a_case_needs_no_cached_case(void **state)
{
	struct fx_store *c = *state;
	struct store_action_list l;
	struct tthc_err err = { 0 };

	queue(c->st, "c-new", 0, "submitted", NULL);
	assert_int_equal(store_outbox_list(c->st, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].base_version, 0);
	store_action_list_free(&l);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(queuing_marks_the_case_pending_with_its_new_state),
		T(action_ids_are_lowercase_uuid_v4_and_distinct),
		T(a_bad_action_refuses_the_whole_batch),
		T(a_payload_the_server_would_refuse_is_refused_now),
		T(undo_takes_the_action_back_and_unmarks_the_case),
		T(undo_last_batch_takes_back_the_whole_batch),
		T(an_action_taken_for_a_push_cannot_be_undone),
		T(a_push_that_never_left_is_released_and_undoable_again),
		T(take_gives_the_oldest_first_at_most_max),
		T(applied_and_duplicate_leave_the_outbox_and_update_the_case),
		T(conflict_moves_to_attention_and_holds_later_actions),
		T(rejected_keeps_the_reasons),
		T(an_unanswered_action_stays_queued_with_the_same_id),
		T(an_answer_for_an_unknown_action_is_ignored),
		T(retry_requeues_with_a_new_id_on_the_new_version_in_the_old_place),
		T(drop_forgets_the_entry_and_releases_held_actions),
		T(an_action_that_opens_a_case_needs_no_cached_case),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
