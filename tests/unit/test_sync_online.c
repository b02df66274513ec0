/* core/sync's online-only requests without a server: the answers of
 * docs/API.md decoded into the screens' values, a damaged answer refused
 * with a reason, and no request at all without a login.  tests/tui runs
 * them against a real tthcd. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sync/online.h"
#include "sync/sync.h"
#include "../support/store_fixture.h"

static cJSON *parse(const char *s)
{
	cJSON *j = cJSON_Parse(s);

	assert_non_null(j);
	return j;
}

static void history_entries_decode_oldest_first_with_optional_fields(void **state)
{
	cJSON *j = parse("{\"case\":\"f1\",\"entries\":["
			 "{\"seq\":4,\"at\":\"2026-11-25T01:00:00Z\",\"actor\":\"bt1\","
			 "\"on_behalf_of\":\"m1\",\"action\":\"pay\",\"before_version\":1,"
			 "\"after_version\":2,\"from\":\"due\",\"to\":\"paid\"},"
			 "{\"seq\":9,\"at\":\"2026-11-25T02:30:00Z\",\"actor\":\"tc1\","
			 "\"action\":\"case.create\",\"before_version\":null,\"after_version\":1}]}");
	struct sync_history h;
	struct tthc_err err;

	(void)state;
	assert_int_equal(sync_history_decode(j, &h, &err), 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.e[0].at, 1795568400);
	assert_string_equal(h.e[0].actor, "bt1");
	assert_string_equal(h.e[0].on_behalf_of, "m1");
	assert_string_equal(h.e[0].action, "pay");
	assert_string_equal(h.e[0].from, "due");
	assert_string_equal(h.e[0].to, "paid");
	assert_int_equal(h.e[0].before_version, 1);
	assert_int_equal(h.e[0].after_version, 2);
	assert_null(h.e[1].on_behalf_of);
	assert_null(h.e[1].from);
	assert_int_equal(h.e[1].before_version, -1);
	assert_int_equal(h.e[1].at - h.e[0].at, 5400);
	sync_history_free(&h);
	cJSON_Delete(j);
}

static void history_entry_without_time_is_refused_with_its_index(void **state)
{
	cJSON *j = parse("{\"entries\":[{\"at\":\"2026-11-25T01:00:00Z\",\"actor\":\"a\","
			 "\"action\":\"pay\"},{\"actor\":\"b\",\"action\":\"pay\"}]}");
	struct sync_history h;
	struct tthc_err err;

	(void)state;
	assert_int_equal(sync_history_decode(j, &h, &err), -1);
	assert_int_equal(err.code, TTHC_E_NETWORK);
	assert_string_equal(err.where, "entries[1]");
	assert_int_equal(h.n, 0);
	assert_null(h.e);
	cJSON_Delete(j);
	j = parse("{\"entries\":{}}");
	assert_int_equal(sync_history_decode(j, &h, &err), -1);
	assert_string_equal(err.where, "entries");
	cJSON_Delete(j);
}

static void accounts_decode_with_roles_on_one_line(void **state)
{
	cJSON *j = parse("{\"accounts\":[{\"name\":\"bt1\",\"status\":\"active\",\"roles\":"
			 "[{\"role\":\"finance\",\"org\":\"cb1\"},{\"role\":\"secretary\","
			 "\"org\":\"xa1\"}]},{\"name\":\"x\",\"status\":\"locked\",\"roles\":[]}]}");
	struct sync_accounts a;
	struct tthc_err err;

	(void)state;
	assert_int_equal(sync_accounts_decode(j, &a, &err), 0);
	assert_int_equal(a.n, 2);
	assert_string_equal(a.a[0].name, "bt1");
	assert_string_equal(a.a[0].status, "active");
	assert_string_equal(a.a[0].roles, "finance@cb1, secretary@xa1");
	assert_string_equal(a.a[1].status, "locked");
	assert_string_equal(a.a[1].roles, "");
	sync_accounts_free(&a);
	cJSON_Delete(j);
	j = parse("{\"accounts\":[{\"name\":\"bt1\"}]}");
	assert_int_equal(sync_accounts_decode(j, &a, &err), -1);
	assert_string_equal(err.where, "accounts[0]");
	cJSON_Delete(j);
}

static void fee_report_is_one_row_per_organisation_and_the_total(void **state)
{
	cJSON *j = parse("{\"orgs\":[{\"org\":\"xa1\",\"members\":0,\"in_arrears\":0,\"fees\":{}},"
			 "{\"org\":\"cb1\",\"members\":4,\"in_arrears\":1,\"fees\":"
			 "{\"due\":{\"count\":2,\"amount\":0},\"paid\":{\"count\":1,\"amount\":4},"
			 "\"settled\":{\"count\":3,\"amount\":9}}}],"
			 "\"total\":{\"members\":4,\"in_arrears\":1,\"fees\":{\"due\":{\"count\":2}}}}");
	struct sync_table t;
	struct tthc_err err;
	static const char *const want[] = {
		"xa1", "0", "0", "0", "0", "0", "0", "0",
		"cb1", "4", "1", "2", "1", "0", "0", "3",
		"\xce\xa3", "4", "1", "2", "0", "0", "0", "0",
	};

	(void)state;
	assert_int_equal(sync_fees_table(j, &t, &err), 0);
	assert_int_equal(t.cols, 8);
	assert_int_equal(t.rows, 3);
	assert_string_equal(t.head[0], "Organisation");
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_string_equal(t.cell[i], want[i]);
	sync_table_free(&t);
	cJSON_Delete(j);
}

static void case_report_lists_only_states_that_hold_cases(void **state)
{
	cJSON *j = parse("{\"counts\":{\"fee\":{\"due\":4,\"paid\":0},"
			 "\"official-transfer\":{\"draft\":0,\"filed\":3}}}");
	struct sync_table t;
	struct tthc_err err;

	(void)state;
	assert_int_equal(sync_cases_table(j, &t, &err), 0);
	assert_int_equal(t.cols, 3);
	assert_int_equal(t.rows, 2);
	assert_string_equal(t.cell[0], "fee");
	assert_string_equal(t.cell[1], "due");
	assert_string_equal(t.cell[2], "4");
	assert_string_equal(t.cell[3], "official-transfer");
	assert_string_equal(t.cell[4], "filed");
	assert_string_equal(t.cell[5], "3");
	sync_table_free(&t);
	cJSON_Delete(j);
	j = parse("{\"org\":\"xa1\"}");
	assert_int_equal(sync_cases_table(j, &t, &err), -1);
	assert_int_equal(err.code, TTHC_E_NETWORK);
	cJSON_Delete(j);
}

/* Nothing is sent without a login, and ids that are not the server's
 * alphabet never reach a URL. */
