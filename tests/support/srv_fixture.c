#include "srv_fixture.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

int srv_fx_setup(void **state, const char *sql, unsigned flags)
{
	struct srv_fx *fx = calloc(1, sizeof *fx);

	if (!fx)
		return -1;
	*state = fx;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/tthc-srv.XXXXXX");
	if (!mkdtemp(fx->dir)) {
		fx->dir[0] = '\0';
		return -1;
	}
	snprintf(fx->path, sizeof fx->path, "%s/t.db", fx->dir);
	if ((flags & SRV_FX_AUDIT_KEY) && (audit_key_create(fx->dir, NULL) < 0 ||
					   audit_key_load(fx->dir, &fx->key, NULL) < 0))
		return -1;
	if (db_create(fx->path, &fx->db, NULL) < 0)
		return -1;
	if (!sql && !(flags & SRV_FX_KEEP_TX))
		return 0;
	if (db_begin(fx->db, DB_WRITE, &fx->tx, NULL) < 0 ||
	    (sql && db_exec(fx->tx, sql, NULL) < 0))
		return -1;
	if (flags & SRV_FX_KEEP_TX)
		return 0;
	if (db_commit(fx->tx, NULL) < 0) {
		fx->tx = NULL;
		return -1;
	}
	fx->tx = NULL;
	return 0;
}

int srv_fx_teardown(void **state)
{
	struct srv_fx *fx = *state;
	char cmd[96];
	int rc = 0;

	if (!fx)
		return 0;
	if (fx->tx)
		db_rollback(fx->tx);
	db_close(fx->db);
	if (fx->dir[0]) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
		rc = system(cmd) == 0 ? 0 : -1;
	}
	free(fx);
	*state = NULL;
	return rc;
}

int64_t srv_fx_int(struct db_tx *tx, const char *sql)
{
	struct db_stmt *st = db_prepare(tx, sql, NULL);
	int64_t v = -1;

	assert_non_null(st);
	if (db_step(st, NULL) == 1)
		v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}
