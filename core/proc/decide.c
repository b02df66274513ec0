/* The decision: state, authority (own name or on behalf of the member),
 * payload and guards are all checked, and every failure is reported at once
 * (QĐ 338: one notice, never piecemeal, holds for our own refusals too). */
#include <string.h>

#include "proc/check.h"
#include "util/i18n.h"

bool proc_actor_holds(const struct proc_check *k, unsigned roles, long org)
{
	const struct proc_actor *a = k->actor;
	size_t i;

	if (!org)
		return false;
	for (i = 0; i < a->n_grants; i++)
		if ((unsigned)a->grants[i].role < ROLE_COUNT &&
		    (roles & ROLE_BIT(a->grants[i].role)) &&
		    (k->within ? k->within(k->ctx, a->grants[i].org, org)
			       : a->grants[i].org == org))
			return true;
	return false;
}

/* The member acting for himself: his own case, and a member's role. */
static bool is_the_member(const struct proc_check *k)
{
	const struct proc_actor *a = k->actor;
	size_t i;

	if (!a->member_id || a->member_id != k->c->member_id)
		return false;
	for (i = 0; i < a->n_grants; i++)
		if (a->grants[i].role == ROLE_MEMBER)
			return true;
	return false;
}

static void check_delegation(const struct proc_check *k, long org)
{
	const struct proc_action *a = k->action;

	if (!a->delegates) {
		proc_refuse(k->v, REASON_NO_DELEGATION, "on_behalf_of", a->name);
		return;
	}
	if (k->req->on_behalf_of != k->c->member_id)
		proc_refuse(k->v, REASON_WRONG_MEMBER, "on_behalf_of", k->req->on_behalf_of);
	if (!org)
		proc_refuse(k->v, REASON_NO_ORG, NULL, vocab_label(&vocab_relations, a->rel));
	else if (!proc_actor_holds(k, a->delegates, org))
		proc_refuse(k->v, REASON_NOT_AUTHORISED, NULL, a->name,
			    vocab_label(&vocab_relations, a->rel));
	k->v->on_behalf = true;
}

static void check_authority(const struct proc_check *k)
{
	const struct proc_action *a = k->action;
	unsigned staff = a->roles & ~ROLE_BIT(ROLE_MEMBER);
	long org = k->c->org[a->rel];

	if (k->req->on_behalf_of) {
		check_delegation(k, org);
		return;
	}
	if ((a->flags & ACT_MEMBER) && is_the_member(k))
		return;
	if (staff && proc_actor_holds(k, staff, org))
		return;
	if (!staff)
		proc_refuse(k->v, REASON_MEMBER_ONLY, NULL, a->name);
	else if (!org)
		proc_refuse(k->v, REASON_NO_ORG, NULL, vocab_label(&vocab_relations, a->rel));
	else
		proc_refuse(k->v, REASON_NOT_AUTHORISED, NULL, a->name,
			    vocab_label(&vocab_relations, a->rel));
}

/* The row for this action from this state; failing that, the action's first
 * row, so that its other checks are still made and reported. */
static const struct proc_action *find_action(const struct proc_machine *m, const char *name,
					     int state, bool *state_ok)
{
	const struct proc_action *first = NULL;
	int i;

	*state_ok = false;
	for (i = 0; name && i < m->n_actions; i++) {
		if (strcmp(m->actions[i].name, name))
			continue;
		if (state >= 0 && (m->actions[i].from & STATE_BIT(state))) {
			*state_ok = true;
			return &m->actions[i];
		}
		if (!first)
			first = &m->actions[i];
	}
	return first;
}

static void note_clock(const struct proc_check *k)
{
	const struct work_hours *wh = k->req->hours ? k->req->hours : &work_hours_default;
	struct proc_verdict *v = k->v;

	v->starts_clock = (k->action->flags & ACT_RECEIVES) != 0;
	v->is_notice = (k->action->flags & ACT_NOTICE) != 0;
	/* A late notice is still allowed: refusing it would leave the member
	 * with no notice at all, which QĐ 338 forbids as obstruction.  A date
	 * the calendar cannot count leaves the deadline unknown (0). */
	if (v->is_notice && k->c->received_at &&
	    proc_notice_deadline(k->c->received_at, wh, &v->notice_deadline, NULL) == 0)
		v->notice_late = k->req->now > v->notice_deadline;
}

