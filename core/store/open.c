/* Opening the database: the file, its mode, the pragmas, the schema. */
#include "store/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/paths.h"
#include "util/buf.h"
#include "util/i18n.h"

/* Long enough for a second tthc (the TUI's background sync beside a
 * `tthc act`) to finish its transaction; short enough to answer a person. */
#define BUSY_TIMEOUT_MS 5000

/* The file exists with mode 0600 before SQLite opens it: SQLite gives the
 * -wal and -shm files the mode of the database, so all three stay private
 * whatever the umask (issue 6: mode 0600).  O_NOFOLLOW: a symbolic link
 * planted in the data directory is refused, not followed. */
static int create_private(const char *path, struct tthc_err *err)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	struct stat sb;

	if (fd < 0)
		return tthc_fail(err, TTHC_E_IO, path, _("could not open the local database (%s)"),
				 strerror(errno));
	if (fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		close(fd);
		return tthc_fail(err, TTHC_E_IO, path, _("this file is not a tthc database"));
	}
	if (fchmod(fd, 0600) != 0) {
		int e = errno;

		close(fd);
		return tthc_fail(err, TTHC_E_IO, path,
				 _("could not make the local database private (%s)"), strerror(e));
	}
	close(fd);
	return 0;
}

static int set_pragmas(struct store *st, struct tthc_err *err)
{
	sqlite3_stmt *s;
	int rc;
	bool wal;

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (store_prepare(st, "PRAGMA journal_mode=WAL", &s, err) < 0)
		return -1;
	rc = sqlite3_step(s);
	wal = rc == SQLITE_ROW &&
	      strcmp((const char *)sqlite3_column_text(s, 0), "wal") == 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sql_fail(st, rc, err);
	if (!wal)
		return tthc_fail(err, TTHC_E_IO, st->path,
				 _("the local database cannot use write-ahead logging on this file system"));
	/* FULL: a power cut after COMMIT returned must not lose the action
	 * (DESIGN.md section 3); NORMAL would in WAL mode. */
	return store_exec(st, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", err);
}

/* A first pull that stopped half way left the store in bulk mode: end it,
 * so that the screens get their indexes back. */
static int end_stopped_bulk(struct store *st, struct tthc_err *err)
{
	bool bulk;

	if (store_bulk_active(st, &bulk, err) < 0)
		return -1;
	if (!bulk)
		return 0;
	if (store_begin(st, err) < 0)
		return -1;
	if (store_bulk_end(st, err) < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, err);
}

struct store *store_open_path(const char *path, struct tthc_err *err)
{
	struct store *st;
	int rc;

	if (create_private(path, err) < 0)
		return NULL;
	st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory")), NULL;
	}
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK) {
		store_sql_fail(st, rc, err);
		store_close(st);
		return NULL;
	}
	if (set_pragmas(st, err) < 0 || store_migrate(st, err) < 0 ||
	    end_stopped_bulk(st, err) < 0) {
		store_close(st);
		return NULL;
	}
	return st;
}

/* mkdir -p with mode 0700 for what it creates; the last directory (tthc's
 * own) is made 0700 even when it exists. */
static int make_private_dir(char *dir, struct tthc_err *err)
{
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			int e = errno;

			tthc_fail(err, TTHC_E_IO, dir, _("could not create the directory (%s)"),
				  strerror(e));
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return tthc_fail(err, TTHC_E_IO, dir, _("could not create the directory (%s)"),
				 strerror(errno));
	if (chmod(dir, 0700) != 0)
		return tthc_fail(err, TTHC_E_IO, dir, _("could not make the directory private (%s)"),
				 strerror(errno));
	return 0;
}

struct store *store_open(const char *host, int port, const char *user,
			 struct tthc_err *err)
{
	char *name = store_file_name(host, port, user, err);
	char *dir = name ? paths_data_dir(err) : NULL;
	struct buf path = BUF_INIT;
	struct store *st = NULL;

	if (dir && make_private_dir(dir, err) == 0) {
		buf_printf(&path, "%s/%s", dir, name);
		if (buf_failed(&path))
			tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
		else
			st = store_open_path(path.data, err);
	}
	if (st) {
		char server[300];

		snprintf(server, sizeof server, "%s:%d", host, port);
		if (store_meta_set(st, "server", server, err) < 0 ||
		    store_meta_set(st, "user", user, err) < 0) {
			store_close(st);
			st = NULL;
		}
	}
	buf_free(&path);
	free(dir);
	free(name);
	return st;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}
