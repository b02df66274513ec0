/* From cached rows to core/proc's inputs, and on to the outbox. */
#include "decide.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/account.h"
#include "model/case.h"
#include "model/member.h"
#include "model/org.h"
#include "util/i18n.h"

/* Ids seen so far: number i + 1 stands for ids[i]; parent[i] is the
 * number of its parent organisation (0: none, -1: not looked up yet). */
struct decider {
	struct store *st;
	char **ids;
	long *parent;
	size_t n, cap;
	size_t *index;          /* open addressing: number, 0 empty; 2 * cap slots */
	struct proc_grant *grants;
	size_t n_grants;
	unsigned roles;
	size_t chunk;           /* decider_set_progress; 0: all at once */
	bool (*progress)(void *ctx, size_t done, size_t n);
	void *progress_ctx;
};

static size_t hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of id in the index: the one holding it or the empty one where it
 * goes.  A hash, not a scan: a bulk action over 30,000 cases interns as
 * many members. */
static size_t *slot_of(const struct decider *d, const char *id)
{
	size_t mask = 2 * d->cap - 1, i = hash(id) & mask;

	while (d->index[i] && strcmp(d->ids[d->index[i] - 1], id))
		i = (i + 1) & mask;
	return &d->index[i];
}

static bool grow(struct decider *d)
{
	size_t cap = d->cap ? 2 * d->cap : 64;
	size_t *index = calloc(2 * cap, sizeof *index);
	char **ids = index ? realloc(d->ids, cap * sizeof *ids) : NULL;
	long *parent;

	if (ids)
		d->ids = ids;
	if (!ids || !(parent = realloc(d->parent, cap * sizeof *parent))) {
		free(index);
		return false;
	}
	d->parent = parent;
	free(d->index);
	d->index = index;
	d->cap = cap;
	for (size_t i = 0; i < d->n; i++)
		*slot_of(d, d->ids[i]) = i + 1;
	return true;
}

/* The number standing for id (0 when out of memory). */
static long intern(struct decider *d, const char *id)
{
	size_t *slot;

	if (d->cap) {
		slot = slot_of(d, id);
		if (*slot)
			return (long)*slot;
	}
	if (d->n == d->cap && !grow(d))
		return 0;
	if (!(d->ids[d->n] = strdup(id)))
		return 0;
	d->parent[d->n] = -1;
	*slot_of(d, id) = ++d->n;
	return (long)d->n;
}

static long parent_of(struct decider *d, long org)
{
	struct model_org o;
	char *json;

	if (org <= 0 || (size_t)org > d->n)
		return 0;
	if (d->parent[org - 1] >= 0)
		return d->parent[org - 1];
	d->parent[org - 1] = 0;
	json = store_row_json(d->st, ENTITY_ORG, d->ids[org - 1], NULL);
	if (json && model_org_parse(json, strlen(json), JSON_TOLERANT, &o, NULL) == 0) {
		long p = o.parent ? intern(d, o.parent) : 0;

		d->parent[org - 1] = p;
		model_org_free(&o);
	}
	free(json);
	return d->parent[org - 1];
}

/* proc_org_within_fn: up the cached tree (a province is a few levels
 * deep; the bound stops a cycle in bad data). */
static bool within(void *ctx, long ancestor, long org)
{
	struct decider *d = ctx;

	for (int depth = 0; org > 0 && depth < 32; depth++, org = parent_of(d, org))
		if (org == ancestor)
			return true;
	return false;
}

static int load_roles(struct decider *d, struct tthc_err *err)
{
	struct store_status s;
	cJSON *j, *item;
	int rc = 0;

	if (store_status(d->st, &s, err) < 0)
		return -1;
	j = s.roles ? cJSON_Parse(s.roles) : NULL;
	d->grants = calloc((size_t)(cJSON_GetArraySize(j) + 1), sizeof *d->grants);
	if (!d->grants)
		rc = tthc_fail(err, TTHC_E_NOMEM, "roles", "%s", _("out of memory"));
	cJSON_ArrayForEach(item, j) {
		struct model_grant g;

		if (rc < 0 || schema_decode(&model_grant_schema, item, JSON_TOLERANT, &g, NULL) < 0)
			continue;
		d->grants[d->n_grants].role = (enum role)g.role;
		d->grants[d->n_grants++].org = intern(d, g.org);
		d->roles |= ROLE_BIT(g.role);
		schema_free(&model_grant_schema, &g);
	}
	cJSON_Delete(j);
	store_status_free(&s);
	return rc;
}

