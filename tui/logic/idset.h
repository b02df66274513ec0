/* The tagged cases as a set of their ids, not flags on loaded rows: a tag
 * holds for a case whether its row is in memory or not, so that a list of
 * 100,000 keeps only a window of rows (issue 7, "Low-resource"). */
#ifndef TTHC_TUI_IDSET_H
#define TTHC_TUI_IDSET_H

#include <stdbool.h>
#include <stddef.h>

#include "store/query.h"

/* Sorted by strcmp, no duplicates; owns its strings. */
struct idset {
	char **v;
	size_t n, cap;
};

bool idset_has(const struct idset *s, const char *id);
/* Adds id, or takes it out when it is in.  -1 when out of memory. */
int idset_toggle(struct idset *s, const char *id);
/* Adds every id of ids (invert: toggles each), taking its strings: ids is
 * left empty either way.  ids has no duplicates (a query's ids).  -1 when
 * out of memory, the set as before. */
int idset_merge(struct idset *s, struct store_strings *ids, bool invert);
void idset_free(struct idset *s);

#endif