static enum proc_outcome decide(struct proc_check *k)
{
	const struct proc_machine *m = k->machine;
	const struct proc_case *c = k->c;
	struct proc_verdict *v = k->v;
	bool state_ok;
	int state = c->state >= 0 && c->state < m->n_states ? c->state : -1;

	memset(v, 0, sizeof *v);
	v->outcome = PROC_ALLOWED;
	v->to_state = -1;
	if (k->req->base_version && k->req->base_version != c->version)
		return v->outcome = PROC_CONFLICT;
	k->today = instant_local_date(k->req->now, NULL);
	k->action = find_action(m, k->req->action, state, &state_ok);
	if (!k->action) {
		proc_refuse(v, REASON_UNKNOWN_ACTION, "action",
			    k->req->action ? k->req->action : "");
		return v->outcome;
	}
	if (state < 0)
		proc_refuse(v, REASON_UNKNOWN_STATE, NULL);
	else if (!state_ok)
		proc_refuse(v, REASON_WRONG_STATE, NULL, k->action->name,
			    _(m->states[state].label));
	check_authority(k);
	proc_check_fields(k);
	proc_check_guards(k);
	if (v->outcome == PROC_ALLOWED) {
		v->to_state = k->action->to == PROC_SAME ? state : k->action->to;
		note_clock(k);
	}
	return v->outcome;
}

enum proc_outcome proc_decide(const struct proc_actor *actor, const struct proc_case *c,
			      const struct proc_request *req, proc_org_within_fn within,
			      void *ctx, struct proc_verdict *out)
{
	struct proc_check k = { .machine = proc_machine(c->proc), .actor = actor, .c = c,
				.req = req, .within = within, .ctx = ctx, .v = out };

	if (!k.machine) {
		memset(out, 0, sizeof *out);
		out->to_state = -1;
		proc_refuse(out, REASON_UNKNOWN_PROC, NULL);
		return out->outcome;
	}
	return decide(&k);
}

enum proc_outcome proc_decide_account(const struct proc_actor *actor,
				      const struct proc_account *acct,
				      const struct proc_request *req,
				      proc_org_within_fn within, void *ctx,
				      struct proc_verdict *out)
{
	struct proc_case c = { .state = acct->state, .version = acct->version,
			       .member_id = acct->member_id };
	struct proc_check k = { .machine = proc_account_machine(), .actor = actor, .c = &c,
				.req = req, .subject_account = acct->account_id,
				.within = within, .ctx = ctx, .v = out };

	c.org[REL_ACCOUNT] = acct->org;
	return decide(&k);
}

size_t proc_actions_open(const struct proc_actor *actor, const struct proc_case *c,
			 proc_org_within_fn within, void *ctx,
			 const struct proc_action **out, size_t max)
{
	const struct proc_machine *m = proc_machine(c->proc);
	struct proc_request own = { 0 }, behalf = { .on_behalf_of = c->member_id };
	struct proc_verdict scratch;
	struct proc_check k = { .machine = m, .actor = actor, .c = c, .within = within,
				.ctx = ctx, .v = &scratch };
	size_t n = 0;
	int i;

	for (i = 0; m && c->state >= 0 && c->state < m->n_states && i < m->n_actions; i++) {
		k.action = &m->actions[i];
		if (!(k.action->from & STATE_BIT(c->state)))
			continue;
		memset(&scratch, 0, sizeof scratch);
		k.req = &own;
		check_authority(&k);
		if (scratch.outcome != PROC_ALLOWED && k.action->delegates && c->member_id) {
			memset(&scratch, 0, sizeof scratch);
			k.req = &behalf;
			check_authority(&k);
		}
		if (scratch.outcome == PROC_ALLOWED && n++ < max)
			out[n - 1] = k.action;
	}
	return n;
}

int proc_notice_deadline(int64_t received_at, const struct work_hours *wh,
			 int64_t *deadline, struct tthc_err *err)
{
	return workhours_add(wh ? wh : &work_hours_default, received_at,
			     (int64_t)proc_deadline_notice.amount * 3600, deadline, err);
}

int proc_notice_time_left(int64_t received_at, int64_t now, const struct work_hours *wh,
			  int64_t *seconds_left, struct tthc_err *err)
{
	int64_t used;

	if (workhours_elapsed(wh ? wh : &work_hours_default, received_at, now, &used, err) < 0)
		return -1;
	*seconds_left = (int64_t)proc_deadline_notice.amount * 3600 - used;
	return 0;
}
