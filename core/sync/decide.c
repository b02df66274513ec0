/* Taking an action offline (DESIGN.md section 3, "Client outbox"; issue 6):
 * decided by core/proc on the cached case with the cached roles and
 * organisation tree, the same rules the server applies, then queued with
 * the cases marked pending in one transaction.  The server decides again
 * when it arrives; deciding here first means a refusal is seen at once,
 * with every reason (QĐ 338: one notice, never piecemeal). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/account.h"
#include "model/case.h"
#include "model/json.h"
#include "model/member.h"
#include "proc/proc.h"
#include "store/query.h"
#include "sync/internal.h"
#include "util/i18n.h"

/* core/proc speaks of organisations and members by number: the client
 * numbers the cached organisations 1..n in code order. */
struct tree {
	struct store_org_tree t;
	long *parent;           /* parent[i]: the parent's number, 0 for none */
};

static long org_number(const struct tree *tr, const char *code)
{
	size_t lo = 0, hi = tr->t.n;

	while (code && lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(tr->t.code[mid], code);

		if (c == 0)
			return (long)mid + 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static bool within(void *ctx, long ancestor, long org)
{
	const struct tree *tr = ctx;
	size_t steps = 0;

	/* The bound keeps a cycle in a damaged cache from looping. */
	while (org > 0 && (size_t)org <= tr->t.n && steps++ <= tr->t.n) {
		if (org == ancestor)
			return true;
		org = tr->parent[org - 1];
	}
	return false;
}

static int tree_load(struct store *st, struct tree *tr, struct tthc_err *err)
{
	if (store_org_tree(st, &tr->t, err) < 0)
		return -1;
	tr->parent = calloc(tr->t.n ? tr->t.n : 1, sizeof *tr->parent);
	if (!tr->parent) {
		store_org_tree_free(&tr->t);
		return tthc_fail(err, TTHC_E_NOMEM, "orgs", _("out of memory"));
	}
	for (size_t i = 0; i < tr->t.n; i++)
		tr->parent[i] = org_number(tr, tr->t.parent[i]);
	return 0;
}

static void tree_free(struct tree *tr)
{
	store_org_tree_free(&tr->t);
	free(tr->parent);
}

/* The grants of the roles saved at login (store meta "roles"). */
static int load_grants(struct store *st, const struct tree *tr, struct proc_grant **out,
		       size_t *n, struct tthc_err *err)
{
	struct store_status s;
	cJSON *arr = NULL, *it;
	struct model_grant g;

	*out = NULL;
	*n = 0;
	if (store_status(st, &s, err) < 0)
		return -1;
	if (s.roles)
		arr = json_parse(s.roles, strlen(s.roles), NULL, err);
	store_status_free(&s);
	if (!arr)
		return tthc_fail(err, TTHC_E_UNAUTHENTICATED, "roles",
				 _("your roles are not known yet: log in once with 'tthc login'"));
	*out = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof **out);
	if (!*out) {
		cJSON_Delete(arr);
		return tthc_fail(err, TTHC_E_NOMEM, "roles", _("out of memory"));
	}
	cJSON_ArrayForEach(it, arr) {
		if (schema_decode(&model_grant_schema, it, JSON_TOLERANT, &g, err) < 0)
			continue;
		(*out)[*n].role = (enum role)g.role;
		(*out)[*n].org = org_number(tr, g.org);
		*n += (*out)[*n].org != 0;
		schema_free(&model_grant_schema, &g);
	}
	cJSON_Delete(arr);
	return 0;
}

/* Member numbers: the case's member is 1, anyone else 2; that is all a
 * decision compares (NULL: no member, 0). */
static long member_number(const struct model_case *mc, const char *member)
{
	return !member ? 0 : strcmp(member, mc->member) == 0 ? 1 : 2;
}

static void member_flags(struct store *st, const char *member, struct proc_case *pc)
{
	struct tthc_err ignored;
	struct model_member m;
	char *json = store_row_json(st, ENTITY_MEMBER, member, &ignored);

	if (json && model_member_parse(json, strlen(json), JSON_TOLERANT, &m, &ignored) == 0) {
		pc->under_inspection = m.under_inspection;
		pc->under_complaint = m.under_complaint;
		model_member_free(&m);
	}
	free(json);
}

static void build_case(struct store *st, const struct tree *tr, const struct model_case *mc,
		       const struct store_case_local *loc, struct proc_case *pc)
{
	const struct proc_machine *m = proc_machine((enum procedure)mc->procedure);

	memset(pc, 0, sizeof *pc);
	pc->proc = (enum procedure)mc->procedure;
	pc->state = m ? proc_state_find(m, loc->state) : -1;
	pc->version = (long)(loc->version + loc->pending);
	pc->member_id = 1;
	for (size_t i = 0; i < mc->n_orgs; i++) {
		int rel = vocab_find(&vocab_relations, mc->orgs[i].relation);

		if (rel >= 0)
			pc->org[rel] = org_number(tr, mc->orgs[i].org);
	}
	member_flags(st, mc->member, pc);
	proc_case_fields(mc->fields, pc);
}

struct decider {
	struct sync_client *c;
	const struct sync_act *a;
	struct tree tree;
	struct proc_actor actor;
	struct proc_grant *grants;
	struct sync_act_outcome *out;
	size_t cap;
};

static int refuse(struct decider *d, const char *case_id, const char *code, const char *path,
		  const char *message, struct tthc_err *err)
{
	struct sync_act_outcome *o = d->out;
	struct sync_refusal *r;

	if (o->n_reasons == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct sync_refusal *g = realloc(o->reasons, cap * sizeof *g);

		if (!g)
			return tthc_fail(err, TTHC_E_NOMEM, "act", _("out of memory"));
		o->reasons = g;
		d->cap = cap;
	}
	r = &o->reasons[o->n_reasons++];
	snprintf(r->case_id, sizeof r->case_id, "%s", case_id);
	snprintf(r->code, sizeof r->code, "%s", code);
	snprintf(r->path, sizeof r->path, "%s", path);
	snprintf(r->message, sizeof r->message, "%s", message);
	o->refused = true;
	return 0;
}

/* core/proc names the member acted for by the number the decision was
 * given; here that number is the client's own (member_number), so the
 * message names him by his id instead. */
static const char *reason_text(const struct decider *d, const struct proc_reason *r,
			       char *buf, size_t size)
{
	if (strcmp(r->code, "on-behalf-wrong-member") != 0 || !d->a->on_behalf_of)
		return r->message;
	snprintf(buf, size, _("the case is not member %s's"), d->a->on_behalf_of);
	return buf;
}

/* Decide for one case; *new_state is the state the action leads to (NULL:
 * unchanged) when allowed, the machine's own string. */
static int decide_one(struct decider *d, const char *case_id, int64_t *base,
		      const char **new_state, struct tthc_err *err)
{
	struct store_case_local loc;
	struct model_case mc;
	struct proc_case pc;
	struct proc_verdict v;
	struct proc_request req = { .action = d->a->action, .payload = d->a->payload,
				    .now = d->a->now };
	const struct proc_machine *m;
	char msg[256];
	int rc = 0;

	if (store_case_local(d->c->st, case_id, &loc, err) < 0)
		return err->code == TTHC_E_NOT_FOUND
		       ? refuse(d, case_id, "not-found", "case",
				_("no such case in the local copy: run 'tthc sync' first"), err)
		       : -1;
	if (model_case_parse(loc.json, strlen(loc.json), JSON_TOLERANT, &mc, err) < 0) {
		store_case_local_free(&loc);
		return refuse(d, case_id, "invalid", "case", err->msg, err);
	}
	build_case(d->c->st, &d->tree, &mc, &loc, &pc);
	req.on_behalf_of = member_number(&mc, d->a->on_behalf_of);
	d->actor.member_id = member_number(&mc, d->c->tok.member);
	req.base_version = pc.version;
	*base = pc.version;
	m = proc_machine(pc.proc);
	if (pc.state < 0) {
		rc = refuse(d, case_id, "invalid", "case",
			    _("this case's state is unknown to this tthc: upgrade tthc"), err);
	} else {
		proc_decide(&d->actor, &pc, &req, within, &d->tree, &v);
		for (size_t i = 0; rc == 0 && v.outcome != PROC_ALLOWED && i < v.n_reasons; i++)
			rc = refuse(d, case_id, v.reasons[i].code, v.reasons[i].path,
				    reason_text(d, &v.reasons[i], msg, sizeof msg), err);
		*new_state = v.outcome == PROC_ALLOWED && v.to_state >= 0 && v.to_state < m->n_states
			     ? m->states[v.to_state].name : NULL;
	}
	model_case_free(&mc);
	store_case_local_free(&loc);
	return rc;
}

static int queue_all(struct decider *d, struct store_new_action *acts, struct tthc_err *err)
{
	struct sync_act_outcome *o = d->out;

	o->ids = calloc(d->a->n_cases, sizeof *o->ids);
	if (!o->ids)
		return tthc_fail(err, TTHC_E_NOMEM, "act", _("out of memory"));
	if (store_queue_actions(d->c->st, acts, d->a->n_cases, o->batch, err) < 0)
		return -1;
	for (size_t i = 0; i < d->a->n_cases; i++)
		memcpy(o->ids[i], acts[i].id, sizeof o->ids[i]);
	return 0;
}

int sync_act(struct sync_client *c, const struct sync_act *a, struct sync_act_outcome *out,
	     struct tthc_err *err)
{
	struct decider d = { .c = c, .a = a, .out = out };
	struct store_new_action *acts;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (a->n_cases == 0)
		return tthc_fail(err, TTHC_E_USAGE, "act", _("no case given"));
	acts = calloc(a->n_cases, sizeof *acts);
	if (!acts)
		return tthc_fail(err, TTHC_E_NOMEM, "act", _("out of memory"));
	if (tree_load(c->st, &d.tree, err) < 0)
		goto out;
	if (load_grants(c->st, &d.tree, &d.grants, &d.actor.n_grants, err) < 0)
		goto out_tree;
	d.actor.account_id = 1;
	d.actor.grants = d.grants;
	for (size_t i = 0; i < a->n_cases; i++) {
		acts[i] = (struct store_new_action){ .kind = a->action, .case_id = a->cases[i],
			.payload = a->payload, .on_behalf_of = a->on_behalf_of,
			.client_time = a->now };
		if (decide_one(&d, a->cases[i], &acts[i].base_version, &acts[i].new_state, err) < 0)
			goto out_grants;
	}
	rc = out->refused ? 0 : queue_all(&d, acts, err);
out_grants:
	free(d.grants);
out_tree:
	tree_free(&d.tree);
out:
	free(acts);
	if (rc < 0)
		sync_act_outcome_free(out);
	return rc;
}

void sync_act_outcome_free(struct sync_act_outcome *o)
{
	free(o->reasons);
	free(o->ids);
	memset(o, 0, sizeof *o);
}
