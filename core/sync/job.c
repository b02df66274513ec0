/* Driving a sync job step by step (sync.h): the TUI polls it between
 * keys, the command line until it is done; one code path. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sync/job.h"
#include "util/fault.h"
#include "util/i18n.h"

static const struct {
	unsigned bit;
	enum sync_phase phase;
	int (*start)(struct sync_job *j, struct tthc_err *err);
} phases[] = {
	{ SYNC_LOGIN, SYNC_PHASE_LOGIN, job_login_start },
	{ SYNC_PUSH, SYNC_PHASE_PUSH, job_push_start },
	{ SYNC_PULL, SYNC_PHASE_PULL, job_pull_start },
	{ SYNC_LOGOUT, SYNC_PHASE_LOGOUT, job_logout_start },
};

struct sync_job *sync_job_new(struct sync_client *c, unsigned what, const char *password,
			      struct tthc_err *err)
{
	struct sync_job *j;

	if ((what & SYNC_LOGIN) && !password) {
		tthc_fail(err, TTHC_E_USAGE, "login", _("a login needs a password"));
		return NULL;
	}
	/* Before any byte is sent: an expired token would only earn a 401
	 * (DESIGN.md section 8: the client asks for a login, keeps the outbox). */
	if ((what & (SYNC_PUSH | SYNC_PULL)) && !(what & SYNC_LOGIN) &&
	    sync_client_need_token(c, err) < 0)
		return NULL;
	j = calloc(1, sizeof *j);
	if (!j || (password && !(j->password = strdup(password)))) {
		free(j);
		tthc_fail(err, TTHC_E_NOMEM, "sync", _("out of memory"));
		return NULL;
	}
	j->c = c;
	j->todo = what;
	return j;
}

static void finish(struct sync_job *j, int rc, const struct tthc_err *err)
{
	j->finished = true;
	j->rc = rc;
	j->prog.phase = SYNC_PHASE_DONE;
	if (rc < 0)
		j->err = *err;
}

static void on_progress(void *ctx, const struct net_progress *p)
{
	struct sync_job *j = ctx;

	j->prog.net = *p;
	/* The whole batch is on the wire and no answer has come: the server
	 * may or may not apply it; only a replay with the same ids can tell. */
	if (j->prog.phase == SYNC_PHASE_PUSH && p->ul_total > 0 && p->ul_now == p->ul_total)
		FAULT_POINT(SYNC_PUSH_AFTER_SEND);
}

int job_send(struct sync_job *j, enum net_method m, const char *path, const char *body,
	     bool replay_safe, job_answer_fn *fn, struct tthc_err *err)
{
	struct net_conn *conn = sync_client_conn(j->c, err);
	struct net_retry retry = net_retry_default(replay_safe);
	struct net_request *r;

	if (!conn)
		return -1;
	r = net_request_new(conn, m, path, body, body ? strlen(body) : 0, err);
	if (!r)
		return -1;
	net_request_set_retry(r, &retry);
	net_request_set_progress(r, on_progress, j);
	if (net_request_start(r, err) < 0) {
		net_request_free(r);
		return -1;
	}
	j->req = r;
	j->answer = fn;
	j->prog.requests++;
	j->rep.requests++;
	return 0;
}

/* Begin phases until one sends a request or none is left. */
static int advance(struct sync_job *j, struct tthc_err *err)
{
	size_t i;

	while (!j->req && j->todo) {
		for (i = 0; !(j->todo & phases[i].bit); i++)
			;
		j->todo &= ~phases[i].bit;
		j->prog.phase = phases[i].phase;
		if (phases[i].start(j, err) < 0)
			return -1;
	}
	return 0;
}

enum sync_state sync_job_poll(struct sync_job *j, int timeout_ms, struct pollfd *extra,
			      unsigned n_extra)
{
	struct tthc_err err;
	struct net_request *done;
	const struct net_result *res;

	if (j->finished)
		return SYNC_DONE;
	if (j->cancelled && !j->req) {
		tthc_fail(&err, TTHC_E_CANCELLED, "sync", _("cancelled"));
		finish(j, -1, &err);
		return SYNC_DONE;
	}
	if (advance(j, &err) < 0) {
		finish(j, -1, &err);
		return SYNC_DONE;
	}
	if (!j->req) {
		finish(j, 0, NULL);
		return SYNC_DONE;
	}
	if (net_poll(j->req, timeout_ms, extra, n_extra) != NET_DONE)
		return SYNC_RUNNING;
	done = j->req;
	j->req = NULL;
	res = net_request_result(done);
	j->prog.wire_bytes += j->prog.net.dl_now;
	j->rep.wire_bytes = j->prog.wire_bytes;
	memset(&j->prog.net, 0, sizeof j->prog.net);
	if (res->cls == NET_CANCELLED || j->cancelled) {
		if (job_push_unsent(j, res, &err) == 0)
			tthc_fail(&err, TTHC_E_CANCELLED, "sync", _("cancelled"));
		net_request_free(done);
		finish(j, -1, &err);
		return SYNC_DONE;
	}
	if (j->answer(j, done, &err) < 0) {
		net_request_free(done);
		finish(j, -1, &err);
		return SYNC_DONE;
	}
	net_request_free(done);
	return SYNC_RUNNING;
}

void sync_job_progress(const struct sync_job *j, struct sync_progress *out)
{
	*out = j->prog;
}

void sync_job_cancel(struct sync_job *j)
{
	j->cancelled = true;
	if (j->req)
		net_request_cancel(j->req);
}

int sync_job_result(const struct sync_job *j, struct sync_report *out, struct tthc_err *err)
{
	if (out)
		*out = j->rep;
	if (!j->finished)
		return tthc_fail(err, TTHC_E_USAGE, "sync", _("the sync is still running"));
	if (j->rc < 0 && err)
		*err = j->err;
	return j->rc;
}

int sync_job_run(struct sync_job *j, struct sync_report *out, struct tthc_err *err)
{
	while (sync_job_poll(j, -1, NULL, 0) == SYNC_RUNNING)
		;
	return sync_job_result(j, out, err);
}

void sync_job_free(struct sync_job *j)
{
	if (!j)
		return;
	net_request_free(j->req);
	model_actions_request_free(&j->batch);
	if (j->password)
		memset(j->password, 0, strlen(j->password));
	free(j->password);
	free(j);
}
