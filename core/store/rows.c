#include "store/rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/account.h"
#include "model/case.h"
#include "model/changes.h"
#include "model/finance.h"
#include "model/member.h"
#include "model/org.h"
#include "text/collate.h"
#include "text/fold.h"
#include "util/i18n.h"

/* Every put statement binds ?1 id, ?2 version, ?3 org, ?4 json, then the
 * kind's own columns from ?5; its upsert writes only a newer version. */
#define NEWER(t) " WHERE excluded.version > " t ".version"
#define COMMON "version = excluded.version, org = excluded.org, json = excluded.json"

/* The searchable and sortable forms of a person's or an organisation's
 * name (DESIGN.md section 5): folded for accent-blind search, the names-
 * mode collation key for Vietnamese order by given name. */
static int bind_name(struct store *st, sqlite3_stmt *s, int col_fold, int col_key,
		     const char *name, struct tthc_err *err)
{
	size_t n = strlen(name);
	char *fold = text_fold(name, n, NULL, err);
	struct buf key = BUF_INIT;

	if (!fold)
		return -1;
	sqlite3_bind_text(s, col_fold, fold, -1, free);
	if (col_key == 0)
		return 0;
	if (text_collate_key(name, n, COLLATE_NAMES, &key, err) < 0)
		return -1;
	if (buf_failed(&key)) {
		buf_free(&key);
		return tthc_fail(err, TTHC_E_NOMEM, st->path, _("out of memory"));
	}
	if (key.data) {
		int len = (int)key.len;

		sqlite3_bind_blob(s, col_key, buf_detach(&key), len, free);
	} else {
		sqlite3_bind_zeroblob(s, col_key, 0);
	}
	return 0;
}

static int bind_org(struct store *st, sqlite3_stmt *s, const void *obj,
		    const char **org, struct tthc_err *err)
{
	const struct model_org *o = obj;

	*org = o->id;           /* an organisation is in its own scope */
	sqlite3_bind_text(s, 5, o->parent, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, vocab_name(&vocab_org_types, o->type), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, o->name, -1, SQLITE_STATIC);
	return bind_name(st, s, 8, 0, o->name, err);
}

static int bind_member(struct store *st, sqlite3_stmt *s, const void *obj,
		       const char **org, struct tthc_err *err)
{
	const struct model_member *m = obj;

	*org = m->org;
	sqlite3_bind_text(s, 5, m->name, -1, SQLITE_STATIC);
	return bind_name(st, s, 6, 7, m->name, err);
}

static int bind_account(struct store *st, sqlite3_stmt *s, const void *obj,
			const char **org, struct tthc_err *err)
{
	const struct model_account *a = obj;

	(void)st, (void)err;
	*org = a->n_roles ? a->roles[0].org : NULL;
	sqlite3_bind_text(s, 5, a->username, -1, SQLITE_STATIC);
	return 0;
}

/* A case belongs to several organisations (sending, receiving...); the
 * one kept is the feed's, else the member's own, else the first. */
static const char *case_org(const struct model_case *c)
{
	for (size_t i = 0; i < c->n_orgs; i++)
		if (strcmp(c->orgs[i].relation, "own") == 0)
			return c->orgs[i].org;
	return c->n_orgs ? c->orgs[0].org : NULL;
}

static int bind_case(struct store *st, sqlite3_stmt *s, const void *obj,
		     const char **org, struct tthc_err *err)
{
	const struct model_case *c = obj;

	(void)st, (void)err;
	*org = case_org(c);
	sqlite3_bind_text(s, 5, vocab_name(&vocab_procedures, c->procedure), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, c->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, c->member, -1, SQLITE_STATIC);
	if (c->n_deadlines) {
		int64_t due = c->deadlines[0].due;

		for (size_t i = 1; i < c->n_deadlines; i++)
			if (c->deadlines[i].due < due)
				due = c->deadlines[i].due;
		sqlite3_bind_int64(s, 8, due);
	}
	return 0;
}

static int bind_fee_period(struct store *st, sqlite3_stmt *s, const void *obj,
			   const char **org, struct tthc_err *err)
{
	const struct model_fee_period *f = obj;
	char period[8];

	(void)st, (void)err;
	*org = f->org;
	period_format(f->period, period);
	sqlite3_bind_text(s, 5, period, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, f->state, -1, SQLITE_STATIC);
	return 0;
}

