/* What the endpoints over server/rows.h share: a stored row as the API
 * shows it ({"version": N, KEY: entity}), the audit entry of a row write,
 * and the optimistic check of a client's base version. */
#ifndef TTHCD_ENTITY_H
#define TTHCD_ENTITY_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "srv.h"

/* {"version": version, key: the parsed body}; NULL when body does not
 * parse (a damaged row) or memory runs out. */
cJSON *entity_answer(const char *key, const char *body, int64_t version);

/* The end of a read that built an answer: root when rc >= 0, else NULL
 * (root freed). */
cJSON *entity_result(cJSON *root, int rc);

/* The audit entry of a write to one row: object "KIND:CODE", details a
 * JSON object or NULL. */
int entity_audit(struct db_tx *tx, const struct srv *s, const struct actor *who,
		 const char *action, const char *kind, const char *code, int64_t before,
		 int64_t after, const cJSON *details, struct tthc_err *e);

/* TTHC_E_CONFLICT (where "base_version") unless the client decided on the
 * version that is stored (docs/API.md: a stale write is refused). */
int entity_check_version(int64_t base, int64_t current, struct tthc_err *e);

/* An error about `field` of an entity that sits at `path` in the request
 * ("" for the whole body): where = "path.field".  Returns -1. */
int entity_field_fail(struct tthc_err *e, enum tthc_code code, const char *path,
		      const char *field, const char *msg);

#endif
