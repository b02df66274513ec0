/* core/proc: who may take which action, from which state, in which
 * organisation, in one's own name or on behalf of the member.  Every role x
 * relation x mode x state is tried against the expectation table below,
 * written from DESIGN.md section 7 and the issue, not read from the
 * implementation's tables. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "proc_fixture.h"

struct expect {
	const char *machine, *action;
	const char *from;       /* states, space-separated */
	const char *to;         /* "=" for unchanged */
	bool self;              /* the member may take it himself */
	const char *own;        /* roles taking it in their own name */
	const char *delegates;  /* roles taking it on behalf of the member */
	enum proc_rel rel;
	const char *payload;    /* valid JSON, or NULL */
};

#define LEAD "secretary deputy-secretary"
#define OFFICE LEAD " clerk"
#define CMTE_OFFICE LEAD " committee-member clerk"
#define HELPERS OFFICE " assigned-staff"
#define MONEY "secretary finance"
#define FIXES "{\"fixes\":[\"Thiếu bản tự kiểm điểm\",\"Quyết định chưa có dấu\"]}"
#define REASON "{\"reason\":\"Lý do\"}"
#define MEETING "{\"meeting_date\":\"2026-11-24\"}"

static const struct expect expects[] = {
	{ "fee", "pay", "due", "paid", true, "", MONEY " deputy-secretary assigned-staff", REL_OWN,
	  "{\"amount\":80000,\"paid_on\":\"2026-11-20\",\"method\":\"cash\"}" },
	{ "fee", "return-amount", "paid", "due", false, MONEY " deputy-secretary", "", REL_OWN, REASON },
	{ "fee", "confirm", "paid", "confirmed", false, MONEY, "", REL_OWN, NULL },
	{ "fee", "remit", "confirmed", "remitted", false, MONEY, "", REL_OWN,
	  "{\"remitted_on\":\"2026-11-24\"}" },
	{ "fee", "accept-remittance", "remitted", "settled", false, MONEY " deputy-secretary", "",
	  REL_UPPER, "{}" },
	{ "fee", "return-remittance", "remitted", "confirmed", false, MONEY " deputy-secretary", "",
	  REL_UPPER, REASON },

	{ "residence-comment", "send-request", "draft", "requested", false, OFFICE, "",
	  REL_WORKPLACE, "{\"year\":2026,\"note\":\"Phiếu xin ý kiến năm 2026\"}" },
	{ "residence-comment", "return-incomplete", "requested", "incomplete", false, CMTE_OFFICE,
	  "", REL_COMMUNE, FIXES },
	{ "residence-comment", "resubmit", "incomplete", "requested", false, OFFICE, "",
	  REL_WORKPLACE, NULL },
	{ "residence-comment", "forward", "requested", "forwarded", false, CMTE_OFFICE, "",
	  REL_COMMUNE, NULL },
	{ "residence-comment", "answer", "forwarded", "answered", false, LEAD, "", REL_RESIDENCE,
	  "{\"compliance\":\"Chấp hành tốt\",\"ethics\":\"exemplary\",\"trust\":\"Được tín nhiệm\","
	  "\"front_consulted_on\":\"2026-11-20\"}" },
	{ "residence-comment", "return-answer", "answered", "returned", false, CMTE_OFFICE, "",
	  REL_COMMUNE, NULL },

	{ "official-transfer", "file", "draft", "filed", true, "", HELPERS, REL_SENDING,
	  "{\"reason\":\"job-move\",\"decision_no\":\"123/QĐ-UBND\",\"decision_date\":\"2026-11-02\","
	  "\"receiving_org\":12,\"self_review\":\"Bản tự kiểm điểm\"}" },
	{ "official-transfer", "return-incomplete", "filed", "incomplete", false, CMTE_OFFICE, "",
	  REL_SENDING, FIXES },
	{ "official-transfer", "resubmit", "incomplete", "filed", true, "", HELPERS, REL_SENDING,
	  NULL },
	{ "official-transfer", "review", "filed", "reviewed", false, LEAD, "", REL_SENDING, MEETING },
	{ "official-transfer", "reject", "filed reviewed", "rejected", false, LEAD, "", REL_SENDING,
	  REASON },
	{ "official-transfer", "issue-introduction", "reviewed", "issued", false, LEAD, "",
	  REL_SENDING, "{\"card_no\":\"01.234567\",\"dossier_no\":\"LL-8812\","
	  "\"fees_paid_to\":\"2026-11\",\"issued_on\":\"2026-11-20\"}" },
	{ "official-transfer", "present", "issued", "presented", true, "", HELPERS, REL_RECEIVING,
	  NULL },
	{ "official-transfer", "return-incomplete", "presented", "receiving-incomplete", false,
	  CMTE_OFFICE, "", REL_RECEIVING, FIXES },
	{ "official-transfer", "resubmit", "receiving-incomplete", "presented", true, "", HELPERS,
	  REL_RECEIVING, NULL },
	{ "official-transfer", "accept", "presented", "accepted", false, LEAD, "", REL_RECEIVING,
	  MEETING },
	{ "official-transfer", "close", "accepted", "closed", false, OFFICE, "", REL_SENDING, NULL },
	{ "official-transfer", "withdraw", "draft filed incomplete", "withdrawn", true, "", HELPERS,
	  REL_SENDING, REASON },

	{ "temporary-transfer", "file", "draft", "filed", true, "", HELPERS, REL_SENDING,
	  "{\"kind\":\"study\",\"from_date\":\"2027-01-04\",\"to_date\":\"2028-12-31\","
	  "\"receiving_org\":12,\"reason\":\"Học thạc sĩ\"}" },
	{ "temporary-transfer", "return-incomplete", "filed", "incomplete", false, CMTE_OFFICE, "",
	  REL_SENDING, FIXES },
	{ "temporary-transfer", "resubmit", "incomplete", "filed", true, "", HELPERS, REL_SENDING,
	  NULL },
	{ "temporary-transfer", "reject", "filed", "rejected", false, LEAD, "", REL_SENDING, REASON },
	{ "temporary-transfer", "issue-introduction", "filed", "issued", false, LEAD, "",
	  REL_SENDING, "{\"card_no\":\"01.234567\",\"fees_paid_to\":\"2026-11\","
	  "\"issued_on\":\"2026-11-25\"}" },
	{ "temporary-transfer", "present", "issued", "presented", true, "", HELPERS, REL_RECEIVING,
	  NULL },
	{ "temporary-transfer", "accept", "presented", "active", false, OFFICE, "", REL_RECEIVING,
	  NULL },
	{ "temporary-transfer", "extend", "active", "=", false, LEAD " committee-member", "",
	  REL_RECEIVING, "{\"to_date\":\"2027-06-30\",\"reason\":\"Kéo dài dự án\"}" },
	{ "temporary-transfer", "return-home", "active", "returned", false, LEAD, "", REL_RECEIVING,
	  "{\"remarks\":\"Hoàn thành tốt nhiệm vụ\"}" },
	{ "temporary-transfer", "close", "returned", "closed", false, OFFICE, "", REL_SENDING, NULL },
	{ "temporary-transfer", "withdraw", "draft filed incomplete", "withdrawn", true, "", HELPERS,
	  REL_SENDING, REASON },

	{ "account", "issue", "absent", "pending", false, "admin", "", REL_ACCOUNT,
	  "{\"username\":\"lan.nt\",\"full_name\":\"Nguyễn Thị Lan\"}" },
	{ "account", "activate", "pending", "active", false, "admin", "", REL_ACCOUNT, NULL },
	{ "account", "lock", "active", "locked", false, "admin", "", REL_ACCOUNT, REASON },
	{ "account", "unlock", "locked", "active", false, "admin", "", REL_ACCOUNT, NULL },
	{ "account", "revoke", "pending active locked", "revoked", false, "admin", "", REL_ACCOUNT,
	  REASON },
	{ "account", "reset-password", "pending active locked", "=", false, "admin", "", REL_ACCOUNT,
	  NULL },
	{ "account", "grant", "pending active locked", "=", false, "admin", "", REL_ACCOUNT,
	  "{\"role\":\"clerk\",\"org\":17}" },
};