static int bind_payment(struct store *st, sqlite3_stmt *s, const void *obj,
			const char **org, struct tthc_err *err)
{
	const struct model_payment *p = obj;
	char period[8];

	(void)st, (void)err;
	*org = NULL;            /* a payment names its member only */
	period_format(p->period, period);
	sqlite3_bind_text(s, 5, p->member, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, period, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 7, p->amount);
	return 0;
}

static int bind_bank_account(struct store *st, sqlite3_stmt *s, const void *obj,
			     const char **org, struct tthc_err *err)
{
	const struct model_bank_account *b = obj;

	(void)st, (void)err;
	*org = b->org;
	sqlite3_bind_text(s, 5, b->bank, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, b->number, -1, SQLITE_STATIC);
	return 0;
}

struct kind_table {
	const struct jschema *schema;
	const char *put_sql;
	int (*bind)(struct store *st, sqlite3_stmt *s, const void *obj, const char **org,
		    struct tthc_err *err);
};

static const struct kind_table kinds[ENTITY_COUNT] = {
	[ENTITY_ORG] = { &model_org_schema,
		"INSERT INTO orgs(id, version, org, json, parent, type, name, name_fold)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET " COMMON
		", parent = excluded.parent, type = excluded.type, name = excluded.name"
		", name_fold = excluded.name_fold" NEWER("orgs"), bind_org },
	[ENTITY_MEMBER] = { &model_member_schema,
		"INSERT INTO members(id, version, org, json, name, name_fold, name_key)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET " COMMON
		", name = excluded.name, name_fold = excluded.name_fold"
		", name_key = excluded.name_key" NEWER("members"), bind_member },
	[ENTITY_ACCOUNT] = { &model_account_schema,
		"INSERT INTO accounts(id, version, org, json, username)"
		" VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET " COMMON
		", username = excluded.username" NEWER("accounts"), bind_account },
	/* A case takes its member's name from the members table, which a
	 * member's own put keeps up to date (putter_obj).  "WHERE true": an
	 * INSERT ... SELECT needs a WHERE before ON CONFLICT, or SQLite reads
	 * ON as a join's (lang_upsert.html, "Parsing Ambiguity"). */
	[ENTITY_CASE] = { &model_case_schema,
		"INSERT INTO cases(id, version, org, json, procedure, state, member, deadline,"
		" member_name, name_fold, name_key) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" m.name, COALESCE(m.name_fold, ''), COALESCE(m.name_key, x'')"
		" FROM (SELECT 1) LEFT JOIN members m ON m.id = ?7 WHERE true"
		" ON CONFLICT(id) DO UPDATE SET " COMMON
		", procedure = excluded.procedure, state = excluded.state"
		", member = excluded.member, deadline = excluded.deadline"
		", member_name = excluded.member_name, name_fold = excluded.name_fold"
		", name_key = excluded.name_key" NEWER("cases"), bind_case },
	[ENTITY_FEE_PERIOD] = { &model_fee_period_schema,
		"INSERT INTO fee_periods(id, version, org, json, period, state)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET " COMMON
		", period = excluded.period, state = excluded.state" NEWER("fee_periods"),
		bind_fee_period },
	[ENTITY_PAYMENT] = { &model_payment_schema,
		"INSERT INTO payments(id, version, org, json, member, period, amount)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET " COMMON
		", member = excluded.member, period = excluded.period"
		", amount = excluded.amount" NEWER("payments"), bind_payment },
	[ENTITY_BANK_ACCOUNT] = { &model_bank_account_schema,
		"INSERT INTO bank_accounts(id, version, org, json, bank, number)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET " COMMON
		", bank = excluded.bank, number = excluded.number" NEWER("bank_accounts"),
		bind_bank_account },
};

const char *const store_cache_tables[ENTITY_COUNT] = {
	[ENTITY_ORG] = "orgs", [ENTITY_MEMBER] = "members", [ENTITY_ACCOUNT] = "accounts",
	[ENTITY_CASE] = "cases", [ENTITY_FEE_PERIOD] = "fee_periods",
	[ENTITY_PAYMENT] = "payments", [ENTITY_BANK_ACCOUNT] = "bank_accounts",
};

