/* The job engine shared by the phases (login.c, push.c, pull.c): one
 * request at a time, each answer handled by the phase that sent it. */
#ifndef TTHC_SYNC_JOB_H
#define TTHC_SYNC_JOB_H

#include "model/action.h"
#include "sync/internal.h"

struct sync_job;

/* Called once the request is done (r's result is final); may send the next
 * request with job_send.  Returning with no request sent ends the phase. */
typedef int job_answer_fn(struct sync_job *j, struct net_request *r, struct tthc_err *err);

struct sync_job {
	struct sync_client *c;
	unsigned todo;                  /* SYNC_* bits not begun yet */
	struct net_request *req;        /* the request under way */
	job_answer_fn *answer;
	struct sync_progress prog;
	struct sync_report rep;
	bool finished, cancelled;
	int rc;
	struct tthc_err err;
	char *password;                 /* login */
	unsigned resets;                /* pull: full resyncs begun */
	struct model_actions_request batch;  /* push: the batch under way */
};

/* Send a request; its answer goes to fn.  Transport failures are retried
 * (net_retry_default): a GET always may be, a POST of actions too since
 * their ids are idempotency keys (DESIGN.md section 3). */
int job_send(struct sync_job *j, enum net_method m, const char *path, const char *body,
	     bool replay_safe, job_answer_fn *fn, struct tthc_err *err);

/* push.c: the batch under way surely never left (res->sent is NO over
 * every attempt): it may be undone again.  0 when there is nothing to do. */
int job_push_unsent(struct sync_job *j, const struct net_result *res, struct tthc_err *err);

/* The phases' first steps. */
int job_login_start(struct sync_job *j, struct tthc_err *err);
int job_logout_start(struct sync_job *j, struct tthc_err *err);
int job_push_start(struct sync_job *j, struct tthc_err *err);
int job_pull_start(struct sync_job *j, struct tthc_err *err);

#endif
