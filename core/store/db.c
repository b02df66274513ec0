/* SQLite calls and their errors in words a person can act on. */
#include "store/internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/fault.h"
#include "util/i18n.h"

static bool disk_full_errno(int e)
{
	/* RLIMIT_FSIZE gives EFBIG and a quota EDQUOT: to the person both are
	 * a full disk.  SQLite itself says SQLITE_FULL only for ENOSPC and a
	 * short write, IOERR_WRITE for the others. */
	return e == ENOSPC || e == EFBIG || e == EDQUOT;
}

/* The OS error behind a failed write.  sqlite3_system_errno() reads errno
 * after the rollback may have changed it (0 for a write past RLIMIT_FSIZE
 * into the WAL); the unix VFS keeps each file's own last errno, which a
 * file control reads back, the WAL's first since transactions write there. */
static int os_errno(struct store *st)
{
	sqlite3_file *wal = NULL;
	int e = sqlite3_system_errno(st->db);

	if (e == 0 && sqlite3_file_control(st->db, "main", SQLITE_FCNTL_JOURNAL_POINTER,
					   &wal) == SQLITE_OK &&
	    wal && wal->pMethods)
		wal->pMethods->xFileControl(wal, SQLITE_FCNTL_LAST_ERRNO, &e);
	if (e == 0)
		sqlite3_file_control(st->db, "main", SQLITE_FCNTL_LAST_ERRNO, &e);
	return e;
}

int store_sql_fail(struct store *st, int rc, struct tthc_err *err)
{
	int sys = st->db ? os_errno(st) : 0;
	const char *where = st->path;

	switch (rc & 0xff) {
	case SQLITE_FULL:
		return tthc_fail(err, TTHC_E_IO, where, _("the disk is full: nothing was saved"));
	case SQLITE_IOERR:
		if (disk_full_errno(sys))
			return tthc_fail(err, TTHC_E_IO, where,
					 _("the disk is full: nothing was saved"));
		return tthc_fail(err, TTHC_E_IO, where,
				 _("could not read or write the local database (%s): nothing was saved"),
				 strerror(sys ? sys : EIO));
	case SQLITE_READONLY:
		return tthc_fail(err, TTHC_E_IO, where,
				 _("the local database is read-only: nothing was saved"));
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return tthc_fail(err, TTHC_E_IO, where,
				 _("the local database is in use by another tthc; try again when it is done"));
	case SQLITE_CORRUPT:
		return tthc_fail(err, TTHC_E_IO, where,
				 _("the local database is damaged; move it away and sync again"));
	case SQLITE_NOTADB:
		return tthc_fail(err, TTHC_E_IO, where, _("this file is not a tthc database"));
	case SQLITE_CANTOPEN:
		return tthc_fail(err, TTHC_E_IO, where, _("could not open the local database (%s)"),
				 strerror(sys ? sys : EIO));
	case SQLITE_NOMEM:
		return tthc_fail(err, TTHC_E_NOMEM, where, _("out of memory"));
	default:
		return tthc_fail(err, TTHC_E_IO, where, _("local database error: %s"),
				 st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	}
}

int store_exec(struct store *st, const char *sql, struct tthc_err *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_sql_fail(st, rc, err);
}

int store_prepare(struct store *st, const char *sql, sqlite3_stmt **out,
		  struct tthc_err *err)
{
	int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);

	return rc == SQLITE_OK ? 0 : store_sql_fail(st, rc, err);
}

int store_step_done(struct store *st, sqlite3_stmt *s, struct tthc_err *err)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_sql_fail(st, rc, err);
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

int store_begin(struct store *st, struct tthc_err *err)
{
	return store_exec(st, "BEGIN IMMEDIATE", err);
}

int store_commit(struct store *st, struct tthc_err *err)
{
	int rc;

	/* The simulated read-only disk (DESIGN.md section 8: CI runs as
	 * root, so chmod cannot make the file read-only). */
	if (FAULT_FAIL(STORE_IO_COMMIT)) {
		store_rollback(st);
		return store_sql_fail(st, SQLITE_READONLY, err);
	}
	rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		store_sql_fail(st, rc, err);
		store_rollback(st);
		return -1;
	}
	return 0;
}

void store_rollback(struct store *st)
{
	/* SQLite rolls back by itself after some errors (SQLITE_FULL among
	 * them); a second ROLLBACK would only fail. */
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_col_text(sqlite3_stmt *s, int col, char **out, struct tthc_err *err)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	*out = NULL;
	if (!t)
		return 0;
	*out = strdup((const char *)t);
	if (!*out)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	return 0;
}

int64_t store_now(void)
{
	return (int64_t)time(NULL);
}
