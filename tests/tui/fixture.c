/* tui-fixture STORE N [ROLE [CONFLICTS]]: a store file as a first pull
 * would leave it, for the TUI tests (test-only): a province, a base
 * committee and two branches, N members with synthetic Vietnamese names (core/demo), one fee
 * case each for October 2026 -- every sixth still due, the rest paid,
 * alternating between the two branches; every fifth past its deadline and
 * the one after it due within the hour -- and a session holding ROLE
 * (default finance) in the base committee.  With CONFLICTS, cases c-1 to
 * c-CONFLICTS are confirmed, pushed and answered as conflicts (the server
 * at version 2), so they are in the needs-attention list. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo/names.h"
#include "model/changes.h"
#include "store/cache.h"
#include "store/outbox.h"
#include "store/store.h"
#include "util/buf.h"

static void row(struct buf *b, int *n, const char *kind, const char *id, const char *org,
		const char *json)
{
	buf_printf(b, "%s{\"kind\":\"%s\",\"id\":\"%s\",\"version\":1,\"org_after\":\"%s\","
		   "\"tombstone\":false,\"row\":%s}", (*n)++ ? "," : "", kind, id, org, json);
}

/* The deadlines of case i, relative to now, as JSON array items. */
static void deadline(int i, char *out, size_t size)
{
	time_t t = time(NULL) + (i % 5 == 0 ? -3600 : 1800);
	struct tm tm;
	char when[32];

	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (i % 5 == 0 || i % 5 == 1)
		snprintf(out, size, "{\"name\":\"notice\",\"due\":\"%s\"}", when);
	else
		out[0] = '\0';
}

/* Apply the page in b (its rows already written) with more or not. */
static int apply(struct store *st, struct buf *b, bool more, struct tthc_err *err)
{
	struct model_changes_page page;
	cJSON *tree;
	int rc;

	buf_printf(b, "],\"next\":\"k-1\",\"more\":%s}", more ? "true" : "false");
	if (buf_failed(b))
		return tthc_fail(err, TTHC_E_NOMEM, "fixture", "out of memory");
	tree = cJSON_Parse(b->data);
	buf_reset(b);
	if (!tree || model_changes_page_decode(tree, JSON_TOLERANT, &page, err) < 0) {
		cJSON_Delete(tree);
		return err->code ? -1 : tthc_fail(err, TTHC_E_BAD_JSON, "fixture", "bad page");
	}
	cJSON_Delete(tree);
	rc = store_apply_page(st, &page, err);
	model_changes_page_free(&page);
	return rc;
}

