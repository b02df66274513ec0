/* /api/v1/members: the list (paged, searchable), one member, create,
 * replace (PUT), change some fields (PATCH) and move to another
 * organisation; the rules are in members.h and rbac.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "api_util.h"
#include "members.h"
#include "model/json.h"
#include "util/i18n.h"

/* PUT: {"base_version": N, "member": MEMBER}. */
struct member_put {
	int64_t base_version;
	struct model_member *member;
};

static const struct jfield put_fields[] = {
	{ MODEL_FIELD(struct member_put, "base_version", base_version, JT_INT, JF_REQUIRED),
	  .min = 1, .max = JSON_INT_LIMIT - 1 },
	{ MODEL_FIELD(struct member_put, "member", member, JT_STRUCT, JF_REQUIRED),
	  .sub = &model_member_schema },
};
static const struct jschema put_schema = JSCHEMA(struct member_put, put_fields, NULL);

/* PATCH: {"base_version": N, "member": {the fields that change}}. */
struct member_patch {
	int64_t base_version;
	cJSON *member;
};

static const struct jfield patch_fields[] = {
	{ MODEL_FIELD(struct member_patch, "base_version", base_version, JT_INT, JF_REQUIRED),
	  .min = 1, .max = JSON_INT_LIMIT - 1 },
	{ MODEL_FIELD(struct member_patch, "member", member, JT_OBJECT, JF_REQUIRED) },
};
static const struct jschema patch_schema = JSCHEMA(struct member_patch, patch_fields, NULL);

/* POST .../move: {"base_version": N, "org": CODE}. */
struct member_move {
	int64_t base_version;
	char *org;
};

static const struct jfield move_fields[] = {
	{ MODEL_FIELD(struct member_move, "base_version", base_version, JT_INT, JF_REQUIRED),
	  .min = 1, .max = JSON_INT_LIMIT - 1 },
	{ MODEL_FIELD(struct member_move, "org", org, JT_ID, JF_REQUIRED),
	  .min = 1, .max = MODEL_ID_MAX },
};
static const struct jschema move_schema = JSCHEMA(struct member_move, move_fields, NULL);

void api_members_list(struct http_req *r)
{
	static const char *const known[] = { "limit", "after", "q", "org", NULL };
	struct member_query q = { MEMBER_PAGE_DEFAULT, NULL, NULL, NULL };
	struct tthc_err e;
	cJSON *list = NULL;

	if (http_query_check(r, known, &e) == 0 &&
	    api_query_int(r, "limit", 1, MEMBER_PAGE_MAX, &q.limit, &e) == 0) {
		q.after = http_query(r, "after");
		q.q = http_query(r, "q");
		q.org = http_query(r, "org");
		list = member_list(r->srv, &r->actor, &q, &e);
	}
	if (list)
		http_ok(r, 200, list);
	else
		http_fail_err(r, &e);
}

void api_member_get(struct http_req *r)
{
	struct tthc_err e;
	cJSON *m = member_get(r->srv, &r->actor, r->arg, &e);

	if (m)
		http_ok(r, 200, m);
	else
		http_fail_err(r, &e);
}

/* The member as stored now, with `status`. */
static void answer_member(struct http_req *r, int status, const char *code)
{
	struct tthc_err e;
	cJSON *m = member_get(r->srv, &r->actor, code, &e);

	if (m)
		http_ok(r, status, m);
	else
		http_fail_err(r, &e);
}

/* A stale write gets 409 with the member as it stands, so that the client
 * can redo the change on it without another round trip. */
static void fail_update(struct http_req *r, const struct tthc_err *e)
{
	http_fail_err(r, e);
	if (e->code == TTHC_E_CONFLICT && !strcmp(e->where, "base_version"))
		api_attach_current(r, member_get(r->srv, &r->actor, r->arg, &(struct tthc_err){ 0 }));
}

void api_members_create(struct http_req *r)
{
	struct model_member m;
	struct tthc_err e;

	if (model_member_parse(r->body, r->body_len, JSON_STRICT, &m, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (member_create(r->srv, &r->actor, &m, "", NULL, &e) < 0)
		http_fail_err(r, &e);
	else
		answer_member(r, 201, m.id);
	model_member_free(&m);
}

static void update(struct http_req *r, int64_t base, const struct model_member *m)
{
	struct tthc_err e;

	if (member_update(r->srv, &r->actor, r->arg, base, m, "member", NULL, &e) < 0)
		fail_update(r, &e);
	else
		answer_member(r, 200, r->arg);
}

void api_member_put(struct http_req *r)
{
	struct member_put q;
	struct tthc_err e;

	if (model_parse(&put_schema, r->body, r->body_len, JSON_STRICT, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	update(r, q.base_version, q.member);
	schema_free(&put_schema, &q);
}

/* Apply `patch` (top-level fields; null removes an optional one, as in RFC
 * 7396) to the stored member and check the result as strictly as a PUT. */
static void patch(struct http_req *r, int64_t base, const cJSON *fields)
{
	struct tthc_err e;
	struct model_member m;
	cJSON *cur = member_get(r->srv, &r->actor, r->arg, &e), *obj, *f;

	if (!cur) {
		http_fail_err(r, &e);
		return;
	}
	obj = cJSON_GetObjectItem(cur, "member");
	cJSON_ArrayForEach(f, fields) {
		cJSON_DeleteItemFromObjectCaseSensitive(obj, f->string);
		if (!cJSON_IsNull(f))
			cJSON_AddItemToObject(obj, f->string, cJSON_Duplicate(f, true));
	}
	if (model_member_decode(obj, JSON_STRICT, &m, &e) < 0) {
		tthc_err_prefix(&e, "member");
		http_fail_err(r, &e);
	} else {
		update(r, base, &m);
		model_member_free(&m);
	}
	cJSON_Delete(cur);
}

void api_member_patch(struct http_req *r)
{
	struct member_patch q;
	struct tthc_err e;

	if (model_parse(&patch_schema, r->body, r->body_len, JSON_STRICT, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	patch(r, q.base_version, q.member);
	schema_free(&patch_schema, &q);
}

void api_member_verb(struct http_req *r)
{
	struct member_move q;
	struct tthc_err e;
	cJSON *fields;

	if (strcmp(r->arg2, "move") != 0) {
		http_fail(r, 404, "not-found", _("no such resource"), NULL);
		return;
	}
	if (model_parse(&move_schema, r->body, r->body_len, JSON_STRICT, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	fields = cJSON_CreateObject();
	cJSON_AddStringToObject(fields, "org", q.org);
	patch(r, q.base_version, fields);
	cJSON_Delete(fields);
	schema_free(&move_schema, &q);
}
