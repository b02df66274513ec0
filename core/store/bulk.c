/* A first pull in bulk.  A first pull of many pages inserts its cases in
 * random order of name and member: keeping the sort and member indexes up
 * to date row by row rewrites most of their pages at every commit, several
 * times the cost of the rows themselves (bench/bench_store.c).  So they are
 * built once at the end, as bulk loads into any database are done.  The
 * indexes serve the screens' order and lookups only: no answer depends on
 * them, so a pull that stops half way leaves a correct store, only slower
 * until the pull ends or the store is opened again. */
#include "store/internal.h"

/* Also the statements of migration 1; they may not change there. */
#define LATE_INDEXES \
	"CREATE INDEX IF NOT EXISTS cases_sort ON cases(name_key, id);" \
	"CREATE INDEX IF NOT EXISTS cases_member ON cases(member);" \
	"CREATE INDEX IF NOT EXISTS cases_org ON cases(org);"

/* Rows put in bulk skip the member name refresh (rows.c): it would look up
 * cases by member with no index. */
#define ALL_NAMES \
	"UPDATE cases SET member_name = m.name, name_fold = m.name_fold," \
	" name_key = m.name_key FROM members m WHERE m.id = cases.member" \
	" AND cases.member_name IS NOT m.name"

int store_bulk_begin(struct store *st, struct tthc_err *err)
{
	return store_exec(st, "DROP INDEX IF EXISTS cases_sort; DROP INDEX IF EXISTS"
			  " cases_member; DROP INDEX IF EXISTS cases_org", err);
}

int store_bulk_active(struct store *st, bool *active, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
			  " AND name = 'cases_member'", &s, err) < 0)
		return -1;
	rc = sqlite3_step(s);
	*active = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sql_fail(st, rc, err);
}

int store_bulk_end(struct store *st, struct tthc_err *err)
{
	return store_exec(st, LATE_INDEXES ALL_NAMES, err);
}
