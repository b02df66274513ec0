/* server/seed*.c: a small synthetic province on a real SQLite file, read
 * back through server/rows.h and core/proc. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../server/files.h"
#include "../server/orgs.h"
#include "../server/password.h"
#include "../server/rows.h"
#include "../server/seed.h"
#include "../support/srv_fixture.h"

#define MEMBERS 400

struct fixture {
	struct srv s;
	struct actor who;
	struct seed_result res;
	struct seed_opts o;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char path[PATH_MAX];

	if (!f)
		return -1;
	setenv("TTHCD_HASH_COST", "min", 1);    /* tests only (tthcd(8)) */
	snprintf(f->s.dir, sizeof f->s.dir, "/tmp/tthc-seed.XXXXXX");
	f->who = (struct actor){ 0, "cli:test" };
	f->o = (struct seed_opts){ .seed = 5, .members = MEMBERS, .today = { 2026, 11, 20 },
				   .password = SEED_DEMO_PASSWORD };
	if (!mkdtemp(f->s.dir) || pw_init(NULL) < 0 || audit_key_create(f->s.dir, NULL) < 0 ||
	    audit_key_load(f->s.dir, &f->s.key, NULL) < 0 ||
	    path_join(path, sizeof path, f->s.dir, SRV_DB_FILE, NULL) < 0 ||
	    db_create(path, &f->s.db, NULL) < 0 ||
	    org_add(&f->s, &f->who, "province", "Đảng bộ tỉnh", "province", NULL, NULL) < 0 ||
	    seed_run(&f->s, &f->who, &f->o, &f->res, NULL) < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[PATH_MAX + 16];

	srv_close(&f->s);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->s.dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* The relations each procedure's actions are taken from (core/proc's
 * tables): a case without one of them could never move. */
static const enum proc_rel needed[PROC_COUNT][3] = {
	[PROC_FEE] = { REL_OWN, REL_UPPER, REL_OWN },
	[PROC_RESIDENCE_COMMENT] = { REL_WORKPLACE, REL_COMMUNE, REL_RESIDENCE },
	[PROC_OFFICIAL_TRANSFER] = { REL_SENDING, REL_RECEIVING, REL_SENDING },
	[PROC_TEMPORARY_TRANSFER] = { REL_SENDING, REL_RECEIVING, REL_SENDING },
};

static void every_case_loads_into_core_proc_in_its_state(void **state)
{
	struct fixture *f = *state;
	struct db_tx *tx;
	struct db_stmt *st;
	long n = 0;

	assert_int_equal(db_begin(f->s.db, DB_READ, &tx, NULL), 0);
	st = db_prepare(tx, "SELECT code, state FROM cases ORDER BY id", NULL);
	assert_non_null(st);
	while (db_step(st, NULL) == 1) {
		struct proc_case pc;
		struct tthc_err e = { 0 };
		int i;

		if (rows_case_load(tx, db_col_text(st, 0), &pc, NULL, &e) < 0)
			fail_msg("%s: %s", db_col_text(st, 0), e.msg);
		assert_string_equal(proc_machine(pc.proc)->states[pc.state].name,
				    db_col_text(st, 1));
		for (i = 0; i < 3; i++)
			if (pc.org[needed[pc.proc][i]] == 0)
				fail_msg("%s lacks the %s organisation", db_col_text(st, 0),
					 vocab_name(&vocab_relations, (int)needed[pc.proc][i]));
		assert_true(pc.member_id > 0);
		n++;
	}
	db_finalize(st);
	db_rollback(tx);
	assert_true(n > MEMBERS / 2);
}

static void the_summary_counts_what_was_written(void **state)
{
	struct fixture *f = *state;
	struct db_tx *tx;
	long cases = 0;
	int p;

	for (p = 0; p < PROC_COUNT; p++) {
		assert_true(f->res.cases[p] > 0);
		cases += f->res.cases[p];
	}
	assert_int_equal(db_begin(f->s.db, DB_READ, &tx, NULL), 0);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM members"), f->res.members);
	assert_int_equal(f->res.members, MEMBERS);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM cases"), cases);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM payments"), f->res.payments);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM fee_periods"), f->res.fee_periods);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM bank_accounts"), f->res.bank_accounts);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM accounts WHERE status = 'active'"),
			 f->res.n_accounts);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM orgs WHERE commune = 1"),
			 f->res.communes);
	/* Every account holds one role, and every role is held somewhere. */
	assert_int_equal(srv_fx_int(tx, "SELECT count(DISTINCT role) FROM account_roles"),
			 ROLE_COUNT);
	db_rollback(tx);
}

static void seeding_twice_is_refused_and_changes_nothing(void **state)
{
	struct fixture *f = *state;
	struct seed_result again;
	struct tthc_err e = { 0 };
	struct db_tx *tx;

	assert_int_equal(seed_run(&f->s, &f->who, &f->o, &again, &e), -1);
	assert_int_equal(e.code, TTHC_E_REFUSED);
	assert_int_equal(db_begin(f->s.db, DB_READ, &tx, NULL), 0);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM members"), MEMBERS);
	assert_int_equal(srv_fx_int(tx, "SELECT count(*) FROM audit WHERE action = 'seed'"), 1);
	db_rollback(tx);
}

static void a_member_count_out_of_range_is_refused(void **state)
{
	struct fixture *f = *state;
	struct seed_opts o = f->o;
	struct seed_result r;
	struct tthc_err e = { 0 };

	o.members = SEED_MEMBERS_MAX + 1;
	assert_int_equal(seed_run(&f->s, &f->who, &o, &r, &e), -1);
	assert_int_equal(e.code, TTHC_E_RANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_case_loads_into_core_proc_in_its_state, setup,
						teardown),
		cmocka_unit_test_setup_teardown(the_summary_counts_what_was_written, setup, teardown),
		cmocka_unit_test_setup_teardown(seeding_twice_is_refused_and_changes_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(a_member_count_out_of_range_is_refused, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
