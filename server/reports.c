/* What the reports share. */
#include "reports.h"

#include "orgs.h"
#include "util/i18n.h"

int report_begin(struct srv *s, const struct actor *who, const char *org, enum rbac_op op,
		 struct db_tx **tx, int64_t *org_id, struct tthc_err *e)
{
	if (!org)
		return tthc_fail(e, TTHC_E_MISSING, "org", _("which organisation?"));
	if (db_begin(s->db, DB_READ, tx, e) < 0)
		return -1;
	if (org_find(*tx, org, org_id, e) < 0) {
		if (e->code == TTHC_E_NOT_FOUND)
			tthc_fail(e, TTHC_E_NOT_FOUND, "org", _("no such organisation"));
	} else if (rbac_check(*tx, who, op, *org_id, e) == 0) {
		return 0;
	}
	db_rollback(*tx);
	return -1;
}
