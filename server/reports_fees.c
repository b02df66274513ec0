/* The fee report: DESIGN.md section 7 (party fees) seen from an
 * organisation, for a quarter, half-year, year or month. */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fee/ledger.h"
#include "fee/retention.h"
#include "fee/span.h"
#include "model/model.h"
#include "proc/proc.h"
#include "util/i18n.h"

/* States whose money the branch has received: the finance officer or the
 * secretary confirmed it (DESIGN.md section 7), so it is shared up the
 * tree.  A `paid` record is only the member's word until then. */
static bool collected_state(const char *state)
{
	return !strcmp(state, "confirmed") || !strcmp(state, "remitted") ||
	       !strcmp(state, "settled");
}

/* {"org":code,"members":0,"in_arrears":0,"fees":{STATE:{"count":0,
 * "amount":0}...}} with every state of the fee procedure; no "org" for
 * code NULL (the total). */
static cJSON *figures(const char *code)
{
	const struct proc_machine *m = proc_machine(PROC_FEE);
	cJSON *f = cJSON_CreateObject(), *fees, *st;
	int i;

	if (code)
		cJSON_AddStringToObject(f, "org", code);
	cJSON_AddNumberToObject(f, "members", 0);
	cJSON_AddNumberToObject(f, "in_arrears", 0);
	fees = cJSON_AddObjectToObject(f, "fees");
	for (i = 0; i < m->n_states; i++) {
		st = cJSON_AddObjectToObject(fees, m->states[i].name);
		cJSON_AddNumberToObject(st, "count", 0);
		cJSON_AddNumberToObject(st, "amount", 0);
	}
	return f;
}

static void add_to(cJSON *obj, const char *key, int64_t n)
{
	cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (item)
		cJSON_SetNumberValue(item, item->valuedouble + (double)n);
}

/* Add n to `key` of the figures of org `code` (in `by_org`) and of total. */
static void add(cJSON *by_org, cJSON *total, const char *code, const char *state,
		const char *key, int64_t n)
{
	cJSON *f[2] = { cJSON_GetObjectItemCaseSensitive(by_org, code), total };
	int i;

	for (i = 0; i < 2; i++) {
		if (!f[i])
			continue;
		if (state)
			add_to(cJSON_GetObjectItemCaseSensitive(
				       cJSON_GetObjectItemCaseSensitive(f[i], "fees"), state), key, n);
		else
			add_to(f[i], key, n);
	}
}

/* Every organisation of the subtree, parents first, with zero figures. */
static int list_orgs(struct db_tx *tx, int64_t org, cJSON *by_org, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE " REPORT_SUBTREE_CTE " "
		"SELECT o.code FROM sub JOIN orgs o ON o.id = sub.id ORDER BY sub.depth, o.code", e);
	cJSON *f;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, org);
	while ((rc = db_step(st, e)) == 1) {
		f = figures(db_col_text(st, 0));
		cJSON_AddItemToObject(by_org, db_col_text(st, 0), f);
	}
	db_finalize(st);
	return rc;
}

/* Fee records of the span per organisation and state, each with the sum of
 * the payments recorded for its member and month. */
static int count_fees(struct db_tx *tx, int64_t org, const char *from, const char *to,
		      cJSON *by_org, cJSON *total, cJSON *collected, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE " REPORT_SUBTREE_CTE " "
		"SELECT o.code, c.state, count(*), COALESCE(sum((SELECT sum(p.amount) "
		"  FROM payments p WHERE p.member_id = c.member_id AND p.period = c.period)), 0) "
		"FROM cases c JOIN orgs o ON o.id = c.org_id "
		"WHERE c.procedure = ? AND c.period BETWEEN ? AND ? "
		"  AND c.org_id IN (SELECT id FROM sub) "
		"GROUP BY o.code, c.state", e);
	const char *code, *state;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, org);
	db_bind_text(st, 2, vocab_name(&vocab_procedures, PROC_FEE));
	db_bind_text(st, 3, from);
	db_bind_text(st, 4, to);
	while ((rc = db_step(st, e)) == 1) {
		code = db_col_text(st, 0);
		state = db_col_text(st, 1);
		add(by_org, total, code, state, "count", db_col_int(st, 2));
		add(by_org, total, code, state, "amount", db_col_int(st, 3));
		if (collected_state(state)) {
			if (!cJSON_GetObjectItemCaseSensitive(collected, code))
				cJSON_AddNumberToObject(collected, code, 0);
			add_to(collected, code, db_col_int(st, 3));
		}
	}
	db_finalize(st);
	return rc;
}

