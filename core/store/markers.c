/* A case's pending and attention markers and the state it shows are
 * derived from the outbox and the needs-attention list, and recomputed in
 * the same transaction as every change to either, so they cannot drift
 * (issue 6: "marks the local case as pending"). */
#include "store/internal.h"

#define MARKERS \
	"UPDATE cases SET" \
	" pending = (SELECT count(*) FROM outbox o WHERE o.case_id = cases.id)," \
	" attention = (SELECT count(*) FROM attention a WHERE a.case_id = cases.id)," \
	" local_state = (SELECT o.new_state FROM outbox o WHERE o.case_id = cases.id" \
	"  AND o.new_state IS NOT NULL ORDER BY o.seq DESC LIMIT 1)"

int store_refresh_markers(struct store *st, const char *case_id, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (!case_id)
		/* After a page: a row the page inserted starts unmarked, one
		 * it updated keeps its markers, so only the cases with an
		 * action need them again, and a page costs no pass over the
		 * whole table. */
		return store_exec(st, MARKERS " WHERE id IN (SELECT case_id FROM outbox"
				  " UNION SELECT case_id FROM attention)", err);
	if (store_prepare(st, MARKERS " WHERE id = ?1", &s, err) < 0)
		return -1;
	sqlite3_bind_text(s, 1, case_id, -1, SQLITE_STATIC);
	rc = store_step_done(st, s, err);
	sqlite3_finalize(s);
	return rc;
}
