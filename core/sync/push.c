/* Pushing the outbox (DESIGN.md section 3, "Push"; issue 6): batches of
 * up to 1,000 taken from the store, POST /api/v1/actions, the answers
 * applied in one transaction.  No answer (a timeout, a cut connection)
 * leaves the batch queued; the next push replays it under the same ids
 * and the server answers `duplicate` for what it had applied. */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "model/action.h"
#include "sync/job.h"
#include "util/fault.h"
#include "util/i18n.h"

static int push_next(struct sync_job *j, struct tthc_err *err);

static int push_answer(struct sync_job *j, struct net_request *r, struct tthc_err *err)
{
	const struct net_result *res = net_request_result(r);
	struct model_actions_response resp;
	struct store_push_summary sum = { 0 };
	cJSON *body;
	int rc;

	if (res->cls != NET_OK) {
		sync_answer_error(res, "push", err);
		/* The error stays the one to show; a failed release is rarer
		 * and only costs the undo. */
		job_push_unsent(j, res, &(struct tthc_err){ 0 });
		return -1;
	}
	FAULT_POINT(SYNC_PUSH_ANSWERED);
	body = sync_answer_json(res, "push", err);
	if (!body)
		return -1;
	rc = model_actions_response_decode(body, JSON_TOLERANT, &resp, err);
	cJSON_Delete(body);
	if (rc < 0)
		return -1;
	for (size_t i = 0; i < resp.n_results; i++)
		j->rep.duplicates += resp.results[i].status == RESULT_DUPLICATE;
	rc = store_apply_results(j->c->st, &resp, &sum, err);
	model_actions_response_free(&resp);
	if (rc < 0)
		return -1;
	j->rep.push.applied += sum.applied;
	j->rep.push.attention += sum.attention;
	j->rep.push.unknown += sum.unknown;
	j->prog.pushed += sum.applied + sum.attention;
	/* An answer that settles nothing would make the same batch go round
	 * for ever. */
	if (sum.applied + sum.attention == 0)
		return tthc_fail(err, TTHC_E_NETWORK, "push",
				 _("the server's answer did not match the actions sent; they stay "
				   "queued"));
	return push_next(j, err);
}

static int push_next(struct sync_job *j, struct tthc_err *err)
{
	char *body;
	int rc;

	model_actions_request_free(&j->batch);
	if (store_outbox_take(j->c->st, SYNC_PUSH_BATCH, &j->batch, err) < 0)
		return -1;
	if (j->batch.n_actions == 0)
		return 0;
	FAULT_POINT(SYNC_PUSH_AFTER_TAKE);
	body = model_actions_request_to_json(&j->batch);
	if (!body)
		return tthc_fail(err, TTHC_E_NOMEM, "push", _("out of memory"));
	rc = job_send(j, NET_POST, "/api/v1/actions", body, true, push_answer, err);
	free(body);
	return rc;
}

int job_push_unsent(struct sync_job *j, const struct net_result *res, struct tthc_err *err)
{
	int rc = 0;

	if (j->prog.phase == SYNC_PHASE_PUSH && j->batch.n_actions && res->sent == NET_SENT_NO)
		rc = store_outbox_release(j->c->st, &j->batch, err);
	model_actions_request_free(&j->batch);
	return rc;
}

int job_push_start(struct sync_job *j, struct tthc_err *err)
{
	return push_next(j, err);
}