#define N_EXPECTS (sizeof expects / sizeof expects[0])

/* word is one of the space-separated words of list. */
static bool listed(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;

	while ((p = strstr(p, word))) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
		p += n;
	}
	return false;
}

static enum proc_outcome decide_any(const struct proc_machine *m, const struct proc_actor *actor,
				    int state, const char *action, const cJSON *payload,
				    long on_behalf, struct proc_verdict *v)
{
	struct proc_request req = { .action = action, .on_behalf_of = on_behalf,
				    .payload = payload, .now = fixture_now() };
	struct proc_case c;
	struct proc_account acct = { .account_id = SUBJECT_ACCOUNT, .state = state,
				     .org = org_of(REL_ACCOUNT) };
	int p;

	if (m == proc_account_machine())
		return proc_decide_account(actor, &acct, &req, fixture_within, NULL, v);
	p = vocab_find(&vocab_procedures, m->name);
	c = fixture_case((enum procedure)p, m->states[0].name);
	c.state = state;
	return proc_decide(actor, &c, &req, fixture_within, NULL, v);
}

/* Reasons about who acts (granting outside one's scope is one: it depends
 * on the actor's grants). */
static bool authority_code(const char *code)
{
	return !strcmp(code, "not-authorised") || !strcmp(code, "member-only") ||
	       !strcmp(code, "on-behalf-not-allowed") || !strcmp(code, "grant-outside-scope");
}

