/* Pulling the changes feed (DESIGN.md section 3, "Pull"; API.md, Changes):
 * each page applied with its cursor in one transaction; a 410 starts a
 * full resync that keeps the outbox; then the organisation tree, which
 * the feed does not carry and offline decisions need. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "model/changes.h"
#include "store/cache.h"
#include "sync/job.h"
#include "util/fault.h"
#include "util/i18n.h"

/* A server that answers 410 again right after a full resync is broken;
 * going on would loop. */
#define MAX_RESYNCS 2

static int pull_page(struct sync_job *j, const char *cursor, struct tthc_err *err);

/* GET /orgs names an organisation's id "code"; the cache keeps core/model's
 * form (model_org), whose key is "id". */
static cJSON *org_row(const cJSON *o)
{
	cJSON *row = cJSON_Duplicate(o, true);
	cJSON *code = row ? cJSON_DetachItemFromObjectCaseSensitive(row, "code") : NULL;

	if (!cJSON_IsString(code)) {
		cJSON_Delete(code);
		cJSON_Delete(row);
		return NULL;
	}
	cJSON_AddItemToObject(row, "id", code);
	return row;
}

static int orgs_apply(struct sync_job *j, const cJSON *orgs, struct tthc_err *err)
{
	struct store_status s;
	struct model_changes_page page = { 0 };
	cJSON *rows = cJSON_CreateArray(), *row;
	const cJSON *o;
	size_t n = (size_t)cJSON_GetArraySize(orgs);
	int rc = -1;

	if (store_status(j->c->st, &s, err) < 0) {
		cJSON_Delete(rows);
		return -1;
	}
	page.changes = calloc(n ? n : 1, sizeof *page.changes);
	if (!page.changes || !rows) {
		tthc_fail(err, TTHC_E_NOMEM, "orgs", _("out of memory"));
		goto out;
	}
	/* GET /orgs carries no versions: every organisation counts as version
	 * 1, which the cache keeps once written. */
	cJSON_ArrayForEach(o, orgs) {
		row = org_row(o);
		if (!row) {
			tthc_fail(err, TTHC_E_NETWORK, "orgs",
				  _("the server sent an organisation without a code"));
			goto out;
		}
		cJSON_AddItemToArray(rows, row);
		page.changes[page.n_changes].kind = ENTITY_ORG;
		page.changes[page.n_changes].id = cJSON_GetObjectItemCaseSensitive(row, "id")->valuestring;
		page.changes[page.n_changes].version = 1;
		page.changes[page.n_changes].row = row;
		page.n_changes++;
	}
	page.next = s.cursor;
	rc = store_apply_page(j->c->st, &page, err);
out:
	free(page.changes);
	cJSON_Delete(rows);
	store_status_free(&s);
	return rc;
}

static int orgs_answer(struct sync_job *j, struct net_request *r, struct tthc_err *err)
{
	const struct net_result *res = net_request_result(r);
	const cJSON *orgs;
	cJSON *body;
	int rc;

	if (res->cls != NET_OK)
		return sync_answer_error(res, "orgs", err);
	body = sync_answer_json(res, "orgs", err);
	if (!body)
		return -1;
	orgs = cJSON_GetObjectItemCaseSensitive(body, "orgs");
	rc = cJSON_IsArray(orgs) ? orgs_apply(j, orgs, err)
				 : tthc_fail(err, TTHC_E_NETWORK, "orgs",
					     _("the server's answer has no list of organisations"));
	cJSON_Delete(body);
	return rc;
}

static int resync(struct sync_job *j, struct tthc_err *err)
{
	if (++j->resets > MAX_RESYNCS)
		return -1;
	j->rep.resynced = true;
	if (store_reset_cache(j->c->st, err) < 0)
		return -1;
	return pull_page(j, NULL, err);
}

static int page_answer(struct sync_job *j, struct net_request *r, struct tthc_err *err)
{
	const struct net_result *res = net_request_result(r);
	struct model_changes_page page;
	cJSON *body;
	int rc;

	if (res->cls != NET_OK) {
		sync_answer_error(res, "pull", err);
		if (err->code == TTHC_E_CURSOR_EXPIRED || err->code == TTHC_E_RESYNC)
			return resync(j, err);
		return -1;
	}
	FAULT_POINT(SYNC_PULL_ANSWERED);
	body = sync_answer_json(res, "pull", err);
	if (!body)
		return -1;
	rc = model_changes_page_decode(body, JSON_TOLERANT, &page, err);
	cJSON_Delete(body);
	if (rc < 0)
		return -1;
	rc = store_apply_page(j->c->st, &page, err);
	if (rc == 0) {
		j->prog.pages++;
		j->prog.rows += page.n_changes;
		j->rep.pages = j->prog.pages;
		j->rep.rows = j->prog.rows;
		if (page.more) {
			rc = pull_page(j, page.next, err);
		} else {
			j->prog.phase = SYNC_PHASE_ORGS;
			rc = job_send(j, NET_GET, "/api/v1/orgs", NULL, true, orgs_answer, err);
		}
	}
	model_changes_page_free(&page);
	return rc;
}

static int pull_page(struct sync_job *j, const char *cursor, struct tthc_err *err)
{
	char path[160];

	if (cursor && *cursor)
		snprintf(path, sizeof path, "/api/v1/changes?limit=%d&since=%.64s",
			 SYNC_PULL_LIMIT, cursor);
	else
		snprintf(path, sizeof path, "/api/v1/changes?limit=%d", SYNC_PULL_LIMIT);
	return job_send(j, NET_GET, path, NULL, true, page_answer, err);
}

int job_pull_start(struct sync_job *j, struct tthc_err *err)
{
	struct store_status s;
	int rc;

	if (store_status(j->c->st, &s, err) < 0)
		return -1;
	rc = pull_page(j, s.cursor, err);
	store_status_free(&s);
	return rc;
}
