/* The client's local database (DESIGN.md sections 3 and 8; issue 6,
 * core/store): one SQLite file per server and user holding the cached rows
 * the client pulled, the sync cursor, the outbox of actions taken offline
 * and the needs-attention list.
 *
 * Every durable change is one transaction (WAL, synchronous=FULL: a power
 * cut loses at most the change that had not returned yet, never half of
 * one).  A write that fails (disk full, read-only, I/O error) rolls back
 * and says so: nothing is half-written.
 *
 * This header: opening, the file name scheme, meta data.  The cache:
 * store/cache.h; the outbox and needs-attention list: store/outbox.h;
 * queries for the screens: store/query.h. */
#ifndef TTHC_STORE_STORE_H
#define TTHC_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

struct store;

/* The newest schema this build knows (PRAGMA user_version). */
extern const int store_schema_version;

/* The file name for a server and user, without directory:
 * HOST_PORT_USER.db, each part percent-encoded: bytes other than
 * [A-Za-z0-9.-] become %XX (upper-case hex), a leading '.' too, and the host
 * is lower-cased first (DNS names are case-blind).  '_' and '/' never
 * survive encoding, so the name cannot leave the directory and two
 * different (host, port, user) never share a file.  NULL with TTHC_E_INVALID
 * for an empty host or user, a port outside 1..65535, or a name longer than
 * a file name may be (255 bytes). */
char *store_file_name(const char *host, int port, const char *user,
		      struct tthc_err *err);

/* Open (creating it if need be) the database of host:port and user under
 * paths_data_dir(), which is created with mode 0700. */
struct store *store_open(const char *host, int port, const char *user,
			 struct tthc_err *err);

/* Open or create the database at path: the file mode 0600 (its -wal and
 * -shm files inherit it), WAL, synchronous=FULL, foreign keys, a busy
 * timeout, then the migrations up to store_schema_version, each in its own
 * transaction.  A database of a newer schema is refused (TTHC_E_REFUSED),
 * a file that is not a database too (TTHC_E_IO).  NULL on error. */
struct store *store_open_path(const char *path, struct tthc_err *err);

void store_close(struct store *st);

/* The schema version of an open store. */
int store_version(struct store *st, struct tthc_err *err);

/* What `tthc status` shows.  Strings are owned by the struct (NULL when not
 * known yet); free with store_status_free. */
struct store_status {
	char *server;           /* "host:port" */
	char *user;
	char *roles;            /* JSON as the session gave it */
	char *cursor;           /* the changes feed's cursor; NULL: never pulled */
	int64_t last_sync;      /* seconds since the epoch; 0: never */
	int64_t pending;        /* actions in the outbox */
	int64_t attention;      /* entries in the needs-attention list */
};

int store_status(struct store *st, struct store_status *out, struct tthc_err *err);
void store_status_free(struct store_status *s);

/* The roles JSON of the session (an array, stored as given). */
int store_set_roles(struct store *st, const char *roles_json, struct tthc_err *err);

#endif
