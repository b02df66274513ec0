/* core/proc: the guards from the rules, payload validation with paths,
 * delegation, every reason at once, and what a verdict tells the caller. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "proc_fixture.h"

#define OFFICIAL_FILE(decision) \
	"{\"reason\":\"job-move\",\"decision_no\":\"12/QĐ\",\"decision_date\":\"" decision "\"," \
	"\"receiving_org\":12,\"self_review\":\"Tự kiểm điểm\"}"

static void secretary(struct fixture_actor *a, enum proc_rel rel)
{
	fixture_actor_init(a, ROLE_SECRETARY, org_of(rel));
}

static void the_member(struct fixture_actor *a)
{
	fixture_actor_init(a, ROLE_MEMBER, org_of(REL_OWN));
}

static void no_official_transfer_under_inspection_or_complaint(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "draft");
	struct fixture_actor m, s;
	struct proc_verdict v;

	(void)state;
	the_member(&m);
	secretary(&s, REL_SENDING);
	c.under_inspection = true;
	assert_int_equal(fixture_decide(&m.actor, &c, "file", OFFICIAL_FILE("2026-11-02"), 0, &v),
			 PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "under-inspection", ""));
	assert_null(fixture_reason(&v, "under-complaint", NULL));
	c.under_complaint = true;
	c.state = proc_state_find(proc_machine(PROC_OFFICIAL_TRANSFER), "reviewed");
	assert_int_equal(fixture_decide(&s.actor, &c, "issue-introduction",
					"{\"card_no\":\"1\",\"dossier_no\":\"2\",\"fees_paid_to\":"
					"\"2026-11\",\"issued_on\":\"2026-11-25\"}", 0, &v),
			 PROC_REFUSED);
	assert_int_equal(v.n_reasons, 2);
	assert_non_null(fixture_reason(&v, "under-inspection", ""));
	assert_non_null(fixture_reason(&v, "under-complaint", ""));
	/* A temporary transfer is not barred by the same rule. */
	c = fixture_case(PROC_TEMPORARY_TRANSFER, "filed");
	c.under_inspection = true;
	assert_int_equal(fixture_decide(&s.actor, &c, "issue-introduction",
					"{\"card_no\":\"1\",\"fees_paid_to\":\"2026-11\","
					"\"issued_on\":\"2026-11-25\"}", 0, &v), PROC_ALLOWED);
}

static void filing_within_60_working_days_of_the_decision(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "draft");
	struct fixture_actor m;
	struct proc_verdict v;
	const struct proc_reason *r;

	(void)state;
	the_member(&m);
	/* 60 working days after Monday 31/08/2026 (2/9 and 3/9 off) end on
	 * Wednesday 25/11/2026, today: still in time. */
	assert_int_equal(fixture_decide(&m.actor, &c, "file", OFFICIAL_FILE("2026-08-31"), 0, &v),
			 PROC_ALLOWED);
	/* A decision one working day earlier: the 60th day was yesterday. */
	assert_int_equal(fixture_decide(&m.actor, &c, "file", OFFICIAL_FILE("2026-08-28"), 0, &v),
			 PROC_REFUSED);
	r = fixture_reason(&v, "filing-too-late", "payload.decision_date");
	assert_non_null(r);
	assert_non_null(strstr(r->message, "24/11/2026"));
	assert_int_equal(v.n_reasons, 1);
	/* A decision dated after today is refused as such. */
	assert_int_equal(fixture_decide(&m.actor, &c, "file", OFFICIAL_FILE("2026-11-26"), 0, &v),
			 PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "date-in-future", "payload.decision_date"));
}

static void presenting_within_30_working_days(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "issued");
	struct fixture_actor m;
	struct proc_verdict v;

	(void)state;
	the_member(&m);
	/* 30 working days after Tuesday 13/10/2026 end on 24/11/2026. */
	c.intro_date = (struct date){ 2026, 10, 14 };
	assert_int_equal(fixture_decide(&m.actor, &c, "present", NULL, 0, &v), PROC_ALLOWED);
	c.intro_date = (struct date){ 2026, 10, 13 };
	assert_int_equal(fixture_decide(&m.actor, &c, "present", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "presentation-too-late", ""));
	c.intro_date = (struct date){ 0, 0, 0 };
	assert_int_equal(fixture_decide(&m.actor, &c, "present", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "case-incomplete", ""));
}

