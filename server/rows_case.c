/* rows_case_load: a stored case as core/proc's decision sees it. */
#include <string.h>

#include "rows.h"
#include "util/i18n.h"

/* Member id and flags, received_at, and the organisations by relation. */
static int case_columns(struct db_tx *tx, const char *id, struct proc_case *out,
			struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx,
		"SELECT c.member_id, c.received_at, m.body, r.relation, r.org_id "
		"FROM cases c JOIN members m ON m.id = c.member_id "
		"JOIN case_orgs r ON r.case_id = c.id WHERE c.code = ?", e);
	struct model_member m;
	int rc, rel, n = 0;

	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	while ((rc = db_step(st, e)) == 1) {
		if (n++ == 0) {
			out->member_id = (long)db_col_int(st, 0);
			out->received_at = db_col_int(st, 1);
			if (model_member_parse(db_col_text(st, 2), strlen(db_col_text(st, 2)),
					       JSON_STRICT, &m, e) < 0) {
				rc = -1;
				break;
			}
			out->under_inspection = m.under_inspection;
			out->under_complaint = m.under_complaint;
			model_member_free(&m);
		}
		rel = vocab_find(&vocab_relations, db_col_text(st, 3));
		if (rel >= 0)
			out->org[rel] = (long)db_col_int(st, 4);
	}
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

int rows_case_load(struct db_tx *tx, const char *id, struct proc_case *out,
		   struct model_case *mc, struct tthc_err *e)
{
	struct model_case c;
	const struct proc_machine *m;
	int64_t version;

	memset(out, 0, sizeof *out);
	if (rows_get(tx, ENTITY_CASE, id, &c, &version, e) < 0)
		return -1;
	m = proc_machine((enum procedure)c.procedure);
	out->proc = (enum procedure)c.procedure;
	out->state = m ? proc_state_find(m, c.state) : -1;
	out->version = (long)version;
	if (out->state < 0) {
		tthc_fail(e, TTHC_E_INVALID, "state", _("unknown state '%s'"), c.state);
		goto fail;
	}
	if (case_columns(tx, id, out, e) < 0)
		goto fail;
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
