/* The changes feed (GET /api/v1/changes; docs/API.md "Changes"; DESIGN.md
 * sections 3 and 8) and its pruning, over the tables server/rows.h writes.
 *
 * A caller sees a row when an organisation of the row's visibility set lies
 * in the subtree of one where the caller holds any role.  A page lists, oldest
 * first, the rows whose latest change is after the cursor and that the caller
 * sees now (whole: kind, id, version, org codes, the entity as `row`) or saw
 * before it (a tombstone: deleted, or moved out of the caller's scope).
 *
 * Cursors are opaque to clients:
 *   "" (none)  a full sync: every row the caller sees, current version only,
 *              read from the one-change-per-row table (no history replay),
 *              and no tombstone of a row deleted before the sync began;
 *   "fF.S"     a full sync begun when the sequence stood at F, sent up to S;
 *   "iS"       incremental: everything up to seq S is known.
 * The last page of a full sync hands over an incremental cursor. */
#ifndef TTHCD_FEED_H
#define TTHCD_FEED_H

#include <stdint.h>

#include "db.h"
#include "util/buf.h"
#include "util/err.h"

#define FEED_LIMIT_DEFAULT 500
#define FEED_LIMIT_MAX 5000

/* The page after cursor `since` (NULL or "" for a full sync) of at most
 * limit rows for the account, as the JSON text of a model_changes_page, into
 * out.  Errors: TTHC_E_INVALID (where "since") for a cursor this server
 * never gives; TTHC_E_CURSOR_EXPIRED when it is older than the horizon (see
 * feed_prune); TTHC_E_RESYNC when the account's roles changed after it, or
 * it is ahead of the server (a database restored from a backup). */
int feed_page(struct db *db, int64_t account_id, const char *since, int limit,
	      struct buf *out, struct tthc_err *e);

struct feed_pruned {
	int64_t horizon;        /* the oldest cursor still answered */
	int64_t tombstones;     /* deleted */
	int64_t keys;           /* idempotency keys deleted */
};

/* Forget changes older than keep_days before now: their tombstones, and
 * what moved rows left behind; cursors before them then get
 * cursor-expired.  Idempotency keys go only after max(keep_days, 180) days
 * (issue 5: kept longer than any branch stays offline). */
int feed_prune(struct db *db, int64_t now, int keep_days, struct feed_pruned *out,
	       struct tthc_err *e);

#endif
