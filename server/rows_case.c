/* rows_case_load: a stored case as core/proc's decision sees it. */
#include <string.h>

#include "rows.h"
#include "util/i18n.h"

/* The case's entity, version, member id and flags, received_at and
 * organisations by relation, in one query (it runs for every action).
 * The flags come from the member's columns (schema migration 6), kept
 * with his body by rows_put_member, so his JSON is not parsed here.
 * TTHC_E_NOT_FOUND when there is no such case, as rows_get. */
static int case_columns(struct db_tx *tx, const char *id, struct proc_case *out,
			struct model_case *c, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"SELECT c.body, c.version, c.member_id, c.received_at, m.under_inspection, "
		"m.under_complaint, r.relation, r.org_id "
		"FROM cases c JOIN members m ON m.id = c.member_id "
		"LEFT JOIN case_orgs r ON r.case_id = c.id WHERE c.code = ?", e);
	const char *body;
	int rc, rel, n = 0;

	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	while ((rc = db_step(st, e)) == 1) {
		if (n++ == 0) {
			body = db_col_text(st, 0);
			if (model_case_parse(body, strlen(body), JSON_STRICT, c, e) < 0) {
				rc = -1;
				break;
			}
			out->version = (long)db_col_int(st, 1);
			out->member_id = (long)db_col_int(st, 2);
			out->received_at = db_col_int(st, 3);
			out->under_inspection = db_col_int(st, 4) != 0;
			out->under_complaint = db_col_int(st, 5) != 0;
		}
		if (!db_col_null(st, 6) && (rel = vocab_find(&vocab_relations,
							     db_col_text(st, 6))) >= 0)
			out->org[rel] = (long)db_col_int(st, 7);
	}
	db_finalize(st);
	if (rc == 0 && n == 0)
		return tthc_fail(e, TTHC_E_NOT_FOUND, id, _("no such row"));
	return rc < 0 ? -1 : 0;
}

int rows_case_load(struct db_tx *tx, const char *id, struct proc_case *out,
		   struct model_case *mc, struct tthc_err *e)
{
	struct model_case c;
	const struct proc_machine *m;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	if (case_columns(tx, id, out, &c, e) < 0)
		goto fail;
	m = proc_machine((enum procedure)c.procedure);
	out->proc = (enum procedure)c.procedure;
	out->state = m ? proc_state_find(m, c.state) : -1;
	if (out->state < 0) {
		tthc_fail(e, TTHC_E_INVALID, "state", _("unknown state '%s'"), c.state);
		goto fail;
	}
	proc_case_fields(c.fields, out);
	if (mc)
		*mc = c;
	else
		model_case_free(&c);
	return 0;
fail:
	model_case_free(&c);
	return -1;
}
