#include "entity.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

cJSON *entity_answer(const char *key, const char *body, int64_t version)
{
	cJSON *res = cJSON_CreateObject(), *row = cJSON_Parse(body);

	if (!res || !row) {
		cJSON_Delete(res);
		cJSON_Delete(row);
		return NULL;
	}
	cJSON_AddNumberToObject(res, "version", (double)version);
	cJSON_AddItemToObject(res, key, row);
	return res;
}

cJSON *entity_result(cJSON *root, int rc)
{
	if (rc >= 0)
		return root;
	cJSON_Delete(root);
	return NULL;
}

int entity_audit(struct db_tx *tx, const struct srv *s, const struct actor *who,
		 const char *action, const char *kind, const char *code, int64_t before,
		 int64_t after, const cJSON *details, struct tthc_err *e)
{
	char object[160];
	char *json = details ? cJSON_PrintUnformatted(details) : NULL;
	int rc;

	if (details && !json)
		return tthc_fail(e, TTHC_E_NOMEM, "audit", _("out of memory"));
	snprintf(object, sizeof object, "%s:%s", kind, code);
	rc = audit_append(tx, &s->key, srv_now(),
			  &(struct audit_entry){ .actor = who->name, .action = action,
						 .object = object, .before_version = before,
						 .after_version = after, .details = json }, e);
	cJSON_free(json);
	return rc;
}

int entity_check_version(int64_t base, int64_t current, struct tthc_err *e)
{
	if (base == current)
		return 0;
	return tthc_fail(e, TTHC_E_CONFLICT, "base_version",
			 _("changed meanwhile: version %lld is stored, the change was made on %lld"),
			 (long long)current, (long long)base);
}

int entity_field_fail(struct tthc_err *e, enum tthc_code code, const char *path,
		      const char *field, const char *msg)
{
	tthc_fail(e, code, field, "%s", msg);
	tthc_err_prefix(e, path);
	return -1;
}