static int count_members(struct db_tx *tx, int64_t org, cJSON *by_org, cJSON *total,
			 struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE " REPORT_SUBTREE_CTE " "
		"SELECT o.code, count(*) FROM members m JOIN orgs o ON o.id = m.org_id "
		"WHERE m.org_id IN (SELECT id FROM sub) GROUP BY o.code", e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, org);
	while ((rc = db_step(st, e)) == 1)
		add(by_org, total, db_col_text(st, 0), NULL, "members", db_col_int(st, 1));
	db_finalize(st);
	return rc;
}

/* Members with FEE_UNPAID_REMOVAL_MONTHS or more months still due from
 * January to the span's last month (the charter rule, fee/ledger.h), by
 * the organisation they belong to now (one that moved out of the subtree
 * is its new organisation's matter). */
static int count_arrears(struct db_tx *tx, int64_t org, struct period to, cJSON *by_org,
			 cJSON *total, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE " REPORT_SUBTREE_CTE ", "
		"late(member_id) AS (SELECT c.member_id FROM cases c "
		"  WHERE c.procedure = ? AND c.state = 'due' AND c.period BETWEEN ? AND ? "
		"    AND c.org_id IN (SELECT id FROM sub) "
		"  GROUP BY c.member_id HAVING count(*) >= ?) "
		"SELECT o.code, count(*) FROM late JOIN members m ON m.id = late.member_id "
		"JOIN orgs o ON o.id = m.org_id WHERE m.org_id IN (SELECT id FROM sub) "
		"GROUP BY o.code", e);
	char first[8], last[8];
	int rc;

	if (!st)
		return -1;
	period_format((struct period){ to.y, 1 }, first);
	period_format(to, last);
	db_bind_int(st, 1, org);
	db_bind_text(st, 2, vocab_name(&vocab_procedures, PROC_FEE));
	db_bind_text(st, 3, first);
	db_bind_text(st, 4, last);
	db_bind_int(st, 5, FEE_UNPAID_REMOVAL_MONTHS);
	while ((rc = db_step(st, e)) == 1)
		add(by_org, total, db_col_text(st, 0), NULL, "in_arrears", db_col_int(st, 1));
	db_finalize(st);
	return rc;
}

#define PATH_MAX_LEVELS 16

