/* The handlers of /api/v1 (docs/API.md is their contract). */
#ifndef TTHCD_API_H
#define TTHCD_API_H

#include "http.h"

void api_session_create(struct http_req *r);
void api_session_delete(struct http_req *r);
void api_password_change(struct http_req *r);
void api_accounts_list(struct http_req *r);
void api_accounts_create(struct http_req *r);
void api_account_get(struct http_req *r);
void api_account_verb(struct http_req *r);
void api_orgs_list(struct http_req *r);
void api_actions_push(struct http_req *r);

#endif
