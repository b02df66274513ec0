/* POST /api/v1/orgs: a new organisation under a parent in the caller's
 * administration scope (rbac.h, ORG_WRITE), of a type that fits under the
 * parent's. */
#include <stddef.h>

#include "api.h"
#include "model/model.h"
#include "orgs.h"
#include "rbac.h"
#include "util/i18n.h"

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

#define T(type) (1u << ORG_##type)

/* The types each type may sit under (DESIGN.md sections 7 and 8: the
 * district level is gone, so base organisations hang from the province; a
 * đảng bộ cơ sở holds đảng bộ bộ phận and chi bộ trực thuộc, a đảng bộ bộ
 * phận holds chi bộ trực thuộc; a chi bộ holds no organisation).  The
 * province is the root only. */
static const unsigned parent_types[] = {
	[ORG_PROVINCE] = 0,
	[ORG_BASE_COMMITTEE] = T(PROVINCE),
	[ORG_SUB_COMMITTEE] = T(BASE_COMMITTEE),
	[ORG_BASE_BRANCH] = T(PROVINCE),
	[ORG_SUB_BRANCH] = T(BASE_COMMITTEE) | T(SUB_COMMITTEE),
};

static int type_fits(struct db_tx *tx, int64_t parent, int type, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT type FROM orgs WHERE id = ?", e);
	int rc, ptype = -1;

	if (!st)
		return -1;
	db_bind_int(st, 1, parent);
	rc = db_step(st, e);
	if (rc == 1)
		ptype = vocab_find(&vocab_org_types, db_col_text(st, 0));
	db_finalize(st);
	if (rc < 0)
		return -1;
	if (ptype < 0 || !(parent_types[type] & (1u << ptype)))
		return tthc_fail(e, TTHC_E_INVALID, "type", _("a %s cannot be under a %s"),
				 vocab_name(&vocab_org_types, type),
				 ptype < 0 ? "?" : vocab_name(&vocab_org_types, ptype));
	return 0;
}

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
		   type_fits(tx, parent, q->type, e) == 0) {
		if (org_add_tx(tx, s, who, q->code, q->name, vocab_name(&vocab_org_types, q->type),
			       q->parent, e) == 0)
			return db_commit(tx, e);
		if (e->code == TTHC_E_CONFLICT)
			tthc_fail(e, TTHC_E_CONFLICT, "code", _("an organisation with this code exists"));
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
