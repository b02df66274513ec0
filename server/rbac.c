#include "rbac.h"

#include "util/i18n.h"

static const unsigned op_roles[RBAC_OP_COUNT] = {
#define X(op, roles) [RBAC_##op] = (roles),
	RBAC_OPS(X)
#undef X
};

_Static_assert(ROLE_COUNT == RBAC_SCOPE_PARAMS - 2,
	       "RBAC_SCOPE_CTE has one placeholder per role");

unsigned rbac_roles(enum rbac_op op)
{
	return op_roles[op];
}

/* Every role's slot gets its wire name when op allows it, NULL (which
 * matches nothing in IN) when not: one statement shape for every op. */
static void bind_roles(struct db_stmt *st, int first, enum rbac_op op)
{
	int i;

	for (i = 0; i < ROLE_COUNT; i++)
		db_bind_text(st, first + i,
			     op_roles[op] & (1u << i) ? vocab_name(&vocab_roles, i) : NULL);
}

void rbac_bind_scope(struct db_stmt *st, int first, const struct actor *who, enum rbac_op op)
{
	db_bind_int(st, first, who->account_id);
	db_bind_int(st, first + 1, who->account_id);
	bind_roles(st, first + 2, op);
}

/* 0 when the statement, bound from 3 on with the roles of op, counts a
 * row; else TTHC_E_FORBIDDEN. */
static int allowed(struct db_stmt *st, enum rbac_op op, struct tthc_err *e)
{
	bool ok = false;
	int rc;

	bind_roles(st, 3, op);
	rc = db_step(st, e);
	if (rc == 1)
		ok = db_col_int(st, 0) > 0;
	db_finalize(st);
	if (rc < 0)
		return -1;
	return ok ? 0 : tthc_fail(e, TTHC_E_FORBIDDEN, "", _("outside your organisations"));
}

int rbac_check(struct db_tx *tx, const struct actor *who, enum rbac_op op, int64_t org,
	       struct tthc_err *e)
{
	struct db_stmt *st;

	if (who->account_id == 0)
		return 0;
	/* Walk up from org to the root; plain recursive SQL that PostgreSQL
	 * takes as well. */
	st = db_prepare(tx,
		"WITH RECURSIVE up(id) AS (SELECT CAST(? AS INTEGER) UNION ALL "
		"  SELECT o.parent_id FROM orgs o JOIN up ON o.id = up.id "
		"  WHERE o.parent_id IS NOT NULL) "
		"SELECT count(*) FROM up JOIN account_roles r ON r.org_id = up.id "
		"WHERE r.account_id = ? AND r.role IN (?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, org);
	db_bind_int(st, 2, who->account_id);
	return allowed(st, op, e);
}

int rbac_check_self(struct db_tx *tx, const struct actor *who, enum rbac_op op, int64_t member,
		    struct tthc_err *e)
{
	struct db_stmt *st;

	if (who->account_id == 0)
		return 0;
	st = db_prepare(tx, "SELECT count(*) FROM accounts a JOIN account_roles r "
			"ON r.account_id = a.id WHERE a.member_id = ? AND a.id = ? "
			"AND r.role IN (?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, member);
	db_bind_int(st, 2, who->account_id);
	return allowed(st, op, e);
}
