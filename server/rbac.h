/* Who may do what with the organisation tree's data, as one table
 * (docs/API.md "Roles and scope").  A role held at an organisation covers
 * that organisation's whole subtree (DESIGN.md section 4); the local
 * command line (actor 0) may do everything. */
#ifndef TTHCD_RBAC_H
#define TTHCD_RBAC_H

#include <stdint.h>

#include "db.h"
#include "model/vocab.h"
#include "srv.h"

#define RBAC_R(role) (1u << ROLE_##role)
#define RBAC_ALL ((1u << ROLE_COUNT) - 1)
#define RBAC_STAFF (RBAC_R(SECRETARY) | RBAC_R(DEPUTY_SECRETARY) | RBAC_R(COMMITTEE_MEMBER))

/* op, then the roles that may do it.  Clerks keep the member lists (văn
 * thư); finance reads members for the fees and keeps the bank accounts; the
 * cấp ủy (secretary, deputy, committee member) reads everything of its
 * organisation and the secretaries manage its members.  The _SELF ops are
 * about one's own record (the account's member, accounts.member_id), not
 * an organisation: whoever an account's member is reads his own record,
 * the đảng viên above all (DESIGN.md section 8: members act for
 * themselves). */
#define RBAC_OPS(X) \
	X(ORG_WRITE,     RBAC_R(ADMIN)) \
	X(MEMBER_READ,   RBAC_R(ADMIN) | RBAC_STAFF | RBAC_R(CLERK) | RBAC_R(FINANCE)) \
	X(MEMBER_READ_SELF, RBAC_ALL) \
	X(MEMBER_WRITE,  RBAC_R(ADMIN) | RBAC_R(SECRETARY) | RBAC_R(DEPUTY_SECRETARY) | \
			 RBAC_R(CLERK)) \
	X(BANK_READ,     RBAC_R(ADMIN) | RBAC_R(FINANCE) | RBAC_STAFF) \
	X(BANK_WRITE,    RBAC_R(ADMIN) | RBAC_R(FINANCE)) \
	X(REPORT_FEES,   RBAC_R(ADMIN) | RBAC_R(FINANCE) | RBAC_STAFF) \
	X(REPORT_CASES,  RBAC_R(ADMIN) | RBAC_STAFF | RBAC_R(CLERK))

enum rbac_op {
#define X(op, roles) RBAC_##op,
	RBAC_OPS(X)
#undef X
	RBAC_OP_COUNT
};

/* The roles (bits of enum role) that may do op. */
unsigned rbac_roles(enum rbac_op op);

/* 0 when `who` may do op on organisation org (by a role there or above),
 * else -1 with TTHC_E_FORBIDDEN. */
int rbac_check(struct db_tx *tx, const struct actor *who, enum rbac_op op, int64_t org,
	       struct tthc_err *e);

/* 0 when member (an internal id) is who's own member and who holds a role
 * that op allows, else -1 with TTHC_E_FORBIDDEN. */
int rbac_check_self(struct db_tx *tx, const struct actor *who, enum rbac_op op, int64_t member,
		    struct tthc_err *e);

/* A common table expression "scope(id)": every organisation where `who`
 * may do op, for queries that list what the caller may see.  Put it after
 * WITH RECURSIVE and bind its RBAC_SCOPE_PARAMS parameters with
 * rbac_bind_scope from `first` on. */
#define RBAC_SCOPE_CTE \
	"scope(id) AS (" \
	"  SELECT id FROM orgs WHERE ? = 0 AND parent_id IS NULL " \
	"  UNION SELECT org_id FROM account_roles WHERE account_id = ? " \
	"    AND role IN (?, ?, ?, ?, ?, ?, ?, ?) " \
	"  UNION SELECT o.id FROM orgs o JOIN scope ON o.parent_id = scope.id)"
#define RBAC_SCOPE_PARAMS 10
void rbac_bind_scope(struct db_stmt *st, int first, const struct actor *who, enum rbac_op op);

#endif
