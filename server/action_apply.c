/* One pushed action: its key, the case, the caller's scope, core/proc's
 * decision, and the effects of an allowed action (actions.h). */
#include "action_apply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_key.h"
#include "action_effects.h"
#include "rows.h"
#include "util/i18n.h"

/* Reasons found here (the key, the case, the member acted for, the
 * receiving organisation) go before core/proc's, so that a rejection still
 * lists every one at once. */
struct reasons {
	struct tthc_err r[PROC_MAX_REASONS + 3];
	const char *code[PROC_MAX_REASONS + 3];
	size_t n;
};

static void add_reason(struct reasons *rs, const char *code, const char *path,
		       const char *message)
{
	struct tthc_err *r;

	if (rs->n >= sizeof rs->r / sizeof rs->r[0])
		return;
	r = &rs->r[rs->n];
	rs->code[rs->n++] = code;
	r->code = TTHC_E_REFUSED;
	snprintf(r->where, sizeof r->where, "%s", path ? path : "");
	snprintf(r->msg, sizeof r->msg, "%s", message);
}

/* A rejected result: the error is the first reason, and `reasons` all of
 * them (DESIGN.md section 8). */
static int reject(struct model_action_result *r, const struct reasons *rs, struct tthc_err *e)
{
	struct model_api_error *err = calloc(1, sizeof *err);
	bool ok;
	size_t i;

	if (!err || model_api_error_set(err, &rs->r[0], rs->r, rs->n) < 0) {
		free(err);
		return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
	}
	/* model_api_error_set names codes of struct tthc_err; these reasons'
	 * codes are core/proc's and our own. */
	r->status = RESULT_REJECTED;
	r->error = err;
	free(err->code);
	ok = (err->code = strdup(rs->code[0])) != NULL;
	for (i = 0; i < rs->n; i++) {
		free(err->reasons[i].code);
		ok &= (err->reasons[i].code = strdup(rs->code[i])) != NULL;
	}
	return ok ? 0 : tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
}

static int reject_one(struct model_action_result *r, const char *code, const char *path,
		      const char *message, struct tthc_err *e)
{
	struct reasons rs = { .n = 0 };

	add_reason(&rs, code, path, message);
	return reject(r, &rs, e);
}

/* The stored first result again, as `duplicate`. */
static int duplicate(const struct action_key *k, struct model_action_result *r,
		     struct tthc_err *e)
{
	if (model_action_result_parse(k->result, strlen(k->result), JSON_TOLERANT, r, e) < 0) {
		tthc_err_prefix(e, "idempotency");
		e->code = TTHC_E_DB;
		return -1;
	}
	r->status = RESULT_DUPLICATE;
	return 0;
}

static bool within_any(const struct batch *b, long org)
{
	size_t i;

	for (i = 0; org && i < b->actor.n_grants; i++)
		if (orgtree_within((void *)&b->tree, b->actor.grants[i].org, org))
			return true;
	return false;
}

/* The caller sees a case that relates to an organisation in his subtrees,
 * or that is his own; others learn nothing of it, not even that it exists. */
static bool case_visible(const struct batch *b, const struct proc_case *pc)
{
	int rel;

	if (b->actor.member_id && b->actor.member_id == pc->member_id)
		return true;
	for (rel = 0; rel < REL_COUNT; rel++)
		if (within_any(b, pc->org[rel]))
			return true;
	return false;
}

/* The member staff act for: he must exist and be in the caller's scope
 * (core/proc then decides whether the action may be delegated). */
static int resolve_behalf(const struct batch *b, const char *code, long *member,
			  struct reasons *rs, struct tthc_err *e)
{
	int64_t id, org;

	if (rows_member_find(b->tx, code, "on_behalf_of", &id, &org, e) == 0) {
		*member = (long)id;
		if (!within_any(b, (long)org))
			add_reason(rs, "on-behalf-out-of-scope", "on_behalf_of",
				   _("the member acted for is outside your organisations"));
		return 0;
	}
	if (e->code != TTHC_E_NOT_FOUND)
		return -1;
	add_reason(rs, "not-found", "on_behalf_of", _("no such member"));
	return 0;
}

/* A transfer's `file` names the receiving organisation by its id
 * (receiving_org, core/proc's range-checked integer): it must exist, and
 * its code (out, "" when the payload names none) becomes the case's
 * "receiving" relation, so that the receiving side sees the case
 * (rows.h: a case is seen by every organisation of its orgs). */
static int resolve_receiving(const struct batch *b, const cJSON *payload, char *out,
			     size_t size, struct reasons *rs, struct tthc_err *e)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(payload, "receiving_org");
	struct db_stmt *st;
	int rc;

	out[0] = '\0';
	if (!cJSON_IsNumber(id))
		return 0;
	if (!(st = db_prepare(b->tx, "SELECT code FROM orgs WHERE id = ?", e)))
		return -1;
	db_bind_int(st, 1, (int64_t)id->valuedouble);
	rc = db_step(st, e);
	if (rc == 1)
		snprintf(out, size, "%s", db_col_text(st, 0));
	else if (rc == 0)
		add_reason(rs, "not-found", "payload.receiving_org", _("no such organisation"));
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* Set the case's organisation of this relation (adding the relation when
 * the case has none yet). */
static int case_org_set(struct model_case *mc, const char *relation, const char *org,
			struct tthc_err *e)
{
	struct model_case_org *o;
	size_t i;
	char *copy;