/* The organisations from `code` up to the root, with their levels. */
static int path_up(struct db_tx *tx, const char *code, char names[][MODEL_ID_MAX + 1],
		   struct fee_level *levels, size_t *n, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"WITH RECURSIVE up(id, depth) AS (SELECT id, 0 FROM orgs WHERE code = ? "
		"  UNION ALL SELECT o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.id "
		"  WHERE o.parent_id IS NOT NULL) "
		"SELECT o.code, o.type FROM up JOIN orgs o ON o.id = up.id ORDER BY up.depth", e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	*n = 0;
	while ((rc = db_step(st, e)) == 1 && *n < PATH_MAX_LEVELS) {
		snprintf(names[*n], MODEL_ID_MAX + 1, "%s", db_col_text(st, 0));
		/* Organisations do not carry the commune flag yet (DESIGN.md
		 * section 8): a base organisation is taken as a commune or
		 * ward one, which the two-level local government makes the
		 * common case. */
		levels[*n] = (struct fee_level){
			(enum org_type)vocab_find(&vocab_org_types, db_col_text(st, 1)), true };
		(*n)++;
	}
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* Share each branch's collected amount up its path (fee_split) and add up
 * what each organisation keeps; what the province remits goes "above".  A
 * collecting organisation that is not a chi bộ cannot be split and is
 * reported as "unsplit". */
static cJSON *retention(struct db_tx *tx, cJSON *collected, struct tthc_err *e)
{
	char names[PATH_MAX_LEVELS][MODEL_ID_MAX + 1];
	struct fee_level levels[PATH_MAX_LEVELS];
	int64_t kept[PATH_MAX_LEVELS + 1], total = 0, above = 0, unsplit = 0, amount;
	cJSON *res = cJSON_CreateObject(), *by_org = cJSON_CreateObject(), *c, *list, *o;
	struct tthc_err split_err;
	size_t n, i;

	cJSON_ArrayForEach(c, collected) {
		amount = (int64_t)c->valuedouble;
		total += amount;
		if (path_up(tx, c->string, names, levels, &n, e) < 0) {
			cJSON_Delete(res);
			cJSON_Delete(by_org);
			return NULL;
		}
		if (fee_split(&fee_rules_default, amount, levels, n, kept, &split_err) < 0) {
			unsplit += amount;
			continue;
		}
		for (i = 0; i < n; i++) {
			if (!cJSON_GetObjectItemCaseSensitive(by_org, names[i]))
				cJSON_AddNumberToObject(by_org, names[i], 0);
			add_to(by_org, names[i], kept[i]);
		}
		above += kept[n];
	}
	cJSON_AddNumberToObject(res, "collected", (double)total);
	list = cJSON_AddArrayToObject(res, "kept");
	cJSON_ArrayForEach(c, by_org) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "org", c->string);
		cJSON_AddNumberToObject(o, "amount", c->valuedouble);
		cJSON_AddItemToArray(list, o);
	}
	cJSON_AddNumberToObject(res, "above", (double)above);
	cJSON_AddNumberToObject(res, "unsplit", (double)unsplit);
	cJSON_Delete(by_org);
	return res;
}

static cJSON *build(struct db_tx *tx, int64_t org, const struct fee_span *span,
		    struct tthc_err *e)
{
	cJSON *by_org = cJSON_CreateObject(), *total = figures(NULL), *collected = cJSON_CreateObject();
	cJSON *res = NULL, *list, *f, *ret = NULL;
	char from[8], to[8];

	period_format(span->from, from);
	period_format(span->to, to);
	if (list_orgs(tx, org, by_org, e) == 0 &&
	    count_fees(tx, org, from, to, by_org, total, collected, e) == 0 &&
	    count_members(tx, org, by_org, total, e) == 0 &&
	    count_arrears(tx, org, span->to, by_org, total, e) == 0 &&
	    (ret = retention(tx, collected, e))) {
		res = cJSON_CreateObject();
		cJSON_AddStringToObject(res, "from", from);
		cJSON_AddStringToObject(res, "to", to);
		list = cJSON_AddArrayToObject(res, "orgs");
		while ((f = by_org->child))
			cJSON_AddItemToArray(list, cJSON_DetachItemViaPointer(by_org, f));
		cJSON_AddItemToObject(res, "total", total);
		cJSON_AddItemToObject(res, "retention", ret);
		total = NULL;
	}
	cJSON_Delete(by_org);
	cJSON_Delete(total);
	cJSON_Delete(collected);
	return res;
}

cJSON *report_fees(struct srv *s, const struct actor *who, const char *org,
		   const char *period, struct tthc_err *e)
{
	struct fee_span span;
	struct db_tx *tx;
	int64_t org_id;
	cJSON *res;

	if (!period) {
		tthc_fail(e, TTHC_E_MISSING, "period", _("which period? (YYYY, YYYY-H1, YYYY-Q1 or "
							 "YYYY-MM)"));
		return NULL;
	}
	if (fee_span_parse(period, &span, e) < 0) {
		tthc_err_prefix(e, "period");
		return NULL;
	}
	if (report_begin(s, who, org, RBAC_REPORT_FEES, &tx, &org_id, e) < 0)
		return NULL;
	res = build(tx, org_id, &span, e);
	db_rollback(tx);
	if (res) {
		cJSON_AddStringToObject(res, "org", org);
		cJSON_AddStringToObject(res, "period", period);
	}
	return res;
}
