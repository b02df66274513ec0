/* The handlers of /api/v1 (docs/API.md is their contract). */
#ifndef TTHCD_API_H
#define TTHCD_API_H

#include "http.h"
#include "model/schema.h"

/* Decode a request body strictly (json_parse, then schema_decode in
 * JSON_STRICT mode): an empty body reads as {}.  On failure *out owns
 * nothing and e->where is the JSON path of the problem, or "byte N" for
 * a body that does not parse (bad UTF-8, syntax, depth past 32). */
int api_decode(const char *body, size_t len, const struct jschema *s, void *out,
	       struct tthc_err *e);

void api_session_create(struct http_req *r);
void api_session_delete(struct http_req *r);
void api_password_change(struct http_req *r);
void api_accounts_list(struct http_req *r);
void api_accounts_create(struct http_req *r);
void api_account_get(struct http_req *r);
void api_account_verb(struct http_req *r);
void api_orgs_list(struct http_req *r);
void api_changes(struct http_req *r);
void api_orgs_create(struct http_req *r);
void api_members_list(struct http_req *r);
void api_members_create(struct http_req *r);
void api_member_get(struct http_req *r);
void api_member_put(struct http_req *r);
void api_member_patch(struct http_req *r);
void api_member_verb(struct http_req *r);
void api_bank_list(struct http_req *r);
void api_bank_create(struct http_req *r);
void api_bank_put(struct http_req *r);
void api_report_fees(struct http_req *r);
void api_report_cases(struct http_req *r);
void api_actions_push(struct http_req *r);
void api_case_history(struct http_req *r);

#endif
