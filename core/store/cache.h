/* The cache of what the client pulls (DESIGN.md section 3, "Pull"):
 * organisations, members, accounts, cases, fee periods, payments and bank
 * accounts.  Each row keeps its id, version, organisation and the JSON as
 * received (read tolerantly again later, when the client learns new
 * fields), beside the columns the screens sort and filter on. */
#ifndef TTHC_STORE_CACHE_H
#define TTHC_STORE_CACHE_H

#include "model/changes.h"
#include "store/store.h"

/* Apply one page of the changes feed and advance the cursor to page->next,
 * all in one transaction: a row is written only when its version is newer
 * than the cached one, a tombstone deletes a row of the same or an older
 * version.  A row that does not decode as its kind fails the whole page
 * (where "changes[i].row.FIELD"), and nothing of the page is kept. */
int store_apply_page(struct store *st, const struct model_changes_page *page,
		     struct tthc_err *err);

/* Before a full resync (HTTP 410, or the user's roles changed): empty every
 * cache table and forget the cursor, in one transaction.  The outbox and
 * the needs-attention list are kept, and the pending markers come back as
 * the cases are pulled again. */
int store_reset_cache(struct store *st, struct tthc_err *err);

#endif
