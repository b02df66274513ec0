/* Applying the changes feed (DESIGN.md section 3, "Pull"; issue 6: "apply
 * each page and its cursor in one transaction"), and the full resync. */
#include "store/cache.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/rows.h"
#include "util/fault.h"
#include "util/i18n.h"

static int apply_change(struct putter *p, const struct model_change *c,
			struct tthc_err *err)
{
	if (c->tombstone)
		return putter_tombstone(p, c->kind, c->id, c->version, err);
	if (putter_row(p, c->kind, c->id, c->version, c->org_after, c->row, err) < 0) {
		tthc_err_prefix(err, "row");
		return -1;
	}
	return 0;
}

static int apply_rows(struct store *st, const struct model_changes_page *page,
		      bool bulk, struct tthc_err *err)
{
	struct putter p;
	int rc = 0;

	putter_init(&p, st);
	p.bulk = bulk;
	for (size_t i = 0; i < page->n_changes && rc == 0; i++) {
		rc = apply_change(&p, &page->changes[i], err);
		if (rc < 0) {
			char at[32];

			snprintf(at, sizeof at, "changes[%zu]", i);
			tthc_err_prefix(err, at);
		}
		FAULT_POINT(STORE_PAGE_AFTER_ROW);
	}
	putter_free(&p);
	return rc;
}

/* Bulk mode (bulk.c) for a first pull (no cursor yet) of several pages:
 * begun by its first page, ended by its last. */
static int bulk_mode(struct store *st, const struct model_changes_page *page, bool *bulk,
		     struct tthc_err *err)
{
	char *cursor;

	if (store_bulk_active(st, bulk, err) < 0)
		return -1;
	if (*bulk || !page->more)
		return 0;
	if (store_meta_get(st, "cursor", &cursor, err) < 0)
		return -1;
	free(cursor);
	*bulk = !cursor;
	return *bulk ? store_bulk_begin(st, err) : 0;
}

int store_apply_page(struct store *st, const struct model_changes_page *page,
		     struct tthc_err *err)
{
	char now[24];
	bool bulk;

	snprintf(now, sizeof now, "%lld", (long long)store_now());
	if (store_begin(st, err) < 0)
		return -1;
	if (bulk_mode(st, page, &bulk, err) < 0 || apply_rows(st, page, bulk, err) < 0)
		goto fail;
	if (bulk && !page->more && store_bulk_end(st, err) < 0)
		goto fail;
	/* A case pulled again after a resync gets back its pending marker. */
	if (store_refresh_markers(st, NULL, err) < 0)
		goto fail;
	FAULT_POINT(STORE_PAGE_AFTER_MARKERS);
	if (store_meta_set(st, "cursor", page->next, err) < 0 ||
	    store_meta_set(st, "last_sync", now, err) < 0)
		goto fail;
	FAULT_POINT(STORE_PAGE_AFTER_CURSOR);
	if (store_commit(st, err) < 0)
		return -1;
	FAULT_POINT(STORE_PAGE_AFTER_COMMIT);
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int store_reset_cache(struct store *st, struct tthc_err *err)
{
	char sql[64];

	if (store_begin(st, err) < 0)
		return -1;
	for (int k = 0; k < ENTITY_COUNT; k++) {
		snprintf(sql, sizeof sql, "DELETE FROM %s", store_cache_tables[k]);
		if (store_exec(st, sql, err) < 0)
			goto fail;
	}
	if (store_exec(st, "DELETE FROM meta WHERE key = 'cursor'", err) < 0)
		goto fail;
	FAULT_POINT(STORE_RESET_AFTER_DELETE);
	return store_commit(st, err);
fail:
	store_rollback(st);
	return -1;
}
