/* /api/v1/accounts and /api/v1/orgs: account administration behind the
 * admin-of-subtree rule (accounts.h). */
#include <stddef.h>
#include <string.h>

#include "accounts.h"
#include "api.h"
#include "orgs.h"
#include "password.h"
#include "model/account.h"
#include "util/i18n.h"

#define MAX_ROLES 64

/* POST /accounts.  Names are judged by accounts.c, in its own words. */
struct create_req {
	char *name;
	char *password;
	struct model_grant *roles;
	size_t n_roles;
	bool active;
	char *member;
};

#define C(wire, member, t, fl) MODEL_FIELD(struct create_req, wire, member, t, fl)

static const struct jfield create_fields[] = {
	{ C("name", name, JT_STRING, JF_REQUIRED), .max = MODEL_NAME_MAX },
	{ C("password", password, JT_STRING, 0), .max = 1024 },
	{ C("roles", roles, JT_ARRAY, JF_REQUIRED), .aux = offsetof(struct create_req, n_roles),
	  .max = MAX_ROLES, .sub = &model_grant_schema },
	{ C("active", active, JT_BOOL, 0) },
	{ C("member", member, JT_STRING, 0), .max = MODEL_ID_MAX },
};
static const struct jschema create_schema = JSCHEMA(struct create_req, create_fields, NULL);

/* POST /accounts/NAME/reset-password */
struct password_req {
	char *password;
};

static const struct jfield reset_fields[] = {
	{ MODEL_FIELD(struct password_req, "password", password, JT_STRING, 0), .max = 1024 },
};
static const struct jschema reset_schema = JSCHEMA(struct password_req, reset_fields, NULL);

/* The other verbs take no fields. */
struct empty_req {
	char unused;
};
static const struct jschema empty_schema = { sizeof(struct empty_req), NULL, 0, NULL };

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

/* The password a verb sets: the request's, or else one generated here and
 * shown once in the answer. */
struct new_password {
	char *given;
	char generated[PW_GENERATED_LEN + 1];
};

static const char *new_password(struct new_password *p, char *given)
{
	p->given = given;
	p->generated[0] = '\0';
	if (!given)
		pw_generate(p->generated);
	return given ? given : p->generated;
}

/* The answer of a verb that set a password (rc: the verb's result), after
 * which no copy of the password stays in memory. */
static void answer_password_verb(struct http_req *r, int rc, const struct tthc_err *e,
				 int status, const char *name, struct new_password *p)
{
	if (rc < 0)
		http_fail_err(r, e);
	else
		answer_account(r, status, name, p->given ? NULL : p->generated);
	sodium_memzero(p->generated, sizeof p->generated);
	if (p->given)
		sodium_memzero(p->given, strlen(p->given));
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
	struct new_password pw;
	struct tthc_err e;
	size_t i;
	int rc;

	if (api_decode(r->body, r->body_len, &create_schema, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	for (i = 0; i < q.n_roles; i++) {
		roles[i].role = vocab_name(&vocab_roles, q.roles[i].role);
		roles[i].org = q.roles[i].org;
	}
	rc = acct_add(r->srv, &r->actor,
		      &(struct acct_spec){ q.name, roles, q.n_roles, q.active, q.member },
		      new_password(&pw, q.password), &e);
	answer_password_verb(r, rc, &e, 201, q.name, &pw);
	schema_free(&create_schema, &q);
}

static void reset_password(struct http_req *r)
{
	struct password_req q;
	struct new_password pw;
	struct tthc_err e;
	int rc;

	if (api_decode(r->body, r->body_len, &reset_schema, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	rc = acct_reset_password(r->srv, &r->actor, r->arg, new_password(&pw, q.password), &e);
	answer_password_verb(r, rc, &e, 200, r->arg, &pw);
	schema_free(&reset_schema, &q);
}

static void grant(struct http_req *r)
{
	struct model_grant q;
	struct tthc_err e;

	if (api_decode(r->body, r->body_len, &model_grant_schema, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (acct_grant(r->srv, &r->actor, r->arg,
		       &(struct role_pair){ .role = vocab_name(&vocab_roles, q.role),
					    .org = q.org }, &e) < 0)
		http_fail_err(r, &e);
	else
		answer_account(r, 200, r->arg, NULL);
	schema_free(&model_grant_schema, &q);
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
	if (api_decode(r->body, r->body_len, &empty_schema, &q, &e) < 0 ||
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
