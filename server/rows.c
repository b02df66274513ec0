/* server/rows.h: one upsert per kind, the rest shared. */
#include "rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rows_change.h"
#include "text/fold.h"
#include "util/i18n.h"

/* core/model's bound on a case's organisations (case.c). */
#define CASE_ORGS_MAX 16

struct kind_info {
	const char *table;
	const struct jschema *schema;
};

static const struct kind_info kinds[ENTITY_COUNT] = {
	[ENTITY_MEMBER] = { "members", &model_member_schema },
	[ENTITY_CASE] = { "cases", &model_case_schema },
	[ENTITY_FEE_PERIOD] = { "fee_periods", &model_fee_period_schema },
	[ENTITY_PAYMENT] = { "payments", &model_payment_schema },
	[ENTITY_BANK_ACCOUNT] = { "bank_accounts", &model_bank_account_schema },
};

static const struct kind_info *kind_info(enum entity_kind k, struct tthc_err *e)
{
	if ((unsigned)k >= ENTITY_COUNT || !kinds[k].table) {
		tthc_fail(e, TTHC_E_INVALID, "kind", _("not a kind of domain row"));
		return NULL;
	}
	return &kinds[k];
}

const char *rows_table(enum entity_kind kind)
{
	return (unsigned)kind < ENTITY_COUNT ? kinds[kind].table : NULL;
}

const struct jschema *rows_schema(enum entity_kind kind)
{
	return (unsigned)kind < ENTITY_COUNT ? kinds[kind].schema : NULL;
}

/* The id of the row that code names in the query's table; field names the
 * reference in the error. */
static int ref_find(struct db_tx *tx, const char *sql, const char *code, const char *field,
		    int64_t *id, int64_t *org, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, sql, e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	rc = db_step(st, e);
	if (rc == 1) {
		*id = db_col_int(st, 0);
		if (org)
			*org = db_col_int(st, 1);
	}
	db_finalize(st);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, field, _("'%s' does not exist"), code);
	return rc < 0 ? -1 : 0;
}

static int org_ref(struct db_tx *tx, const char *code, const char *field, int64_t *id,
		   struct tthc_err *e)
{
	return ref_find(tx, "SELECT id FROM orgs WHERE code = ?", code ? code : "", field, id,
			NULL, e);
}

/* One stored row of case_orgs. */
struct case_org {
	char relation[24];
	int64_t org;
};

/* The stored row before the put or delete; for a case also its case_orgs
 * rows (n_orgs > CASE_ORGS_MAX: too many or a relation too long to keep,
 * so that they never compare equal to a put's). */
struct current {
	bool exists;
	int64_t id, version, home, created_at;
	struct orgset set;
	struct case_org orgs[CASE_ORGS_MAX];
	size_t n_orgs;
};

static void current_org_keep(struct current *cur, const char *relation, int64_t org)
{
	struct case_org *o;

	if (cur->n_orgs < CASE_ORGS_MAX && strlen(relation) < sizeof o->relation) {
		o = &cur->orgs[cur->n_orgs++];
		snprintf(o->relation, sizeof o->relation, "%s", relation);
		o->org = org;
	} else {
		cur->n_orgs = CASE_ORGS_MAX + 1;
	}
}

/* A row deleted and made again goes on from its tombstone's version, so
 * that a row's versions only ever grow on the wire. */
static int deleted_version(struct db_tx *tx, enum entity_kind k, const char *code,
			   int64_t *version, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT version FROM changes WHERE kind = ? AND "
					"code = ? AND tombstone = 1", e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, vocab_name(&vocab_entity_kinds, (int)k));
	db_bind_text(st, 2, code);
	rc = db_step(st, e);
	*version = rc == 1 ? db_col_int(st, 0) : 0;
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

static int current_load(struct db_tx *tx, enum entity_kind k, const char *code,
			struct current *cur, struct tthc_err *e)
{
	char sql[160];
	struct db_stmt *st;
	int rc;

