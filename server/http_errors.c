/* The answers every handler shares: success and the one error shape
 * {"error":{"code","message","path"}} with its HTTP status. */
#include <stdio.h>
#include <stdlib.h>

#include "http.h"
#include "util/i18n.h"

void http_ok(struct http_req *r, int status, cJSON *json)
{
	cJSON_Delete(r->json);
	free(r->text);
	r->text = NULL;
	r->status = status;
	r->json = json;
}

void http_ok_text(struct http_req *r, int status, char *text)
{
	http_ok(r, status, NULL);
	r->text = text;
}

void http_fail(struct http_req *r, int status, const char *code, const char *message,
	       const char *path)
{
	cJSON *root = cJSON_CreateObject(), *err = cJSON_AddObjectToObject(root, "error");

	cJSON_AddStringToObject(err, "code", code);
	cJSON_AddStringToObject(err, "message", message);
	if (path && *path)
		cJSON_AddStringToObject(err, "path", path);
	http_ok(r, status, root);
}

int http_status_of(enum tthc_code code)
{
	switch (code) {
	case TTHC_E_AUTH:
	case TTHC_E_UNAUTHENTICATED:
		return 401;
	case TTHC_E_FORBIDDEN:
	case TTHC_E_ACCOUNT_LOCKED:
	case TTHC_E_ACCOUNT_REVOKED:
	case TTHC_E_ACCOUNT_PENDING:
	case TTHC_E_MUST_CHANGE_PASSWORD:
		return 403;
	case TTHC_E_NOT_FOUND:
		return 404;
	case TTHC_E_CONFLICT:
		return 409;
	case TTHC_E_CURSOR_EXPIRED:
	case TTHC_E_RESYNC:
		return 410;
	case TTHC_E_LOCKED_OUT:
		return 429;
	case TTHC_E_NOMEM:
	case TTHC_E_IO:
	case TTHC_E_DB:
	case TTHC_E_OK:
	case TTHC_E_COUNT:
		return 500;
	default:
		return 400;
	}
}

void http_fail_err(struct http_req *r, const struct tthc_err *e)
{
	int status = http_status_of(e->code);

	if (status == 500) {
		fprintf(stderr, "tthcd: %s %s: %s: %s\n", r->method, r->path, e->where, e->msg);
		http_fail(r, 500, "internal", _("internal error; see the server log"), NULL);
		return;
	}
	http_fail(r, status, tthc_code_name(e->code), e->msg, e->where);
}
