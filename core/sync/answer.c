/* The server's unsuccessful answers as errors a person can act on, and
 * the reading of its successful ones. */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "model/api_error.h"
#include "model/json.h"
#include "sync/internal.h"
#include "util/i18n.h"

/* A page of 2,000 cases is well under this; the cap keeps a broken or
 * hostile server from filling memory (net caps the body too). */
static const struct json_limits answer_limits = { 64u << 20, JSON_MAX_DEPTH_DEFAULT };

static enum tthc_code status_code(long status, const char *api_code)
{
	if (status == 401)
		return TTHC_E_UNAUTHENTICATED;
	if (status == 410)
		return api_code && !strcmp(api_code, "resync-required") ? TTHC_E_RESYNC
									 : TTHC_E_CURSOR_EXPIRED;
	if (status == 429 || status >= 500)
		return TTHC_E_NETWORK;
	return TTHC_E_HTTP;
}

int sync_answer_error(const struct net_result *r, const char *where, struct tthc_err *err)
{
	struct model_error_body eb = { 0 };
	struct tthc_err perr;

	if (r->cls != NET_HTTP) {
		*err = r->err;
		snprintf(err->where, sizeof err->where, "%s", where);
		return -1;
	}
	if (r->body_len &&
	    model_error_body_parse(r->body, r->body_len, JSON_TOLERANT, &eb, &perr) < 0)
		memset(&eb, 0, sizeof eb);
	if (r->status == 401)
		tthc_fail(err, TTHC_E_UNAUTHENTICATED, where,
			  _("the session has expired or was revoked: log in again with "
			    "'tthc login'; queued actions are kept"));
	else if (eb.error && eb.error->message && r->status < 500)
		tthc_fail(err, status_code(r->status, eb.error->code), where,
			  _("the server refused: %s"), eb.error->message);
	else
		tthc_fail(err, status_code(r->status, NULL), where, "%s", r->err.msg);
	model_error_body_free(&eb);
	return -1;
}

cJSON *sync_answer_json(const struct net_result *r, const char *where, struct tthc_err *err)
{
	cJSON *j = json_parse(r->body ? r->body : "", r->body_len, &answer_limits, err);

	if (!j) {
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		tthc_fail(err, TTHC_E_NETWORK, where, _("the server's answer cannot be read: %s"),
			  msg);
	}
	return j;
}
