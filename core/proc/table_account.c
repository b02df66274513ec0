/* Accounts on tthcd (DESIGN.md sections 4 and 8): an administrator acts on
 * the accounts of the organisations in his subtree.  Same table form as the
 * procedures, so the same decision and the same listing serve both. */
#include "proc/table.h"

enum { ABSENT, PENDING, ACTIVE, LOCKED, REVOKED };

static const struct proc_state states[] = {
	[ABSENT] = { "absent", N_("Not issued") },
	[PENDING] = { "pending", N_("Issued, not yet active") },
	[ACTIVE] = { "active", N_("Active") },
	[LOCKED] = { "locked", N_("Locked") },
	[REVOKED] = { "revoked", N_("Revoked") },
};

static const struct proc_field issue_fields[] = {
	{ "username", FIELD_TEXT, FIELD_REQUIRED, 3, 64, NULL, N_("User name") },
	{ "full_name", FIELD_TEXT, FIELD_REQUIRED, 1, 200, NULL, N_("Full name") },
	END
};

static const struct proc_choice roles[] = {
#define X(id, name, label) { name, label },
	TTHC_ROLES(X)
#undef X
	{ NULL, NULL },
};

static const struct proc_field grant_fields[] = {
	{ "role", FIELD_ENUM, FIELD_REQUIRED, 0, 0, roles, N_("Role") },
	{ "org", FIELD_INT, FIELD_REQUIRED, 1, 2147483647L, NULL, N_("Organisation") },
	END
};

#define LIVE (S(PENDING) | S(ACTIVE) | S(LOCKED))

static const struct proc_action actions[] = {
	{ .name = "issue", .label = N_("Issue an account"), .from = S(ABSENT), .to = PENDING,
	  .roles = R(ADMIN), .rel = REL_ACCOUNT, .fields = issue_fields },
	{ .name = "activate", .label = N_("Activate the account"), .from = S(PENDING),
	  .to = ACTIVE, .roles = R(ADMIN), .rel = REL_ACCOUNT, .fields = proc_fields_none },
	{ .name = "lock", .label = N_("Lock the account"), .from = S(ACTIVE), .to = LOCKED,
	  .roles = R(ADMIN), .rel = REL_ACCOUNT, .fields = proc_fields_reason,
	  .guards = G(NOT_OWN_ACCOUNT) },
	{ .name = "unlock", .label = N_("Unlock the account"), .from = S(LOCKED), .to = ACTIVE,
	  .roles = R(ADMIN), .rel = REL_ACCOUNT, .fields = proc_fields_none },
	/* Revoking also ends every token of the account (DESIGN.md section 8). */
	{ .name = "revoke", .label = N_("Revoke the account and its tokens"), .from = LIVE,
	  .to = REVOKED, .roles = R(ADMIN), .rel = REL_ACCOUNT, .fields = proc_fields_reason,
	  .guards = G(NOT_OWN_ACCOUNT) },
	{ .name = "reset-password", .label = N_("Reset the password (changed at next login)"),
	  .from = LIVE, .to = PROC_SAME, .roles = R(ADMIN), .rel = REL_ACCOUNT,
	  .fields = proc_fields_none },
	{ .name = "grant", .label = N_("Grant a role in an organisation"), .from = LIVE,
	  .to = PROC_SAME, .roles = R(ADMIN), .rel = REL_ACCOUNT, .fields = grant_fields,
	  .guards = G(GRANT_IN_SCOPE) | G(NOT_OWN_ACCOUNT) },
};

const struct proc_machine proc_machine_account = {
	"account", N_("Accounts"), "DESIGN.md sections 4 and 8",
	states, (int)(sizeof states / sizeof states[0]),
	actions, (int)(sizeof actions / sizeof actions[0]),
};
