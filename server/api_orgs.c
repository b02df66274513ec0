/* POST /api/v1/orgs: a new organisation under a parent in the caller's
 * administration scope (rbac.h, ORG_WRITE). */
#include <stddef.h>

#include "api.h"
#include "model/model.h"
#include "orgs.h"
#include "rbac.h"

struct org_req {
	char *code;
	char *name;
	int type;               /* enum org_type */
	char *parent;
};

#define F(wire, member, t) MODEL_FIELD(struct org_req, wire, member, t, JF_REQUIRED)

static const struct jfield org_fields[] = {
	{ F("code", code, JT_ID), .min = 1, .max = MODEL_ID_MAX },
	{ F("name", name, JT_STRING), .min = 1, .max = MODEL_NAME_MAX },
	{ F("type", type, JT_ENUM), .vocab = &vocab_org_types },
	{ F("parent", parent, JT_ID), .min = 1, .max = MODEL_ID_MAX },
};
static const struct jschema org_schema = JSCHEMA(struct org_req, org_fields, NULL);

static int create(struct srv *s, const struct actor *who, const struct org_req *q,
		  struct tthc_err *e)
{
	struct db_tx *tx;
	int64_t parent;

	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	if (org_find(tx, q->parent, &parent, e) < 0) {
		tthc_err_prefix(e, "parent");
	} else if (rbac_check(tx, who, RBAC_ORG_WRITE, parent, e) == 0 &&
		   org_add_tx(tx, s, who, q->code, q->name, vocab_name(&vocab_org_types, q->type),
			      q->parent, e) == 0) {
		return db_commit(tx, e);
	}
	db_rollback(tx);
	return -1;
}

void api_orgs_create(struct http_req *r)
{
	struct org_req q;
	struct tthc_err e;
	cJSON *res, *o;

	if (model_parse(&org_schema, r->body, r->body_len, JSON_STRICT, &q, &e) < 0) {
		http_fail_err(r, &e);
		return;
	}
	if (create(r->srv, &r->actor, &q, &e) < 0) {
		http_fail_err(r, &e);
	} else {
		res = cJSON_CreateObject();
		o = cJSON_AddObjectToObject(res, "org");
		cJSON_AddStringToObject(o, "code", q.code);
		cJSON_AddStringToObject(o, "name", q.name);
		cJSON_AddStringToObject(o, "type", vocab_name(&vocab_org_types, q.type));
		cJSON_AddStringToObject(o, "parent", q.parent);
		http_ok(r, 201, res);
	}
	schema_free(&org_schema, &q);
}
