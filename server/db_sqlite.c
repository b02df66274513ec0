/* The SQLite backend of db.h.
 *
 * One writer connection behind a mutex, so that threads of one process queue
 * for it instead of spinning on SQLITE_BUSY, and BEGIN IMMEDIATE with a busy
 * timeout, so that other processes (the tthcd CLI while the server runs)
 * queue too.  Readers take a connection from a pool: in WAL mode they read a
 * snapshot and never block the writer. */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"
#include "util/i18n.h"

#define BUSY_TIMEOUT_MS 10000
#define MAX_HOOKS 4
/* Distinct statements the writer keeps prepared: parsing SQL costs more
 * than running a small INSERT, and a bulk write (tthcd seed, a batch of
 * actions) runs the same few statements many times. */
#define CACHE_SLOTS 128

struct cached {
	uint64_t hash;          /* of sql: most lookups compare this only */
	char *sql;
	sqlite3_stmt *st;
	bool in_use;            /* handed out and not yet finalised */
};

struct db {
	char *path;
	pthread_mutex_t write_lock;
	sqlite3 *writer;
	struct cached cache[CACHE_SLOTS];       /* the writer's; under write_lock */
	size_t n_cached;
	pthread_mutex_t pool_lock;
	sqlite3 **idle;
	size_t n_idle, cap_idle;
};

struct db_tx {
	struct db *db;
	sqlite3 *conn;
	enum db_mode mode;
	db_hook_fn hooks[MAX_HOOKS];
	void *hook_args[MAX_HOOKS];
	int n_hooks;
	/* The last value db_seq_next gave (seq_name[0]: none yet): a write
	 * transaction is the only writer, so the next one is this + 1 and the
	 * upsert's RETURNING, which costs more than a plain UPDATE, is needed
	 * only once per transaction (a batch of actions takes three values
	 * per action). */
	char seq_name[32];
	int64_t seq_value;
};

struct db_stmt {
	sqlite3_stmt *st;
	sqlite3 *conn;
	int bind_rc;
	struct cached *cached;  /* NULL: finalised by db_finalize */
};

static int sql_fail(struct tthc_err *e, sqlite3 *conn, int rc, const char *where)
{
	int ext = conn ? sqlite3_extended_errcode(conn) : rc;

	if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		return tthc_fail(e, TTHC_E_CONFLICT, where, _("already exists"));
	return tthc_fail(e, TTHC_E_DB, where, _("database error: %s"),
			 conn ? sqlite3_errmsg(conn) : sqlite3_errstr(rc));
}

static int conn_open(const char *path, int flags, sqlite3 **out, struct tthc_err *e)
{
	sqlite3 *c = NULL;
	int rc = sqlite3_open_v2(path, &c, flags | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK) {
		sql_fail(e, c, rc, path);
		sqlite3_close(c);
		return -1;
	}
	sqlite3_busy_timeout(c, BUSY_TIMEOUT_MS);
	/* synchronous=FULL: a write acknowledged to a client survives a power
	 * cut, not only a crash (NORMAL may lose the last commits in WAL). */
	rc = sqlite3_exec(c, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sql_fail(e, c, rc, path);
		sqlite3_close(c);
		return -1;
	}
	*out = c;
	return 0;
}

