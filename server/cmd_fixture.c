/* tthcd fixture: test builds only (TTHC_FAULTS).  The tests write domain
 * rows with it through server/rows.h, as the server itself does, and tie an
 * account to its member.  Not translated: no person ever runs it.
 *
 *   tthcd fixture --dir D [--at T] member < MEMBER.json
 *   tthcd fixture --dir D [--at T] case [--received-at N] < CASE.json
 *   tthcd fixture --dir D [--at T] put KIND [JSON]      (JSON or stdin; KIND:
 *                                   member, case, fee-period, payment, bank-account)
 *   tthcd fixture --dir D [--at T] delete KIND ID
 *   tthcd fixture --dir D link ACCOUNT MEMBER
 *
 * --at gives the change time (Unix seconds; default now), so that a test
 * can make changes old enough for tthcd prune; a case's received_at is
 * --received-at, else 0 for `case` and the change time for `put case`. */
#include "cmd.h"

#ifdef TTHC_FAULTS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "model/model.h"
#include "rows.h"
#include "util/buf.h"

union entity {
	struct model_member member;
	struct model_case c;
	struct model_fee_period fee_period;
	struct model_payment payment;
	struct model_bank_account bank_account;
};

struct fixture {
	const char *verb;
	enum entity_kind kind;
	const char *arg;        /* the JSON of a put, the id of a delete */
	const char *member;     /* link: the member's code */
	int64_t at, received_at;
};

static int read_stdin(struct buf *b)
{
	char chunk[4096];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		buf_append(b, chunk, n);
	buf_append(b, "", 1);
	return buf_failed(b) ? -1 : 0;
}

static int put(struct db_tx *tx, const struct fixture *f, struct tthc_err *e)
{
	const struct jschema *schema = rows_schema(f->kind);
	union entity u;
	int rc;

	if (!schema)
		return tthc_fail(e, TTHC_E_INVALID, "kind", "not a domain row kind");
	if (model_parse(schema, f->arg, strlen(f->arg), JSON_STRICT, &u, e) < 0)
		return -1;
	switch (f->kind) {
	case ENTITY_MEMBER: rc = rows_put_member(tx, &u.member, f->at, NULL, e); break;
	case ENTITY_CASE: rc = rows_put_case(tx, &u.c, f->received_at, f->at, e); break;
	case ENTITY_FEE_PERIOD:
		rc = rows_put_fee_period(tx, &u.fee_period, f->at, NULL, e);
		break;
	case ENTITY_PAYMENT: rc = rows_put_payment(tx, &u.payment, f->at, NULL, e); break;
	default: rc = rows_put_bank_account(tx, &u.bank_account, f->at, NULL, e); break;
	}
	schema_free(schema, &u);
	return rc;
}

/* A put or delete in one transaction; link is `tthcd user link`. */
static int run(struct srv *s, const struct fixture *f, struct tthc_err *e)
{
	char who_buf[80];
	struct actor who = cmd_actor(who_buf, sizeof who_buf);
	struct db_tx *tx;
	int rc;

	if (!strcmp(f->verb, "link"))
		return acct_link(s, &who, f->arg, f->member, e);
	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	rc = !strcmp(f->verb, "delete") ? rows_delete(tx, f->kind, f->arg, f->at, e)
					: put(tx, f, e);
	return rc < 0 ? (db_rollback(tx), -1) : db_commit(tx, e);
}

/* The verb and its arguments from argv[i] on; 0, or 2 after a usage
 * message.  member and case are put KIND with the JSON on stdin. */
static int parse_verb(int argc, char **argv, int i, struct fixture *f)
{
	int n = argc - i, k;

	f->verb = i < argc ? argv[i] : "";
	if (!strcmp(f->verb, "member") && n == 1) {
		f->kind = ENTITY_MEMBER;
	} else if (!strcmp(f->verb, "case") && (n == 1 || (n == 3 &&
		   !strcmp(argv[i + 1], "--received-at")))) {
		f->kind = ENTITY_CASE;
		f->received_at = n == 3 ? strtoll(argv[i + 2], NULL, 10) : 0;
	} else if (!strcmp(f->verb, "link") && n == 3) {
		f->arg = argv[i + 1];
		f->member = argv[i + 2];
	} else if ((!strcmp(f->verb, "put") && (n == 2 || n == 3)) ||
		   (!strcmp(f->verb, "delete") && n == 3)) {
		if ((k = vocab_find(&vocab_entity_kinds, argv[i + 1])) < 0)
			return cmd_usage("fixture", "unknown kind '%s'", argv[i + 1]);
		f->kind = (enum entity_kind)k;
		f->arg = n == 3 ? argv[i + 2] : NULL;
		f->received_at = f->at;
	} else {
		return cmd_usage("fixture", "expected --dir DIR [--at T] "
				 "member|case|put|delete|link ...");
	}
	return 0;
}

int cmd_fixture(int argc, char **argv)
{
	struct fixture f = { .at = 0 };
	const char *dir = NULL;
	struct buf in = { 0 };
	struct tthc_err e;
	struct srv s;
	int i = 1, rc;

	for (; i + 1 < argc && !strncmp(argv[i], "--", 2); i += 2) {
		if (!strcmp(argv[i], "--dir"))
			dir = argv[i + 1];
		else if (!strcmp(argv[i], "--at"))
			f.at = strtoll(argv[i + 1], NULL, 10);
		else
			return cmd_usage("fixture", "unknown option '%s'", argv[i]);
	}
	if (!f.at)
		f.at = srv_now();
	if (!dir)
		return cmd_usage("fixture", "--dir is required");
	if ((rc = parse_verb(argc, argv, i, &f)) != 0)
		return rc;
	if (!f.arg && read_stdin(&in) < 0)
		return cmd_usage("fixture", "cannot read stdin");
	if (!f.arg)
		f.arg = in.data;
	if (srv_open(&s, dir, &e) < 0) {
		buf_free(&in);
		return cmd_fail(&e);
	}
	rc = run(&s, &f, &e);
	srv_close(&s);
	buf_free(&in);
	return rc < 0 ? cmd_fail(&e) : 0;
}
#endif
