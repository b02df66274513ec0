/* The schema and its migrations (issue 6: "Versioned schema with
 * migrations").  PRAGMA user_version holds the version; migration N takes a
 * database from N-1 to N in one transaction, so a kill half way leaves
 * version N-1 whole and the next open runs N again.  Never edit a migration
 * that has shipped: add one. */
#include "store/internal.h"

#include <stdio.h>

#include "util/fault.h"
#include "util/i18n.h"

/* Every cache table: id, version, org (the row's organisation, from the
 * feed or the row) and json (the row as received), then what the screens
 * filter and sort on.  name_key is text_collate_key's names-mode key. */
static const char *const migrations[] = {
	/* 1: the first schema */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE orgs(id TEXT PRIMARY KEY, version INTEGER NOT NULL, org TEXT,"
	" json TEXT NOT NULL, parent TEXT, type TEXT NOT NULL, name TEXT NOT NULL,"
	" name_fold TEXT NOT NULL);"
	"CREATE TABLE members(id TEXT PRIMARY KEY, version INTEGER NOT NULL, org TEXT,"
	" json TEXT NOT NULL, name TEXT NOT NULL, name_fold TEXT NOT NULL,"
	" name_key BLOB NOT NULL);"
	"CREATE INDEX members_org ON members(org);"
	"CREATE TABLE accounts(id TEXT PRIMARY KEY, version INTEGER NOT NULL, org TEXT,"
	" json TEXT NOT NULL, username TEXT NOT NULL);"
	"CREATE TABLE cases(id TEXT PRIMARY KEY, version INTEGER NOT NULL, org TEXT,"
	" json TEXT NOT NULL, procedure TEXT NOT NULL, state TEXT NOT NULL,"
	" member TEXT NOT NULL, member_name TEXT, name_fold TEXT NOT NULL DEFAULT '',"
	" name_key BLOB NOT NULL DEFAULT x'', deadline INTEGER,"
	" pending INTEGER NOT NULL DEFAULT 0, attention INTEGER NOT NULL DEFAULT 0,"
	" local_state TEXT);"
	/* bulk.c drops and builds these three again around a first pull. */
	"CREATE INDEX cases_sort ON cases(name_key, id);"
	"CREATE INDEX cases_member ON cases(member);"
	"CREATE INDEX cases_org ON cases(org);"
	"CREATE TABLE fee_periods(id TEXT PRIMARY KEY, version INTEGER NOT NULL, org TEXT,"
	" json TEXT NOT NULL, period TEXT NOT NULL, state TEXT NOT NULL);"
	"CREATE TABLE payments(id TEXT PRIMARY KEY, version INTEGER NOT NULL, org TEXT,"
	" json TEXT NOT NULL, member TEXT NOT NULL, period TEXT NOT NULL,"
	" amount INTEGER NOT NULL);"
	"CREATE TABLE bank_accounts(id TEXT PRIMARY KEY, version INTEGER NOT NULL, org TEXT,"
	" json TEXT NOT NULL, bank TEXT NOT NULL, number TEXT NOT NULL);"
	/* seq orders the queue; AUTOINCREMENT so that a seq is never reused
	 * and a retried action can take back its old place. */
	"CREATE TABLE outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
	" batch TEXT NOT NULL, kind TEXT NOT NULL, case_id TEXT NOT NULL,"
	" base_version INTEGER NOT NULL, payload TEXT NOT NULL, on_behalf_of TEXT,"
	" client_time INTEGER NOT NULL, queued_at INTEGER NOT NULL, new_state TEXT,"
	" sends INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX outbox_case ON outbox(case_id);"
	"CREATE INDEX outbox_batch ON outbox(batch);"
	"CREATE TABLE attention(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" batch TEXT NOT NULL, kind TEXT NOT NULL, case_id TEXT NOT NULL,"
	" base_version INTEGER NOT NULL, payload TEXT NOT NULL, on_behalf_of TEXT,"
	" client_time INTEGER NOT NULL, queued_at INTEGER NOT NULL, new_state TEXT,"
	" sends INTEGER NOT NULL, status TEXT NOT NULL CHECK(status IN ('conflict','rejected')),"
	" server_version INTEGER NOT NULL DEFAULT 0, server_case TEXT, error TEXT,"
	" answered_at INTEGER NOT NULL);"
	"CREATE INDEX attention_case ON attention(case_id);",
};

const int store_schema_version = (int)(sizeof migrations / sizeof migrations[0]);

int store_version(struct store *st, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc, v = -1;

	if (store_prepare(st, "PRAGMA user_version", &s, err) < 0)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? v : store_sql_fail(st, rc, err);
}

static int migrate_to(struct store *st, int to, struct tthc_err *err)
{
	char set[64];
	int now;

	if (store_begin(st, err) < 0)
		return -1;
	/* Another tthc may have migrated between our read and the lock. */
	now = store_version(st, err);
	if (now < 0)
		goto fail;
	if (now < to) {
		snprintf(set, sizeof set, "PRAGMA user_version=%d", to);
		if (store_exec(st, migrations[to - 1], err) < 0 || store_exec(st, set, err) < 0)
			goto fail;
		FAULT_POINT(STORE_MIGRATE_AFTER_STEP);
	}
	return store_commit(st, err);
fail:
	store_rollback(st);
	return -1;
}

int store_migrate(struct store *st, struct tthc_err *err)
{
	int v = store_version(st, err);

	if (v < 0)
		return -1;
	if (v > store_schema_version)
		return tthc_fail(err, TTHC_E_REFUSED, st->path,
				 _("this database was written by a newer tthc (schema %d; this one knows up to %d): upgrade tthc to use it"),
				 v, store_schema_version);
	for (int to = v + 1; to <= store_schema_version; to++)
		if (migrate_to(st, to, err) < 0)
			return -1;
	return 0;
}
