/* The fee and case reports as small tables (online.h; docs/API.md,
 * Reports). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync/internal.h"
#include "sync/online.h"
#include "util/i18n.h"

static const char *const fee_head[] = {
	N_("Organisation"), N_("Members"), N_("In arrears"), N_("Due"), N_("Paid"),
	N_("Confirmed"), N_("Remitted"), N_("Settled"),
};
/* The fee states of the columns after the first three: record counts. */
static const char *const fee_states[] = { "due", "paid", "confirmed", "remitted", "settled" };

static const char *const case_head[] = { N_("Procedure"), N_("State"), N_("Cases") };

void sync_table_free(struct sync_table *t)
{
	for (size_t i = 0; i < t->cols * t->rows; i++)
		free(t->cell[i]);
	free(t->cell);
	memset(t, 0, sizeof *t);
}

static int bad(const char *where, const char *what, struct tthc_err *err)
{
	return tthc_fail(err, TTHC_E_NETWORK, where, _("the server's answer cannot be read: %s"),
			 what);
}

static int table_new(struct sync_table *t, const char *const *head, size_t cols, size_t rows,
		     struct tthc_err *err)
{
	memset(t, 0, sizeof *t);
	t->head = head;
	t->cols = cols;
	if (rows && !(t->cell = calloc(rows * cols, sizeof *t->cell)))
		return tthc_fail(err, TTHC_E_NOMEM, "report", _("out of memory"));
	return 0;
}

/* The next cell of the table, filled row by row. */
static int put(struct sync_table *t, size_t *at, const char *s, struct tthc_err *err)
{
	if (!(t->cell[*at] = strdup(s)))
		return tthc_fail(err, TTHC_E_NOMEM, "report", _("out of memory"));
	if (++*at % t->cols == 0)
		t->rows++;
	return 0;
}

static int put_int(struct sync_table *t, size_t *at, const cJSON *n, struct tthc_err *err)
{
	char s[24];

	snprintf(s, sizeof s, "%" PRId64, cJSON_IsNumber(n) ? (int64_t)n->valuedouble : 0);
	return put(t, at, s, err);
}

static int fee_row(struct sync_table *t, size_t *at, const char *org, const cJSON *o,
		   struct tthc_err *err)
{
	const cJSON *fees = cJSON_GetObjectItemCaseSensitive(o, "fees");
	int rc = put(t, at, org, err);

	rc = rc < 0 ? -1 : put_int(t, at, cJSON_GetObjectItemCaseSensitive(o, "members"), err);
	rc = rc < 0 ? -1 : put_int(t, at, cJSON_GetObjectItemCaseSensitive(o, "in_arrears"), err);
	for (size_t i = 0; rc == 0 && i < sizeof fee_states / sizeof fee_states[0]; i++)
		rc = put_int(t, at, cJSON_GetObjectItemCaseSensitive(
				     cJSON_GetObjectItemCaseSensitive(fees, fee_states[i]), "count"),
			     err);
	return rc;
}

int sync_fees_table(const cJSON *j, struct sync_table *out, struct tthc_err *err)
{
	const cJSON *orgs = cJSON_GetObjectItemCaseSensitive(j, "orgs"), *o;
	const cJSON *total = cJSON_GetObjectItemCaseSensitive(j, "total");
	const char *org;
	size_t at = 0;

	memset(out, 0, sizeof *out);
	if (!cJSON_IsArray(orgs) || !cJSON_IsObject(total))
		return bad("orgs", _("no figures per organisation"), err);
	if (table_new(out, fee_head, sizeof fee_head / sizeof fee_head[0],
		      (size_t)cJSON_GetArraySize(orgs) + 1, err) < 0)
		return -1;
	cJSON_ArrayForEach(o, orgs) {
		if (!(org = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "org")))) {
			sync_table_free(out);
			return bad("orgs", _("an organisation without its code"), err);
		}
		if (fee_row(out, &at, org, o, err) < 0) {
			sync_table_free(out);
			return -1;
		}
	}
	/* The sum of the rows, marked as such in any language. */
	if (fee_row(out, &at, "\xce\xa3", total, err) < 0) {
		sync_table_free(out);
		return -1;
	}
	return 0;
}

/* Every state of every procedure is in the answer: only the non-zero ones
 * make rows, so that the table fits a screen. */
int sync_cases_table(const cJSON *j, struct sync_table *out, struct tthc_err *err)
{
	const cJSON *counts = cJSON_GetObjectItemCaseSensitive(j, "counts"), *p, *s;
	size_t n = 0, at = 0;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (!cJSON_IsObject(counts))
		return bad("counts", _("no counts of cases"), err);
	cJSON_ArrayForEach(p, counts)
		cJSON_ArrayForEach(s, p)
			n += cJSON_IsNumber(s) && s->valuedouble > 0;
	if (table_new(out, case_head, sizeof case_head / sizeof case_head[0], n, err) < 0)
		return -1;
	cJSON_ArrayForEach(p, counts)
		cJSON_ArrayForEach(s, p) {
			if (rc < 0 || !cJSON_IsNumber(s) || s->valuedouble <= 0)
				continue;
			rc = put(out, &at, p->string, err);
			rc = rc < 0 ? -1 : put(out, &at, s->string, err);
			rc = rc < 0 ? -1 : put_int(out, &at, s, err);
		}
	if (rc < 0)
		sync_table_free(out);
	return rc;
}

int sync_report_fetch(struct sync_client *c, const char *org, const char *period,
		      struct sync_table *out, struct tthc_err *err)
{
	char path[160];
	cJSON *j;
	int rc;

	memset(out, 0, sizeof *out);
	if (!sync_ident_ok(org))
		return tthc_fail(err, TTHC_E_INVALID, org, _("not an organisation code"));
	if (period && (strlen(period) > 10 || strspn(period, "0123456789-HQ") != strlen(period)))
		return tthc_fail(err, TTHC_E_INVALID, period,
				 _("a period is a year, 2026-H2, 2026-Q4 or 2026-09"));
	if (period)
		snprintf(path, sizeof path, "/reports/fees?org=%s&period=%s", org, period);
	else
		snprintf(path, sizeof path, "/reports/cases?org=%s", org);
	if (!(j = sync_request(c, NET_GET, path, NULL, err)))
		return -1;
	rc = period ? sync_fees_table(j, out, err) : sync_cases_table(j, out, err);
	cJSON_Delete(j);
	return rc;
}