struct decider *decider_new(struct store *st, struct tthc_err *err)
{
	struct decider *d = calloc(1, sizeof *d);

	if (!d) {
		tthc_fail(err, TTHC_E_NOMEM, "decider", "%s", _("out of memory"));
		return NULL;
	}
	d->st = st;
	if (load_roles(d, err) < 0) {
		decider_free(d);
		return NULL;
	}
	return d;
}

void decider_free(struct decider *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->ids[i]);
	free(d->ids);
	free(d->parent);
	free(d->index);
	free(d->grants);
	free(d);
}

unsigned decider_roles(const struct decider *d)
{
	return d->roles;
}

static struct date field_date(const cJSON *fields, const char *name)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(fields, name));
	struct date dt = { 0, 0, 0 };

	if (s && date_parse(s, &dt, NULL) < 0)
		memset(&dt, 0, sizeof dt);
	return dt;
}

static void member_flags(struct decider *d, const char *member, struct proc_case *pc)
{
	char *json = store_row_json(d->st, ENTITY_MEMBER, member, NULL);
	struct model_member m;

	if (json && model_member_parse(json, strlen(json), JSON_TOLERANT, &m, NULL) == 0) {
		pc->under_inspection = m.under_inspection;
		pc->under_complaint = m.under_complaint;
		model_member_free(&m);
	}
	free(json);
}

/* The outbox as decisions need it: a case's queued actions, in queue order,
 * go before any new one -- the new one is decided on the state they lead
 * to and on the version they will make (the server adds 1 per applied
 * action, docs/API.md), as the server will decide it after them. */
struct queued {
	struct store_action_list out;
	const struct store_action **by_case;    /* by case id, then queue order */
};

static int by_case_cmp(const void *a, const void *b)
{
	const struct store_action *x = *(const struct store_action *const *)a;
	const struct store_action *y = *(const struct store_action *const *)b;
	int c = strcmp(x->case_id, y->case_id);

	return c ? c : (x > y) - (x < y);
}

static int queued_load(struct decider *d, struct queued *q, struct tthc_err *err)
{
	memset(q, 0, sizeof *q);
	if (store_outbox_list(d->st, &q->out, err) < 0)
		return -1;
	q->by_case = malloc((q->out.n ? q->out.n : 1) * sizeof *q->by_case);
	if (!q->by_case) {
		store_action_list_free(&q->out);
		return tthc_fail(err, TTHC_E_NOMEM, "outbox", "%s", _("out of memory"));
	}
	for (size_t i = 0; i < q->out.n; i++)
		q->by_case[i] = &q->out.items[i];
	qsort(q->by_case, q->out.n, sizeof *q->by_case, by_case_cmp);
	return 0;
}

static void queued_free(struct queued *q)
{
	free(q->by_case);
	store_action_list_free(&q->out);
}

/* How many actions on case_id are queued; the last one's new state in
 * *state (NULL when none changes it). */
static size_t queued_on(const struct queued *q, const char *case_id, const char **state)
{
	size_t lo = 0, hi = q->out.n, n = 0;

	*state = NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(q->by_case[mid]->case_id, case_id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < q->out.n && !strcmp(q->by_case[lo]->case_id, case_id); lo++, n++)
		if (q->by_case[lo]->new_state)
			*state = q->by_case[lo]->new_state;
	return n;
}

/* The cached case as core/proc sees it (the server's rows_case_load does
 * the same from its tables). */
static int load_case(struct decider *d, const char *id, const struct queued *q,
		     struct proc_case *pc, struct tthc_err *err)
{
	const char *queued_state;
	char *json = store_row_json(d->st, ENTITY_CASE, id, err);
	const struct proc_machine *m;
	struct model_case c;
	const char *period;