/* Pages of 500 cases, as a first pull brings them. */
static int fill(struct store *st, int count, struct tthc_err *err)
{
	struct buf b = BUF_INIT, j = BUF_INIT;
	struct rng rng;
	int n = 0, rc = 0;

	rng_seed(&rng, 7);
	buf_puts(&b, "{\"changes\":[");
	row(&b, &n, "organisation", "o-0", "o-0",
	    "{\"id\":\"o-0\",\"type\":\"province\",\"name\":\"Đảng bộ tỉnh\"}");
	row(&b, &n, "organisation", "o-1", "o-1", "{\"id\":\"o-1\",\"parent\":\"o-0\",\"type\":"
	    "\"base-committee\",\"commune\":true,\"name\":\"Đảng bộ xã Hoà An\"}");
	row(&b, &n, "organisation", "o-2", "o-2", "{\"id\":\"o-2\",\"parent\":\"o-1\",\"type\":"
	    "\"sub-branch\",\"name\":\"Chi bộ thôn Đông\"}");
	row(&b, &n, "organisation", "o-3", "o-3", "{\"id\":\"o-3\",\"parent\":\"o-1\",\"type\":"
	    "\"sub-branch\",\"name\":\"Chi bộ thôn Tây\"}");
	for (int i = 1; i <= count && rc == 0; i++) {
		struct demo_name dn;
		char name[DEMO_NAME_MAX], id[32], member[32], org[8], due[96];

		demo_name_draw(&rng, &dn);
		demo_name_format(&dn, name, sizeof name);
		snprintf(id, sizeof id, "c-%d", i);
		snprintf(member, sizeof member, "m-%d", i);
		snprintf(org, sizeof org, "o-%d", 2 + i % 2);
		buf_reset(&j);
		buf_printf(&j, "{\"id\":\"%s\",\"card_number\":\"28%06d\",\"name\":\"%s\","
			   "\"birth_date\":\"1980-05-17\",\"sex\":\"%s\",\"org\":\"%s\","
			   "\"joined\":\"2005-03-02\",\"category\":\"salary\",\"base\":8000000,"
			   "\"region\":1}", member, i, name, dn.sex == DEMO_MALE ? "male" : "female",
			   org);
		row(&b, &n, "member", member, org, j.data);
		deadline(i, due, sizeof due);
		buf_reset(&j);
		buf_printf(&j, "{\"id\":\"%s\",\"procedure\":\"fee\",\"state\":\"%s\",\"version\":1,"
			   "\"member\":\"%s\",\"orgs\":[{\"relation\":\"own\",\"org\":\"%s\"}],"
			   "\"fields\":{\"period\":\"2026-10\"},\"created_at\":\"2026-11-01T01:00:00Z\","
			   "\"updated_at\":\"2026-11-02T02:30:00Z\",\"deadlines\":[%s]}",
			   id, i % 6 == 0 ? "due" : "paid", member, org, due);
		row(&b, &n, "case", id, org, j.data);
		if (i % 500 == 0 && i < count) {
			rc = apply(st, &b, true, err);
			n = 0;
			buf_puts(&b, "{\"changes\":[");
		}
	}
	buf_free(&j);
	if (rc == 0)
		rc = apply(st, &b, false, err);
	buf_free(&b);
	return rc;
}

/* Queue confirm on c-1..c-n, take them for a push, and answer conflict. */
static int conflicts(struct store *st, int n, struct tthc_err *err)
{
	struct store_new_action *acts = calloc((size_t)n, sizeof *acts);
	struct model_action_result *res = calloc((size_t)n, sizeof *res);
	struct model_actions_response resp = { res, (size_t)n };
	struct model_actions_request req = { 0 };
	struct store_push_summary sum;
	char ids[64][16];
	int rc = -1;

	if (!acts || !res || n > 64)
		goto done;
	for (int i = 0; i < n; i++) {
		snprintf(ids[i], sizeof ids[i], "c-%d", i + 1);
		acts[i] = (struct store_new_action){ .kind = "confirm", .case_id = ids[i],
			.base_version = 1, .client_time = (int64_t)time(NULL), .new_state = "confirmed" };
	}
	if (store_queue_actions(st, acts, (size_t)n, NULL, err) < 0 ||
	    store_outbox_take(st, (size_t)n, &req, err) < 0)
		goto done;
	for (size_t i = 0; i < req.n_actions; i++) {
		snprintf(res[i].id, sizeof res[i].id, "%s", req.actions[i].id);
		res[i].status = RESULT_CONFLICT;
		res[i].version = 2;
		res[i].has_version = true;
	}
	resp.n_results = req.n_actions;
	rc = store_apply_results(st, &resp, &sum, err);
	model_actions_request_free(&req);
done:
	free(acts);
	free(res);
	return rc;
}

int main(int argc, char **argv)
{
	struct tthc_err err = { 0 };
	struct store *st;
	char roles[128];
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: tui-fixture STORE N [ROLE [CONFLICTS]]\n");
		return 2;
	}
	snprintf(roles, sizeof roles, "[{\"role\":\"%s\",\"org\":\"o-1\"}]",
		 argc > 3 ? argv[3] : "finance");
	st = store_open_path(argv[1], &err);
	rc = st ? fill(st, atoi(argv[2]), &err) : -1;
	if (rc == 0)
		rc = store_set_roles(st, roles, &err);
	if (rc == 0 && argc > 4)
		rc = conflicts(st, atoi(argv[4]), &err);
	store_close(st);
	if (rc < 0) {
		fprintf(stderr, "tui-fixture: %s: %s\n", err.where, err.msg);
		return 1;
	}
	return 0;
}