/* Another row of the same action (return-incomplete at the sending and at
 * the receiving side) covers this state. */
static bool other_row_covers(const struct expect *e, const char *state)
{
	size_t i;

	for (i = 0; i < N_EXPECTS; i++)
		if (&expects[i] != e && !strcmp(expects[i].machine, e->machine) &&
		    !strcmp(expects[i].action, e->action) && listed(expects[i].from, state))
			return true;
	return false;
}

/* A refusal gives exactly the reasons expected.  From a wrong state the
 * authority is measured against the action's first row, so only the state
 * reason is pinned there. */
static void check_refusal(const struct proc_verdict *v, bool authorised, bool in_from)
{
	size_t i;
	bool saw_state = false, saw_authority = false;

	for (i = 0; i < v->n_reasons; i++) {
		saw_state |= !strcmp(v->reasons[i].code, "wrong-state");
		saw_authority |= authority_code(v->reasons[i].code);
		/* The payload is valid and the guards pass: nothing else. */
		if (strcmp(v->reasons[i].code, "wrong-state") && !authority_code(v->reasons[i].code)) {
			fixture_dump(v);
			fail_msg("unexpected reason %s", v->reasons[i].code);
		}
	}
	assert_int_equal(saw_state, !in_from);
	if (in_from)
		assert_int_equal(saw_authority, !authorised);
}

static void check_row(const struct expect *e, long *allowed, long *refused)
{
	const struct proc_machine *m = proc_machine_find(e->machine);
	cJSON *payload = e->payload ? cJSON_Parse(e->payload) : NULL;
	struct fixture_actor a;
	struct proc_verdict v;
	const char *role;
	bool in_from, authorised;
	int s, r, rel, mode, want_to;

	assert_non_null(m);
	assert_true(!e->payload || payload);
	for (s = 0; s < m->n_states; s++) {
		in_from = listed(e->from, m->states[s].name);
		if (!in_from && other_row_covers(e, m->states[s].name))
			continue;
		want_to = !strcmp(e->to, "=") ? s : proc_state_find(m, e->to);
		assert_true(want_to >= 0);
		for (r = 0; r < ROLE_COUNT; r++)
			for (rel = 0; rel < REL_COUNT; rel++)
				for (mode = 0; mode < 2; mode++) {
					role = vocab_name(&vocab_roles, r);
					fixture_actor_init(&a, (enum role)r, org_of(rel));
					authorised = mode == 0
						? (r == ROLE_MEMBER && e->self) ||
						  (listed(e->own, role) && rel == (int)e->rel)
						: listed(e->delegates, role) && rel == (int)e->rel;
					if (decide_any(m, &a.actor, s, e->action, payload,
						       mode ? CASE_MEMBER : 0, &v) == PROC_ALLOWED) {
						if (!(authorised && in_from))
							fail_msg("%s %s from %s by %s in %s%s: allowed",
								 e->machine, e->action, m->states[s].name,
								 role, vocab_name(&vocab_relations, rel),
								 mode ? " on behalf" : "");
						assert_int_equal(v.to_state, want_to);
						if (v.on_behalf != (mode == 1))
							fail_msg("%s %s by %s: on_behalf %d", e->machine, e->action, role, v.on_behalf);
						(*allowed)++;
					} else {
						if (authorised && in_from) {
							fixture_dump(&v);
							fail_msg("%s %s from %s by %s in %s%s: refused",
								 e->machine, e->action, m->states[s].name,
								 role, vocab_name(&vocab_relations, rel),
								 mode ? " on behalf" : "");
						}
						check_refusal(&v, authorised, in_from);
						(*refused)++;
					}
				}
	}
	cJSON_Delete(payload);
}