static enum proc_outcome file_temporary(const char *kind, const char *from, const char *to,
					struct proc_verdict *v)
{
	struct proc_case c = fixture_case(PROC_TEMPORARY_TRANSFER, "draft");
	struct fixture_actor m;
	char payload[256];

	the_member(&m);
	snprintf(payload, sizeof payload,
		 "{\"kind\":\"%s\",\"from_date\":\"%s\",\"to_date\":\"%s\","
		 "\"receiving_org\":12,\"reason\":\"Lý do\"}", kind, from, to);
	return fixture_decide(&m.actor, &c, "file", payload, 0, v);
}

static void temporary_transfer_durations(void **state)
{
	struct proc_verdict v;

	(void)state;
	/* Work or residence: 3 months to under 1 year, both ends counted. */
	assert_int_equal(file_temporary("work", "2027-01-01", "2027-03-31", &v), PROC_ALLOWED);
	assert_int_equal(file_temporary("work", "2027-01-01", "2027-03-30", &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "duration-too-short", "payload.to_date"));
	assert_int_equal(file_temporary("residence", "2027-01-01", "2027-12-30", &v), PROC_ALLOWED);
	assert_int_equal(file_temporary("residence", "2027-01-01", "2027-12-31", &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "duration-too-long", "payload.to_date"));
	/* Study: 3 months up to 2 years. */
	assert_int_equal(file_temporary("study", "2027-01-01", "2028-12-31", &v), PROC_ALLOWED);
	assert_int_equal(file_temporary("study", "2027-01-01", "2029-01-01", &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "duration-too-long", "payload.to_date"));
	assert_int_equal(file_temporary("study", "2027-03-01", "2027-01-01", &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "ends-before-start", "payload.to_date"));
	assert_int_equal(file_temporary("holiday", "2027-01-01", "2027-06-01", &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "not-in-list", "payload.kind"));
}

static void extension_stays_within_the_limits(void **state)
{
	struct proc_case c = fixture_case(PROC_TEMPORARY_TRANSFER, "active");
	struct fixture_actor s;
	struct proc_verdict v;

	(void)state;
	secretary(&s, REL_RECEIVING);
	/* Work since 01/10/2026, until 31/01/2027. */
	assert_int_equal(fixture_decide(&s.actor, &c, "extend",
					"{\"to_date\":\"2027-09-29\",\"reason\":\"x\"}", 0, &v),
			 PROC_ALLOWED);
	assert_int_equal(v.to_state, c.state);
	assert_int_equal(fixture_decide(&s.actor, &c, "extend",
					"{\"to_date\":\"2027-09-30\",\"reason\":\"x\"}", 0, &v),
			 PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "duration-too-long", "payload.to_date"));
	assert_int_equal(fixture_decide(&s.actor, &c, "extend",
					"{\"to_date\":\"2027-01-31\",\"reason\":\"x\"}", 0, &v),
			 PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "extension-not-later", "payload.to_date"));
}

static void no_fee_period_before_august_2026(void **state)
{
	struct proc_case c = fixture_case(PROC_FEE, "paid");
	struct fixture_actor f;
	struct proc_verdict v;

	(void)state;
	fixture_actor_init(&f, ROLE_FINANCE, org_of(REL_OWN));
	c.period = (struct period){ 2026, 8 };
	assert_int_equal(fixture_decide(&f.actor, &c, "confirm", NULL, 0, &v), PROC_ALLOWED);
	c.period = (struct period){ 2026, 7 };
	assert_int_equal(fixture_decide(&f.actor, &c, "confirm", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "period-before-electronic", ""));
	assert_non_null(strstr(v.reasons[0].message, "08/2026"));
}

