/* How collected fees are shared up the organisation tree (retention shares,
 * fee_rules.retention; to confirm, DESIGN.md §7).  Each level keeps its
 * share of what reaches it and remits the rest to the level above. */
#ifndef TTHC_FEE_RETENTION_H
#define TTHC_FEE_RETENTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fee/rules.h"
#include "model/vocab.h"
#include "util/err.h"

/* One organisation on the way up.  commune matters for a base organisation
 * (base-committee, base-branch): a commune or ward one keeps more. */
struct fee_level {
	enum org_type type;
	bool commune;
};

/* The share (bp) that an organisation keeps, with the row it comes from. */
int fee_retention_share(const struct fee_rules *r, struct fee_level level, int *share_bp,
			const struct fee_retention **row, struct tthc_err *err);

/* Split total (đồng) along path[0..n-1], from the collecting branch up to
 * the province; kept[i] is what path[i] keeps and kept[n] what the last
 * level remits above the path (to the central level when the path ends at
 * the province).  Each level keeps the floor of its share of what reaches
 * it, so the part of a đồng goes up, and kept[0..n] sum to total exactly.
 * The path must start at a chi bộ (base-branch or sub-branch) and climb a
 * level at every step. */
int fee_split(const struct fee_rules *r, int64_t total, const struct fee_level *path,
	      size_t n, int64_t *kept, struct tthc_err *err);

#endif