static void every_role_relation_and_state_is_decided_as_expected(void **state)
{
	long allowed = 0, refused = 0;
	size_t i;

	(void)state;
	for (i = 0; i < N_EXPECTS; i++)
		check_row(&expects[i], &allowed, &refused);
	/* Both answers occur in bulk: the loop did not pass vacuously. */
	assert_true(allowed > 50);
	assert_true(refused > 10000);
}

/* Every action the tables define is in the expectation table above, so a
 * new action cannot slip in untested. */
static void every_action_in_the_tables_is_expected(void **state)
{
	const struct proc_machine *ms[PROC_COUNT + 1];
	size_t i, k;
	int a, p, found;

	(void)state;
	for (p = 0; p < PROC_COUNT; p++)
		ms[p] = proc_machine((enum procedure)p);
	ms[PROC_COUNT] = proc_account_machine();
	for (k = 0; k <= PROC_COUNT; k++)
		for (a = 0; a < ms[k]->n_actions; a++) {
			found = 0;
			for (i = 0; i < N_EXPECTS; i++)
				found += !strcmp(expects[i].machine, ms[k]->name) &&
					 !strcmp(expects[i].action, ms[k]->actions[a].name);
			if (!found)
				fail_msg("%s %s has no expectation", ms[k]->name,
					 ms[k]->actions[a].name);
		}
}

/* A role held higher up covers the subtree: the province's secretary may
 * confirm a branch's fee; a branch's cannot act in its sibling. */
static void a_role_covers_its_subtree(void **state)
{
	struct proc_request req = { .action = "confirm", .now = fixture_now() };
	struct proc_case c = fixture_case(PROC_FEE, "paid");
	struct fixture_actor a;
	struct proc_verdict v;

	(void)state;
	fixture_actor_init(&a, ROLE_SECRETARY, FX_PROVINCE);
	assert_int_equal(fixture_decide(&a.actor, &c, "confirm", NULL, 0, &v), PROC_ALLOWED);
	fixture_actor_init(&a, ROLE_SECRETARY, FX_UNRELATED);
	assert_int_equal(fixture_decide(&a.actor, &c, "confirm", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "not-authorised", ""));
	/* Without a tree, a role covers its own organisation only. */
	fixture_actor_init(&a, ROLE_SECRETARY, FX_PROVINCE);
	assert_int_equal(proc_decide(&a.actor, &c, &req, NULL, NULL, &v), PROC_REFUSED);
	fixture_actor_init(&a, ROLE_SECRETARY, org_of(REL_OWN));
	assert_int_equal(proc_decide(&a.actor, &c, &req, NULL, NULL, &v), PROC_ALLOWED);
}

static void another_member_cannot_act_as_the_member(void **state)
{
	struct proc_case c = fixture_case(PROC_OFFICIAL_TRANSFER, "issued");
	struct fixture_actor a;
	struct proc_verdict v;

	(void)state;
	fixture_actor_init(&a, ROLE_MEMBER, org_of(REL_SENDING));
	a.actor.member_id = OTHER_MEMBER;
	assert_int_equal(fixture_decide(&a.actor, &c, "present", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "member-only", ""));
	/* A member id without a member's role is not the member either. */
	fixture_actor_init(&a, ROLE_CLERK, FX_UNRELATED);
	a.actor.member_id = CASE_MEMBER;
	assert_int_equal(fixture_decide(&a.actor, &c, "present", NULL, 0, &v), PROC_REFUSED);
	assert_non_null(fixture_reason(&v, "member-only", ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_role_relation_and_state_is_decided_as_expected),
		cmocka_unit_test(every_action_in_the_tables_is_expected),
		cmocka_unit_test(a_role_covers_its_subtree),
		cmocka_unit_test(another_member_cannot_act_as_the_member),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
