/* Open cases of residence comments, official and temporary transfers, in
 * every state of their core/proc machines (the first cases of a procedure
 * go through its states once, the rest are drawn with weights that favour
 * the states waiting for someone), with the fields the actions that led
 * there carried, and with dossiers received some working hours ago so that
 * notices are near or past their 8-working-hour deadline (QĐ 338). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc/proc.h"
#include "rows.h"
#include "seed_impl.h"
#include "util/i18n.h"

struct state_weight {
	const char *state;
	unsigned weight;
};

static const struct state_weight residence_states[] = {
	{ "draft", 10 }, { "requested", 30 }, { "incomplete", 10 }, { "forwarded", 25 },
	{ "answered", 15 }, { "returned", 10 }, { NULL, 0 },
};

static const struct state_weight official_states[] = {
	{ "draft", 8 }, { "filed", 20 }, { "incomplete", 8 }, { "reviewed", 12 },
	{ "issued", 12 }, { "presented", 12 }, { "receiving-incomplete", 5 },
	{ "accepted", 8 }, { "closed", 5 }, { "rejected", 5 }, { "withdrawn", 5 },
	{ NULL, 0 },
};

static const struct state_weight temporary_states[] = {
	{ "draft", 8 }, { "filed", 20 }, { "incomplete", 8 }, { "issued", 12 },
	{ "presented", 12 }, { "active", 25 }, { "returned", 8 }, { "closed", 3 },
	{ "rejected", 2 }, { "withdrawn", 2 }, { NULL, 0 },
};

/* Cases per 1,000 members, beyond one in every state. */
#define RESIDENCE_PER_MILLE 20
#define OFFICIAL_PER_MILLE 5
#define TEMPORARY_PER_MILLE 5

const char *seed_state(enum procedure p, const char *name)
{
	const struct proc_machine *m = proc_machine(p);
	int i = m ? proc_state_find(m, name) : -1;

	return i < 0 ? NULL : m->states[i].name;
}

int seed_case_put(struct seed_ctx *c, const char *id, enum procedure p, const char *state_name,
		  const char *member, struct model_case_org *rel, size_t n_rel, cJSON *fields,
		  int64_t received_at, struct tthc_err *e)
{
	const char *state = seed_state(p, state_name);
	struct model_deadline notice = { "notice", 0 };
	struct model_case mc = {
		.id = (char *)id, .procedure = (int)p, .state = (char *)state,
		.member = (char *)member, .orgs = rel, .n_orgs = n_rel, .fields = fields,
		.created_at = c->now,
	};

	if (!state)
		return tthc_fail(e, TTHC_E_INVALID, id, _("no such state in procedure '%s'"),
				 vocab_name(&vocab_procedures, (int)p));
	if (received_at) {
		if (proc_notice_deadline(received_at, NULL, &notice.due, e) < 0)
			return -1;
		mc.deadlines = &notice;
		mc.n_deadlines = 1;
	}
	c->res->cases[p]++;
	if (rows_put_case(c->tx, &mc, received_at, c->now, e) < 0) {
		tthc_err_prefix(e, id);
		return -1;
	}
	return 0;
}

static long n_states(const struct state_weight *w)
{
	long n = 0;

	while (w[n].state)
		n++;
	return n;
}

/* The k-th case's state: every state once, then by weight. */
static const char *draw_state(struct rng *r, const struct state_weight *w, long k)
{
	unsigned total = 0, pick;
	long i;

	if (k < n_states(w))
		return w[k].state;
	for (i = 0; w[i].state; i++)
		total += w[i].weight;
	pick = rng_below(r, total);
	for (i = 0; pick >= w[i].weight; i++)
		pick -= w[i].weight;
	return w[i].state;
}

static bool in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

/* The branch of member i (branches hold consecutive member numbers). */
static int branch_of(const struct seed_plan *p, long i)
{
	size_t lo = 0, hi = p->n_branches;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (p->orgs[p->branches[mid]].first_member <= i)
			lo = mid;
		else
			hi = mid;
	}
	return p->branches[lo];
}

