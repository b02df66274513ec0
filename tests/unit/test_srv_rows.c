/* server/rows.c: domain rows, versions and the change log on a real
 * SQLite file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../server/rows.h"
#include "../support/model_samples.h"
#include "../support/srv_fixture.h"

#define NOW 1796000000     /* 30/11/2026, after the sample case's dates */

static int setup(void **state)
{
	return srv_fx_setup(state,
			    SRV_FX_TREE
			    "INSERT INTO orgs (id, code, name, type, parent_id, created_at) "
			    "VALUES (5, 'o-cb-3', 'Chi bộ 3', 'sub-branch', 2, 0);"
			    "INSERT INTO accounts (id, name, pw_hash, status, created_at) "
			    "VALUES (7, 'bt1', 'x', 'active', 0)",
			    SRV_FX_KEEP_TX);
}

/* The organisations of one side of the current change of code, as
 * "3,4" (ids in order). */
static void side_of(struct srv_fx *f, const char *code, int side, char *out, size_t size)
{
	struct db_stmt *st = db_prepare(f->tx,
		"SELECT o.org_id FROM change_orgs o JOIN changes c ON c.seq = o.seq "
		"WHERE c.code = ? AND o.side = ? ORDER BY o.org_id", NULL);
	size_t len = 0;

	assert_non_null(st);
	db_bind_text(st, 1, code);
	db_bind_int(st, 2, side);
	out[0] = '\0';
	while (db_step(st, NULL) == 1)
		len += (size_t)snprintf(out + len, size - len, "%s%lld", len ? "," : "",
					(long long)db_col_int(st, 0));
	db_finalize(st);
}

static void sample(const char *name, void *out)
{
	const struct model_sample *s = model_sample(name);

	assert_int_equal(model_parse(s->schema, s->json, strlen(s->json), JSON_STRICT, out, NULL),
			 0);
}

static void put_member(struct srv_fx *f, const char *org, int64_t expect_version)
{
	struct model_member m;
	int64_t v = 0;

	sample("member", &m);
	free(m.org);
	m.org = strdup(org);
	assert_int_equal(rows_put_member(f->tx, &m, NOW, &v, NULL), 0);
	assert_int_equal(v, expect_version);
	model_member_free(&m);
}

static void put_case(struct srv_fx *f, const char *sending, const char *receiving)
{
	struct model_case c;

	sample("case", &c);
	free(c.orgs[0].org);
	c.orgs[0].org = strdup(sending);
	free(c.orgs[1].org);
	c.orgs[1].org = strdup(receiving);
	free(c.state);
	c.state = strdup("filed");      /* a state of core/proc's machine */
	assert_int_equal(rows_put_case(f->tx, &c, NOW - 60, NOW, NULL), 0);
	model_case_free(&c);
}

static void put_then_get_gives_the_entity_back_at_version_1(void **state)
{
	struct srv_fx *f = *state;
	struct model_member m, got;
	int64_t v = 0;

	put_member(f, "o-cb-1", 1);
	sample("member", &m);
	assert_int_equal(rows_get(f->tx, ENTITY_MEMBER, "m-1", &got, &v, NULL), 0);
	assert_int_equal(v, 1);
	assert_true(model_member_equal(&m, &got));
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM members WHERE name_fold = "
				 "'nguyen van an'"), 1);
	model_member_free(&m);
	model_member_free(&got);
}

static void each_put_bumps_the_version_and_keeps_one_change_per_row(void **state)
{
	struct srv_fx *f = *state;
	int64_t first;

	put_member(f, "o-cb-1", 1);
	first = srv_fx_int(f->tx, "SELECT seq FROM changes WHERE code = 'm-1'");
	put_member(f, "o-cb-1", 2);
	put_member(f, "o-cb-1", 3);
	assert_int_equal(srv_fx_int(f->tx, "SELECT version FROM members WHERE code = 'm-1'"), 3);
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM changes"), 1);
	assert_int_equal(srv_fx_int(f->tx, "SELECT version FROM changes WHERE code = 'm-1'"), 3);
	assert_true(srv_fx_int(f->tx, "SELECT seq FROM changes WHERE code = 'm-1'") > first);
	assert_int_equal(srv_fx_int(f->tx, "SELECT value FROM sequences WHERE name = 'changes'"),
			 srv_fx_int(f->tx, "SELECT seq FROM changes"));
}

