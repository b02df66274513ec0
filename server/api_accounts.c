/* /api/v1/accounts and /api/v1/orgs: account administration behind the
 * admin-of-subtree rule (accounts.h). */
#include <stddef.h>
#include <string.h>

#include "accounts.h"
#include "api.h"
#include "orgs.h"
#include "password.h"
#include "req.h"
#include "util/i18n.h"

#define MAX_ROLES 64

struct role_req {
	char *role;
	char *org;
};

static const struct req_field role_fields[] = {
	{ "role", REQ_STRING, true, offsetof(struct role_req, role), NULL },
	{ "org", REQ_STRING, true, offsetof(struct role_req, org), NULL },
};
static const struct req_spec role_spec = {
	role_fields, 2, sizeof(struct role_req), MAX_ROLES
};

struct create_req {
	char *name;
	char *password;
	struct req_list roles;
	bool active;
};

static const struct req_field create_fields[] = {
	{ "name", REQ_STRING, true, offsetof(struct create_req, name), NULL },
	{ "password", REQ_STRING, false, offsetof(struct create_req, password), NULL },
	{ "roles", REQ_LIST, true, offsetof(struct create_req, roles), &role_spec },
	{ "active", REQ_BOOL, false, offsetof(struct create_req, active), NULL },
};
static const struct req_spec create_spec = {
	create_fields, 4, sizeof(struct create_req), 0
};

struct password_req {
	char *password;
};

static const struct req_field reset_fields[] = {
	{ "password", REQ_STRING, false, offsetof(struct password_req, password), NULL },
};
static const struct req_spec reset_spec = { reset_fields, 1, sizeof(struct password_req), 0 };

struct empty_req {
	char unused;
};
static const struct req_spec empty_spec = { NULL, 0, sizeof(struct empty_req), 0 };

/* Answer with the account as the list shows it (status code `status`),
 * plus a generated password when there is one. */
static void answer_account(struct http_req *r, int status, const char *name,
			   const char *generated)
{
	struct tthc_err e;
	cJSON *list = acct_list(r->srv, &r->actor, name, &e), *res;

	if (!list) {
		http_fail_err(r, &e);
		return;
	}
	res = cJSON_CreateObject();
	cJSON_AddItemToObject(res, "account",
			      cJSON_DetachItemFromArray(cJSON_GetObjectItem(list, "accounts"), 0));
	if (generated)
		cJSON_AddStringToObject(res, "password", generated);
	cJSON_Delete(list);
	http_ok(r, status, res);
}

void api_accounts_list(struct http_req *r)
{
	struct tthc_err e;
	cJSON *list = acct_require_admin(r->srv, &r->actor, &e) < 0 ? NULL
		    : acct_list(r->srv, &r->actor, NULL, &e);

	if (list)
		http_ok(r, 200, list);
	else
		http_fail_err(r, &e);
}

void api_account_get(struct http_req *r)
{
	struct tthc_err e;

	if (acct_require_admin(r->srv, &r->actor, &e) < 0)
		http_fail_err(r, &e);
	else
		answer_account(r, 200, r->arg, NULL);
}

void api_accounts_create(struct http_req *r)
{
	struct create_req q;
	struct role_pair roles[MAX_ROLES];
	struct role_req *items;
	char generated[PW_GENERATED_LEN + 1] = "";
	struct tthc_err e;
	size_t i;

	if (req_parse(r->body, r->body_len, &create_spec, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	items = q.roles.items;
	for (i = 0; i < q.roles.count; i++) {
		roles[i].role = items[i].role;
		roles[i].org = items[i].org;
	}
	if (!q.password)
		pw_generate(generated);
	if (acct_add(r->srv, &r->actor, q.name, q.password ? q.password : generated, roles,
		     q.roles.count, q.active, &e) < 0)
		http_fail_err(r, &e);
	else
		answer_account(r, 201, q.name, q.password ? NULL : generated);
	sodium_memzero(generated, sizeof generated);
	if (q.password)
		sodium_memzero(q.password, strlen(q.password));
	req_free(&create_spec, &q);
}

static void reset_password(struct http_req *r)
{
	struct password_req q;
	char generated[PW_GENERATED_LEN + 1] = "";
	struct tthc_err e;

	if (req_parse(r->body, r->body_len, &reset_spec, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (!q.password)
		pw_generate(generated);
	if (acct_reset_password(r->srv, &r->actor, r->arg, q.password ? q.password : generated,
				&e) < 0)
		http_fail_err(r, &e);
	else
		answer_account(r, 200, r->arg, q.password ? NULL : generated);
	sodium_memzero(generated, sizeof generated);
	if (q.password)
		sodium_memzero(q.password, strlen(q.password));
	req_free(&reset_spec, &q);
}

static void grant(struct http_req *r)
{
	struct role_req q;
	struct tthc_err e;

	if (req_parse(r->body, r->body_len, &role_spec, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (acct_grant(r->srv, &r->actor, r->arg,
		       &(struct role_pair){ .role = q.role, .org = q.org }, &e) < 0)
		http_fail_err(r, &e);
	else
		answer_account(r, 200, r->arg, NULL);
	req_free(&role_spec, &q);
}

void api_account_verb(struct http_req *r)
{
	struct empty_req q;
	struct tthc_err e;
	int verb;

	if (!strcmp(r->arg2, "reset-password")) {
		reset_password(r);
		return;
	}
	if (!strcmp(r->arg2, "grant")) {
		grant(r);
		return;
	}
	verb = acct_verb_find(r->arg2);
	if (verb < 0) {
		http_fail(r, 404, "not-found", _("no such resource"), NULL);
		return;
	}
	if (req_parse(r->body, r->body_len, &empty_spec, &q, &e) < 0 ||
	    acct_apply(r->srv, &r->actor, r->arg, (enum acct_verb)verb, &e) < 0)
		http_fail_err(r, &e);
	else
		answer_account(r, 200, r->arg, NULL);
}

void api_orgs_list(struct http_req *r)
{
	struct tthc_err e;
	cJSON *list = org_list(r->srv, &r->actor, &e);

	if (list)
		http_ok(r, 200, list);
	else
		http_fail_err(r, &e);
}