static void requests_need_a_login_and_plain_ids(void **state)
{
	char *dir = fx_tmpdir();
	struct net_options o = { .base_url = "https://127.0.0.1:9" };
	struct tthc_err err;
	struct sync_client *c;
	struct sync_history h;
	struct sync_table t;
	char *pw = (char *)"untouched";

	(void)state;
	setenv("XDG_DATA_HOME", dir, 1);
	c = sync_client_open(&o, "bt1", &err);
	assert_non_null(c);
	assert_int_equal(sync_history_fetch(c, "f1", &h, &err), -1);
	assert_int_equal(err.code, TTHC_E_UNAUTHENTICATED);
	assert_int_equal(sync_history_fetch(c, "../x?y", &h, &err), -1);
	assert_int_equal(err.code, TTHC_E_INVALID);
	assert_int_equal(sync_account_verb(c, "bt1", "delete", &pw, &err), -1);
	assert_int_equal(err.code, TTHC_E_INVALID);
	assert_null(pw);
	assert_int_equal(sync_report_fetch(c, "xa1", "2026&x=1", &t, &err), -1);
	assert_int_equal(err.code, TTHC_E_INVALID);
	assert_int_equal(sync_report_fetch(c, "xa1", "2026-Q4", &t, &err), -1);
	assert_int_equal(err.code, TTHC_E_UNAUTHENTICATED);
	sync_client_close(c);
	fx_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(history_entries_decode_oldest_first_with_optional_fields),
		cmocka_unit_test(history_entry_without_time_is_refused_with_its_index),
		cmocka_unit_test(accounts_decode_with_roles_on_one_line),
		cmocka_unit_test(fee_report_is_one_row_per_organisation_and_the_total),
		cmocka_unit_test(case_report_lists_only_states_that_hold_cases),
		cmocka_unit_test(requests_need_a_login_and_plain_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
