/* tthcd fixture: test builds only (TTHC_FAULTS), to put members and cases
 * into a server directory through server/rows.h until `tthcd seed` makes
 * them, and to tie an account to its member.  Not translated: no person
 * ever runs it.
 *
 *   tthcd fixture --dir D member < MEMBER.json      (core/model's member)
 *   tthcd fixture --dir D case [--received-at N] < CASE.json
 *   tthcd fixture --dir D link ACCOUNT MEMBER */
#ifdef TTHC_FAULTS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "rows.h"
#include "util/buf.h"

static int read_stdin(struct buf *b)
{
	char chunk[4096];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		buf_append(b, chunk, n);
	buf_append(b, "", 1);
	return buf_failed(b) ? -1 : 0;
}

static int put(struct db_tx *tx, const char *what, const char *text, int64_t received_at,
	       struct tthc_err *e)
{
	struct model_member m;
	struct model_case c;
	int rc;

	if (!strcmp(what, "member")) {
		if (model_member_parse(text, strlen(text), JSON_STRICT, &m, e) < 0)
			return -1;
		rc = rows_put_member(tx, &m, srv_now(), NULL, e);
		model_member_free(&m);
		return rc;
	}
	if (model_case_parse(text, strlen(text), JSON_STRICT, &c, e) < 0)
		return -1;
	rc = rows_put_case(tx, &c, received_at, srv_now(), e);
	model_case_free(&c);
	return rc;
}

static int link_member(struct db_tx *tx, const char *account, const char *member,
		       struct tthc_err *e)
{
	struct db_stmt *st;
	int64_t id;
	int rc;

	if (rows_id(tx, ENTITY_MEMBER, member, &id, e) < 0)
		return -1;
	st = db_prepare(tx, "UPDATE accounts SET member_id = ? WHERE name = ?", e);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, account);
	rc = db_step(st, e);
	db_finalize(st);
	return rc;
}

int cmd_fixture(int argc, char **argv)
{
	struct srv s;
	struct db_tx *tx;
	struct tthc_err e;
	struct buf in = { 0 };
	int64_t received_at = 0;
	int rc;

	if (argc < 4 || strcmp(argv[1], "--dir"))
		return cmd_usage("fixture", "expected --dir DIR member|case|link ...");
	if (!strcmp(argv[3], "case") && argc == 6 && !strcmp(argv[4], "--received-at"))
		received_at = strtoll(argv[5], NULL, 10);
	else if (strcmp(argv[3], "link") ? argc != 4 : argc != 6)
		return cmd_usage("fixture", "unexpected arguments");
	if (strcmp(argv[3], "link") && read_stdin(&in) < 0)
		return cmd_usage("fixture", "cannot read stdin");
	if (srv_open(&s, argv[2], &e) < 0) {
		buf_free(&in);
		return cmd_fail(&e);
	}
	rc = db_begin(s.db, DB_WRITE, &tx, &e);
	if (rc == 0) {
		rc = !strcmp(argv[3], "link") ? link_member(tx, argv[4], argv[5], &e)
					      : put(tx, argv[3], in.data, received_at, &e);
		rc = rc < 0 ? (db_rollback(tx), -1) : db_commit(tx, &e);
	}
	srv_close(&s);
	buf_free(&in);
	return rc < 0 ? cmd_fail(&e) : 0;
}
#endif
