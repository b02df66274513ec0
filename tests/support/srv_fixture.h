/* A server database for the server's unit tests: a real SQLite file made
 * by db_create (every migration) in a fresh mkdtemp directory, removed with
 * everything in it afterwards.  The setup and teardown are cmocka's. */
#ifndef TTHC_TESTS_SRV_FIXTURE_H
#define TTHC_TESTS_SRV_FIXTURE_H

#include <stdint.h>

#include "../server/audit.h"
#include "../server/db.h"

struct srv_fx {
	char dir[64];
	char path[96];          /* dir/t.db */
	struct db *db;
	struct db_tx *tx;       /* open while the test runs, with SRV_FX_KEEP_TX */
	struct audit_key key;   /* with SRV_FX_AUDIT_KEY */
};

#define SRV_FX_KEEP_TX   1u     /* leave the setup's write transaction open */
#define SRV_FX_AUDIT_KEY 2u     /* make and load an audit key in dir */

/* SQL for a small tree: o-tinh(1) - o-xa-1(2) - o-cb-1(3), o-cb-2(4). */
#define SRV_FX_TREE \
	"INSERT INTO orgs (id, code, name, type, parent_id, created_at) VALUES " \
	"(1, 'o-tinh', 'Tỉnh', 'province', NULL, 0)," \
	"(2, 'o-xa-1', 'Xã 1', 'base-committee', 1, 0)," \
	"(3, 'o-cb-1', 'Chi bộ 1', 'sub-branch', 2, 0)," \
	"(4, 'o-cb-2', 'Chi bộ 2', 'sub-branch', 2, 0);"

/* *state = a new struct srv_fx whose database holds what sql (NULL: nothing)
 * writes; -1 when anything fails. */
int srv_fx_setup(void **state, const char *sql, unsigned flags);
/* Roll back fx->tx (if open), close, remove the directory, free. */
int srv_fx_teardown(void **state);
/* A cmocka test with this setup and srv_fx_teardown. */
#define SRV_FX_TEST(test, setup) cmocka_unit_test_setup_teardown(test, setup, srv_fx_teardown)

/* The one integer a query answers inside tx; -1 when it gives no row. */
int64_t srv_fx_int(struct db_tx *tx, const char *sql);

#endif
