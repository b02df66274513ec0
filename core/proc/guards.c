/* Guards: the rules that are not about roles or field shapes.  Each adds
 * its reasons to the verdict; none stops the others. */
#include <stdio.h>
#include <string.h>

#include "fee/rules.h"
#include "proc/check.h"
#include "util/i18n.h"

static void not_under_review(const struct proc_check *k)
{
	/* HD 06-HD/TW: no transfer while under inspection or complaint handling. */
	if (k->c->under_inspection)
		proc_refuse(k->v, REASON_UNDER_INSPECTION, NULL);
	if (k->c->under_complaint)
		proc_refuse(k->v, REASON_UNDER_COMPLAINT, NULL);
}

/* Today must be no later than `days` working days after `start`. */
static void within_working_days(const struct proc_check *k, struct date start,
				const struct proc_deadline *dl, enum proc_reason_id late,
				const char *path)
{
	struct tthc_err err;
	struct date due;
	char a[11], b[11];

	if (workdays_add(start, dl->amount, &due, &err) < 0) {
		proc_refuse(k->v, REASON_NO_CALENDAR, path, err.msg);
		return;
	}
	if (date_cmp(k->today, due) > 0) {
		date_format_vn(start, a);
		date_format_vn(due, b);
		proc_refuse(k->v, late, path, dl->amount, a, b);
	}
}

static void file_in_time(const struct proc_check *k)
{
	struct date decision;

	/* The request carries the decision; a resubmission relies on the case. */
	if (!proc_payload_date(k->req->payload, "decision_date", &decision)) {
		if (!date_valid(k->c->decision_date))
			return;   /* the missing field is reported by the field check */
		decision = k->c->decision_date;
	}
	within_working_days(k, decision, &proc_deadline_filing, REASON_FILING_LATE,
			    "payload.decision_date");
}

static void present_in_time(const struct proc_check *k)
{
	if (!date_valid(k->c->intro_date)) {
		proc_refuse(k->v, REASON_CASE_LACKS, NULL, _("date of the introduction paper"));
		return;
	}
	within_working_days(k, k->c->intro_date, &proc_deadline_presenting,
			    REASON_PRESENTING_LATE, NULL);
}

/* d + n months, the day clamped to the month's end (31/01 + 1 = 28/02). */
static struct date add_months(struct date d, int n)
{
	int index = d.y * 12 + d.m - 1 + n;
	struct date r = { index / 12, index % 12 + 1, d.d };

	while (!date_valid(r) && r.d > 28)
		r.d--;
	return r;
}

/* The last day of a temporary transfer starting on `from`: at least the
 * minimum, and under (or up to) the maximum, counted with both ends in. */
static void check_duration(const struct proc_check *k, enum proc_temp_kind kind,
			   struct date from, struct date to)
{
	const struct proc_temp_limit *lim = proc_temp_limit(kind);
	struct date earliest, latest;
	char s[11];

	if (!lim)
		return;
	if (date_cmp(to, from) < 0) {
		proc_refuse(k->v, REASON_END_BEFORE_START, "payload.to_date");
		return;
	}
	earliest = date_add_days(add_months(from, lim->min_months), -1);
	latest = date_add_days(add_months(from, lim->max_months), lim->max_inclusive ? -1 : -2);
	if (date_cmp(to, earliest) < 0) {
		date_format_vn(earliest, s);
		proc_refuse(k->v, REASON_DURATION_SHORT, "payload.to_date", s, lim->min_months);
	} else if (date_cmp(to, latest) > 0) {
		date_format_vn(latest, s);
		proc_refuse(k->v, REASON_DURATION_LONG, "payload.to_date", s);
	}
}

static enum proc_temp_kind payload_kind(const cJSON *payload)
{
	static const enum proc_temp_kind kinds[] = { TEMP_WORK, TEMP_RESIDENCE, TEMP_STUDY };
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(payload, "kind"));
	size_t i;

	for (i = 0; s && i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(proc_temp_limit(kinds[i])->name, s))
			return kinds[i];
	return TEMP_NONE;
}

static void temp_duration(const struct proc_check *k)
{
	struct date from, to;

	if (proc_payload_date(k->req->payload, "from_date", &from) &&
	    proc_payload_date(k->req->payload, "to_date", &to))
		check_duration(k, payload_kind(k->req->payload), from, to);
}

static void temp_extension(const struct proc_check *k)
{
	const struct proc_case *c = k->c;
	struct date to;
	char s[11];

	if (c->temp_kind == TEMP_NONE || !date_valid(c->temp_from) || !date_valid(c->temp_to)) {
		proc_refuse(k->v, REASON_CASE_LACKS, NULL, _("period of the temporary transfer"));
		return;
	}
	if (!proc_payload_date(k->req->payload, "to_date", &to))
		return;
	/* An extension keeps the whole stay within the limits of its reason:
	 * beyond them the member transfers officially. */
	if (date_cmp(to, c->temp_to) <= 0) {
		date_format_vn(c->temp_to, s);
		proc_refuse(k->v, REASON_NOT_LATER, "payload.to_date", s);
		return;
	}
	check_duration(k, c->temp_kind, c->temp_from, to);
}

static void fee_period(const struct proc_check *k)
{
	char first[8], got[8];

	if (k->c->period.m < 1 || k->c->period.m > 12) {
		proc_refuse(k->v, REASON_CASE_LACKS, NULL, _("fee period"));
		return;
	}
	if (period_index(k->c->period) < period_index(fee_first_period)) {
		period_format_vn(fee_first_period, first);
		period_format_vn(k->c->period, got);
		proc_refuse(k->v, REASON_PERIOD_EARLY, NULL, first, got);
	}
}

static void not_own_account(const struct proc_check *k)
{
	if (k->subject_account && k->subject_account == k->actor->account_id)
		proc_refuse(k->v, REASON_OWN_ACCOUNT, NULL, k->action->name);
}

static void grant_in_scope(const struct proc_check *k)
{
	const cJSON *org = cJSON_GetObjectItemCaseSensitive(k->req->payload, "org");

	if (!cJSON_IsNumber(org) || org->valuedouble < 1 || org->valuedouble > 2147483647.0)
		return;   /* reported by the field check */
	if (!proc_actor_holds(k, ROLE_BIT(ROLE_ADMIN), (long)org->valuedouble))
		proc_refuse(k->v, REASON_GRANT_SCOPE, "payload.org");
}

static void (*const guards[GUARD_COUNT])(const struct proc_check *) = {
	[GUARD_NOT_UNDER_REVIEW] = not_under_review,
	[GUARD_FILE_IN_TIME] = file_in_time,
	[GUARD_PRESENT_IN_TIME] = present_in_time,
	[GUARD_TEMP_DURATION] = temp_duration,
	[GUARD_TEMP_EXTENSION] = temp_extension,
	[GUARD_FEE_PERIOD] = fee_period,
	[GUARD_NOT_OWN_ACCOUNT] = not_own_account,
	[GUARD_GRANT_IN_SCOPE] = grant_in_scope,
};

void proc_check_guards(const struct proc_check *k)
{
	int g;

	for (g = 0; g < GUARD_COUNT; g++)
		if (k->action->guards & (1u << g))
			guards[g](k);
}
