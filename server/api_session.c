/* POST/DELETE /api/v1/session, POST /api/v1/password. */
#include <stddef.h>
#include <string.h>

#include "api.h"
#include "req.h"
#include "util/date.h"

struct login_req {
	char *username;
	char *password;
};

static const struct req_field login_fields[] = {
	{ "username", REQ_STRING, true, offsetof(struct login_req, username), NULL },
	{ "password", REQ_STRING, true, offsetof(struct login_req, password), NULL },
};
static const struct req_spec login_spec = { login_fields, 2, sizeof(struct login_req), 0 };

void api_session_create(struct http_req *r)
{
	struct login_req q;
	struct login out;
	struct tthc_err e;
	char when[21];
	cJSON *res;

	if (req_parse(r->body, r->body_len, &login_spec, &q, &e) < 0) {
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
		sodium_memzero(out.token, sizeof out.token);
		http_ok(r, 200, res);
	}
	sodium_memzero(q.password, strlen(q.password));
	req_free(&login_spec, &q);
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

static const struct req_field password_fields[] = {
	{ "old_password", REQ_STRING, true, offsetof(struct password_req, old_password), NULL },
	{ "new_password", REQ_STRING, true, offsetof(struct password_req, new_password), NULL },
};
static const struct req_spec password_spec = {
	password_fields, 2, sizeof(struct password_req), 0
};

void api_password_change(struct http_req *r)
{
	struct password_req q;
	struct tthc_err e;

	if (req_parse(r->body, r->body_len, &password_spec, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (session_change_password(r->srv, &r->caller, q.old_password, q.new_password, &e) < 0)
		http_fail_err(r, &e);
	else
		http_ok(r, 204, NULL);
	sodium_memzero(q.old_password, strlen(q.old_password));
	sodium_memzero(q.new_password, strlen(q.new_password));
	req_free(&password_spec, &q);
}
