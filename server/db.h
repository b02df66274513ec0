/* tthcd's storage, behind one small interface (DESIGN.md section 4).
 *
 * Callers write plain, portable SQL with `?` placeholders and run it inside a
 * transaction; only db_sqlite.c knows SQLite.  A PostgreSQL backend (libpq)
 * would implement the same functions: `?` becomes `$n`, DB_WRITE becomes a
 * transaction whose first statement takes the serialising lock, and
 * db_seq_next becomes a sequence.  Nothing here keeps state that a second
 * server process would need: tokens, lockouts and the audit head live in the
 * database.
 */
#ifndef TTHCD_DB_H
#define TTHCD_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

struct db;
struct db_tx;
struct db_stmt;

/* The schema version this build writes and expects. */
#define DB_SCHEMA_VERSION 6

/* Create a new database at path (fails if it exists) and apply every
 * migration.  Then it is open as with db_open. */
int db_create(const char *path, struct db **out, struct tthc_err *e);
/* Open an existing database; refuses one whose schema is newer than this
 * build, migrates an older one. */
int db_open(const char *path, struct db **out, struct tthc_err *e);
/* Waits for no transaction: call it after every user has finished. */
void db_close(struct db *db);
int db_schema_version(struct db *db);

enum db_mode {
	DB_READ,        /* a consistent snapshot; never blocks writers */
	DB_WRITE,       /* serialised with every other writer, all processes */
};

/* A transaction on a connection of its own.  Exactly one of db_commit or
 * db_rollback ends it (both free it). */
int db_begin(struct db *db, enum db_mode mode, struct db_tx **out, struct tthc_err *e);
int db_commit(struct db_tx *tx, struct tthc_err *e);
void db_rollback(struct db_tx *tx);

/* fn runs inside tx just before it commits (several may be set; they run in
 * order and each only once); a failure rolls the transaction back.  The
 * audit chain signs its head this way, once per transaction. */
typedef int (*db_hook_fn)(struct db_tx *tx, void *arg, struct tthc_err *e);
int db_before_commit(struct db_tx *tx, db_hook_fn fn, void *arg, struct tthc_err *e);

/* Statements.  Bind errors are remembered and reported by db_step. */
struct db_stmt *db_prepare(struct db_tx *tx, const char *sql, struct tthc_err *e);
void db_bind_int(struct db_stmt *st, int index, int64_t v);     /* index from 1 */
void db_bind_text(struct db_stmt *st, int index, const char *s); /* NULL binds NULL */
void db_bind_null(struct db_stmt *st, int index);
/* 1: a row is there; 0: done; -1: error (TTHC_E_CONFLICT for a violated
 * unique key, TTHC_E_DB otherwise). */
int db_step(struct db_stmt *st, struct tthc_err *e);
int64_t db_col_int(struct db_stmt *st, int col);                /* col from 0 */
const char *db_col_text(struct db_stmt *st, int col);           /* NULL for NULL */
bool db_col_null(struct db_stmt *st, int col);
void db_finalize(struct db_stmt *st);

/* Run SQL that takes no parameters and returns no rows (several statements
 * separated by ';' are allowed). */
int db_exec(struct db_tx *tx, const char *sql, struct tthc_err *e);

/* The next value of a named, server-wide, gap-free sequence (the change
 * cursor); only in a DB_WRITE transaction. */
int db_seq_next(struct db_tx *tx, const char *name, int64_t *out, struct tthc_err *e);

#endif
