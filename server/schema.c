#include "schema.h"

#include "db.h"

/* The SQLite schema.  Times are Unix seconds in UTC and hashes lower-case
 * hex, so that the data moves to PostgreSQL as it is; a PostgreSQL backend
 * carries its own DDL for the same tables (identity columns where SQLite
 * has INTEGER PRIMARY KEY, a REVOKE of UPDATE and DELETE on audit where
 * SQLite has the triggers).  The queries outside db_sqlite.c run on both. */
const char *const schema_migrations[] = {
	/* 1: organisations, accounts, tokens, the audit log, sequences. */
	"CREATE TABLE orgs ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  type TEXT NOT NULL,"
	"  parent_id INTEGER REFERENCES orgs(id),"
	"  created_at INTEGER NOT NULL);"
	"CREATE INDEX orgs_parent ON orgs(parent_id);"
	"CREATE TABLE accounts ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  pw_hash TEXT NOT NULL,"
	"  status TEXT NOT NULL"
	"    CHECK (status IN ('pending', 'active', 'locked', 'revoked')),"
	"  must_change_password INTEGER NOT NULL DEFAULT 0,"
	"  failed_logins INTEGER NOT NULL DEFAULT 0,"
	"  locked_until INTEGER NOT NULL DEFAULT 0,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE account_roles ("
	"  account_id INTEGER NOT NULL REFERENCES accounts(id),"
	"  role TEXT NOT NULL,"
	"  org_id INTEGER NOT NULL REFERENCES orgs(id),"
	"  PRIMARY KEY (account_id, role, org_id));"
	"CREATE TABLE tokens ("
	"  hash TEXT PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id),"
	"  created_at INTEGER NOT NULL,"
	"  expires_at INTEGER NOT NULL,"
	"  revoked INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX tokens_account ON tokens(account_id);"
	"CREATE TABLE audit ("
	"  seq INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  on_behalf_of TEXT,"
	"  action TEXT NOT NULL,"
	"  object TEXT NOT NULL,"
	"  before_version INTEGER,"
	"  after_version INTEGER,"
	"  details TEXT NOT NULL,"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL);"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TABLE audit_head ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  seq INTEGER NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  signature TEXT NOT NULL,"
	"  signed_at INTEGER NOT NULL);"
	"CREATE TABLE sequences ("
	"  name TEXT PRIMARY KEY,"
	"  value INTEGER NOT NULL);",
};

const int schema_migration_count = sizeof schema_migrations / sizeof schema_migrations[0];

_Static_assert(sizeof schema_migrations / sizeof schema_migrations[0] == DB_SCHEMA_VERSION,
	       "DB_SCHEMA_VERSION is the number of migrations");