/* A member not yet in an open case, with a branch that fits (workplace
 * branches for residence comments) and not under inspection or complaint
 * (no transfer meanwhile, HD 06-HD/TW); -1 when none is found soon. */
static long pick_member(struct seed_ctx *c, struct rng *r, unsigned char *taken,
			bool workplace)
{
	int tries;

	for (tries = 0; tries < 1000; tries++) {
		long i = (long)rng_below(r, (uint32_t)c->o->members);

		if (!taken[i] && (!workplace || c->plan.orgs[branch_of(&c->plan, i)].workplace)) {
			taken[i] = 1;
			return i;
		}
	}
	return -1;
}

static int other_branch(const struct seed_ctx *c, struct rng *r, int not)
{
	int b;

	do
		b = c->plan.branches[rng_below(r, (uint32_t)c->plan.n_branches)];
	while (b == not && c->plan.n_branches > 1);
	return b;
}

/* A dossier handed over 1 to 40 hours before the seed's instant: the
 * notice is still open, due soon, or late. */
static int64_t received(const struct seed_ctx *c, struct rng *r)
{
	return c->now - 3600 * (1 + (int64_t)rng_below(r, 40));
}

static void add_date(cJSON *o, const char *name, struct date d)
{
	char s[11];

	date_format_iso(d, s);
	cJSON_AddStringToObject(o, name, s);
}

static struct date days_ago(const struct seed_ctx *c, int64_t n)
{
	return date_add_days(c->o->today, -n);
}

struct member_case {
	struct model_member m;
	struct seed_member_text t;
	struct seed_member_extra x;
	int org;
	struct rng r;
};

/* The introduction paper, issued 1 to `within` days ago (at most about 45:
 * the 30 working days to present it run out). */
static void intro_fields(struct seed_ctx *c, struct member_case *mc, cJSON *f, bool dossier,
			 uint32_t within)
{
	char month[8], dossier_no[24];

	cJSON_AddStringToObject(f, "card_no", mc->t.card);
	if (dossier) {
		snprintf(dossier_no, sizeof dossier_no, "LL-%s", mc->t.id + 1);
		cJSON_AddStringToObject(f, "dossier_no", dossier_no);
	}
	period_format(period_from_index(period_index(c->last) - 1), month);
	cJSON_AddStringToObject(f, "fees_paid_to", month);
	add_date(f, "issued_on", days_ago(c, 1 + rng_below(&mc->r, within < 45 ? within : 45)));
}

static int official(struct seed_ctx *c, struct member_case *mc, const char *state,
		    struct tthc_err *e)
{
	static const char *const reasons[] = { "job-move", "residence-move", "other" };
	static const char *const issued[] = { "issued", "presented", "receiving-incomplete",
					      "accepted", "closed", NULL };
	static const char *const waiting[] = { "filed", "presented", NULL };
	int to = other_branch(c, &mc->r, mc->org);
	struct model_case_org rel[] = {
		{ "sending", mc->t.org }, { "receiving", c->plan.orgs[to].code },
	};
	/* Filed within 60 working days of the decision (about 84 days): some
	 * drafts are close to the limit. */
	uint32_t decided = 5 + rng_below(&mc->r, 80);
	cJSON *f = cJSON_CreateObject();
	char id[32], no[32];
	int rc;

