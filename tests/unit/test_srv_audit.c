/* server/audit.c: the hash chain and the signed head on a real database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <cmocka.h>

#include "../server/audit.h"
#include "../support/srv_fixture.h"

static int setup(void **state)
{
	return sodium_init() < 0 ? -1 : srv_fx_setup(state, NULL, SRV_FX_AUDIT_KEY);
}

/* n entries in one transaction. */
static void append(struct srv_fx *f, int n, const char *details)
{
	struct db_tx *tx;
	int i;

	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(audit_append(tx, &f->key, 1764000000 + i,
			&(struct audit_entry){ .actor = "admin", .action = "account.add",
					       .object = "account:bt1",
					       .before_version = AUDIT_NO_VERSION,
					       .after_version = i, .details = details }, NULL), 0);
	assert_int_equal(db_commit(tx, NULL), 0);
}

static int verify(struct srv_fx *f, struct audit_report *r)
{
	return audit_verify(f->db, f->key.pk, r, NULL);
}

/* Change the file behind the library's back, as an attacker would. */
static void raw_sql(struct srv_fx *f, const char *sql)
{
	sqlite3 *c;

	assert_int_equal(sqlite3_open(f->path, &c), SQLITE_OK);
	assert_int_equal(sqlite3_exec(c, "DROP TRIGGER audit_no_update; "
				      "DROP TRIGGER audit_no_delete", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(c, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(c);
}

static void an_empty_log_verifies(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;

	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 0);
}

static void entries_from_several_transactions_chain(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;
	struct audit_head h;

	append(f, 3, NULL);
	append(f, 2, "{\"roles\":[]}");
	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 5);
	assert_int_equal(audit_head_read(f->db, &h, NULL), 0);
	assert_int_equal(h.seq, 5);
	assert_int_equal(strlen(h.hash), 64);
}

static void a_rolled_back_append_leaves_no_trace(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;
	struct db_tx *tx;

	append(f, 2, NULL);
	assert_int_equal(db_begin(f->db, DB_WRITE, &tx, NULL), 0);
	assert_int_equal(audit_append(tx, &f->key, 1, &(struct audit_entry){
		.actor = "a", .action = "b", .object = "c",
		.before_version = AUDIT_NO_VERSION, .after_version = AUDIT_NO_VERSION }, NULL), 0);
	db_rollback(tx);
	append(f, 1, NULL);
	assert_int_equal(verify(f, &r), 0);
	assert_int_equal(r.entries, 3);
}

static void an_edit_names_the_entry(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;

	append(f, 4, NULL);
	raw_sql(f, "UPDATE audit SET after_version = 9 WHERE seq = 2");
	assert_int_equal(verify(f, &r), 1);
	assert_int_equal(r.bad_seq, 2);
}

static void null_and_empty_are_different_content(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;

	append(f, 2, NULL);
	raw_sql(f, "UPDATE audit SET on_behalf_of = '' WHERE seq = 1");
	assert_int_equal(verify(f, &r), 1);
	assert_int_equal(r.bad_seq, 1);
}

static void a_deletion_names_the_gap(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;

	append(f, 4, NULL);
	raw_sql(f, "DELETE FROM audit WHERE seq = 3");
	assert_int_equal(verify(f, &r), 1);
	assert_int_equal(r.bad_seq, 3);
}

static void a_renumbered_deletion_breaks_the_chain(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;

	append(f, 4, NULL);
	raw_sql(f, "DELETE FROM audit WHERE seq = 2; UPDATE audit SET seq = seq - 1 WHERE seq > 2");
	assert_int_equal(verify(f, &r), 1);
	assert_int_equal(r.bad_seq, 2);
}

static void a_cut_tail_is_found_by_the_head(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;

	append(f, 4, NULL);
	raw_sql(f, "DELETE FROM audit WHERE seq = 4");
	assert_int_equal(verify(f, &r), 1);
	assert_int_equal(r.bad_seq, 4);
}

static void another_key_does_not_verify_the_head(void **state)
{
	struct srv_fx *f = *state;
	struct audit_report r;
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];

	append(f, 2, NULL);
	crypto_sign_keypair(pk, sk);
	assert_int_equal(audit_verify(f->db, pk, &r, NULL), 1);
	assert_int_equal(r.bad_seq, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SRV_FX_TEST(an_empty_log_verifies, setup),
		SRV_FX_TEST(entries_from_several_transactions_chain, setup),
		SRV_FX_TEST(a_rolled_back_append_leaves_no_trace, setup),
		SRV_FX_TEST(an_edit_names_the_entry, setup),
		SRV_FX_TEST(null_and_empty_are_different_content, setup),
		SRV_FX_TEST(a_deletion_names_the_gap, setup),
		SRV_FX_TEST(a_renumbered_deletion_breaks_the_chain, setup),
		SRV_FX_TEST(a_cut_tail_is_found_by_the_head, setup),
		SRV_FX_TEST(another_key_does_not_verify_the_head, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