	memset(cur, 0, sizeof *cur);
	snprintf(sql, sizeof sql, "SELECT id, version, org_id, %s FROM %s WHERE code = ?",
		 k == ENTITY_CASE ? "created_at" : "0", kinds[k].table);
	if (!(st = db_prepare(tx, sql, e)))
		return -1;
	db_bind_text(st, 1, code);
	rc = db_step(st, e);
	if (rc == 1) {
		cur->exists = true;
		cur->id = db_col_int(st, 0);
		cur->version = db_col_int(st, 1);
		cur->home = db_col_int(st, 2);
		cur->created_at = db_col_int(st, 3);
	}
	db_finalize(st);
	if (rc == 0)
		return deleted_version(tx, k, code, &cur->version, e);
	if (rc < 0)
		return -1;
	if (k != ENTITY_CASE)
		return orgset_add(&cur->set, cur->home, e);
	if (!(st = db_prepare(tx, "SELECT org_id, relation FROM case_orgs WHERE case_id = ?", e)))
		return -1;
	db_bind_int(st, 1, cur->id);
	while ((rc = db_step(st, e)) == 1) {
		if (orgset_add(&cur->set, db_col_int(st, 0), e) < 0) {
			rc = -1;
			break;
		}
		current_org_keep(cur, db_col_text(st, 1), db_col_int(st, 0));
	}
	db_finalize(st);
	return rc;
}

/* One bound value of an upsert: text (NULL binds NULL) or an integer. */
struct val {
	const char *s;
	int64_t i;
	bool text;
};

/* The most values an upsert binds (members: 11). */
#define VALS_MAX 12

#define TEXT(x) { .s = (x), .text = true }
#define INT(x) { .i = (x) }

/* Run the insert or upsert of the row of kind k called code (cur: as
 * current_load found it), and give its id: the stored row's, which an
 * upsert keeps, or else looked up by code.  Not RETURNING id: SQLite
 * gathers RETURNING rows in an ephemeral table, opened with its own pager
 * and page buffer for each run (malloc churn in issue 5's benchmark
 * profile), while the lookup is one probe of the code's index. */
static int store(struct db_tx *tx, enum entity_kind k, const char *code,
		 const struct current *cur, const char *sql, const struct val *v, int n,
		 int64_t *id, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, sql, e);
	int i, rc;

	if (!st)
		return -1;
	for (i = 0; i < n; i++) {
		if (v[i].text)
			db_bind_text(st, i + 1, v[i].s);
		else
			db_bind_int(st, i + 1, v[i].i);
	}
	rc = db_step(st, e);
	db_finalize(st);
	if (rc < 0)
		return -1;
	if (cur->exists) {
		*id = cur->id;
		return 0;
	}
	if (rows_id(tx, k, code, id, e) < 0)
		return e->code == TTHC_E_NOT_FOUND
		       ? tthc_fail(e, TTHC_E_DB, "id", _("the row was not stored")) : -1;
	return 0;
}

/* The change of a put: home and visibility set after it. */
static int put_change(struct db_tx *tx, enum entity_kind k, const char *code,
		      const struct current *cur, int64_t row_id, int64_t home,
		      const struct orgset *after, int64_t now, struct tthc_err *e)
{
	return change_append(tx, &(struct change){
		.kind = k, .code = code, .row_id = row_id, .version = cur->version + 1,
		.home_before = cur->home, .home_after = home, .before = &cur->set,
		.after = after, .at = now }, e);
}

/* A put of a row seen by one organisation: the body is the entity's JSON. */
static int put_simple(struct db_tx *tx, enum entity_kind k, const char *code, int64_t org,
		      const char *sql, const struct val *v, int n, int64_t now,
		      int64_t *version, struct tthc_err *e)
{
	struct current cur;
	struct orgset after = { 0 };
	struct val vals[VALS_MAX];
	int64_t id;
	int rc = -1;

	if ((size_t)n + 2 > VALS_MAX)
		return tthc_fail(e, TTHC_E_INVALID, code, _("too many columns"));
	if (current_load(tx, k, code, &cur, e) < 0)
		goto out;
	/* Every upsert binds (code, org_id, ...its own..., version, updated_at). */
	memcpy(vals, v, (size_t)n * sizeof *v);
	vals[n] = (struct val)INT(cur.version + 1);
	vals[n + 1] = (struct val)INT(now);
	if (store(tx, k, code, &cur, sql, vals, n + 2, &id, e) < 0 ||
	    orgset_add(&after, org, e) < 0 ||
	    put_change(tx, k, code, &cur, id, org, &after, now, e) < 0)
		goto out;
	if (version)
		*version = cur.version + 1;
	rc = 0;
out:
	orgset_free(&cur.set);
	orgset_free(&after);
	return rc;
}

static int no_body(struct tthc_err *e)
{
	return tthc_fail(e, TTHC_E_NOMEM, "body", _("out of memory"));
}

