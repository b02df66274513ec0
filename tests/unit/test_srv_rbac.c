/* server/rbac.c: the role table and the scope it gives, on a real SQLite
 * file: a role covers its organisation's subtree, never a sibling's or the
 * parent's, and only the operations the table lists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../server/rbac.h"
#include "../support/srv_fixture.h"

/* province(1) - xa1(2) - cb1(3); province - xa2(4).  Accounts: 7 finance
 * at xa1, 8 clerk at cb1 and finance at xa2, 9 member at cb1. */
static int setup(void **state)
{
	return srv_fx_setup(state,
			    "INSERT INTO orgs (id, code, name, type, parent_id, created_at) VALUES "
			    "(1, 'province', 'Tỉnh', 'province', NULL, 0),"
			    "(2, 'xa1', 'Xã 1', 'base-committee', 1, 0),"
			    "(3, 'cb1', 'Chi bộ 1', 'sub-branch', 2, 0),"
			    "(4, 'xa2', 'Xã 2', 'base-committee', 1, 0);"
			    "INSERT INTO accounts (id, name, pw_hash, status, created_at) VALUES "
			    "(7, 'tc1', 'x', 'active', 0), (8, 'vt1', 'x', 'active', 0),"
			    "(9, 'dv1', 'x', 'active', 0);"
			    "INSERT INTO account_roles (account_id, role, org_id) VALUES "
			    "(7, 'finance', 2), (8, 'clerk', 3), (8, 'finance', 4), (9, 'member', 3)",
			    SRV_FX_KEEP_TX);
}

static int check(struct srv_fx *f, int64_t account, enum rbac_op op, int64_t org)
{
	struct actor who = { account, "t" };
	struct tthc_err e = { 0 };
	int rc = rbac_check(f->tx, &who, op, org, &e);

	if (rc < 0)
		assert_int_equal(e.code, TTHC_E_FORBIDDEN);
	return rc;
}

/* The organisations in scope, as "2,3". */
static void scope_of(struct srv_fx *f, int64_t account, enum rbac_op op, char *out,
		     size_t size)
{
	struct actor who = { account, "t" };
	struct db_stmt *st = db_prepare(f->tx, "WITH RECURSIVE " RBAC_SCOPE_CTE
					" SELECT id FROM scope ORDER BY id", NULL);
	size_t len = 0;

	assert_non_null(st);
	rbac_bind_scope(st, 1, &who, op);
	out[0] = '\0';
	while (db_step(st, NULL) == 1)
		len += (size_t)snprintf(out + len, size - len, "%s%lld", len ? "," : "",
					(long long)db_col_int(st, 0));
	db_finalize(st);
}

static void a_role_covers_its_subtree(void **state)
{
	struct srv_fx *f = *state;

	assert_int_equal(check(f, 7, RBAC_BANK_WRITE, 2), 0);
	assert_int_equal(check(f, 7, RBAC_BANK_WRITE, 3), 0);
}

static void but_not_the_parent_nor_a_sibling(void **state)
{
	struct srv_fx *f = *state;

	assert_int_equal(check(f, 7, RBAC_BANK_WRITE, 1), -1);
	assert_int_equal(check(f, 7, RBAC_BANK_WRITE, 4), -1);
}

static void only_the_operations_the_table_gives_the_role(void **state)
{
	struct srv_fx *f = *state;

	assert_int_equal(check(f, 7, RBAC_MEMBER_READ, 3), 0);
	assert_int_equal(check(f, 7, RBAC_MEMBER_WRITE, 3), -1);
	assert_int_equal(check(f, 7, RBAC_ORG_WRITE, 3), -1);
	assert_int_equal(check(f, 7, RBAC_REPORT_CASES, 3), -1);
	assert_int_equal(check(f, 9, RBAC_MEMBER_READ, 3), -1);
}

