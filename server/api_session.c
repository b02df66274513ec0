/* POST/DELETE /api/v1/session, POST /api/v1/password. */
#include <stddef.h>
#include <string.h>

#include "api.h"
#include "model/account.h"
#include "util/date.h"

void api_session_create(struct http_req *r)
{
	struct model_session_request q;
	struct login out;
	struct tthc_err e;
	char when[21];
	cJSON *res;

	if (api_decode(r->body, r->body_len, &model_session_request_schema, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (session_login(r->srv, q.username, q.password, &out, &e) < 0) {
		http_fail_err(r, &e);
		if (out.locked_until > srv_now())
			r->retry_after = (long)(out.locked_until - srv_now());
	} else {
		res = cJSON_CreateObject();
		cJSON_AddStringToObject(res, "token", out.token);
		instant_format(out.expires_at, when);
		cJSON_AddStringToObject(res, "expires_at", when);
		cJSON_AddItemToObject(res, "roles", out.roles);
		cJSON_AddBoolToObject(res, "must_change_password", out.must_change_password);
		if (out.member[0])
			cJSON_AddStringToObject(res, "member", out.member);
		sodium_memzero(out.token, sizeof out.token);
		http_ok(r, 200, res);
	}
	sodium_memzero(q.password, strlen(q.password));
	model_session_request_free(&q);
}

void api_session_delete(struct http_req *r)
{
	struct tthc_err e;

	if (session_logout(r->srv, &r->caller, &e) < 0)
		http_fail_err(r, &e);
	else
		http_ok(r, 204, NULL);
}

struct password_req {
	char *old_password;
	char *new_password;
};

#define P(wire, member) \
	MODEL_FIELD(struct password_req, wire, member, JT_STRING, JF_REQUIRED), .max = 1024

/* Lengths past the wire's bound are session.c's to judge, with its words. */
static const struct jfield password_fields[] = {
	{ P("old_password", old_password) },
	{ P("new_password", new_password) },
};
static const struct jschema password_schema =
	JSCHEMA(struct password_req, password_fields, NULL);

void api_password_change(struct http_req *r)
{
	struct password_req q;
	struct tthc_err e;

	if (api_decode(r->body, r->body_len, &password_schema, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (session_change_password(r->srv, &r->caller, q.old_password, q.new_password, &e) < 0)
		http_fail_err(r, &e);
	else
		http_ok(r, 204, NULL);
	sodium_memzero(q.old_password, strlen(q.old_password));
	sodium_memzero(q.new_password, strlen(q.new_password));
	schema_free(&password_schema, &q);
}
