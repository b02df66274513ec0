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
	/* 2: the domain rows (server/rows.h), the changes feed, idempotency.
	 * Each domain row keeps its indexed columns, `body` (the entity as
	 * core/model encodes it, sent by the feed as it is), `version` (1 on
	 * create, +1 per change) and `org_id` (whose subtree sees it). */
	"CREATE TABLE members ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  org_id INTEGER NOT NULL REFERENCES orgs(id),"
	"  card_number TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  name_fold TEXT NOT NULL,"
	"  category TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL);"
	"CREATE INDEX members_org ON members(org_id);"
	"CREATE INDEX members_name_fold ON members(name_fold);"
	"CREATE TABLE cases ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  procedure TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  org_id INTEGER NOT NULL REFERENCES orgs(id),"
	"  version INTEGER NOT NULL,"
	"  body TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL,"
	"  received_at INTEGER NOT NULL DEFAULT 0,"
	"  period TEXT);"
	"CREATE INDEX cases_org ON cases(org_id);"
	"CREATE INDEX cases_proc_state ON cases(procedure, state);"
	"CREATE INDEX cases_member ON cases(member_id);"
	/* The organisations a case relates to (core/proc relation names);
	 * each sees the case. */
	"CREATE TABLE case_orgs ("
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  relation TEXT NOT NULL,"
	"  org_id INTEGER NOT NULL REFERENCES orgs(id),"
	"  PRIMARY KEY (case_id, relation));"
	"CREATE INDEX case_orgs_org ON case_orgs(org_id);"
	"CREATE TABLE fee_periods ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  org_id INTEGER NOT NULL REFERENCES orgs(id),"
	"  period TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL,"
	"  UNIQUE (org_id, period));"
	"CREATE TABLE payments ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  org_id INTEGER NOT NULL REFERENCES orgs(id),"
	"  period TEXT NOT NULL,"
	"  amount INTEGER NOT NULL,"
	"  body TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL);"
	"CREATE INDEX payments_member ON payments(member_id, period);"
	"CREATE TABLE bank_accounts ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  org_id INTEGER NOT NULL REFERENCES orgs(id),"
	"  body TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL);"
	"CREATE INDEX bank_accounts_org ON bank_accounts(org_id);"
	/* The changes feed keeps the LATEST change of each row (kind, code):
	 * a new change replaces the older one, so a full sync reads one entry
	 * per row.  org_before/org_after are the row's home organisation
	 * (NULL on create / on a tombstone); the full visibility sets are in
	 * change_orgs (side 0: every org that saw the row since the previous
	 * kept change, carried over when one replaces another; side 1: who
	 * sees it now).  See server/rows.h. */
	"CREATE TABLE changes ("
	"  seq INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  row_id INTEGER NOT NULL,"
	"  code TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  org_before INTEGER REFERENCES orgs(id),"
	"  org_after INTEGER REFERENCES orgs(id),"
	"  tombstone INTEGER NOT NULL DEFAULT 0,"
	"  at INTEGER NOT NULL,"
	"  UNIQUE (kind, code));"
	"CREATE INDEX changes_at ON changes(at);"
	"CREATE TABLE change_orgs ("
	"  seq INTEGER NOT NULL REFERENCES changes(seq),"
	"  side INTEGER NOT NULL CHECK (side IN (0, 1)),"
	"  org_id INTEGER NOT NULL REFERENCES orgs(id),"
	"  PRIMARY KEY (seq, side, org_id));"
	/* Cursors below seq are no longer answerable (410 Gone). */
	"CREATE TABLE change_horizon ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  seq INTEGER NOT NULL);"
	"INSERT INTO change_horizon (id, seq) VALUES (1, 0);"
	/* The change seq at which an account's roles last changed: a cursor
	 * older than it needs a full resync (DESIGN.md section 8). */
	"ALTER TABLE accounts ADD COLUMN roles_seq INTEGER NOT NULL DEFAULT 0;"
	/* Action UUIDs, kept at least 180 days (tthcd prune). */
	"CREATE TABLE idempotency ("
	"  key TEXT PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id),"
	"  request_hash TEXT NOT NULL,"
	"  result TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL);"
	"CREATE INDEX idempotency_created ON idempotency(created_at);",
	/* 3: whether a base committee is of a xã/phường (1) or of an agency or
	 * enterprise (0); NULL for the other types (DESIGN.md section 8: the
	 * fee retention shares differ). */
	"ALTER TABLE orgs ADD COLUMN commune INTEGER CHECK (commune IN (0, 1));",
	/* 4: the member an account belongs to, so that a member acting for
	 * himself is recognised as the case's member (core/proc's
	 * proc_actor.member_id); NULL for staff-only accounts. */
	"ALTER TABLE accounts ADD COLUMN member_id INTEGER REFERENCES members(id);",
	/* 5: failed logins and lockouts by the name tried, whether or not an
	 * account has it, so that a lockout (429) tells nothing about which
	 * accounts exist. */
	"CREATE TABLE login_failures ("
	"  name TEXT PRIMARY KEY,"
	"  failures INTEGER NOT NULL DEFAULT 0,"
	"  locked_until INTEGER NOT NULL DEFAULT 0);"
	"ALTER TABLE accounts DROP COLUMN failed_logins;"
	"ALTER TABLE accounts DROP COLUMN locked_until;",
	/* 6: the member's two flags that core/proc decides on, as columns
	 * kept with the body by every put (server/rows.c), so that loading a
	 * case for an action reads two integers instead of parsing the
	 * member's JSON (issue 5's benchmark).  Rows stored before this
	 * migration get them from their body. */
	"ALTER TABLE members ADD COLUMN under_inspection INTEGER NOT NULL DEFAULT 0"
	"  CHECK (under_inspection IN (0, 1));"
	"ALTER TABLE members ADD COLUMN under_complaint INTEGER NOT NULL DEFAULT 0"
	"  CHECK (under_complaint IN (0, 1));"
	"UPDATE members SET"
	"  under_inspection = coalesce(json_extract(body, '$.under_inspection'), 0),"
	"  under_complaint = coalesce(json_extract(body, '$.under_complaint'), 0);",
};

const int schema_migration_count = sizeof schema_migrations / sizeof schema_migrations[0];

_Static_assert(sizeof schema_migrations / sizeof schema_migrations[0] == DB_SCHEMA_VERSION,
	       "DB_SCHEMA_VERSION is the number of migrations");