static void return_incomplete_needs_the_full_list_of_fixes(void **state)
{
	static const struct {
		const char *payload, *code, *path;
	} bad[] = {
		{ NULL, "missing-field", "payload.fixes" },
		{ "{}", "missing-field", "payload.fixes" },
		{ "{\"fixes\":null}", "missing-field", "payload.fixes" },
		{ "{\"fixes\":[]}", "too-few", "payload.fixes" },
		{ "{\"fixes\":\"Thiếu quyết định\"}", "wrong-type", "payload.fixes" },
		{ "{\"fixes\":[\"Thiếu quyết định\",\"\"]}", "too-short", "payload.fixes[1]" },
		{ "{\"fixes\":[\"ok\",7]}", "wrong-type", "payload.fixes[1]" },
	};
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "filed");
	struct fixture_actor s;
	struct proc_verdict v;
	size_t i;

	(void)state;
	secretary(&s, REL_SENDING);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(fixture_decide(&s.actor, &c, "return-incomplete", bad[i].payload, 0,
						&v), PROC_REFUSED);
		if (!fixture_reason(&v, bad[i].code, bad[i].path)) {
			fixture_dump(&v);
			fail_msg("case %zu: no %s at %s", i, bad[i].code, bad[i].path);
		}
	}
	assert_int_equal(fixture_decide(&s.actor, &c, "return-incomplete",
					"{\"fixes\":[\"Thiếu quyết định\",\"Bản tự kiểm điểm chưa ký\"]}",
					0, &v), PROC_ALLOWED);
	assert_true(v.is_notice);
	assert_false(v.starts_clock);
}

static void notice_reports_its_deadline_and_lateness(void **state)
{
	struct proc_case c = fixture_case(PROC_RESIDENCE_COMMENT, "requested");
	struct fixture_actor s;
	struct proc_verdict v;

	(void)state;
	secretary(&s, REL_COMMUNE);
	/* Received Tuesday 24/11 09:00: due Wednesday 25/11 09:00; now is 10:00. */
	assert_int_equal(fixture_decide(&s.actor, &c, "return-incomplete", "{\"fixes\":[\"a\"]}",
					0, &v), PROC_ALLOWED);
	assert_int_equal(v.notice_deadline, fixture_instant("2026-11-25T09:00:00+07:00"));
	assert_true(v.notice_late);
	/* Received at 13:00 on Tuesday: due 13:00 today, not late yet; a late
	 * notice is allowed all the same (refusing it would leave none). */
	c.received_at = fixture_instant("2026-11-24T13:00:00+07:00");
	assert_int_equal(fixture_decide(&s.actor, &c, "return-incomplete", "{\"fixes\":[\"a\"]}",
					0, &v), PROC_ALLOWED);
	assert_false(v.notice_late);
	/* Handing a dossier over starts the clock. */
	c.state = proc_state_find(proc_machine(PROC_RESIDENCE_COMMENT), "draft");
	secretary(&s, REL_WORKPLACE);
	assert_int_equal(fixture_decide(&s.actor, &c, "send-request", "{\"year\":2026}", 0, &v),
			 PROC_ALLOWED);
	assert_true(v.starts_clock);
	assert_false(v.is_notice);
}

static void every_reason_is_given_at_once(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "filed");
	struct fixture_actor a;
	struct proc_verdict v;

	(void)state;
	/* Wrong state, wrong role, inspection, late decision, and four field
	 * problems: all reported in one verdict. */
	fixture_actor_init(&a, ROLE_FINANCE, org_of(REL_SENDING));
	c.under_inspection = true;
	assert_int_equal(fixture_decide(&a.actor, &c, "file",
					"{\"reason\":\"holiday\",\"decision_no\":\"\","
					"\"decision_date\":\"2026-01-05\",\"receiving_org\":\"12\","
					"\"colour\":\"blue\"}", 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "wrong-state", ""));
	assert_non_null(fixture_reason(&v, "member-only", ""));
	assert_non_null(fixture_reason(&v, "under-inspection", ""));
	assert_non_null(fixture_reason(&v, "filing-too-late", "payload.decision_date"));
	assert_non_null(fixture_reason(&v, "not-in-list", "payload.reason"));
	assert_non_null(fixture_reason(&v, "too-short", "payload.decision_no"));
	assert_non_null(fixture_reason(&v, "wrong-type", "payload.receiving_org"));
	assert_non_null(fixture_reason(&v, "missing-field", "payload.self_review"));
	assert_non_null(fixture_reason(&v, "unknown-field", "payload.colour"));
	assert_int_equal(v.n_reasons, 9);
	assert_int_equal(v.to_state, -1);
}

