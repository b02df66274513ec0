/* The organisation tree held in memory for one request, so that core/proc's
 * "is org inside ancestor's subtree?" (proc_org_within_fn) costs no query per
 * action: a batch of 1,000 actions loads the tree once. */
#ifndef TTHCD_ORGTREE_H
#define TTHCD_ORGTREE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

struct orgtree {
	int64_t *parent;        /* parent[id], 0 for the root or an unknown id */
	int64_t max_id;
};

/* Read every organisation's parent inside tx. */
int orgtree_load(struct db_tx *tx, struct orgtree *out, struct tthc_err *e);
void orgtree_free(struct orgtree *t);

/* A proc_org_within_fn: ctx is a struct orgtree. */
bool orgtree_within(void *ctx, long ancestor, long org);

#endif