static void a_create_has_no_org_before_and_sees_its_org(void **state)
{
	struct srv_fx *f = *state;
	char s[64];

	put_member(f, "o-cb-1", 1);
	assert_int_equal(srv_fx_int(f->tx, "SELECT org_before IS NULL FROM changes"), 1);
	assert_int_equal(srv_fx_int(f->tx, "SELECT org_after FROM changes"), 3);
	side_of(f, "m-1", 0, s, sizeof s);
	assert_string_equal(s, "");
	side_of(f, "m-1", 1, s, sizeof s);
	assert_string_equal(s, "3");
}

static void a_move_records_org_before_and_after(void **state)
{
	struct srv_fx *f = *state;
	char s[64];

	put_member(f, "o-cb-1", 1);
	put_member(f, "o-cb-2", 2);
	assert_int_equal(srv_fx_int(f->tx, "SELECT org_before FROM changes"), 3);
	assert_int_equal(srv_fx_int(f->tx, "SELECT org_after FROM changes"), 4);
	side_of(f, "m-1", 0, s, sizeof s);
	assert_string_equal(s, "3");
	side_of(f, "m-1", 1, s, sizeof s);
	assert_string_equal(s, "4");
}

/* Whoever saw the row since the replaced change must still learn it left. */
static void a_replaced_change_carries_its_before_set(void **state)
{
	struct srv_fx *f = *state;
	char s[64];

	put_member(f, "o-cb-1", 1);
	put_member(f, "o-cb-2", 2);
	put_member(f, "o-cb-3", 3);
	side_of(f, "m-1", 0, s, sizeof s);
	assert_string_equal(s, "3,4");
	side_of(f, "m-1", 1, s, sizeof s);
	assert_string_equal(s, "5");
}

static void a_rolled_back_put_leaves_neither_row_nor_change(void **state)
{
	struct srv_fx *f = *state;

	put_member(f, "o-cb-1", 1);
	db_rollback(f->tx);
	assert_int_equal(db_begin(f->db, DB_WRITE, &f->tx, NULL), 0);
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM members"), 0);
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM changes"), 0);
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM change_orgs"), 0);
}

static void an_unknown_org_is_refused_with_its_field(void **state)
{
	struct srv_fx *f = *state;
	struct model_member m;
	struct tthc_err e = { 0 };

	sample("member", &m);
	free(m.org);
	m.org = strdup("o-nowhere");
	assert_int_equal(rows_put_member(f->tx, &m, NOW, NULL, &e), -1);
	assert_int_equal(e.code, TTHC_E_NOT_FOUND);
	assert_string_equal(e.where, "org");
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM changes"), 0);
	model_member_free(&m);
}

static void a_delete_leaves_a_tombstone_for_everyone_who_saw_it(void **state)
{
	struct srv_fx *f = *state;
	struct model_member got;
	struct tthc_err e = { 0 };
	char s[64];

	put_member(f, "o-cb-1", 1);
	put_member(f, "o-cb-2", 2);
	assert_int_equal(rows_delete(f->tx, ENTITY_MEMBER, "m-1", NOW, NULL), 0);
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM members"), 0);
	assert_int_equal(srv_fx_int(f->tx, "SELECT tombstone FROM changes WHERE code = 'm-1'"), 1);
	assert_int_equal(srv_fx_int(f->tx, "SELECT version FROM changes WHERE code = 'm-1'"), 3);
	assert_int_equal(srv_fx_int(f->tx, "SELECT org_after IS NULL FROM changes"), 1);
	side_of(f, "m-1", 0, s, sizeof s);
	assert_string_equal(s, "3,4");
	side_of(f, "m-1", 1, s, sizeof s);
	assert_string_equal(s, "");
	assert_int_equal(rows_get(f->tx, ENTITY_MEMBER, "m-1", &got, NULL, &e), -1);
	assert_int_equal(e.code, TTHC_E_NOT_FOUND);
	assert_int_equal(rows_delete(f->tx, ENTITY_MEMBER, "m-1", NOW, &e), -1);
	assert_int_equal(e.code, TTHC_E_NOT_FOUND);
}

static void a_recreated_row_replaces_its_tombstone_and_goes_on_from_its_version(void **state)
{
	struct srv_fx *f = *state;

	put_member(f, "o-cb-1", 1);
	assert_int_equal(rows_delete(f->tx, ENTITY_MEMBER, "m-1", NOW, NULL), 0);
	put_member(f, "o-cb-1", 3);     /* after the tombstone's 2 */
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM changes"), 1);
	assert_int_equal(srv_fx_int(f->tx, "SELECT tombstone FROM changes"), 0);
}

