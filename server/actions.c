#include "actions.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "action_apply.h"
#include "util/i18n.h"

/* The caller's roles, each in its organisation, and the member his account
 * belongs to (0 for staff only). */
static int load_actor(struct batch *b, struct tthc_err *e)
{
	struct db_stmt *st;
	size_t n = 0, cap = 0;
	struct proc_grant *g;
	int rc, role;

	b->actor.account_id = (long)b->who->account_id;
	st = db_prepare(b->tx, "SELECT role, org_id FROM account_roles WHERE account_id = ?", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, b->who->account_id);
	while ((rc = db_step(st, e)) == 1) {
		/* A role this build does not know grants nothing. */
		if ((role = vocab_find(&vocab_roles, db_col_text(st, 0))) < 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			if (!(g = realloc(b->grants, cap * sizeof *g))) {
				rc = tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
				break;
			}
			b->grants = g;
		}
		b->grants[n++] = (struct proc_grant){ (enum role)role, (long)db_col_int(st, 1) };
	}
	db_finalize(st);
	if (rc < 0)
		return -1;
	b->actor.grants = b->grants;
	b->actor.n_grants = n;
	st = db_prepare(b->tx, "SELECT member_id FROM accounts WHERE id = ?", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, b->who->account_id);
	rc = db_step(st, e);
	if (rc == 1 && !db_col_null(st, 0))
		b->actor.member_id = (long)db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

#ifdef TTHC_FAULTS
/* Test builds only: TTHCD_FAULT_KILL_AFTER=N kills the server (SIGKILL, as
 * a power cut would) once the Nth action of a batch is applied, before the
 * transaction commits. */
static void fault_kill_after(size_t applied)
{
	const char *n = getenv("TTHCD_FAULT_KILL_AFTER");

	if (n && *n && strtoul(n, NULL, 10) == applied)
		raise(SIGKILL);
}
#endif

static int apply_all(struct batch *b, const struct model_actions_request *req,
		     struct model_actions_response *out, struct tthc_err *e)
{
	size_t i;

	if (orgtree_load(b->tx, &b->tree, e) < 0 || load_actor(b, e) < 0)
		return -1;
	out->results = calloc(req->n_actions ? req->n_actions : 1, sizeof *out->results);
	if (!out->results)
		return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
	for (i = 0; i < req->n_actions; i++) {
		out->n_results = i + 1;
		if (action_apply(b, &req->actions[i], &out->results[i], e) < 0)
			return -1;
#ifdef TTHC_FAULTS
		fault_kill_after(i + 1);
#endif
	}
	return 0;
}

int actions_apply(struct srv *s, const struct actor *who,
		  const struct model_actions_request *req, int64_t now,
		  struct model_actions_response *out, struct tthc_err *e)
{
	struct batch b = { .srv = s, .who = who, .now = now };
	int rc;

	memset(out, 0, sizeof *out);
	if (db_begin(s->db, DB_WRITE, &b.tx, e) < 0)
		return -1;
	rc = apply_all(&b, req, out, e);
	if (rc == 0)
		rc = db_commit(b.tx, e);
	else
		db_rollback(b.tx);
	orgtree_free(&b.tree);
	free(b.grants);
	if (rc < 0)
		model_actions_response_free(out);
	return rc;
}