	snprintf(no, sizeof no, "%u/QĐ-UBND", 10 + rng_below(&mc->r, 990));
	cJSON_AddStringToObject(f, "reason", reasons[rng_below(&mc->r, 3)]);
	cJSON_AddStringToObject(f, "decision_no", no);
	add_date(f, "decision_date", days_ago(c, decided));
	cJSON_AddNumberToObject(f, "receiving_org", (double)c->plan.orgs[to].id);
	cJSON_AddStringToObject(f, "self_review",
				"Chấp hành tốt chủ trương, đường lối của Đảng; hoàn thành tốt "
				"nhiệm vụ được giao; giữ gìn phẩm chất đạo đức, lối sống.");
	if (in_list(state, issued))
		intro_fields(c, mc, f, true, decided - 1);
	snprintf(id, sizeof id, "ot.%s", mc->t.id);
	rc = seed_case_put(c, id, PROC_OFFICIAL_TRANSFER, state,
			   mc->t.id, rel, 2, f, in_list(state, waiting) ? received(c, &mc->r) : 0, e);
	cJSON_Delete(f);
	return rc;
}

static int temporary(struct seed_ctx *c, struct member_case *mc, const char *state,
		     struct tthc_err *e)
{
	static const enum proc_temp_kind kinds[] = { TEMP_WORK, TEMP_RESIDENCE, TEMP_STUDY };
	static const char *const issued[] = { "issued", "presented", "active", "returned",
					      "closed", NULL };
	static const char *const waiting[] = { "filed", "presented", NULL };
	static const char *const begun[] = { "active", "returned", "closed", NULL };
	const struct proc_temp_limit *lim = proc_temp_limit(kinds[rng_below(&mc->r, 3)]);
	int to = other_branch(c, &mc->r, mc->org);
	struct model_case_org rel[] = {
		{ "sending", mc->t.org }, { "receiving", c->plan.orgs[to].code },
	};
	/* Within the reason's limits (HD 06-HD/TW): min..max-1 whole months. */
	int months = lim->min_months + (int)rng_below(&mc->r, (uint32_t)(lim->max_months -
									 lim->min_months));
	/* A stay that has begun started in the past; others may start soon. */
	struct date from = days_ago(c, (int64_t)rng_below(&mc->r, 120) -
				       (in_list(state, begun) ? -20 : 20)), until;
	cJSON *f = cJSON_CreateObject();
	char id[32];
	int rc;

	from.d = 1;
	until = date_add_days((struct date){ from.y + (from.m + months - 1) / 12,
					     (from.m + months - 1) % 12 + 1, 1 }, -1);
	cJSON_AddStringToObject(f, "kind", lim->name);
	add_date(f, "from_date", from);
	add_date(f, "to_date", until);
	cJSON_AddNumberToObject(f, "receiving_org", (double)c->plan.orgs[to].id);
	cJSON_AddStringToObject(f, "reason", lim->kind == TEMP_STUDY ?
				"Đi học tập trung theo quyết định cử đi học." :
				"Thay đổi nơi làm việc, cư trú trong thời hạn dưới một năm.");
	if (in_list(state, issued))
		intro_fields(c, mc, f, false, 45);
	if (!strcmp(state, "returned") || !strcmp(state, "closed"))
		cJSON_AddStringToObject(f, "remarks",
					"Đảng viên sinh hoạt đầy đủ, hoàn thành nhiệm vụ.");
	snprintf(id, sizeof id, "tt.%s", mc->t.id);
	rc = seed_case_put(c, id, PROC_TEMPORARY_TRANSFER,
			   state, mc->t.id, rel, 2, f,
			   in_list(state, waiting) ? received(c, &mc->r) : 0, e);
	cJSON_Delete(f);
	return rc;
}