static void a_case_is_seen_by_every_org_it_relates_to(void **state)
{
	struct srv_fx *f = *state;
	struct model_case got;
	int64_t v = 0;
	char s[64];

	put_member(f, "o-cb-1", 1);
	put_case(f, "o-cb-1", "o-cb-2");
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM case_orgs"), 2);
	assert_int_equal(srv_fx_int(f->tx, "SELECT org_id FROM cases"), 3);
	side_of(f, "c-1", 1, s, sizeof s);
	assert_string_equal(s, "3,4");
	put_case(f, "o-cb-1", "o-cb-3");
	side_of(f, "c-1", 0, s, sizeof s);
	assert_string_equal(s, "3,4");
	side_of(f, "c-1", 1, s, sizeof s);
	assert_string_equal(s, "3,5");
	assert_int_equal(rows_get(f->tx, ENTITY_CASE, "c-1", &got, &v, NULL), 0);
	assert_int_equal(v, 2);
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, NOW);
	assert_string_equal(got.orgs[1].org, "o-cb-3");
	model_case_free(&got);
	assert_int_equal(rows_delete(f->tx, ENTITY_CASE, "c-1", NOW, NULL), 0);
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM case_orgs"), 0);
	side_of(f, "c-1", 0, s, sizeof s);
	assert_string_equal(s, "3,4,5");
}

/* rows_put_case leaves the case_orgs rows alone when they are already the
 * case's (a put rewrites them only when a relation or its organisation
 * changes). */
static void case_orgs_rows_follow_every_put(void **state)
{
	struct srv_fx *f = *state;
	struct model_case c;
	char sql[96];
	int64_t kept;

	put_member(f, "o-cb-1", 1);
	put_case(f, "o-cb-1", "o-cb-2");
	kept = srv_fx_int(f->tx, "SELECT sum(rowid) FROM case_orgs");
	put_case(f, "o-cb-1", "o-cb-2");
	assert_int_equal(srv_fx_int(f->tx, "SELECT sum(rowid) FROM case_orgs"), kept);
	/* The same organisations, swapped between the relations. */
	put_case(f, "o-cb-2", "o-cb-1");
	sample("case", &c);
	assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM case_orgs"), 2);
	snprintf(sql, sizeof sql, "SELECT org_id FROM case_orgs WHERE relation = '%s'",
		 c.orgs[0].relation);
	assert_int_equal(srv_fx_int(f->tx, sql), 4);
	snprintf(sql, sizeof sql, "SELECT org_id FROM case_orgs WHERE relation = '%s'",
		 c.orgs[1].relation);
	assert_int_equal(srv_fx_int(f->tx, sql), 3);
	model_case_free(&c);
}

static void a_case_loads_as_core_proc_decides_on_it(void **state)
{
	struct srv_fx *f = *state;
	struct tthc_err e = { 0 };
	struct proc_case pc;
	struct model_case mc;

	put_member(f, "o-cb-1", 1);
	put_case(f, "o-cb-1", "o-cb-2");
	assert_int_equal(rows_case_load(f->tx, "c-1", &pc, &mc, NULL), 0);
	assert_int_equal(pc.proc, PROC_OFFICIAL_TRANSFER);
	assert_int_equal(pc.state,
			 proc_state_find(proc_machine(PROC_OFFICIAL_TRANSFER), "filed"));
	assert_true(pc.state >= 0);
	assert_int_equal(pc.version, 1);
	assert_int_equal(pc.member_id, srv_fx_int(f->tx, "SELECT id FROM members"));
	assert_int_equal(pc.org[REL_SENDING], 3);
	assert_int_equal(pc.org[REL_RECEIVING], 4);
	assert_int_equal(pc.org[REL_RESIDENCE], 0);
	assert_true(pc.under_complaint);
	assert_false(pc.under_inspection);
	assert_int_equal(pc.received_at, NOW - 60);
	assert_int_equal(pc.decision_date.y, 2026);
	assert_int_equal(pc.decision_date.m, 11);
	assert_int_equal(pc.decision_date.d, 2);
	assert_string_equal(mc.id, "c-1");
	model_case_free(&mc);
	assert_int_equal(rows_case_load(f->tx, "c-none", &pc, &mc, &e), -1);
	assert_int_equal(e.code, TTHC_E_NOT_FOUND);
}

/* The flags core/proc decides on are read from the member's columns
 * (rows_case_load); every put keeps them equal to the body's. */