int rows_put_member(struct db_tx *tx, const struct model_member *m, int64_t now,
		    int64_t *version, struct tthc_err *e)
{
	int64_t org;
	char *body, *fold;
	int rc;

	if (org_ref(tx, m->org, "org", &org, e) < 0)
		return -1;
	body = model_member_to_json(m);
	fold = text_fold(m->name, strlen(m->name), NULL, e);
	if (!body || !fold) {
		cJSON_free(body);
		free(fold);
		return fold ? no_body(e) : -1;
	}
	rc = put_simple(tx, ENTITY_MEMBER, m->id, org,
		"INSERT INTO members (code, org_id, card_number, name, name_fold, category, "
		"under_inspection, under_complaint, body, version, updated_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE "
		"SET org_id = excluded.org_id, card_number = excluded.card_number, "
		"name = excluded.name, name_fold = excluded.name_fold, category = excluded.category, "
		"under_inspection = excluded.under_inspection, "
		"under_complaint = excluded.under_complaint, "
		"body = excluded.body, version = excluded.version, "
		"updated_at = excluded.updated_at",
		(struct val[]){ TEXT(m->id), INT(org), TEXT(m->card_number), TEXT(m->name),
				TEXT(fold), TEXT(vocab_name(&vocab_income_categories, m->category)),
				INT(m->under_inspection), INT(m->under_complaint), TEXT(body) }, 9,
		now, version, e);
	cJSON_free(body);
	free(fold);
	return rc;
}

/* The simple kinds: encode, then one upsert. */
static int put_encoded(struct db_tx *tx, enum entity_kind k, const char *code, int64_t org,
		       char *body, const char *sql, struct val *v, int n, int64_t now,
		       int64_t *version, struct tthc_err *e)
{
	int rc;

	if (!body)
		return no_body(e);
	v[n - 1] = (struct val)TEXT(body);     /* the body is bound last */
	rc = put_simple(tx, k, code, org, sql, v, n, now, version, e);
	cJSON_free(body);
	return rc;
}

int rows_put_fee_period(struct db_tx *tx, const struct model_fee_period *p, int64_t now,
			int64_t *version, struct tthc_err *e)
{
	char month[8];
	int64_t org;

	if (org_ref(tx, p->org, "org", &org, e) < 0)
		return -1;
	period_format(p->period, month);
	return put_encoded(tx, ENTITY_FEE_PERIOD, p->id, org, model_fee_period_to_json(p),
		"INSERT INTO fee_periods (code, org_id, period, state, body, version, updated_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
		"org_id = excluded.org_id, period = excluded.period, state = excluded.state, "
		"body = excluded.body, version = excluded.version, "
		"updated_at = excluded.updated_at",
		(struct val[5]){ TEXT(p->id), INT(org), TEXT(month), TEXT(p->state) }, 5, now,
		version, e);
}

int rows_put_payment(struct db_tx *tx, const struct model_payment *p, int64_t now,
		     int64_t *version, struct tthc_err *e)
{
	char month[8];
	int64_t member, org;

	if (rows_member_find(tx, p->member ? p->member : "", "member", &member, &org, e) < 0)
		return -1;
	period_format(p->period, month);
	return put_encoded(tx, ENTITY_PAYMENT, p->id, org, model_payment_to_json(p),
		"INSERT INTO payments (code, org_id, member_id, period, amount, body, version, "
		"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
		"org_id = excluded.org_id, member_id = excluded.member_id, period = excluded.period, "
		"amount = excluded.amount, body = excluded.body, version = excluded.version, "
		"updated_at = excluded.updated_at",
		(struct val[6]){ TEXT(p->id), INT(org), INT(member), TEXT(month), INT(p->amount) },
		6, now, version, e);
}

int rows_put_bank_account(struct db_tx *tx, const struct model_bank_account *b, int64_t now,
			  int64_t *version, struct tthc_err *e)
{
	int64_t org;

	if (org_ref(tx, b->org, "org", &org, e) < 0)
		return -1;
	return put_encoded(tx, ENTITY_BANK_ACCOUNT, b->id, org, model_bank_account_to_json(b),
		"INSERT INTO bank_accounts (code, org_id, body, version, updated_at) "
		"VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET org_id = excluded.org_id, "
		"body = excluded.body, version = excluded.version, "
		"updated_at = excluded.updated_at",
		(struct val[3]){ TEXT(b->id), INT(org) }, 3, now, version, e);
}