void putter_init(struct putter *p, struct store *st)
{
	memset(p, 0, sizeof *p);
	p->st = st;
}

void putter_free(struct putter *p)
{
	for (int k = 0; k < ENTITY_COUNT; k++) {
		sqlite3_finalize(p->put[k]);
		sqlite3_finalize(p->del[k]);
	}
	sqlite3_finalize(p->member_names);
	buf_free(&p->text);
	memset(p, 0, sizeof *p);
}

/* Every entity's struct begins with its id (core/model). */
static const char *entity_id(const void *obj)
{
	return *(char *const *)obj;
}

static bool known_kind(int kind)
{
	return kind >= 0 && kind < ENTITY_COUNT;
}

static int bad_kind(struct putter *p, struct tthc_err *err)
{
	return tthc_fail(err, TTHC_E_INVALID, p->st->path, _("unknown kind of row"));
}

static int lazy(struct putter *p, sqlite3_stmt **s, const char *sql, struct tthc_err *err)
{
	return *s ? 0 : store_prepare(p->st, sql, s, err);
}

/* The cases of a member show his name: copy it when his row changed. */
static int refresh_member_names(struct putter *p, const struct model_member *m,
				struct tthc_err *err)
{
	sqlite3_stmt *s;

	if (lazy(p, &p->member_names, "UPDATE cases SET member_name = ?2, name_fold = ?3,"
		 " name_key = ?4 WHERE member = ?1", err) < 0)
		return -1;
	s = p->member_names;
	sqlite3_bind_text(s, 1, m->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, m->name, -1, SQLITE_STATIC);
	if (bind_name(p->st, s, 3, 4, m->name, err) < 0) {
		sqlite3_clear_bindings(s);
		return -1;
	}
	return store_step_done(p->st, s, err);
}

int putter_obj(struct putter *p, int kind, int64_t version, const char *org,
	       const void *obj, const char *json, struct tthc_err *err)
{
	const char *own_org = NULL;
	sqlite3_stmt *s;

	if (!known_kind(kind))
		return bad_kind(p, err);
	if (lazy(p, &p->put[kind], kinds[kind].put_sql, err) < 0)
		return -1;
	s = p->put[kind];
	sqlite3_clear_bindings(s);
	if (kinds[kind].bind(p->st, s, obj, &own_org, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, entity_id(obj), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, version);
	sqlite3_bind_text(s, 3, org ? org : own_org, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, json, -1, SQLITE_STATIC);
	if (store_step_done(p->st, s, err) < 0)
		return -1;
	if (kind == ENTITY_MEMBER && !p->bulk && sqlite3_changes(p->st->db) > 0)
		return refresh_member_names(p, obj, err);
	return 0;
}

int putter_row(struct putter *p, int kind, const char *id, int64_t version, const char *org,
	       const cJSON *row, struct tthc_err *err)
{
	union {
		struct model_org org;
		struct model_member member;
		struct model_account account;
		struct model_case c;
		struct model_fee_period fee_period;
		struct model_payment payment;
		struct model_bank_account bank_account;
	} obj;
	const char *json;
	int rc;

	if (!known_kind(kind))
		return bad_kind(p, err);
	if (schema_decode(kinds[kind].schema, row, JSON_TOLERANT, &obj, err) < 0)
		return -1;
	/* Into the putter's buffer, kept for the page: one allocation a
	 * page, not several a row. */
	json = json_print_into(row, &p->text);
	if (!json)
		rc = tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	else if (strcmp(entity_id(&obj), id) != 0)
		rc = tthc_fail(err, TTHC_E_INVALID, "id", _("the row's id is not the change's"));
	else
		rc = putter_obj(p, kind, version, org, &obj, json, err);
	schema_free(kinds[kind].schema, &obj);
	return rc;
}

int putter_tombstone(struct putter *p, int kind, const char *id, int64_t version,
		     struct tthc_err *err)
{
	char sql[128];
	sqlite3_stmt *s;

	if (!known_kind(kind))
		return bad_kind(p, err);
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?1 AND version <= ?2",
		 store_cache_tables[kind]);
	if (lazy(p, &p->del[kind], sql, err) < 0)
		return -1;
	s = p->del[kind];
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, version);
	return store_step_done(p->st, s, err);
}
