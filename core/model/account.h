/* Accounts, their roles in organisations, and the session that logs one in
 * (DESIGN.md sections 3, 4 and 8 "Accounts"; issue 5's API shapes). */
#ifndef TTHC_MODEL_ACCOUNT_H
#define TTHC_MODEL_ACCOUNT_H

#include "model/model.h"

/* One role held in one organisation (and, for the API, its subtree). */
struct model_grant {
	int role;               /* enum role */
	char *org;
};

struct model_account {
	char *id;
	char *username;
	int status;             /* enum account_status */
	struct model_grant *roles;
	size_t n_roles;
	char *member;           /* the member he is, if any */
	bool must_change_password;      /* after reset-password */
};

/* POST /api/v1/session */
struct model_session_request {
	char *username;
	char *password;
};

/* Its answer.  Tokens are URL-safe (the id alphabet), e.g. hex. */
struct model_session {
	char *token;
	int64_t expires_at;
	struct model_grant *roles;
	size_t n_roles;
	char *member;           /* the member the account is, if any: he acts
				 * in his own name on his own cases */
};

extern const struct jschema model_grant_schema;

MODEL_DECLARE(model_account, struct model_account)
MODEL_DECLARE(model_session_request, struct model_session_request)
MODEL_DECLARE(model_session, struct model_session)

#endif