/* The organisations of a case, resolved, and its visibility set. */
static int case_orgs_resolve(struct db_tx *tx, const struct model_case *c, int64_t *ids,
			     struct orgset *set, struct tthc_err *e)
{
	char where[32];
	size_t i;

	if (c->n_orgs == 0)
		return tthc_fail(e, TTHC_E_MISSING, "orgs", _("a case needs its home organisation"));
	for (i = 0; i < c->n_orgs; i++) {
		snprintf(where, sizeof where, "orgs[%zu].org", i);
		if (org_ref(tx, c->orgs[i].org, where, &ids[i], e) < 0 ||
		    orgset_add(set, ids[i], e) < 0)
			return -1;
	}
	return 0;
}

static int case_orgs_clear(struct db_tx *tx, int64_t case_id, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "DELETE FROM case_orgs WHERE case_id = ?", e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, case_id);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* Whether the stored case_orgs rows are those of c (relations are the
 * table's key, so equal counts and every stored row among c's suffice). */
static bool case_orgs_same(const struct current *cur, const struct model_case *c,
			   const int64_t *ids)
{
	size_t i, j;

	if (!cur->exists || cur->n_orgs != c->n_orgs)
		return false;
	for (i = 0; i < cur->n_orgs; i++) {
		for (j = 0; j < c->n_orgs && (ids[j] != cur->orgs[i].org ||
					      strcmp(c->orgs[j].relation, cur->orgs[i].relation));
		     j++)
			;
		if (j == c->n_orgs)
			return false;
	}
	return true;
}

/* Most puts of a case (an action on it) leave its organisations as they
 * are: then its rows stay, saving a DELETE and an INSERT per relation. */
static int case_orgs_store(struct db_tx *tx, const struct current *cur, int64_t case_id,
			   const struct model_case *c, const int64_t *ids, struct tthc_err *e)
{
	struct db_stmt *st;
	size_t i;
	int rc;

	if (case_orgs_same(cur, c, ids))
		return 0;
	rc = case_orgs_clear(tx, case_id, e);

	for (i = 0; rc >= 0 && i < c->n_orgs; i++) {
		if (!(st = db_prepare(tx, "INSERT INTO case_orgs (case_id, relation, org_id) "
				      "VALUES (?, ?, ?)", e)))
			return -1;
		db_bind_int(st, 1, case_id);
		db_bind_text(st, 2, c->orgs[i].relation);
		db_bind_int(st, 3, ids[i]);
		rc = db_step(st, e);
		db_finalize(st);
	}
	return rc < 0 ? -1 : 0;
}

/* The case row itself.  current_load has just found whether it exists, so
 * an existing row is updated in place by its id, where an upsert would
 * first try an insert and look the code up again (an action's case always
 * exists).  created_at and code never change on an update. */
static int case_store(struct db_tx *tx, const struct current *cur, const struct model_case *c,
		      int64_t member, int64_t home, const char *body, int64_t received_at,
		      int64_t now, int64_t *id, struct tthc_err *e)
{
	const char *period = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c->fields,
										  "period"));
	const char *proc = vocab_name(&vocab_procedures, c->procedure);
	struct db_stmt *st;
	int rc;

	if (!cur->exists)
		return store(tx, ENTITY_CASE, c->id, cur, "INSERT INTO cases (code, procedure, "
			     "state, member_id, org_id, version, body, created_at, updated_at, "
			     "received_at, period) "
			     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			     (struct val[]){ TEXT(c->id), TEXT(proc), TEXT(c->state), INT(member),
					     INT(home), INT(c->version), TEXT(body),
					     INT(c->created_at), INT(now), INT(received_at),
					     TEXT(period) }, 11, id, e);
	if (!(st = db_prepare(tx, "UPDATE cases SET procedure = ?, state = ?, member_id = ?, "
			      "org_id = ?, version = ?, body = ?, updated_at = ?, received_at = ?, "
			      "period = ? WHERE id = ?", e)))
		return -1;
	db_bind_text(st, 1, proc);
	db_bind_text(st, 2, c->state);
	db_bind_int(st, 3, member);
	db_bind_int(st, 4, home);
	db_bind_int(st, 5, c->version);
	db_bind_text(st, 6, body);
	db_bind_int(st, 7, now);
	db_bind_int(st, 8, received_at);
	db_bind_text(st, 9, period);
	db_bind_int(st, 10, cur->id);
	rc = db_step(st, e);
	db_finalize(st);
	*id = cur->id;
	return rc < 0 ? -1 : 0;
}

