/* tthcd test-row: test builds only (TTHC_FAULTS).  Until the API has
 * endpoints for members and cases, the tests of the changes feed write
 * domain rows with it, through server/rows.h as the server itself does:
 *
 *   tthcd test-row --dir D [--at T] put KIND JSON    member, case, fee-period,
 *   tthcd test-row --dir D [--at T] delete KIND ID   payment, bank-account
 *
 * --at gives the change time (Unix seconds; default now), so that a test
 * can make changes old enough for tthcd prune.  Messages are for tests, not
 * people: untranslated. */
#include "cmd.h"

#ifdef TTHC_FAULTS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rows.h"

union entity {
	struct model_member member;
	struct model_case c;
	struct model_fee_period fee_period;
	struct model_payment payment;
	struct model_bank_account bank_account;
};

static int put(struct db_tx *tx, enum entity_kind k, union entity *u, int64_t at,
	       struct tthc_err *e)
{
	switch (k) {
	case ENTITY_MEMBER: return rows_put_member(tx, &u->member, at, NULL, e);
	case ENTITY_CASE: return rows_put_case(tx, &u->c, at, at, e);
	case ENTITY_FEE_PERIOD: return rows_put_fee_period(tx, &u->fee_period, at, NULL, e);
	case ENTITY_PAYMENT: return rows_put_payment(tx, &u->payment, at, NULL, e);
	default: return rows_put_bank_account(tx, &u->bank_account, at, NULL, e);
	}
}

static int run(struct srv *s, const char *verb, enum entity_kind k, const char *arg,
	       int64_t at, struct tthc_err *e)
{
	const struct jschema *schema = rows_schema(k);
	union entity u;
	struct db_tx *tx;
	int rc;

	if (!schema)
		return tthc_fail(e, TTHC_E_INVALID, "kind", "not a domain row kind");
	if (!strcmp(verb, "put") &&
	    model_parse(schema, arg, strlen(arg), JSON_STRICT, &u, e) < 0)
		return -1;
	if (db_begin(s->db, DB_WRITE, &tx, e) < 0) {
		if (!strcmp(verb, "put"))
			schema_free(schema, &u);
		return -1;
	}
	if (!strcmp(verb, "put")) {
		rc = put(tx, k, &u, at, e);
		schema_free(schema, &u);
	} else {
		rc = rows_delete(tx, k, arg, at, e);
	}
	if (rc < 0) {
		db_rollback(tx);
		return -1;
	}
	return db_commit(tx, e);
}

int cmd_test_row(int argc, char **argv)
{
	const char *dir = NULL;
	int64_t at = 0;
	struct tthc_err e;
	struct srv s;
	int i = 1, k, rc;

	for (; i + 1 < argc && !strncmp(argv[i], "--", 2); i += 2) {
		if (!strcmp(argv[i], "--dir"))
			dir = argv[i + 1];
		else if (!strcmp(argv[i], "--at"))
			at = strtoll(argv[i + 1], NULL, 10);
		else
			return cmd_usage("test-row", "unknown option '%s'", argv[i]);
	}
	if (!dir || argc - i != 3 || (strcmp(argv[i], "put") && strcmp(argv[i], "delete")))
		return cmd_usage("test-row", "expected --dir DIR [--at T] put|delete KIND ARG");
	if ((k = vocab_find(&vocab_entity_kinds, argv[i + 1])) < 0)
		return cmd_usage("test-row", "unknown kind '%s'", argv[i + 1]);
	if (srv_open(&s, dir, &e) < 0)
		return cmd_fail(&e);
	rc = run(&s, argv[i], (enum entity_kind)k, argv[i + 2], at ? at : srv_now(), &e);
	srv_close(&s);
	return rc < 0 ? cmd_fail(&e) : 0;
}
#endif
