#include "fee/retention.h"

#include <stdio.h>

#include "fee/amount.h"
#include "util/i18n.h"

static bool kind_matches(enum fee_base_kind kind, bool commune)
{
	return kind == FEE_ANY_BASE || (kind == FEE_COMMUNE_BASE) == commune;
}

int fee_retention_share(const struct fee_rules *r, struct fee_level level, int *share_bp,
			const struct fee_retention **row, struct tthc_err *err)
{
	size_t i;

	for (i = 0; i < r->n_retention; i++) {
		const struct fee_retention *t = &r->retention[i];

		if (t->type != level.type || !kind_matches(t->kind, level.commune))
			continue;
		if (t->adjustable && (r->branch_share_bp < FEE_BRANCH_SHARE_MIN ||
				      r->branch_share_bp > FEE_BRANCH_SHARE_MAX))
			return tthc_fail(err, TTHC_E_RANGE, "branch_share",
					 _("a chi bộ under a base organisation keeps 30 to 50%%, "
					   "not %d bp"), r->branch_share_bp);
		*share_bp = t->adjustable ? r->branch_share_bp : t->share_bp;
		if (row)
			*row = t;
		return 0;
	}
	return tthc_fail(err, TTHC_E_NOT_FOUND, "type",
			 _("no retention share is recorded for organisation type '%s'"),
			 vocab_name(&vocab_org_types, (int)level.type));
}

/* Height in the tree: a path must climb at every step. */
static int height(enum org_type t)
{
	switch (t) {
	case ORG_SUB_BRANCH:
		return 0;
	case ORG_SUB_COMMITTEE:
		return 1;
	case ORG_BASE_BRANCH:
	case ORG_BASE_COMMITTEE:
		return 2;
	case ORG_PROVINCE:
		return 3;
	case ORG_TYPE_COUNT:
		break;
	}
	return -1;
}

static int check_path(const struct fee_level *path, size_t n, struct tthc_err *err)
{
	char where[32];
	size_t i;

	if (n == 0)
		return tthc_fail(err, TTHC_E_MISSING, "path", "%s",
				 _("the path up the tree is empty"));
	if (path[0].type != ORG_SUB_BRANCH && path[0].type != ORG_BASE_BRANCH)
		return tthc_fail(err, TTHC_E_INVALID, "path[0]", "%s",
				 _("fees are collected by a chi bộ: the path must start at one"));
	for (i = 0; i < n; i++) {
		snprintf(where, sizeof where, "path[%zu]", i);
		if (height(path[i].type) < 0)
			return tthc_fail(err, TTHC_E_INVALID, where, "%s",
					 _("unknown organisation type"));
		if (i > 0 && height(path[i].type) <= height(path[i - 1].type))
			return tthc_fail(err, TTHC_E_INVALID, where,
					 _("'%s' cannot be above '%s'"),
					 vocab_name(&vocab_org_types, (int)path[i].type),
					 vocab_name(&vocab_org_types, (int)path[i - 1].type));
	}
	return 0;
}

int fee_split(const struct fee_rules *r, int64_t total, const struct fee_level *path,
	      size_t n, int64_t *kept, struct tthc_err *err)
{
	int64_t reaching = total;
	int share;
	size_t i;

	if (total < 0 || total > FEE_AMOUNT_MAX)
		return tthc_fail(err, TTHC_E_RANGE, "total", "%s",
				 _("the amount to share must be between 0 and 100.000.000.000 đ"));
	if (check_path(path, n, err))
		return -1;
	for (i = 0; i < n; i++) {
		if (fee_retention_share(r, path[i], &share, NULL, err)) {
			char where[32];

			snprintf(where, sizeof where, "path[%zu]", i);
			tthc_err_prefix(err, where);
			return -1;
		}
		kept[i] = reaching * share / 10000;
		reaching -= kept[i];
	}
	kept[n] = reaching;
	return 0;
}
