/* Pushed actions (DESIGN.md section 3; POST /api/v1/actions): a batch is
 * decided by core/proc and applied in ONE write transaction, all or none.
 *
 * Per action: `applied` (the case's new version and the case), `duplicate`
 * (its key was applied before, by this account with the same content: the
 * stored first result again, no second effect), `conflict` (base_version is
 * not the case's version: the case as it stands) or `rejected` (every
 * reason at once; `key-reused` for a key seen with other content, or from
 * another account).  Only applied results are stored under their key: a
 * conflict or a rejection had no effect, so the key stays free to be sent
 * again, e.g. re-decided on the new version. */
#ifndef TTHCD_ACTIONS_H
#define TTHCD_ACTIONS_H

#include "model/action.h"
#include "srv.h"

/* Apply the batch as who at server time now; out gets one result per
 * action, in order.  -1 (and nothing applied) only when the batch could
 * not be applied at all, e.g. a database error. */
int actions_apply(struct srv *s, const struct actor *who,
		  const struct model_actions_request *req, int64_t now,
		  struct model_actions_response *out, struct tthc_err *e);

#endif