	for (i = 0; i < mc->n_orgs && strcmp(mc->orgs[i].relation, relation); i++)
		;
	if (i == mc->n_orgs) {
		if (!(o = realloc(mc->orgs, (i + 1) * sizeof *o)))
			return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
		mc->orgs = o;
		o[i].org = NULL;
		if (!(o[i].relation = strdup(relation)))
			return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
		mc->n_orgs++;
	}
	if (!(copy = strdup(org)))
		return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
	free(mc->orgs[i].org);
	mc->orgs[i].org = copy;
	return 0;
}

static void add_verdict(struct reasons *rs, const struct proc_verdict *v)
{
	size_t i;
	char path[80];

	for (i = 0; i < v->n_reasons; i++) {
		/* core/proc's paths are inside the payload or name a field of
		 * the action itself ("on_behalf_of", "action"). */
		if (!v->reasons[i].path[0])
			path[0] = 0;
		else if (!strcmp(v->reasons[i].path, "action"))
			snprintf(path, sizeof path, "kind");
		else
			snprintf(path, sizeof path, "%s", v->reasons[i].path);
		add_reason(rs, v->reasons[i].code, path, v->reasons[i].message);
	}
}

/* Move mc into the result as its "case". */
static int give_case(struct model_action_result *r, struct model_case *mc, struct tthc_err *e)
{
	if (!(r->case_row = malloc(sizeof *r->case_row))) {
		model_case_free(mc);
		return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
	}
	*r->case_row = *mc;
	memset(mc, 0, sizeof *mc);
	return 0;
}

/* Apply an allowed action, store its result under its key. */
static int applied(struct batch *b, const struct model_action *a, const char *hash,
		   const struct proc_case *pc, const struct proc_verdict *v,
		   struct model_case *mc, struct model_action_result *r, struct tthc_err *e)
{
	struct model_action_result stored = { .status = RESULT_APPLIED, .has_version = true };
	char *json;
	int rc;

	if (action_effects(b, a, pc, v, mc, e) < 0)
		return -1;
	memcpy(stored.id, a->id, sizeof stored.id);
	stored.version = mc->version;
	if (!(json = model_action_result_to_json(&stored)))
		return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
	rc = action_key_store(b->tx, a->id, b->who->account_id, hash, json, b->now, e);
	cJSON_free(json);
	if (rc < 0)
		return -1;
	r->status = RESULT_APPLIED;
	r->version = mc->version;
	r->has_version = true;
	return give_case(r, mc, e);
}

static int decide(struct batch *b, const struct model_action *a, const char *hash,
		  struct model_action_result *r, struct tthc_err *e)
{
	struct reasons rs = { .n = 0 };
	char receiving[MODEL_ID_MAX + 1];
	struct model_case mc;
	struct proc_case pc;
	struct proc_verdict v;
	struct proc_request req = { .action = a->kind, .base_version = (long)a->base_version,
				    .payload = a->payload, .now = b->now };
	int rc;

	if (rows_case_load(b->tx, a->case_id, &pc, &mc, e) < 0) {
		if (e->code == TTHC_E_DB || e->code == TTHC_E_NOMEM)
			return -1;
		/* A row this build cannot read (a state it does not know) holds
		 * up its own actions only, not the rest of the batch. */
		return e->code == TTHC_E_NOT_FOUND
		       ? reject_one(r, "not-found", "case", _("no such case"), e)
		       : reject_one(r, tthc_code_name(e->code), "case", e->msg, e);
	}
	if (!case_visible(b, &pc)) {
		model_case_free(&mc);
		return reject_one(r, "not-found", "case", _("no such case"), e);
	}
	if ((a->on_behalf_of && resolve_behalf(b, a->on_behalf_of, &req.on_behalf_of, &rs, e) < 0) ||
	    resolve_receiving(b, a->payload, receiving, sizeof receiving, &rs, e) < 0) {
		model_case_free(&mc);
		return -1;
	}
	proc_decide(&b->actor, &pc, &req, orgtree_within, &b->tree, &v);
	add_verdict(&rs, &v);
	if (v.outcome == PROC_CONFLICT && rs.n == 0) {
		r->status = RESULT_CONFLICT;
		r->version = mc.version;
		r->has_version = true;
		return give_case(r, &mc, e);
	}
	if (rs.n) {
		model_case_free(&mc);
		return reject(r, &rs, e);
	}
	rc = receiving[0] ? case_org_set(&mc, "receiving", receiving, e) : 0;
	if (rc == 0)
		rc = applied(b, a, hash, &pc, &v, &mc, r, e);
	model_case_free(&mc);
	return rc;
}

int action_apply(struct batch *b, const struct model_action *a,
		 struct model_action_result *r, struct tthc_err *e)
{
	char hash[ACTION_HASH_HEX];
	struct action_key k;
	int rc;

	memset(r, 0, sizeof *r);
	memcpy(r->id, a->id, sizeof r->id);
	if (action_hash(a, hash, e) < 0 || action_key_find(b->tx, a->id, &k, e) < 0)
		return -1;
	if (!k.found)
		return decide(b, a, hash, r, e);
	if (k.account_id == b->who->account_id && !strcmp(k.hash, hash))
		rc = duplicate(&k, r, e);
	else
		rc = reject_one(r, "key-reused", "id",
				_("this action id was already used for a different action"), e);
	free(k.result);
	return rc;
}
