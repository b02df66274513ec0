/* A case's history: its entries in the audit log (GET
 * /api/v1/cases/ID/history, docs/API.md). */
#ifndef TTHCD_HISTORY_H
#define TTHCD_HISTORY_H

#include <cjson/cJSON.h>

#include "srv.h"

/* {"case": ID, "entries": [...]} oldest first, or NULL with e set:
 * TTHC_E_NOT_FOUND both for a case that does not exist and for one the
 * caller cannot see, so that the answer tells nothing of it. */
cJSON *history_get(struct srv *s, const struct actor *who, const char *id,
		   struct tthc_err *e);

#endif
