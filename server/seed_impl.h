/* What the parts of `tthcd seed` share (server/seed_*.c); not an API. */
#ifndef TTHCD_SEED_IMPL_H
#define TTHCD_SEED_IMPL_H

#include "demo/names.h"
#include "demo/rng.h"
#include "model/case.h"
#include "model/member.h"
#include "seed.h"

/* One organisation of the plan, before and after it is written. */
struct seed_org {
	char code[64];
	char name[160];
	enum org_type type;
	bool commune;           /* base committees: of a xã or phường */
	bool workplace;         /* branches: of a workplace, not of residents */
	int parent;             /* index into the plan; -1 for the root */
	int64_t id;             /* the database id, once written */
	long first_member;      /* branches: their members, [first, first + n) */
	long n_members;
};

struct seed_plan {
	struct seed_org *orgs;
	size_t n, cap;
	int *branches;          /* indexes of the organisations members belong to */
	size_t n_branches;
};

/* Independent random streams, so that a change in one part (say, more
 * cases) does not shift every member's name. */
enum seed_stream { STREAM_TREE, STREAM_MEMBERS, STREAM_FEES, STREAM_PAYMENTS, STREAM_CASES,
		   STREAM_BANKS };

struct seed_ctx {
	struct srv *srv;
	const struct actor *who;
	struct db_tx *tx;
	const struct seed_opts *o;
	struct seed_result *res;
	struct seed_plan plan;
	struct rng tree;         /* the plan's one stream, drawn in order */
	int64_t now;            /* the seed's instant: 09:00 in Vietnam on o->today */
	struct period first, last;      /* fee periods written: fee_first_period..today's */
	unsigned card_prefix;   /* the province's two digits on every card */
	long card_offset;
	double started;         /* for progress */
	double last_progress;
};

/* The plan of the tree, sized to o->members (seed_tree.c). */
int seed_plan_build(struct seed_ctx *c, struct tthc_err *e);
void seed_plan_free(struct seed_plan *p);
/* Write the plan's organisations under the existing root. */
int seed_orgs_write(struct seed_ctx *c, struct tthc_err *e);

/* A random stream of its own for item i of a stream (a member, a branch),
 * so that its facts do not depend on the order things are drawn in. */
void seed_rng(const struct seed_ctx *c, enum seed_stream stream, uint64_t i, struct rng *out);

/* Member number i (0-based) as a model member of the branch plan.orgs[org]
 * (seed_members.c); strings and decisions go into the caller's buffers. */
struct seed_member_text {
	char id[24], card[24], name[DEMO_NAME_MAX], org[64];
};
struct seed_member_extra {
	struct model_exemption exemption;
	struct model_reduction reduction;
	int country_group;      /* abroad-other: the fee's country group */
	unsigned payer;         /* 0..999: how punctually he pays */
};
void seed_member_make(struct seed_ctx *c, long i, int org, struct model_member *m,
		      struct seed_member_text *t, struct seed_member_extra *x);
/* Every member with his fee rows (seed_members.c, seed_fees.c). */
int seed_members_write(struct seed_ctx *c, struct tthc_err *e);
/* The fee periods of every branch (seed_fees.c). */
int seed_fee_periods_write(struct seed_ctx *c, struct tthc_err *e);
/* One member's payments and open fee cases. */
int seed_member_fees(struct seed_ctx *c, long i, const struct model_member *m,
		     const struct seed_member_extra *x, int org, struct tthc_err *e);
/* The wire name of a state of procedure p as core/proc spells it: name must
 * be one of its states (a seed that names another is a bug, caught by the
 * tests); NULL if it is not (seed_cases.c). */
const char *seed_state(enum procedure p, const char *name);
/* Store one case in the state named state_name (checked by seed_state);
 * rel[0] is its home organisation. */
int seed_case_put(struct seed_ctx *c, const char *id, enum procedure p, const char *state_name,
		  const char *member, struct model_case_org *rel, size_t n_rel, cJSON *fields,
		  int64_t received_at, struct tthc_err *e);
/* The other procedures' open cases (seed_cases.c). */
int seed_cases_write(struct seed_ctx *c, struct tthc_err *e);
/* The bank accounts of the organisations that remit fees (seed_banks.c). */
int seed_banks_write(struct seed_ctx *c, struct tthc_err *e);
/* The demo accounts, all with one hash (seed_accounts.c). */
int seed_accounts_write(struct seed_ctx *c, struct tthc_err *e);

/* "seeding members: 45000/100000" at most a few times a second, once the
 * seed has run for half a second (seed.c). */
void seed_progress(struct seed_ctx *c, const char *what, long done, long total);

#endif