static void text_fields_are_strict(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "filed");
	struct fixture_actor s;
	struct proc_verdict v;
	char payload[2200];

	(void)state;
	secretary(&s, REL_SENDING);
	/* "Nguyễn" decomposed: e + circumflex + tilde. */
	assert_int_equal(fixture_decide(&s.actor, &c, "reject",
					"{\"reason\":\"Nguye\\u0302\\u0303n\"}", 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "not-nfc", "payload.reason"));
	assert_int_equal(fixture_decide(&s.actor, &c, "reject", "{\"reason\":\"a\\u0007b\"}", 0, &v),
			 PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "control-character", "payload.reason"));
	/* 1000 characters is the limit, counted in characters not bytes. */
	memset(payload, 0, sizeof payload);
	strcpy(payload, "{\"reason\":\"");
	for (int i = 0; i < 1000; i++)
		strcat(payload, "đ");
	strcat(payload, "\"}");
	assert_int_equal(fixture_decide(&s.actor, &c, "reject", payload, 0, &v), PROC_ALLOWED);
	payload[strlen(payload) - 2] = '\0';
	strcat(payload, "x\"}");
	assert_int_equal(fixture_decide(&s.actor, &c, "reject", payload, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "too-long", "payload.reason"));
	assert_int_equal(fixture_decide(&s.actor, &c, "reject",
					"{\"reason\":\"a\",\"reason\":7}", 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "duplicate-key", "payload.reason"));
	assert_int_equal(v.n_reasons, 1);
	assert_int_equal(fixture_decide(&s.actor, &c, "reject", "[1]", 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "wrong-type", "payload"));
}

static void other_fields_are_strict(void **state)
{
	struct proc_case c = fixture_case(PROC_FEE, "due");
	struct fixture_actor m;
	struct proc_verdict v;

	(void)state;
	the_member(&m);
	assert_int_equal(fixture_decide(&m.actor, &c, "pay",
					"{\"amount\":80000.5,\"paid_on\":\"2026-02-30\","
					"\"method\":\"card\"}", 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "wrong-type", "payload.amount"));
	assert_non_null(fixture_reason(&v, "bad-date", "payload.paid_on"));
	assert_non_null(fixture_reason(&v, "not-in-list", "payload.method"));
	assert_int_equal(v.n_reasons, 3);
	assert_int_equal(fixture_decide(&m.actor, &c, "pay",
					"{\"amount\":0,\"paid_on\":\"2026-11-25\",\"method\":\"online\"}",
					0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "out-of-range", "payload.amount"));
	c.state = proc_state_find(proc_machine(PROC_OFFICIAL_TRANSFER), "reviewed");
	c.proc = PROC_OFFICIAL_TRANSFER;
	secretary(&m, REL_SENDING);
	assert_int_equal(fixture_decide(&m.actor, &c, "issue-introduction",
					"{\"card_no\":\"1\",\"dossier_no\":\"2\",\"fees_paid_to\":"
					"\"2026-13\",\"issued_on\":\"2026-11-25\"}", 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "bad-period", "payload.fees_paid_to"));
}

