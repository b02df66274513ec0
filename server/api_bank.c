/* /api/v1/orgs/CODE/bank-accounts: the accounts an organisation is paid
 * into (bank.h). */
#include <stddef.h>
#include <string.h>

#include "api.h"
#include "api_util.h"
#include "bank.h"
#include "model/json.h"

/* PUT: {"base_version": N, "bank_account": BANK_ACCOUNT}. */
struct bank_put {
	int64_t base_version;
	struct model_bank_account *bank_account;
};

static const struct jfield put_fields[] = {
	{ MODEL_FIELD(struct bank_put, "base_version", base_version, JT_INT, JF_REQUIRED),
	  .min = 1, .max = JSON_INT_LIMIT - 1 },
	{ MODEL_FIELD(struct bank_put, "bank_account", bank_account, JT_STRUCT, JF_REQUIRED),
	  .sub = &model_bank_account_schema },
};
static const struct jschema put_schema = JSCHEMA(struct bank_put, put_fields, NULL);

void api_bank_list(struct http_req *r)
{
	struct tthc_err e;
	cJSON *list = bank_list(r->srv, &r->actor, r->arg, &e);

	if (list)
		http_ok(r, 200, list);
	else
		http_fail_err(r, &e);
}

static void answer(struct http_req *r, int status, const char *id)
{
	struct tthc_err e;
	cJSON *b = bank_get(r->srv, &r->actor, r->arg, id, &e);

	if (b)
		http_ok(r, status, b);
	else
		http_fail_err(r, &e);
}

void api_bank_create(struct http_req *r)
{
	struct model_bank_account b;
	struct tthc_err e;

	if (model_bank_account_parse(r->body, r->body_len, JSON_STRICT, &b, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (bank_create(r->srv, &r->actor, r->arg, &b, "", &e) < 0)
		http_fail_err(r, &e);
	else
		answer(r, 201, b.id);
	model_bank_account_free(&b);
}

void api_bank_put(struct http_req *r)
{
	struct bank_put q;
	struct tthc_err e;

	if (model_parse(&put_schema, r->body, r->body_len, JSON_STRICT, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (bank_update(r->srv, &r->actor, r->arg, r->arg2, q.base_version, q.bank_account,
			"bank_account", &e) < 0) {
		http_fail_err(r, &e);
		if (e.code == TTHC_E_CONFLICT && !strcmp(e.where, "base_version"))
			api_attach_current(r, bank_get(r->srv, &r->actor, r->arg, r->arg2,
						       &(struct tthc_err){ 0 }));
	} else {
		answer(r, 200, r->arg2);
	}
	schema_free(&put_schema, &q);
}
