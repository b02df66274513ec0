#include "api.h"

const struct http_route http_routes[] = {
	{ "POST",   "/api/v1/session",     api_session_create,  ROUTE_PUBLIC },
	{ "DELETE", "/api/v1/session",     api_session_delete,  ROUTE_PW_CHANGE },
	{ "POST",   "/api/v1/password",    api_password_change, ROUTE_PW_CHANGE },
	{ "GET",    "/api/v1/accounts",    api_accounts_list,   0 },
	{ "POST",   "/api/v1/accounts",    api_accounts_create, 0 },
	{ "GET",    "/api/v1/accounts/*",  api_account_get,     0 },
	/* lock, unlock, revoke, activate, reset-password, grant */
	{ "POST",   "/api/v1/accounts/*/*", api_account_verb,    0 },
	{ "GET",    "/api/v1/orgs",        api_orgs_list,       0 },
	{ "GET",    "/api/v1/changes",     api_changes,         0 },
	{ "POST",   "/api/v1/orgs",        api_orgs_create,     0 },
	{ "GET",    "/api/v1/orgs/*/bank-accounts",   api_bank_list,   0 },
	{ "POST",   "/api/v1/orgs/*/bank-accounts",   api_bank_create, 0 },
	{ "PUT",    "/api/v1/orgs/*/bank-accounts/*", api_bank_put,    0 },
	{ "GET",    "/api/v1/members",     api_members_list,    0 },
	{ "POST",   "/api/v1/members",     api_members_create,  0 },
	{ "GET",    "/api/v1/members/*",   api_member_get,      0 },
	{ "PUT",    "/api/v1/members/*",   api_member_put,      0 },
	{ "PATCH",  "/api/v1/members/*",   api_member_patch,    0 },
	/* move */
	{ "POST",   "/api/v1/members/*/*", api_member_verb,     0 },
	{ "GET",    "/api/v1/reports/fees",  api_report_fees,   0 },
	{ "GET",    "/api/v1/reports/cases", api_report_cases,  0 },
	{ "POST",   "/api/v1/actions",     api_actions_push,    0 },
	{ "GET",    "/api/v1/cases/*/history", api_case_history, 0 },
};

const size_t http_n_routes = sizeof http_routes / sizeof http_routes[0];
