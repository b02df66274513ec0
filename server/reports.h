/* Periodic reports over an organisation's subtree (DESIGN.md section 4),
 * computed by SQL aggregation over the domain tables: the rows are counted
 * and summed by the database, never loaded one by one. */
#ifndef TTHCD_REPORTS_H
#define TTHCD_REPORTS_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "rbac.h"
#include "srv.h"

/* Upcoming deadlines count as near this long before they fall due. */
#define REPORT_NEAR_SECONDS (24 * 3600)
/* At most this many cases are listed by their deadline (all are counted). */
#define REPORT_DEADLINES_MAX 200

/* The fees of `period` ("2026", "2026-H2", "2026-Q4", "2026-09": fee/span.h)
 * in org's subtree (REPORT_FEES, rbac.h): per organisation the members,
 * the fee records per state with the payments recorded for them, the
 * members in arrears, the totals, and the split of what was collected up
 * the tree (fee/retention.h).  docs/API.md gives the shape. */
cJSON *report_fees(struct srv *s, const struct actor *who, const char *org,
		   const char *period, struct tthc_err *e);

/* The cases that org's subtree sees (REPORT_CASES): counts per procedure
 * and state, and the deadlines of open cases that are past or near at
 * `now`. */
cJSON *report_cases(struct srv *s, const struct actor *who, const char *org, int64_t now,
		    struct tthc_err *e);

/* Shared by the two: a CTE "sub(id, depth)" of the organisation bound to
 * its one parameter and everything below it. */
#define REPORT_SUBTREE_CTE \
	"sub(id, depth) AS (SELECT CAST(? AS INTEGER), 0 " \
	"  UNION ALL SELECT o.id, sub.depth + 1 FROM orgs o JOIN sub ON o.parent_id = sub.id)"

/* Open a read transaction on org (its id in *org_id) once the caller may
 * do op there; where "org" for an unknown one. */
int report_begin(struct srv *s, const struct actor *who, const char *org, enum rbac_op op,
		 struct db_tx **tx, int64_t *org_id, struct tthc_err *e);

#endif
