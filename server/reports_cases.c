/* The case report: how many cases of each procedure stand in each state,
 * and which open cases are past or near a deadline (QĐ 338: the
 * incomplete-dossier notice within 8 working hours; the transfers' 60 and
 * 30 working days), as core/proc's machines and the cases' deadlines say. */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc/proc.h"
#include "util/date.h"
#include "util/i18n.h"

/* Cases visible to the subtree: those with an organisation in it
 * (case_orgs: sending and receiving side, residence branch...). */
#define VISIBLE \
	"EXISTS (SELECT 1 FROM case_orgs co WHERE co.case_id = c.id " \
	"  AND co.org_id IN (SELECT id FROM sub))"

/* {PROCEDURE: {STATE: 0, ...}, ...} with every state of every procedure. */
static cJSON *zero_counts(void)
{
	cJSON *counts = cJSON_CreateObject(), *p;
	const struct proc_machine *m;
	int proc, i;

	for (proc = 0; proc < PROC_COUNT; proc++) {
		m = proc_machine((enum procedure)proc);
		p = cJSON_AddObjectToObject(counts, m->name);
		for (i = 0; i < m->n_states; i++)
			cJSON_AddNumberToObject(p, m->states[i].name, 0);
	}
	return counts;
}

/* counts[procedure][state], made when a row names one that the machines
 * no longer have, so that every case is still counted. */
static cJSON *counter(cJSON *counts, const char *procedure, const char *state)
{
	cJSON *p = cJSON_GetObjectItemCaseSensitive(counts, procedure), *n;

	if (!p)
		p = cJSON_AddObjectToObject(counts, procedure);
	n = cJSON_GetObjectItemCaseSensitive(p, state);
	return n ? n : cJSON_AddNumberToObject(p, state, 0);
}

static int count(struct db_tx *tx, int64_t org, cJSON *counts, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE " REPORT_SUBTREE_CTE " "
		"SELECT c.procedure, c.state, count(*) FROM cases c WHERE " VISIBLE " "
		"GROUP BY c.procedure, c.state", e);
	cJSON *n;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, org);
	while ((rc = db_step(st, e)) == 1) {
		n = counter(counts, db_col_text(st, 0), db_col_text(st, 1));
		cJSON_SetNumberValue(n, n->valuedouble + (double)db_col_int(st, 2));
	}
	db_finalize(st);
	return rc;
}

/* Open: some action of the procedure still leads out of the state. */
static bool state_open(const char *procedure, const char *state)
{
	const struct proc_machine *m = proc_machine_find(procedure);
	int s = m ? proc_state_find(m, state) : -1, i;

	for (i = 0; s >= 0 && i < m->n_actions; i++)
		if (m->actions[i].from & STATE_BIT(s))
			return true;
	return false;
}

struct due {
	int64_t at;
	cJSON *item;
};

static int by_due(const void *a, const void *b)
{
	const struct due *x = a, *y = b;

	return (x->at > y->at) - (x->at < y->at);
}

struct deadlines {
	struct due *list;
	size_t n, cap;
	int64_t past, near;
};

/* The case's deadlines that are past or near at now. */
static int take(struct deadlines *d, const char *code, const char *procedure,
		const char *state, const char *body, int64_t now)
{
	cJSON *c = cJSON_Parse(body), *dl, *o;
	const char *name, *due;
	char at[21];
	int64_t t;
	struct due *grown;

	cJSON_ArrayForEach(dl, cJSON_GetObjectItemCaseSensitive(c, "deadlines")) {
		name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(dl, "name"));
		due = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(dl, "due"));
		if (!name || !due || instant_parse(due, &t, NULL) < 0 ||
		    t > now + REPORT_NEAR_SECONDS)
			continue;
		if (t < now)
			d->past++;
		else
			d->near++;
		if (d->n == d->cap) {
			d->cap = d->cap ? 2 * d->cap : 64;
			if (!(grown = realloc(d->list, d->cap * sizeof *grown))) {
				cJSON_Delete(c);
				return -1;
			}
			d->list = grown;
		}
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "case", code);
		cJSON_AddStringToObject(o, "procedure", procedure);
		cJSON_AddStringToObject(o, "state", state);
		cJSON_AddStringToObject(o, "deadline", name);
		instant_format(t, at);
		cJSON_AddStringToObject(o, "due", at);
		cJSON_AddBoolToObject(o, "past", t < now);
		d->list[d->n++] = (struct due){ t, o };
	}
	cJSON_Delete(c);
	return 0;
}

/* Only the cases whose stored body has a deadline are read: the LIKE is a
 * plain filter that both SQLite and PostgreSQL run without a JSON type. */
static int scan(struct db_tx *tx, int64_t org, int64_t now, struct deadlines *d,
		struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE " REPORT_SUBTREE_CTE " "
		"SELECT c.code, c.procedure, c.state, c.body FROM cases c "
		"WHERE c.body LIKE '%\"deadlines\":[{%' AND " VISIBLE, e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, org);
	while ((rc = db_step(st, e)) == 1)
		if (state_open(db_col_text(st, 1), db_col_text(st, 2)) &&
		    take(d, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
			 db_col_text(st, 3), now) < 0) {
			rc = tthc_fail(e, TTHC_E_NOMEM, "deadlines", _("out of memory"));
			break;
		}
	db_finalize(st);
	return rc;
}

/* {"past","near","cases":[...]}: the earliest first, at most
 * REPORT_DEADLINES_MAX listed. */
static cJSON *deadlines_json(struct deadlines *d)
{
	cJSON *res = cJSON_CreateObject(), *list;
	size_t i;

	qsort(d->list, d->n, sizeof *d->list, by_due);
	cJSON_AddNumberToObject(res, "past", (double)d->past);
	cJSON_AddNumberToObject(res, "near", (double)d->near);
	list = cJSON_AddArrayToObject(res, "cases");
	for (i = 0; i < d->n; i++) {
		if (i < REPORT_DEADLINES_MAX)
			cJSON_AddItemToArray(list, d->list[i].item);
		else
			cJSON_Delete(d->list[i].item);
	}
	cJSON_AddBoolToObject(res, "truncated", d->n > REPORT_DEADLINES_MAX);
	return res;
}

cJSON *report_cases(struct srv *s, const struct actor *who, const char *org, int64_t now,
		    struct tthc_err *e)
{
	struct deadlines d = { 0 };
	struct db_tx *tx;
	int64_t org_id;
	cJSON *counts, *res = NULL;
	char at[21];
	size_t i;

	if (report_begin(s, who, org, RBAC_REPORT_CASES, &tx, &org_id, e) < 0)
		return NULL;
	counts = zero_counts();
	if (count(tx, org_id, counts, e) == 0 && scan(tx, org_id, now, &d, e) == 0) {
		res = cJSON_CreateObject();
		cJSON_AddStringToObject(res, "org", org);
		instant_format(now, at);
		cJSON_AddStringToObject(res, "as_of", at);
		cJSON_AddItemToObject(res, "counts", counts);
		cJSON_AddItemToObject(res, "deadlines", deadlines_json(&d));
	} else {
		cJSON_Delete(counts);
		for (i = 0; i < d.n; i++)
			cJSON_Delete(d.list[i].item);
	}
	db_rollback(tx);
	free(d.list);
	return res;
}