static void each_role_counts_at_its_own_organisation(void **state)
{
	struct srv_fx *f = *state;

	/* Clerk at cb1, finance at xa2: members of cb1, banks of xa2 only. */
	assert_int_equal(check(f, 8, RBAC_MEMBER_WRITE, 3), 0);
	assert_int_equal(check(f, 8, RBAC_MEMBER_WRITE, 4), -1);
	assert_int_equal(check(f, 8, RBAC_BANK_WRITE, 4), 0);
	assert_int_equal(check(f, 8, RBAC_BANK_WRITE, 3), -1);
}

static void the_command_line_may_do_everything(void **state)
{
	struct srv_fx *f = *state;
	char got[64];
	int op;

	for (op = 0; op < RBAC_OP_COUNT; op++)
		assert_int_equal(check(f, 0, (enum rbac_op)op, 1), 0);
	scope_of(f, 0, RBAC_ORG_WRITE, got, sizeof got);
	assert_string_equal(got, "1,2,3,4");
}

static void the_scope_lists_what_the_checks_allow(void **state)
{
	struct srv_fx *f = *state;
	char got[64];

	scope_of(f, 7, RBAC_BANK_READ, got, sizeof got);
	assert_string_equal(got, "2,3");
	scope_of(f, 8, RBAC_MEMBER_READ, got, sizeof got);
	assert_string_equal(got, "3,4");
	scope_of(f, 8, RBAC_MEMBER_WRITE, got, sizeof got);
	assert_string_equal(got, "3");
	scope_of(f, 8, RBAC_BANK_READ, got, sizeof got);
	assert_string_equal(got, "4");
	scope_of(f, 9, RBAC_MEMBER_READ, got, sizeof got);
	assert_string_equal(got, "");
}

static int check_self(struct srv_fx *f, int64_t account, int64_t member)
{
	struct actor who = { account, "t" };
	struct tthc_err e = { 0 };
	int rc = rbac_check_self(f->tx, &who, RBAC_MEMBER_READ_SELF, member, &e);

	if (rc < 0)
		assert_int_equal(e.code, TTHC_E_FORBIDDEN);
	return rc;
}

static void a_member_reads_his_own_record_only(void **state)
{
	struct srv_fx *f = *state;

	assert_int_equal(db_exec(f->tx,
		"INSERT INTO members (id, code, org_id, card_number, name, name_fold, category, "
		"body, version, updated_at) VALUES (20, 'm1', 3, '1', 'A', 'a', 'pension', '{}', "
		"1, 0), (21, 'm2', 3, '2', 'B', 'b', 'pension', '{}', 1, 0);"
		"UPDATE accounts SET member_id = 20 WHERE id = 9", NULL), 0);
	assert_int_equal(check_self(f, 9, 20), 0);
	assert_int_equal(check_self(f, 9, 21), -1);
	/* Staff with no member of their own have no own record. */
	assert_int_equal(check_self(f, 8, 20), -1);
	/* and the member role gives no read over the branch. */
	assert_int_equal(check(f, 9, RBAC_MEMBER_READ, 3), -1);
}

static void administrators_may_do_every_operation(void **state)
{
	int op;

	(void)state;
	for (op = 0; op < RBAC_OP_COUNT; op++)
		assert_true(rbac_roles((enum rbac_op)op) & RBAC_R(ADMIN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SRV_FX_TEST(a_role_covers_its_subtree, setup),
		SRV_FX_TEST(but_not_the_parent_nor_a_sibling, setup),
		SRV_FX_TEST(only_the_operations_the_table_gives_the_role, setup),
		SRV_FX_TEST(each_role_counts_at_its_own_organisation, setup),
		SRV_FX_TEST(the_command_line_may_do_everything, setup),
		SRV_FX_TEST(the_scope_lists_what_the_checks_allow, setup),
		SRV_FX_TEST(a_member_reads_his_own_record_only, setup),
		cmocka_unit_test(administrators_may_do_every_operation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