static void member_flag_columns_follow_every_put(void **state)
{
	struct srv_fx *f = *state;
	struct model_member m;
	struct proc_case pc;
	int flip;

	put_member(f, "o-cb-1", 1);
	put_case(f, "o-cb-1", "o-cb-2");
	sample("member", &m);
	for (flip = 0; flip < 2; flip++) {
		m.under_inspection = !m.under_inspection;
		m.under_complaint = !m.under_complaint;
		assert_int_equal(rows_put_member(f->tx, &m, NOW, NULL, NULL), 0);
		assert_int_equal(srv_fx_int(f->tx, "SELECT under_inspection FROM members"),
				 m.under_inspection);
		assert_int_equal(srv_fx_int(f->tx, "SELECT under_complaint FROM members"),
				 m.under_complaint);
		assert_int_equal(srv_fx_int(f->tx, "SELECT count(*) FROM members WHERE "
					    "under_inspection = coalesce(json_extract(body, "
					    "'$.under_inspection'), 0) AND under_complaint = "
					    "coalesce(json_extract(body, '$.under_complaint'), 0)"),
				 1);
		assert_int_equal(rows_case_load(f->tx, "c-1", &pc, NULL, NULL), 0);
		assert_int_equal(pc.under_inspection, m.under_inspection);
		assert_int_equal(pc.under_complaint, m.under_complaint);
	}
	model_member_free(&m);
}

static void money_rows_are_seen_by_their_org(void **state)
{
	struct srv_fx *f = *state;
	struct model_fee_period fp, fp2;
	struct model_payment p;
	struct model_bank_account b;
	int64_t v = 0;

	put_member(f, "o-cb-2", 1);
	sample("fee_period", &fp);
	sample("payment", &p);
	sample("bank_account", &b);
	assert_int_equal(rows_put_fee_period(f->tx, &fp, NOW, &v, NULL), 0);
	assert_int_equal(v, 1);
	assert_int_equal(rows_put_payment(f->tx, &p, NOW, &v, NULL), 0);
	assert_int_equal(rows_put_bank_account(f->tx, &b, NOW, &v, NULL), 0);
	assert_int_equal(rows_put_fee_period(f->tx, &fp, NOW, &v, NULL), 0);
	assert_int_equal(v, 2);
	/* A payment goes with its member's organisation. */
	assert_int_equal(srv_fx_int(f->tx, "SELECT org_after FROM changes WHERE kind = 'payment'"), 4);
	assert_int_equal(srv_fx_int(f->tx, "SELECT org_after FROM changes WHERE kind = 'bank-account'"),
			 2);
	assert_int_equal(srv_fx_int(f->tx, "SELECT amount FROM payments"), 80000);
	assert_int_equal(rows_get(f->tx, ENTITY_FEE_PERIOD, "fp-1", &fp2, NULL, NULL), 0);
	assert_true(model_fee_period_equal(&fp, &fp2));
	model_fee_period_free(&fp);
	model_fee_period_free(&fp2);
	model_payment_free(&p);
	model_bank_account_free(&b);
}

static void a_role_change_takes_a_seq_after_every_change(void **state)
{
	struct srv_fx *f = *state;

	put_member(f, "o-cb-1", 1);
	assert_int_equal(rows_roles_changed(f->tx, 7, NULL), 0);
	assert_true(srv_fx_int(f->tx, "SELECT roles_seq FROM accounts WHERE id = 7") >
		    srv_fx_int(f->tx, "SELECT max(seq) FROM changes"));
}

static void not_a_domain_kind_is_refused(void **state)
{
	struct srv_fx *f = *state;
	struct tthc_err e = { 0 };
	int64_t id;

	assert_int_equal(rows_id(f->tx, ENTITY_ORG, "o-cb-1", &id, &e), -1);
	assert_int_equal(e.code, TTHC_E_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) SRV_FX_TEST(name, setup)
		T(put_then_get_gives_the_entity_back_at_version_1),
		T(each_put_bumps_the_version_and_keeps_one_change_per_row),
		T(a_create_has_no_org_before_and_sees_its_org),
		T(a_move_records_org_before_and_after),
		T(a_replaced_change_carries_its_before_set),
		T(a_rolled_back_put_leaves_neither_row_nor_change),
		T(an_unknown_org_is_refused_with_its_field),
		T(a_delete_leaves_a_tombstone_for_everyone_who_saw_it),
		T(a_recreated_row_replaces_its_tombstone_and_goes_on_from_its_version),
		T(a_case_is_seen_by_every_org_it_relates_to),
		T(case_orgs_rows_follow_every_put),
		T(a_case_loads_as_core_proc_decides_on_it),
		T(member_flag_columns_follow_every_put),
		T(money_rows_are_seen_by_their_org),
		T(a_role_change_takes_a_seq_after_every_change),
		T(not_a_domain_kind_is_refused),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
