/* What every part of tthcd shares: its directory, database, audit key and
 * settings.  Nothing here is state that a second process would need. */
#ifndef TTHCD_SRV_H
#define TTHCD_SRV_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "audit.h"
#include "db.h"

struct srv_config {
	int64_t token_ttl;      /* seconds a session token lives; 12 h by default */
	int max_failures;       /* failed logins in a row before a lockout */
	int64_t lockout;        /* seconds a lockout lasts */
};

#define SRV_CONFIG_DEFAULT { 12 * 3600, 5, 15 * 60 }

struct srv {
	char dir[PATH_MAX];
	struct db *db;
	struct audit_key key;
	struct srv_config cfg;
};

/* Who acts.  account_id 0 is the local command line (root on the box, who
 * can read the database anyway); name is what the audit log records. */
struct actor {
	int64_t account_id;
	const char *name;
};

/* The database file in a tthcd directory. */
#define SRV_DB_FILE "tthcd.db"

int srv_open(struct srv *s, const char *dir, struct tthc_err *e);
void srv_close(struct srv *s);
int64_t srv_now(void);

/* Account names and organisation codes: 1 to 64 of a-z, 0-9, '-', '_', '.',
 * so that they go into URLs and command lines as they are. */
bool srv_ident_ok(const char *s);

#endif
