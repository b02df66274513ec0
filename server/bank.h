/* The bank accounts that an organisation is paid into (DESIGN.md section
 * 4): read with BANK_READ, written with BANK_WRITE (rbac.h) at the
 * organisation or above, through server/rows.h with an audit entry. */
#ifndef TTHCD_BANK_H
#define TTHCD_BANK_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "model/finance.h"
#include "srv.h"

/* {"bank_accounts":[{"version","bank_account"}]} of organisation org, by id. */
cJSON *bank_list(struct srv *s, const struct actor *who, const char *org, struct tthc_err *e);

/* {"version","bank_account"}; TTHC_E_NOT_FOUND unless org has account id. */
cJSON *bank_get(struct srv *s, const struct actor *who, const char *org, const char *id,
		struct tthc_err *e);

/* Errors about a field of b have `path` before the field's name, as in
 * members.h.  b->org must be org: an account stays with its organisation. */
int bank_create(struct srv *s, const struct actor *who, const char *org,
		const struct model_bank_account *b, const char *path, struct tthc_err *e);

/* Replace account `id` of org, decided on version base (TTHC_E_CONFLICT
 * when stale). */
int bank_update(struct srv *s, const struct actor *who, const char *org, const char *id,
		int64_t base, const struct model_bank_account *b, const char *path,
		struct tthc_err *e);

#endif