	memset(pc, 0, sizeof *pc);
	if (!json)
		return -1;
	if (model_case_parse(json, strlen(json), JSON_TOLERANT, &c, err) < 0) {
		free(json);
		return -1;
	}
	free(json);
	m = proc_machine((enum procedure)c.procedure);
	pc->proc = (enum procedure)c.procedure;
	pc->state = m ? proc_state_find(m, c.state) : -1;
	pc->version = (long)c.version;
	pc->member_id = intern(d, c.member);
	for (size_t i = 0; i < c.n_orgs; i++) {
		int rel = vocab_find(&vocab_relations, c.orgs[i].relation);

		if (rel >= 0)
			pc->org[rel] = intern(d, c.orgs[i].org);
	}
	member_flags(d, c.member, pc);
	pc->decision_date = field_date(c.fields, "decision_date");
	pc->intro_date = field_date(c.fields, "issued_on");
	pc->temp_from = field_date(c.fields, "from_date");
	pc->temp_to = field_date(c.fields, "to_date");
	period = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c.fields, "period"));
	if (period && period_parse(period, &pc->period, NULL) < 0)
		memset(&pc->period, 0, sizeof pc->period);
	model_case_free(&c);
	pc->version += (long)queued_on(q, id, &queued_state);
	if (queued_state && m)
		pc->state = proc_state_find(m, queued_state);
	if (pc->state < 0)
		return tthc_fail(err, TTHC_E_INVALID, id, "%s", _("the case is in an unknown state"));
	return 0;
}

/* load_case for one case, with the outbox read for it. */
static int load_one(struct decider *d, const char *id, struct proc_case *pc,
		    struct tthc_err *err)
{
	struct queued q;
	int rc;

	if (queued_load(d, &q, err) < 0)
		return -1;
	rc = load_case(d, id, &q, pc, err);
	queued_free(&q);
	return rc;
}

size_t decider_queued(struct decider *d, const char *case_id)
{
	const char *state;
	struct queued q;
	size_t n;

	if (queued_load(d, &q, NULL) < 0)
		return 0;
	n = queued_on(&q, case_id, &state);
	queued_free(&q);
	return n;
}

static struct proc_actor actor(const struct decider *d)
{
	struct proc_actor a = { .grants = d->grants, .n_grants = d->n_grants };

	return a;
}

size_t decider_open(struct decider *d, const char *case_id, const struct proc_action **out,
		    size_t max, struct tthc_err *err)
{
	struct proc_actor a = actor(d);
	struct proc_case pc;

	if (load_one(d, case_id, &pc, err) < 0)
		return 0;
	return proc_actions_open(&a, &pc, within, d, out, max);
}

bool decider_needs_form(const struct proc_action *a)
{
	for (const struct proc_field *f = a->fields; f && f->name; f++)
		if (f->flags & FIELD_REQUIRED)
			return true;
	return false;
}

/* approve's action among the open ones of a loaded case. */
static const struct proc_action *approve_of(struct decider *d, const struct proc_case *pc)
{
	const struct proc_action *open[32];
	struct proc_actor a = actor(d);
	size_t n = proc_actions_open(&a, pc, within, d, open, 32);

	for (size_t i = 0; i < n && i < 32; i++)
		if (!decider_needs_form(open[i]))
			return open[i];
	return NULL;
}

const struct proc_action *decider_approve_action(struct decider *d, const char *case_id,
						 struct tthc_err *err)
{
	struct proc_case pc;

	return load_one(d, case_id, &pc, err) < 0 ? NULL : approve_of(d, &pc);
}

static enum proc_outcome decide_loaded(struct decider *d, const struct proc_case *pc,
				       const char *action, const cJSON *payload,
				       const char *on_behalf_of, struct proc_verdict *v)
{
	struct proc_actor a = actor(d);
	struct proc_request req = {
		.action = action, .payload = payload, .now = (int64_t)time(NULL),
		.on_behalf_of = on_behalf_of ? intern(d, on_behalf_of) : 0,
		.base_version = pc->version,
	};

	return proc_decide(&a, pc, &req, within, d, v);
}

