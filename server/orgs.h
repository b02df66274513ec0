/* The organisation tree: each organisation has a stable code (its wire
 * name), a name for people, a type from core/model/vocab.h and a parent;
 * the root (the province) has none.  Visibility and administration go by
 * subtree (DESIGN.md section 4). */
#ifndef TTHCD_ORGS_H
#define TTHCD_ORGS_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "srv.h"

/* Add an organisation.  parent NULL creates the root, which only an empty
 * tree may get. */
int org_add(struct srv *s, const struct actor *who, const char *code, const char *name,
	    const char *type, const char *parent, struct tthc_err *e);
int org_add_tx(struct db_tx *tx, const struct srv *s, const struct actor *who,
	       const char *code, const char *name, const char *type, const char *parent,
	       struct tthc_err *e);

/* The id of the organisation with this code (TTHC_E_NOT_FOUND if none). */
int org_find(struct db_tx *tx, const char *code, int64_t *id, struct tthc_err *e);

/* Whether org lies in the subtree of an organisation where account holds
 * role (NULL: any role). */
int org_in_scope(struct db_tx *tx, int64_t account, const char *role, int64_t org,
		 bool *out, struct tthc_err *e);

/* {"orgs":[{"code","name","type","parent"}]}: every organisation in the
 * subtree of one where the account holds a role (all of them for the local
 * command line), parents before children. */
cJSON *org_list(struct srv *s, const struct actor *who, struct tthc_err *e);

#endif