int rows_put_case(struct db_tx *tx, struct model_case *c, int64_t received_at, int64_t now,
		  struct tthc_err *e)
{
	struct current cur = { 0 };
	struct orgset after = { 0 };
	int64_t member, ids[CASE_ORGS_MAX], id;
	char *body = NULL;
	int rc = -1;

	if (c->n_orgs > sizeof ids / sizeof ids[0])
		return tthc_fail(e, TTHC_E_RANGE, "orgs", _("too many organisations"));
	if (rows_member_find(tx, c->member ? c->member : "", "member", &member, NULL, e) < 0 ||
	    case_orgs_resolve(tx, c, ids, &after, e) < 0 ||
	    current_load(tx, ENTITY_CASE, c->id, &cur, e) < 0)
		goto out;
	c->version = cur.version + 1;
	/* A stored body always decodes: created_at <= updated_at. */
	if (cur.exists)
		c->created_at = cur.created_at;
	else if (!c->created_at || c->created_at > now)
		c->created_at = now;
	c->updated_at = now;
	if (!(body = model_case_to_json(c))) {
		no_body(e);
		goto out;
	}
	if (case_store(tx, &cur, c, member, ids[0], body, received_at, now, &id, e) < 0 ||
	    case_orgs_store(tx, &cur, id, c, ids, e) < 0 ||
	    put_change(tx, ENTITY_CASE, c->id, &cur, id, ids[0], &after, now, e) < 0)
		goto out;
	rc = 0;
out:
	cJSON_free(body);
	orgset_free(&cur.set);
	orgset_free(&after);
	return rc;
}

int rows_delete(struct db_tx *tx, enum entity_kind kind, const char *id, int64_t now,
		struct tthc_err *e)
{
	const struct kind_info *ki = kind_info(kind, e);
	struct current cur;
	struct db_stmt *st;
	char sql[80];
	int rc = -1;

	if (!ki || current_load(tx, kind, id, &cur, e) < 0)
		return -1;
	if (!cur.exists) {
		tthc_fail(e, TTHC_E_NOT_FOUND, id, _("no such row"));
		goto out;
	}
	if (kind == ENTITY_CASE && case_orgs_clear(tx, cur.id, e) < 0)
		goto out;
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?", ki->table);
	if (!(st = db_prepare(tx, sql, e)))
		goto out;
	db_bind_int(st, 1, cur.id);
	rc = db_step(st, e);
	db_finalize(st);
	if (rc >= 0)
		rc = change_append(tx, &(struct change){
			.kind = kind, .code = id, .row_id = cur.id, .version = cur.version + 1,
			.home_before = cur.home, .before = &cur.set, .at = now }, e);
out:
	orgset_free(&cur.set);
	return rc < 0 ? -1 : 0;
}

int rows_get(struct db_tx *tx, enum entity_kind kind, const char *id, void *out,
	     int64_t *version, struct tthc_err *e)
{
	const struct kind_info *ki = kind_info(kind, e);
	struct db_stmt *st;
	char sql[80];
	int rc;

	if (!ki)
		return -1;
	memset(out, 0, ki->schema->size);
	snprintf(sql, sizeof sql, "SELECT body, version FROM %s WHERE code = ?", ki->table);
	if (!(st = db_prepare(tx, sql, e)))
		return -1;
	db_bind_text(st, 1, id);
	rc = db_step(st, e);
	if (rc == 1) {
		if (version)
			*version = db_col_int(st, 1);
		rc = model_parse(ki->schema, db_col_text(st, 0), strlen(db_col_text(st, 0)),
				 JSON_STRICT, out, e) < 0 ? -1 : 1;
	}
	db_finalize(st);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, id, _("no such row"));
	return rc < 0 ? -1 : 0;
}

int rows_member_find(struct db_tx *tx, const char *code, const char *field, int64_t *id,
		     int64_t *org, struct tthc_err *e)
{
	return ref_find(tx, "SELECT id, org_id FROM members WHERE code = ?", code, field, id,
			org, e);
}

int rows_id(struct db_tx *tx, enum entity_kind kind, const char *id, int64_t *row_id,
	    struct tthc_err *e)
{
	const struct kind_info *ki = kind_info(kind, e);
	char sql[80];

	if (!ki)
		return -1;
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE code = ?", ki->table);
	return ref_find(tx, sql, id, "id", row_id, NULL, e);
}
