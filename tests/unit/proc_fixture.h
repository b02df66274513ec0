/* A small world for the core/proc tests: one province over seven sibling
 * organisations, one for each relation a case can name, and one that has
 * nothing to do with the case.  Header-only so that only the proc tests
 * carry it. */
#ifndef TTHC_TEST_PROC_FIXTURE_H
#define TTHC_TEST_PROC_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "proc/proc.h"

enum {
	FX_PROVINCE = 1,
	FX_FIRST = 10,                 /* FX_FIRST + rel for each relation */
	FX_UNRELATED = 99,
	CASE_MEMBER = 500,
	OTHER_MEMBER = 501,
	ACTOR_ACCOUNT = 7,
	SUBJECT_ACCOUNT = 8,
};

static inline long org_of(enum proc_rel rel)
{
	return FX_FIRST + (long)rel;
}

/* The province holds every organisation; the others hold only themselves. */
static inline bool fixture_within(void *ctx, long ancestor, long org)
{
	(void)ctx;
	return ancestor == org || ancestor == FX_PROVINCE;
}

static inline int64_t fixture_instant(const char *iso)
{
	int64_t t = 0;

	if (instant_parse(iso, &t, NULL) < 0)
		return -1;
	return t;
}

/* Wednesday 25/11/2026, 10:00 in Vietnam. */
static inline int64_t fixture_now(void)
{
	return fixture_instant("2026-11-25T10:00:00+07:00");
}

/* A case of procedure p in state `state` that every guard accepts. */
static inline struct proc_case fixture_case(enum procedure p, const char *state)
{
	struct proc_case c;
	int r;

	memset(&c, 0, sizeof c);
	c.proc = p;
	c.state = proc_state_find(proc_machine(p), state);
	c.version = 3;
	c.member_id = CASE_MEMBER;
	for (r = 0; r < REL_COUNT; r++)
		c.org[r] = org_of(r);
	c.decision_date = (struct date){ 2026, 11, 2 };
	c.intro_date = (struct date){ 2026, 11, 20 };
	c.received_at = fixture_instant("2026-11-24T09:00:00+07:00");
	c.period = (struct period){ 2026, 10 };
	c.temp_kind = TEMP_WORK;
	c.temp_from = (struct date){ 2026, 10, 1 };
	c.temp_to = (struct date){ 2027, 1, 31 };
	return c;
}

/* An actor holding one role in one organisation; the member's own account
 * when the role is ROLE_MEMBER. */
struct fixture_actor {
	struct proc_grant grant;
	struct proc_actor actor;
};

static inline void fixture_actor_init(struct fixture_actor *a, enum role role, long org)
{
	a->grant.role = role;
	a->grant.org = org;
	a->actor.account_id = ACTOR_ACCOUNT;
	a->actor.member_id = role == ROLE_MEMBER ? CASE_MEMBER : 0;
	a->actor.grants = &a->grant;
	a->actor.n_grants = 1;
}

/* proc_decide with a payload written as JSON text (NULL: none). */
static inline enum proc_outcome fixture_decide(const struct proc_actor *actor,
					       const struct proc_case *c, const char *action,
					       const char *payload, long on_behalf_of,
					       struct proc_verdict *v)
{
	cJSON *json = payload ? cJSON_Parse(payload) : NULL;
	struct proc_request req = { .action = action, .on_behalf_of = on_behalf_of,
				    .payload = json, .now = fixture_now() };
	enum proc_outcome o;

	if (payload && !json) {
		fprintf(stderr, "bad test JSON: %s\n", payload);
		return (enum proc_outcome)-1;
	}
	o = proc_decide(actor, c, &req, fixture_within, NULL, v);
	cJSON_Delete(json);
	return o;
}

/* The reason with this code (and this path, unless path is NULL), or NULL. */
static inline const struct proc_reason *fixture_reason(const struct proc_verdict *v,
						       const char *code, const char *path)
{
	size_t i;

	for (i = 0; i < v->n_reasons; i++)
		if (!strcmp(v->reasons[i].code, code) &&
		    (!path || !strcmp(v->reasons[i].path, path)))
			return &v->reasons[i];
	return NULL;
}

static inline void fixture_dump(const struct proc_verdict *v)
{
	size_t i;

	for (i = 0; i < v->n_reasons; i++)
		fprintf(stderr, "  reason %s [%s] %s\n", v->reasons[i].code, v->reasons[i].path,
			v->reasons[i].message);
}

#endif
