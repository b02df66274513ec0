/* POST /api/v1/session and DELETE /api/v1/session (API.md, Session). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "model/account.h"
#include "sync/job.h"
#include "util/i18n.h"

static int save_session(struct sync_job *j, const struct model_session *s,
			struct tthc_err *err)
{
	struct sync_client *c = j->c;
	cJSON *roles = cJSON_CreateArray(), *g;
	struct sync_token t = { .expires_at = s->expires_at };
	int rc = -1;

	for (size_t i = 0; roles && i < s->n_roles; i++) {
		g = schema_encode(&model_grant_schema, &s->roles[i]);
		if (!g || !cJSON_AddItemToArray(roles, g)) {
			cJSON_Delete(g);
			cJSON_Delete(roles);
			roles = NULL;
		}
	}
	t.roles = roles ? cJSON_PrintUnformatted(roles) : NULL;
	t.token = strdup(s->token);
	t.member = s->member ? strdup(s->member) : NULL;
	t.ca_file = c->ca_file ? strdup(c->ca_file) : NULL;
	t.pin = c->pin ? strdup(c->pin) : NULL;
	cJSON_Delete(roles);
	if (!t.roles || !t.token || (s->member && !t.member) || (c->ca_file && !t.ca_file) ||
	    (c->pin && !t.pin)) {
		tthc_fail(err, TTHC_E_NOMEM, "login", _("out of memory"));
		goto out;
	}
	/* Roles in the store too: core/proc decides offline with them. */
	if (store_set_roles(c->st, t.roles, err) < 0 ||
	    sync_token_write(c->token_path, &t, err) < 0 ||
	    sync_current_save(c->server, c->user, err) < 0)
		goto out;
	sync_token_free(&c->tok);
	c->tok = t;
	memset(&t, 0, sizeof t);
	rc = net_conn_set_token(c->conn, c->tok.token, err);
out:
	sync_token_free(&t);
	return rc;
}

static int login_answer(struct sync_job *j, struct net_request *r, struct tthc_err *err)
{
	const struct net_result *res = net_request_result(r);
	struct model_session s;
	cJSON *body;
	int rc;

	if (res->cls != NET_OK) {
		sync_answer_error(res, "login", err);
		/* A refused password is not "log in again": it is the login. */
		if (res->status == 401)
			tthc_fail(err, TTHC_E_AUTH, "login", _("wrong user name or password"));
		return -1;
	}
	body = sync_answer_json(res, "login", err);
	if (!body)
		return -1;
	/* Such a token opens nothing but a change of password (API.md,
	 * Session): keeping it would only earn 403s at the next sync. */
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(body, "must_change_password"))) {
		cJSON_Delete(body);
		return tthc_fail(err, TTHC_E_MUST_CHANGE_PASSWORD, "login",
				 _("your password was reset: it must be changed before you can "
				   "work; ask your administrator"));
	}
	rc = model_session_decode(body, JSON_TOLERANT, &s, err);
	cJSON_Delete(body);
	if (rc < 0)
		return -1;
	rc = save_session(j, &s, err);
	model_session_free(&s);
	return rc;
}

int job_login_start(struct sync_job *j, struct tthc_err *err)
{
	struct model_session_request req = { .username = j->c->user, .password = j->password };
	char *body = model_session_request_to_json(&req);
	int rc;

	if (!body)
		return tthc_fail(err, TTHC_E_NOMEM, "login", _("out of memory"));
	/* A login is not replayed after it may have arrived: a second try
	 * would count as a second failure towards the lockout. */
	rc = job_send(j, NET_POST, "/api/v1/session", body, false, login_answer, err);
	memset(body, 0, strlen(body));
	free(body);
	return rc;
}

/* The token file goes whatever the server said, offline too: a logout
 * must leave nothing on this computer that opens the account. */
static int forget_token(struct sync_job *j, struct tthc_err *err)
{
	struct sync_client *c = j->c;

	sync_token_free(&c->tok);
	if (unlink(c->token_path) != 0 && errno != ENOENT)
		return tthc_fail(err, TTHC_E_IO, c->token_path, _("cannot remove the login: %s"),
				 strerror(errno));
	return 0;
}

static int logout_answer(struct sync_job *j, struct net_request *r, struct tthc_err *err)
{
	const struct net_result *res = net_request_result(r);

	/* 401: the token was already dead; only an unreachable server leaves
	 * it alive there (it expires on its own). */
	j->rep.logged_out_offline = res->cls != NET_OK && res->status != 401;
	return forget_token(j, err);
}

int job_logout_start(struct sync_job *j, struct tthc_err *err)
{
	struct tthc_err ignored;

	if (!j->c->tok.token)
		return forget_token(j, err);
	if (job_send(j, NET_DELETE, "/api/v1/session", NULL, true, logout_answer, &ignored) < 0) {
		j->rep.logged_out_offline = true;
		return forget_token(j, err);
	}
	return 0;
}
