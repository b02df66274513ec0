/* The domain rows (members, cases, fee periods, payments, bank accounts)
 * and the changes feed they write, over db.h (schema migration 2).
 *
 * Every function runs inside the caller's transaction: puts and deletes in
 * a DB_WRITE one, so that the row, its new version and its change commit
 * together or not at all.  Rows are named on the wire by their `id` (the
 * `code` column); organisations, members and cases referred to inside an
 * entity are codes too and must exist (TTHC_E_NOT_FOUND with the field's
 * name as where).
 *
 * Versions: 1 on create, +1 on every put of an existing row and on a
 * delete; a row made again after a delete goes on from its tombstone.
 *
 * Visibility: a row is seen by the subtree of each organisation of its
 * visibility set: a member, fee period and bank account by their `org`; a
 * payment by its member's organisation at the time of the put; a case by
 * every organisation of its `orgs` (sending and receiving side, residence
 * branch...).  A case's home organisation (orgs[0]) is its `org_id`.
 *
 * Changes: each put or delete gives the row a new change with the next
 * value of the server-wide sequence "changes" (the cursor).  The feed keeps
 * only the latest change of each row, so a full sync reads one entry per
 * row; the replaced change's "before" set is carried into the new one, so
 * that an organisation that saw the row at ANY state since the replaced
 * change still learns that it left (a tombstone for it).  */
#ifndef TTHCD_ROWS_H
#define TTHCD_ROWS_H

#include <stdint.h>

#include "db.h"
#include "model/case.h"
#include "model/finance.h"
#include "model/member.h"
#include "model/vocab.h"
#include "proc/proc.h"
#include "util/err.h"

/* Insert or update by id; *version (may be NULL) gets the new version.
 * rows_put_case also fills c->version, c->created_at (kept from the stored
 * row on an update; on a create, now unless given earlier) and
 * c->updated_at = now before storing the body, and
 * keeps received_at (the dossier's receipt, for the 8-working-hour clock;
 * 0: unknown) and the fee month from c->fields "period". */
int rows_put_member(struct db_tx *tx, const struct model_member *m, int64_t now,
		    int64_t *version, struct tthc_err *e);
int rows_put_case(struct db_tx *tx, struct model_case *c, int64_t received_at, int64_t now,
		  struct tthc_err *e);
int rows_put_fee_period(struct db_tx *tx, const struct model_fee_period *p, int64_t now,
			int64_t *version, struct tthc_err *e);
int rows_put_payment(struct db_tx *tx, const struct model_payment *p, int64_t now,
		     int64_t *version, struct tthc_err *e);
int rows_put_bank_account(struct db_tx *tx, const struct model_bank_account *b, int64_t now,
			  int64_t *version, struct tthc_err *e);

/* Delete the row of this kind and id, leaving a tombstone change (version
 * = the deleted row's + 1) for everyone who saw it.  TTHC_E_NOT_FOUND if
 * there is none; a member still referred to by cases or payments cannot be
 * deleted (TTHC_E_DB). */
int rows_delete(struct db_tx *tx, enum entity_kind kind, const char *id, int64_t now,
		struct tthc_err *e);

/* The stored entity (out is a struct model_member, model_case... matching
 * kind; free it with its PREFIX_free) and its version (may be NULL).
 * TTHC_E_NOT_FOUND if there is none. */
int rows_get(struct db_tx *tx, enum entity_kind kind, const char *id, void *out,
	     int64_t *version, struct tthc_err *e);

/* The internal id of a row (members and cases are referred to by it in
 * core/proc), TTHC_E_NOT_FOUND if none. */
int rows_id(struct db_tx *tx, enum entity_kind kind, const char *id, int64_t *row_id,
	    struct tthc_err *e);

/* The internal id and organisation of the member with this code;
 * TTHC_E_NOT_FOUND (where: field) if there is none. */
int rows_member_find(struct db_tx *tx, const char *code, const char *field, int64_t *id,
		     int64_t *org, struct tthc_err *e);

/* A case as core/proc decides on it: state index, version, member id and
 * flags (under inspection or complaint), organisation ids per relation,
 * received_at, and the dates its dossier fields carry (decision_date,
 * issued_on, kind/from_date/to_date of a temporary transfer, period).
 * mc (may be NULL) gets the case entity itself. */
int rows_case_load(struct db_tx *tx, const char *id, struct proc_case *out,
		   struct model_case *mc, struct tthc_err *e);

/* The table that holds rows of kind, and the schema of their entity (NULL
 * for a kind that is no domain row: organisations and accounts have tables
 * of their own). */
const char *rows_table(enum entity_kind kind);
const struct jschema *rows_schema(enum entity_kind kind);

/* Record that an account's roles changed (call it in the transaction that
 * grants or removes a role): the changes feed then answers a cursor older
 * than this moment with 410 resync-required. */
int rows_roles_changed(struct db_tx *tx, int64_t account_id, struct tthc_err *e);

#endif