int decider_check(struct decider *d, const char *case_id, const char *action,
		  const cJSON *payload, const char *on_behalf_of, struct proc_verdict *v,
		  struct tthc_err *err)
{
	struct proc_case pc;

	memset(v, 0, sizeof *v);
	if (load_one(d, case_id, &pc, err) < 0)
		return -1;
	v->outcome = decide_loaded(d, &pc, action, payload, on_behalf_of, v);
	return 0;
}

static void note_refusal(struct decide_result *res, const char *id, const char *why)
{
	if (res->refused++ == 0) {
		snprintf(res->first_refused, sizeof res->first_refused, "%s", id);
		snprintf(res->reason, sizeof res->reason, "%s", why);
	}
}

void decider_set_progress(struct decider *d, size_t chunk,
			  bool (*fn)(void *ctx, size_t done, size_t n), void *ctx)
{
	d->chunk = chunk;
	d->progress = fn;
	d->progress_ctx = ctx;
}

/* Decide each of ids[n] and fill acts[] with the allowed; how many. */
static size_t decide_chunk(struct decider *d, const char *const *ids, size_t n,
			   const char *action, const cJSON *payload, const char *on_behalf_of,
			   const struct queued *q, struct proc_verdict *v,
			   struct store_new_action *acts, struct decide_result *res)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		const struct proc_action *pa = NULL;
		struct tthc_err one = { 0 };
		struct proc_case pc;
		const char *name = action;

		if (load_case(d, ids[i], q, &pc, &one) < 0) {
			note_refusal(res, ids[i], one.msg);
			continue;
		}
		if (!name && (pa = approve_of(d, &pc)))
			name = pa->name;
		if (!name) {
			note_refusal(res, ids[i], _("no step without a form is open to you now"));
			continue;
		}
		memset(v, 0, sizeof *v);
		if (decide_loaded(d, &pc, name, payload, on_behalf_of, v) != PROC_ALLOWED) {
			note_refusal(res, ids[i], v->n_reasons ? v->reasons[0].message
					: _("the case changed: decide again"));
			continue;
		}
		acts[k] = (struct store_new_action){
			.kind = name, .case_id = ids[i], .base_version = pc.version,
			.payload = payload, .on_behalf_of = on_behalf_of,
			.client_time = (int64_t)time(NULL),
			.new_state = v->to_state >= 0 ? proc_machine(pc.proc)->states[v->to_state].name : NULL,
		};
		k++;
	}
	return k;
}

int decider_queue(struct decider *d, const char *const *case_ids, size_t n,
		  const char *action, const cJSON *payload, const char *on_behalf_of,
		  struct decide_result *res, struct tthc_err *err)
{
	size_t chunk = d->chunk && d->chunk < n ? d->chunk : n;
	struct store_new_action *acts = calloc(chunk ? chunk : 1, sizeof *acts);
	struct proc_verdict *v = malloc(sizeof *v);
	struct queued q;
	int rc = 0;

	memset(res, 0, sizeof *res);
	if (!acts || !v) {
		free(acts);
		free(v);
		return tthc_fail(err, TTHC_E_NOMEM, "queue", "%s", _("out of memory"));
	}
	if (queued_load(d, &q, err) < 0) {
		free(acts);
		free(v);
		return -1;
	}
	for (size_t done = 0; done < n;) {
		size_t m = n - done < chunk ? n - done : chunk;
		size_t k = decide_chunk(d, case_ids + done, m, action, payload, on_behalf_of, &q,
					v, acts, res);

		/* The first chunk that queues names the batch; the others join
		 * it, so that u takes the whole action back. */
		if (k > 0 && (res->queued ? store_queue_actions_join(d->st, acts, k, res->batch, err)
					   : store_queue_actions(d->st, acts, k, res->batch, err)) < 0) {
			rc = -1;
			break;
		}
		res->queued += k;
		done += m;
		if (d->progress && done < n && !d->progress(d->progress_ctx, done, n))
			break;
	}
	free(acts);
	free(v);
	queued_free(&q);
	return rc;
}