static int residence(struct seed_ctx *c, struct member_case *mc, const char *state,
		     const int *villages, size_t n_villages, struct tthc_err *e)
{
	static const char *const grades[] = { "exemplary", "ordinary", "not-exemplary" };
	static const char *const answered[] = { "answered", "returned", NULL };
	int home = villages[rng_below(&mc->r, (uint32_t)n_villages)];
	struct model_case_org rel[] = {
		{ "workplace", mc->t.org },
		{ "commune", c->plan.orgs[c->plan.orgs[home].parent].code },
		{ "residence", c->plan.orgs[home].code },
	};
	cJSON *f = cJSON_CreateObject();
	char id[32];
	int rc;

	cJSON_AddNumberToObject(f, "year", c->o->today.y);
	if (in_list(state, answered)) {
		cJSON_AddStringToObject(f, "compliance",
					"Bản thân và gia đình chấp hành tốt pháp luật và quy định "
					"của địa phương.");
		/* Mostly exemplary, as answers are. */
		cJSON_AddStringToObject(f, "ethics", grades[rng_below(&mc->r, 10) < 7 ? 0 :
							  rng_below(&mc->r, 10) < 9 ? 1 : 2]);
		cJSON_AddStringToObject(f, "trust", "Được nhân dân nơi cư trú tín nhiệm.");
		add_date(f, "front_consulted_on", days_ago(c, 1 + rng_below(&mc->r, 20)));
	}
	snprintf(id, sizeof id, "rc.%s", mc->t.id);
	rc = seed_case_put(c, id, PROC_RESIDENCE_COMMENT, state,
			   mc->t.id, rel, 3, f,
			   !strcmp(state, "requested") ? received(c, &mc->r) : 0, e);
	cJSON_Delete(f);
	return rc;
}

/* Village and street branches (not workplaces) of communes: where members
 * of workplace branches live. */
static int *villages_of(const struct seed_plan *p, size_t *n, struct tthc_err *e)
{
	int *out = malloc(p->n_branches * sizeof *out);
	size_t i;

	*n = 0;
	if (!out) {
		tthc_fail(e, TTHC_E_NOMEM, "seed", _("out of memory"));
		return NULL;
	}
	for (i = 0; i < p->n_branches; i++) {
		const struct seed_org *o = &p->orgs[p->branches[i]];

		if (!o->workplace && p->orgs[o->parent].commune)
			out[(*n)++] = p->branches[i];
	}
	return out;
}

int seed_cases_write(struct seed_ctx *c, struct tthc_err *e)
{
	static const struct {
		enum procedure p;
		const struct state_weight *states;
		long per_mille;
	} plan[] = {
		{ PROC_RESIDENCE_COMMENT, residence_states, RESIDENCE_PER_MILLE },
		{ PROC_OFFICIAL_TRANSFER, official_states, OFFICIAL_PER_MILLE },
		{ PROC_TEMPORARY_TRANSFER, temporary_states, TEMPORARY_PER_MILLE },
	};
	unsigned char *taken = calloc((size_t)c->o->members, 1);
	size_t n_villages, k;
	int *villages = villages_of(&c->plan, &n_villages, e);
	struct rng r;
	int rc = -1;

	if (!taken || !villages) {
		if (!taken)
			tthc_fail(e, TTHC_E_NOMEM, "seed", _("out of memory"));
		goto out;
	}
	seed_rng(c, STREAM_CASES, 0, &r);
	for (k = 0; k < sizeof plan / sizeof plan[0]; k++) {
		long n = n_states(plan[k].states) + c->o->members * plan[k].per_mille / 1000, j;

		for (j = 0; j < n; j++) {
			const char *state = draw_state(&r, plan[k].states, j);
			struct member_case mc;
			long i = pick_member(c, &r, taken, plan[k].p == PROC_RESIDENCE_COMMENT);

			if (i < 0)
				break;  /* a tiny province has run out of members */
			mc.org = branch_of(&c->plan, i);
			seed_member_make(c, i, mc.org, &mc.m, &mc.t, &mc.x);
			if (mc.m.under_inspection || mc.m.under_complaint) {
				j--;    /* no transfer meanwhile; draw another */
				continue;
			}
			seed_rng(c, STREAM_CASES, (uint64_t)i + 1, &mc.r);
			if ((plan[k].p == PROC_RESIDENCE_COMMENT
			     ? residence(c, &mc, state, villages, n_villages, e)
			     : plan[k].p == PROC_OFFICIAL_TRANSFER ? official(c, &mc, state, e)
								   : temporary(c, &mc, state, e)) < 0)
				goto out;
		}
	}
	rc = 0;
out:
	free(taken);
	free(villages);
	return rc;
}