static void delegation_is_recorded_and_bounded(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "draft");
	struct fixture_actor clerk;
	struct proc_verdict v;

	(void)state;
	fixture_actor_init(&clerk, ROLE_CLERK, org_of(REL_SENDING));
	/* The clerk files for an elderly member: allowed, and said so. */
	assert_int_equal(fixture_decide(&clerk.actor, &c, "file", OFFICIAL_FILE("2026-11-02"),
					CASE_MEMBER, &v), PROC_ALLOWED);
	assert_true(v.on_behalf);
	/* Not in his own name: filing is the member's act. */
	assert_int_equal(fixture_decide(&clerk.actor, &c, "file", OFFICIAL_FILE("2026-11-02"), 0,
					&v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "member-only", ""));
	/* Not for someone else's case. */
	assert_int_equal(fixture_decide(&clerk.actor, &c, "file", OFFICIAL_FILE("2026-11-02"),
					OTHER_MEMBER, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "on-behalf-wrong-member", "on_behalf_of"));
	/* Staff decisions are never taken "on behalf of" the member. */
	c.state = proc_state_find(proc_machine(PROC_OFFICIAL_TRANSFER), "filed");
	fixture_actor_init(&clerk, ROLE_SECRETARY, org_of(REL_SENDING));
	assert_int_equal(fixture_decide(&clerk.actor, &c, "review",
					"{\"meeting_date\":\"2026-11-24\"}", CASE_MEMBER, &v),
			 PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "on-behalf-not-allowed", "on_behalf_of"));
	/* Staff of the receiving side cannot file for the sending side. */
	c.state = proc_state_find(proc_machine(PROC_OFFICIAL_TRANSFER), "draft");
	fixture_actor_init(&clerk, ROLE_CLERK, org_of(REL_RECEIVING));
	assert_int_equal(fixture_decide(&clerk.actor, &c, "file", OFFICIAL_FILE("2026-11-02"),
					CASE_MEMBER, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "not-authorised", ""));
}

static void stale_version_is_a_conflict_not_a_refusal(void **state)
{
	struct proc_case c = fixture_case(PROC_FEE, "paid");
	struct fixture_actor f;
	struct proc_verdict v;
	struct proc_request req = { .action = "confirm", .base_version = 2, .now = fixture_now() };

	(void)state;
	fixture_actor_init(&f, ROLE_FINANCE, org_of(REL_OWN));
	assert_int_equal(proc_decide(&f.actor, &c, &req, fixture_within, NULL, &v), PROC_CONFLICT);
	assert_int_equal(v.n_reasons, 0);
	req.base_version = c.version;
	assert_int_equal(proc_decide(&f.actor, &c, &req, fixture_within, NULL, &v), PROC_ALLOWED);
	assert_int_equal(v.to_state, proc_state_find(proc_machine(PROC_FEE), "confirmed"));
}

static void unknown_action_and_state_are_refused(void **state)
{
	struct proc_case c = fixture_case(PROC_FEE, "paid");
	struct fixture_actor f;
	struct proc_verdict v;

	(void)state;
	fixture_actor_init(&f, ROLE_FINANCE, org_of(REL_OWN));
	assert_int_equal(fixture_decide(&f.actor, &c, "approve-all", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "unknown-action", "action"));
	assert_int_equal(fixture_decide(&f.actor, &c, NULL, NULL, 0, &v), PROC_REFUSED);
	c.state = 42;
	assert_int_equal(fixture_decide(&f.actor, &c, "confirm", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "unknown-state", ""));
	c.proc = (enum procedure)9;
	assert_int_equal(fixture_decide(&f.actor, &c, "confirm", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "unknown-procedure", ""));
}

static void reasons_past_the_limit_are_counted(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "filed");
	struct fixture_actor s;
	struct proc_verdict v;
	char payload[1024] = "{\"fixes\":[";
	int i;

	(void)state;
	secretary(&s, REL_SENDING);
	for (i = 0; i < 40; i++)
		strcat(payload, i ? ",\"\"" : "\"\"");
	strcat(payload, "]}");
	assert_int_equal(fixture_decide(&s.actor, &c, "return-incomplete", payload, 0, &v),
			 PROC_REFUSED);
	assert_int_equal(v.n_reasons, PROC_MAX_REASONS);
	assert_int_equal(v.n_reasons + v.n_dropped, 40);
}

