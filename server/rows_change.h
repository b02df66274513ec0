/* Inside server/rows: the visibility sets and the change log (rows.h
 * explains the model). */
#ifndef TTHCD_ROWS_CHANGE_H
#define TTHCD_ROWS_CHANGE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "model/vocab.h"
#include "util/err.h"

/* A set of organisation ids, kept sorted and without repeats. */
struct orgset {
	int64_t *ids;
	size_t n, cap;
};

int orgset_add(struct orgset *s, int64_t id, struct tthc_err *e);
void orgset_free(struct orgset *s);

/* One change: the row's home organisation and visibility set before (0 /
 * empty when created) and after (0 / empty for a tombstone). */
struct change {
	enum entity_kind kind;
	const char *code;
	int64_t row_id;
	int64_t version;
	int64_t home_before, home_after;
	const struct orgset *before, *after;
	int64_t at;
};

/* Replace the row's previous change (carrying its "before" set over) with
 * this one, under the next value of the "changes" sequence. */
int change_append(struct db_tx *tx, const struct change *c, struct tthc_err *e);

#endif
