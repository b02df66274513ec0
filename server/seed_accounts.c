/* The demo accounts: every role at several levels (the province, a commune
 * and a ward, two of the commune's village branches, an enterprise with
 * its đảng bộ bộ phận and a branch in it, a chi bộ cơ sở), all active and
 * all with the one demo password, hashed ONCE (argon2id costs ~64 MiB and
 * a good part of a second each: DESIGN.md section 8, "Accounts"). */
#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "password.h"
#include "seed_impl.h"
#include "util/i18n.h"

/* Which organisation of the plan an account belongs to. */
enum where {
	AT_ROOT, AT_COMMUNE, AT_WARD, AT_VILLAGE_1, AT_VILLAGE_2, AT_AGENCY, AT_SUB_COMMITTEE,
	AT_AGENCY_BRANCH, AT_BASE_BRANCH, AT_COUNT
};

/* Short Vietnamese role names for user names ("xa-tan-phu.bithu"). */
static const char *const role_words[ROLE_COUNT] = {
	[ROLE_SECRETARY] = "bithu", [ROLE_DEPUTY_SECRETARY] = "phobithu",
	[ROLE_COMMITTEE_MEMBER] = "uyvien", [ROLE_FINANCE] = "taichinh",
	[ROLE_CLERK] = "vanthu", [ROLE_ADMIN] = "quantri",
	[ROLE_ASSIGNED_STAFF] = "canbo", [ROLE_MEMBER] = "dangvien",
};

static const struct {
	enum where at;
	enum role role;
} demo[] = {
	{ AT_ROOT, ROLE_ADMIN }, { AT_ROOT, ROLE_SECRETARY }, { AT_ROOT, ROLE_FINANCE },
	{ AT_COMMUNE, ROLE_ADMIN }, { AT_COMMUNE, ROLE_SECRETARY },
	{ AT_COMMUNE, ROLE_DEPUTY_SECRETARY }, { AT_COMMUNE, ROLE_COMMITTEE_MEMBER },
	{ AT_COMMUNE, ROLE_CLERK }, { AT_COMMUNE, ROLE_FINANCE },
	{ AT_WARD, ROLE_ADMIN }, { AT_WARD, ROLE_SECRETARY },
	{ AT_VILLAGE_1, ROLE_SECRETARY }, { AT_VILLAGE_1, ROLE_DEPUTY_SECRETARY },
	{ AT_VILLAGE_1, ROLE_FINANCE }, { AT_VILLAGE_1, ROLE_CLERK },
	{ AT_VILLAGE_1, ROLE_ASSIGNED_STAFF }, { AT_VILLAGE_1, ROLE_MEMBER },
	{ AT_VILLAGE_2, ROLE_SECRETARY }, { AT_VILLAGE_2, ROLE_FINANCE },
	{ AT_AGENCY, ROLE_ADMIN }, { AT_AGENCY, ROLE_SECRETARY }, { AT_AGENCY, ROLE_FINANCE },
	{ AT_SUB_COMMITTEE, ROLE_SECRETARY }, { AT_AGENCY_BRANCH, ROLE_SECRETARY },
	{ AT_BASE_BRANCH, ROLE_SECRETARY }, { AT_BASE_BRANCH, ROLE_FINANCE },
	{ AT_BASE_BRANCH, ROLE_MEMBER },
};

_Static_assert(sizeof demo / sizeof demo[0] <= SEED_ACCOUNTS_MAX, "room for the demo table");

/* The first organisation of the plan that fits each place (the plan always
 * has two communes, the second a ward, and an agency with a đảng bộ bộ
 * phận: server/seed_tree.c). */
static void find_places(const struct seed_plan *p, int at[AT_COUNT])
{
	size_t i;

	for (i = 0; i < AT_COUNT; i++)
		at[i] = -1;
	at[AT_ROOT] = 0;
	for (i = 1; i < p->n; i++) {
		const struct seed_org *o = &p->orgs[i];
		int slot = -1;

		if (o->type == ORG_BASE_COMMITTEE)
			slot = !o->commune ? AT_AGENCY : at[AT_COMMUNE] < 0 ? AT_COMMUNE : AT_WARD;
		else if (o->type == ORG_SUB_COMMITTEE)
			slot = AT_SUB_COMMITTEE;
		else if (o->type == ORG_BASE_BRANCH)
			slot = AT_BASE_BRANCH;
		else if (o->parent == at[AT_COMMUNE] && !o->workplace)
			slot = at[AT_VILLAGE_1] < 0 ? AT_VILLAGE_1 : AT_VILLAGE_2;
		else if (at[AT_SUB_COMMITTEE] >= 0 && o->parent == at[AT_SUB_COMMITTEE])
			slot = AT_AGENCY_BRANCH;
		if (slot >= 0 && at[slot] < 0)
			at[slot] = (int)i;
	}
}

/* The first member of a branch (by the order seed_members.c wrote them),
 * for its demo đảng viên account to act as himself; "" when the branch has
 * none (a tiny --members). */
static int first_member(struct db_tx *tx, const char *org, char *code, size_t size,
			struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT m.code FROM members m JOIN orgs o "
					"ON o.id = m.org_id WHERE o.code = ? ORDER BY m.id LIMIT 1",
					e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, org);
	rc = db_step(st, e);
	snprintf(code, size, "%s", rc == 1 ? db_col_text(st, 0) : "");
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

int seed_accounts_write(struct seed_ctx *c, struct tthc_err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	int at[AT_COUNT];
	size_t i;

	find_places(&c->plan, at);
	if (pw_hash(c->o->password, hash, e) < 0)
		return -1;
	for (i = 0; i < sizeof demo / sizeof demo[0]; i++) {
		const struct seed_org *o;
		struct seed_account *a;
		struct role_pair rp;
		char member[MODEL_ID_MAX + 1] = "";

		if (at[demo[i].at] < 0)
			continue;       /* not in this plan; the plan always has them */
		o = &c->plan.orgs[at[demo[i].at]];
		a = &c->res->accounts[c->res->n_accounts];
		/* "tinh.quantri" at the province: its code may be anything. */
		snprintf(a->name, sizeof a->name, "%.48s.%s", demo[i].at == AT_ROOT ? "tinh" : o->code,
			 role_words[demo[i].role]);
		a->role = demo[i].role;
		snprintf(a->org, sizeof a->org, "%s", o->code);
		snprintf(a->org_name, sizeof a->org_name, "%s", o->name);
		rp = (struct role_pair){ vocab_name(&vocab_roles, (int)a->role), o->code };
		if ((a->role == ROLE_MEMBER &&
		     first_member(c->tx, o->code, member, sizeof member, e) < 0) ||
		    acct_add_tx(c->tx, c->srv, c->who,
				&(struct acct_spec){ a->name, &rp, 1, true,
						     member[0] ? member : NULL }, hash, e) < 0) {
			tthc_err_prefix(e, a->name);
			sodium_memzero(hash, sizeof hash);
			return -1;
		}
		c->res->n_accounts++;
	}
	sodium_memzero(hash, sizeof hash);
	return 0;
}
