/* tthcd seed: the order of the work, in one transaction (server/seed.h). */
#include "seed.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fee/rules.h"
#include "orgs.h"
#include "seed_impl.h"
#include "util/i18n.h"

#define PROGRESS_AFTER 0.5      /* seconds before the first progress line */
#define PROGRESS_EVERY 0.25

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void seed_rng(const struct seed_ctx *c, enum seed_stream stream, uint64_t i, struct rng *out)
{
	uint64_t s = c->o->seed ^ ((uint64_t)(stream + 1) * 0x9e3779b97f4a7c15ULL);

	s = rng_splitmix64(&s) ^ (i * 0xbf58476d1ce4e5b9ULL);
	rng_seed(out, rng_splitmix64(&s));
}

void seed_progress(struct seed_ctx *c, const char *what, long done, long total)
{
	double t;

	if (!c->o->progress)
		return;
	t = seconds();
	if (t - c->started < PROGRESS_AFTER || (t - c->last_progress < PROGRESS_EVERY &&
						 done < total))
		return;
	c->last_progress = t;
	fprintf(c->o->progress, "\rseeding %s: %ld/%ld%s", what, done, total,
		done == total ? "\n" : "");
	fflush(c->o->progress);
}

static int64_t count(struct db_tx *tx, const char *sql, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, sql, e);
	int64_t n = -1;

	if (st && db_step(st, e) == 1)
		n = db_col_int(st, 0);
	db_finalize(st);
	return n;
}

/* Seeding twice would mix two provinces: only a directory fresh from
 * tthcd init (its root and nothing under it) is seeded. */
static int check_fresh(struct db_tx *tx, struct tthc_err *e)
{
	int64_t orgs = count(tx, "SELECT count(*) FROM orgs", e);
	int64_t members = orgs < 0 ? -1 : count(tx, "SELECT count(*) FROM members", e);

	if (members < 0)
		return -1;
	if (orgs > 1 || members > 0)
		return tthc_fail(e, TTHC_E_REFUSED, "seed",
				 _("the directory already has organisations or members; seed only "
				   "a directory fresh from 'tthcd init'"));
	return 0;
}

static int read_root(struct db_tx *tx, struct seed_org *root, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT id, code, name FROM orgs "
					"WHERE parent_id IS NULL", e);
	int rc;

	if (!st)
		return -1;
	rc = db_step(st, e);
	if (rc == 1) {
		root->id = db_col_int(st, 0);
		snprintf(root->code, sizeof root->code, "%s", db_col_text(st, 1));
		snprintf(root->name, sizeof root->name, "%s", db_col_text(st, 2));
	}
	db_finalize(st);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, "orgs", _("no root organisation"));
	return rc < 0 ? -1 : 0;
}

int seed_orgs_write(struct seed_ctx *c, struct tthc_err *e)
{
	struct db_stmt *st;
	size_t i;

	for (i = 1; i < c->plan.n; i++) {
		struct seed_org *o = &c->plan.orgs[i];

		if (org_add_tx(c->tx, c->srv, c->who, o->code, o->name,
			       vocab_name(&vocab_org_types, (int)o->type),
			       c->plan.orgs[o->parent].code, e) < 0 ||
		    org_find(c->tx, o->code, &o->id, e) < 0)
			return -1;
		c->res->orgs[o->type]++;
		if (o->type != ORG_BASE_COMMITTEE)
			continue;
		c->res->communes += o->commune;
		st = db_prepare(c->tx, "UPDATE orgs SET commune = ? WHERE id = ?", e);
		if (!st)
			return -1;
		db_bind_int(st, 1, o->commune);
		db_bind_int(st, 2, o->id);
		if (db_step(st, e) < 0) {
			db_finalize(st);
			return -1;
		}
		db_finalize(st);
	}
	return 0;
}

static int audit_seed(struct seed_ctx *c, struct tthc_err *e)
{
	cJSON *d = cJSON_CreateObject();
	char today[11], object[96], seed[24];
	char *json;
	int rc;

	date_format_iso(c->o->today, today);
	/* The seed as text: a JSON number cannot hold every 64-bit value. */
	snprintf(seed, sizeof seed, "%llu", (unsigned long long)c->o->seed);
	cJSON_AddStringToObject(d, "seed", seed);
	cJSON_AddNumberToObject(d, "members", (double)c->o->members);
	cJSON_AddStringToObject(d, "today", today);
	cJSON_AddNumberToObject(d, "organisations", (double)c->plan.n - 1);
	cJSON_AddNumberToObject(d, "accounts", c->res->n_accounts);
	json = cJSON_PrintUnformatted(d);
	cJSON_Delete(d);
	if (!json)
		return tthc_fail(e, TTHC_E_NOMEM, "seed", _("out of memory"));
	snprintf(object, sizeof object, "org:%s", c->plan.orgs[0].code);
	rc = audit_append(c->tx, &c->srv->key, srv_now(),
			  &(struct audit_entry){ .actor = c->who->name, .action = "seed",
						 .object = object,
						 .before_version = AUDIT_NO_VERSION,
						 .after_version = AUDIT_NO_VERSION,
						 .details = json }, e);
	cJSON_free(json);
	return rc;
}

static int run(struct seed_ctx *c, struct tthc_err *e)
{
	struct rng r;

	seed_rng(c, STREAM_TREE, 0, &c->tree);
	if (check_fresh(c->tx, e) < 0 || seed_plan_build(c, e) < 0 ||
	    read_root(c->tx, &c->plan.orgs[0], e) < 0)
		return -1;
	seed_rng(c, STREAM_TREE, UINT64_MAX, &r);
	c->card_prefix = 10 + rng_below(&r, 90);
	c->card_offset = (long)rng_below(&r, 1000000);
	if (seed_orgs_write(c, e) < 0 || seed_banks_write(c, e) < 0 ||
	    seed_fee_periods_write(c, e) < 0 ||
	    seed_members_write(c, e) < 0 || seed_cases_write(c, e) < 0 ||
	    seed_accounts_write(c, e) < 0)
		return -1;
	return audit_seed(c, e);
}

int seed_run(struct srv *s, const struct actor *who, const struct seed_opts *o,
	     struct seed_result *out, struct tthc_err *e)
{
	struct seed_ctx c = { .srv = s, .who = who, .o = o, .res = out };
	int rc;

	memset(out, 0, sizeof *out);
	if (o->members < 1 || o->members > SEED_MEMBERS_MAX)
		return tthc_fail(e, TTHC_E_RANGE, "members", _("must be 1 to %ld"),
				 SEED_MEMBERS_MAX);
	/* 09:00 in Vietnam on the seed's day, so that instants follow the day. */
	c.now = date_to_days(o->today) * 86400 + 9 * 3600 - TTHC_TZ_OFFSET_SECONDS;
	c.first = fee_first_period;
	c.last = (struct period){ o->today.y, o->today.m };
	c.started = c.last_progress = seconds();
	if (db_begin(s->db, DB_WRITE, &c.tx, e) < 0)
		return -1;
	rc = run(&c, e);
	seed_plan_free(&c.plan);
	if (rc < 0) {
		db_rollback(c.tx);
		return -1;
	}
	out->transactions = 1;
	return db_commit(c.tx, e);
}