static int version_of(sqlite3 *c)
{
	sqlite3_stmt *st;
	int v = 0;

	if (sqlite3_prepare_v2(c, "SELECT max(version) FROM schema_migrations", -1, &st,
			       NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Each migration and its row in schema_migrations commit together. */
static int migrate(struct db *db, struct tthc_err *e)
{
	struct db_tx *tx;
	struct db_stmt *st;
	int v;

	for (;;) {
		if (db_begin(db, DB_WRITE, &tx, e) < 0)
			return -1;
		if (db_exec(tx, "CREATE TABLE IF NOT EXISTS schema_migrations ("
				"version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)",
			    e) < 0)
			goto fail;
		v = version_of(tx->conn);
		if (v > DB_SCHEMA_VERSION) {
			tthc_fail(e, TTHC_E_DB, db->path,
				  _("the database has schema version %d, newer than this "
				    "tthcd (%d)"), v, DB_SCHEMA_VERSION);
			goto fail;
		}
		if (v == DB_SCHEMA_VERSION) {
			db_rollback(tx);
			return 0;
		}
		if (db_exec(tx, schema_migrations[v], e) < 0)
			goto fail;
		st = db_prepare(tx, "INSERT INTO schema_migrations (version, applied_at) "
				"VALUES (?, strftime('%s', 'now'))", e);
		if (!st)
			goto fail;
		db_bind_int(st, 1, v + 1);
		if (db_step(st, e) < 0) {
			db_finalize(st);
			goto fail;
		}
		db_finalize(st);
		if (db_commit(tx, e) < 0)
			return -1;
	}
fail:
	db_rollback(tx);
	return -1;
}

static int db_start(const char *path, bool create, struct db **out, struct tthc_err *e)
{
	struct db *db = calloc(1, sizeof *db);
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

	if (!db || !(db->path = strdup(path))) {
		free(db);
		return tthc_fail(e, TTHC_E_NOMEM, path, _("out of memory"));
	}
	pthread_mutex_init(&db->write_lock, NULL);
	pthread_mutex_init(&db->pool_lock, NULL);
	if (conn_open(path, flags, &db->writer, e) < 0)
		goto fail;
	/* WAL is a property of the file: set once, kept by every later open. */
	if (create && sqlite3_exec(db->writer, "PRAGMA journal_mode = WAL", NULL, NULL,
				   NULL) != SQLITE_OK) {
		sql_fail(e, db->writer, 0, path);
		goto fail;
	}
	if (migrate(db, e) < 0)
		goto fail;
	*out = db;
	return 0;
fail:
	db_close(db);
	return -1;
}

/* The file is made here, mode 0600 whatever the umask, because SQLite
 * gives its -wal and -shm files the mode of the database file (os_unix.c,
 * findCreateFileMode): the accounts' hashes and tokens stay private. */
int db_create(const char *path, struct db **out, struct tthc_err *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return errno == EEXIST ? tthc_fail(e, TTHC_E_CONFLICT, path, _("already exists"))
				       : tthc_fail(e, TTHC_E_IO, path, "%s", strerror(errno));
	if (fchmod(fd, 0600) < 0) {
		tthc_fail(e, TTHC_E_IO, path, "%s", strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	return db_start(path, true, out, e);
}

int db_open(const char *path, struct db **out, struct tthc_err *e)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, path, _("no database here (run 'tthcd init')"));
	return db_start(path, false, out, e);
}

void db_close(struct db *db)
{
	size_t i;

	if (!db)
		return;
	for (i = 0; i < db->n_idle; i++)
		sqlite3_close(db->idle[i]);
	free(db->idle);
	for (i = 0; i < db->n_cached; i++) {
		sqlite3_finalize(db->cache[i].st);
		free(db->cache[i].sql);
	}
	sqlite3_close(db->writer);
	pthread_mutex_destroy(&db->write_lock);
	pthread_mutex_destroy(&db->pool_lock);
	free(db->path);
	free(db);
}

int db_schema_version(struct db *db)
{
	int v;

	pthread_mutex_lock(&db->write_lock);
	v = version_of(db->writer);
	pthread_mutex_unlock(&db->write_lock);
	return v;
}

static sqlite3 *reader_take(struct db *db, struct tthc_err *e)
{
	sqlite3 *c = NULL;

	pthread_mutex_lock(&db->pool_lock);
	if (db->n_idle > 0)
		c = db->idle[--db->n_idle];
	pthread_mutex_unlock(&db->pool_lock);
	if (!c && conn_open(db->path, SQLITE_OPEN_READWRITE, &c, e) < 0)
		return NULL;
	return c;
}

static void reader_give(struct db *db, sqlite3 *c)
{
	sqlite3 **grown;

	pthread_mutex_lock(&db->pool_lock);
	if (db->n_idle == db->cap_idle) {
		grown = realloc(db->idle, (db->cap_idle * 2 + 4) * sizeof *grown);
		if (!grown) {
			pthread_mutex_unlock(&db->pool_lock);
			sqlite3_close(c);
			return;
		}
		db->idle = grown;
		db->cap_idle = db->cap_idle * 2 + 4;
	}
	db->idle[db->n_idle++] = c;
	pthread_mutex_unlock(&db->pool_lock);
}

static void tx_release(struct db_tx *tx)
{
	if (tx->mode == DB_WRITE)
		pthread_mutex_unlock(&tx->db->write_lock);
	else
		reader_give(tx->db, tx->conn);
	free(tx);
}

int db_begin(struct db *db, enum db_mode mode, struct db_tx **out, struct tthc_err *e)
{
	struct db_tx *tx = calloc(1, sizeof *tx);
	int rc;

	if (!tx)
		return tthc_fail(e, TTHC_E_NOMEM, "db", _("out of memory"));
	tx->db = db;
	tx->mode = mode;
	if (mode == DB_WRITE) {
		pthread_mutex_lock(&db->write_lock);
		tx->conn = db->writer;
	} else if (!(tx->conn = reader_take(db, e))) {
		free(tx);
		return -1;
	}
	/* IMMEDIATE takes the write lock now, so that a writer never fails
	 * half-way on SQLITE_BUSY after it has read what it decides on. */
	rc = sqlite3_exec(tx->conn, mode == DB_WRITE ? "BEGIN IMMEDIATE" : "BEGIN", NULL,
			  NULL, NULL);
	if (rc != SQLITE_OK) {
		sql_fail(e, tx->conn, rc, "begin");
		tx_release(tx);
		return -1;
	}
	*out = tx;
	return 0;
}

int db_before_commit(struct db_tx *tx, db_hook_fn fn, void *arg, struct tthc_err *e)
{
	int i;

	for (i = 0; i < tx->n_hooks; i++)
		if (tx->hooks[i] == fn && tx->hook_args[i] == arg)
			return 0;
	if (tx->n_hooks == MAX_HOOKS)
		return tthc_fail(e, TTHC_E_DB, "db", _("too many commit hooks"));
	tx->hooks[tx->n_hooks] = fn;
	tx->hook_args[tx->n_hooks++] = arg;
	return 0;
}

int db_commit(struct db_tx *tx, struct tthc_err *e)
{
	int i, rc;

	for (i = 0; i < tx->n_hooks; i++)
		if (tx->hooks[i](tx, tx->hook_args[i], e) < 0) {
			db_rollback(tx);
			return -1;
		}
	rc = sqlite3_exec(tx->conn, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sql_fail(e, tx->conn, rc, "commit");
		db_rollback(tx);
		return -1;
	}
	tx_release(tx);
	return 0;
}

void db_rollback(struct db_tx *tx)
{
	if (!tx)
		return;
	if (!sqlite3_get_autocommit(tx->conn))
		sqlite3_exec(tx->conn, "ROLLBACK", NULL, NULL, NULL);
	tx_release(tx);
}

/* FNV-1a: the cache is searched once per statement run (some thirty per
 * pushed action), and comparing whole SQL texts, many of which begin
 * alike, was a visible part of issue 5's benchmark profile. */
static uint64_t sql_hash(const char *sql)
{
	uint64_t h = 14695981039346656037u;

	while (*sql)
		h = (h ^ (unsigned char)*sql++) * 1099511628211u;
	return h;
}

/* The writer's prepared statement for sql, prepared now if it is new;
 * NULL when it is in use already (a statement nested in a loop over the
 * same one) or the cache is full: then the caller prepares its own. */
static struct cached *cache_take(struct db_tx *tx, const char *sql)
{
	struct db *db = tx->db;
	struct cached *c;
	uint64_t hash;
	size_t i;

	if (tx->mode != DB_WRITE)
		return NULL;
	hash = sql_hash(sql);
	for (i = 0; i < db->n_cached; i++)
		if (db->cache[i].hash == hash && !strcmp(db->cache[i].sql, sql)) {
			c = &db->cache[i];
			if (c->in_use)
				return NULL;
			c->in_use = true;
			return c;
		}
	if (db->n_cached == CACHE_SLOTS)
		return NULL;
	c = &db->cache[db->n_cached];
	if (!(c->sql = strdup(sql)))
		return NULL;
	c->hash = hash;
	if (sqlite3_prepare_v3(tx->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->st, NULL) !=
	    SQLITE_OK) {
		free(c->sql);
		sqlite3_finalize(c->st);
		c->sql = NULL;
		c->st = NULL;
		return NULL;
	}
	db->n_cached++;
	c->in_use = true;
	return c;
}

struct db_stmt *db_prepare(struct db_tx *tx, const char *sql, struct tthc_err *e)
{
	struct db_stmt *st = calloc(1, sizeof *st);
	int rc;

	if (!st) {
		tthc_fail(e, TTHC_E_NOMEM, "db", _("out of memory"));
		return NULL;
	}
	st->conn = tx->conn;
	if ((st->cached = cache_take(tx, sql))) {
		st->st = st->cached->st;
		return st;
	}
	rc = sqlite3_prepare_v2(tx->conn, sql, -1, &st->st, NULL);
	if (rc != SQLITE_OK) {
		sql_fail(e, tx->conn, rc, "prepare");
		free(st);
		return NULL;
	}
	return st;
}

static void bind_check(struct db_stmt *st, int rc)
{
	if (rc != SQLITE_OK && st->bind_rc == SQLITE_OK)
		st->bind_rc = rc;
}

void db_bind_int(struct db_stmt *st, int index, int64_t v)
{
	bind_check(st, sqlite3_bind_int64(st->st, index, v));
}

void db_bind_text(struct db_stmt *st, int index, const char *s)
{
	if (!s)
		bind_check(st, sqlite3_bind_null(st->st, index));
	else
		bind_check(st, sqlite3_bind_text(st->st, index, s, -1, SQLITE_TRANSIENT));
}

void db_bind_null(struct db_stmt *st, int index)
{
	bind_check(st, sqlite3_bind_null(st->st, index));
}

int db_step(struct db_stmt *st, struct tthc_err *e)
{
	int rc;

	if (st->bind_rc != SQLITE_OK)
		return sql_fail(e, NULL, st->bind_rc, "bind");
	rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return sql_fail(e, st->conn, rc, "step");
}

int64_t db_col_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(st->st, col);
}

const char *db_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->st, col);
}