static void account_guards(void **state)
{
	struct fixture_actor admin;
	struct proc_verdict v;
	struct proc_account acct = { .account_id = ACTOR_ACCOUNT, .org = org_of(REL_ACCOUNT) };
	cJSON *reason = cJSON_Parse("{\"reason\":\"nghỉ việc\"}");
	cJSON *grant = cJSON_Parse("{\"role\":\"secretary\",\"org\":99}");
	struct proc_request req = { .action = "lock", .payload = reason, .now = fixture_now() };

	(void)state;
	fixture_actor_init(&admin, ROLE_ADMIN, org_of(REL_ACCOUNT));
	acct.state = proc_state_find(proc_account_machine(), "active");
	/* An administrator cannot lock himself out (nor grant himself roles). */
	assert_int_equal(proc_decide_account(&admin.actor, &acct, &req, fixture_within, NULL, &v),
			 PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "own-account", ""));
	acct.account_id = SUBJECT_ACCOUNT;
	assert_int_equal(proc_decide_account(&admin.actor, &acct, &req, fixture_within, NULL, &v),
			 PROC_ALLOWED);
	assert_int_equal(v.to_state, proc_state_find(proc_account_machine(), "locked"));
	/* A role may be granted only where the administrator holds his. */
	req.action = "grant";
	req.payload = grant;
	assert_int_equal(proc_decide_account(&admin.actor, &acct, &req, fixture_within, NULL, &v),
			 PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "grant-outside-scope", "payload.org"));
	fixture_actor_init(&admin, ROLE_ADMIN, FX_PROVINCE);
	assert_int_equal(proc_decide_account(&admin.actor, &acct, &req, fixture_within, NULL, &v),
			 PROC_ALLOWED);
	cJSON_Delete(reason);
	cJSON_Delete(grant);
}

static void open_actions_for_menus(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "filed");
	const struct proc_action *open[16];
	struct fixture_actor a;
	size_t n, i;
	char names[256] = "";

	(void)state;
	fixture_actor_init(&a, ROLE_SECRETARY, org_of(REL_SENDING));
	n = proc_actions_open(&a.actor, &c, fixture_within, NULL, open, 16);
	for (i = 0; i < n; i++) {
		strcat(names, open[i]->name);
		strcat(names, " ");
	}
	/* His own decisions, and the member's withdrawal on his behalf. */
	assert_string_equal(names, "return-incomplete review reject withdraw ");
	fixture_actor_init(&a, ROLE_FINANCE, org_of(REL_SENDING));
	assert_int_equal(proc_actions_open(&a.actor, &c, fixture_within, NULL, open, 16), 0);
	fixture_actor_init(&a, ROLE_SECRETARY, org_of(REL_SENDING));
	assert_int_equal(proc_actions_open(&a.actor, &c, fixture_within, NULL, open, 1), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_official_transfer_under_inspection_or_complaint),
		cmocka_unit_test(filing_within_60_working_days_of_the_decision),
		cmocka_unit_test(presenting_within_30_working_days),
		cmocka_unit_test(temporary_transfer_durations),
		cmocka_unit_test(extension_stays_within_the_limits),
		cmocka_unit_test(no_fee_period_before_august_2026),
		cmocka_unit_test(return_incomplete_needs_the_full_list_of_fixes),
		cmocka_unit_test(notice_reports_its_deadline_and_lateness),
		cmocka_unit_test(every_reason_is_given_at_once),
		cmocka_unit_test(text_fields_are_strict),
		cmocka_unit_test(other_fields_are_strict),
		cmocka_unit_test(delegation_is_recorded_and_bounded),
		cmocka_unit_test(stale_version_is_a_conflict_not_a_refusal),
		cmocka_unit_test(unknown_action_and_state_are_refused),
		cmocka_unit_test(reasons_past_the_limit_are_counted),
		cmocka_unit_test(account_guards),
		cmocka_unit_test(open_actions_for_menus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
