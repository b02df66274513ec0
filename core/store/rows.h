/* Writing pulled rows into the cache tables, one kind at a time, with the
 * statements prepared once for a whole page. */
#ifndef TTHC_STORE_ROWS_H
#define TTHC_STORE_ROWS_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "model/vocab.h"
#include "util/buf.h"
#include "store/internal.h"

struct putter {
	struct store *st;
	sqlite3_stmt *put[ENTITY_COUNT];
	sqlite3_stmt *del[ENTITY_COUNT];
	sqlite3_stmt *member_names;
	sqlite3_stmt *member_get;
	bool bulk;              /* a first pull: names are set at its end */
	struct buf text;        /* the row being written, as text */
};

void putter_init(struct putter *p, struct store *st);
void putter_free(struct putter *p);

/* Decode row as kind (tolerantly: a newer server may add fields), check
 * that it is the row id, and write it unless the cached copy is as new.
 * org: the feed's org_after, or NULL to take the row's own. */
int putter_row(struct putter *p, int kind, const char *id, int64_t version, const char *org,
	       const cJSON *row, struct tthc_err *err);

/* The same for a row already decoded (obj is the kind's struct; json its
 * text as received). */
int putter_obj(struct putter *p, int kind, int64_t version, const char *org,
	       const void *obj, const char *json, struct tthc_err *err);

/* Delete the row unless the cached copy is newer than the tombstone. */
int putter_tombstone(struct putter *p, int kind, const char *id, int64_t version,
		     struct tthc_err *err);

/* The cache tables, for a full resync. */
extern const char *const store_cache_tables[ENTITY_COUNT];

#endif