bool db_col_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

void db_finalize(struct db_stmt *st)
{
	if (!st)
		return;
	if (st->cached) {
		sqlite3_reset(st->st);
		sqlite3_clear_bindings(st->st);
		st->cached->in_use = false;
	} else {
		sqlite3_finalize(st->st);
	}
	free(st);
}

int db_exec(struct db_tx *tx, const char *sql, struct tthc_err *e)
{
	int rc = sqlite3_exec(tx->conn, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : sql_fail(e, tx->conn, rc, "exec");
}

/* The stored value becomes value; the table stays current at every step,
 * so readers inside the transaction see what they always saw. */
static int seq_store(struct db_tx *tx, const char *name, int64_t value, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "UPDATE sequences SET value = ? WHERE name = ?", e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, value);
	db_bind_text(st, 2, name);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

int db_seq_next(struct db_tx *tx, const char *name, int64_t *out, struct tthc_err *e)
{
	struct db_stmt *st;
	int rc;

	if (tx->mode != DB_WRITE)
		return tthc_fail(e, TTHC_E_DB, name, _("a sequence moves only in a write transaction"));
	if (!strcmp(tx->seq_name, name)) {
		if (seq_store(tx, name, tx->seq_value + 1, e) < 0)
			return -1;
		*out = ++tx->seq_value;
		return 0;
	}
	st = db_prepare(tx, "INSERT INTO sequences (name, value) VALUES (?, 1) "
			"ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value", e);
	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	rc = db_step(st, e);
	if (rc == 1)
		*out = db_col_int(st, 0);
	db_finalize(st);
	if (rc == 0)
		return tthc_fail(e, TTHC_E_DB, name, _("the sequence returned no value"));
	if (rc < 0)
		return -1;
	if (strlen(name) < sizeof tx->seq_name) {
		memcpy(tx->seq_name, name, strlen(name) + 1);
		tx->seq_value = *out;
	}
	return 0;
}
